/**
 * Compare saved scenarios: check the sheet, run each scenario in the Web Worker one after the other
 * (progress, cancel = terminate), build the comparison; only "写入对比表" writes (情景对比 and each run's
 * stored result, the same steps as `parkplan compare`), and on the standalone page downloads the book.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { SimulationResult } from "../../../models/results.js";
import type { WorkbookPort } from "../../workbook/port.js";
import { runInWorker, SimulationCancelled, type WorkerRun } from "../../worker/client.js";
import { comparedFileName, type Host } from "../host.js";
import { COMPARE_IDLE, compareReducer } from "./compareState.js";
import { toPaneError } from "./paneError.js";

const service = () => import("../scenarioService.js");

export function useCompare(host: Host, port: WorkbookPort | null, sheet: string | null, fileName: string | null) {
  const [state, dispatch] = useReducer(compareReducer, COMPARE_IDLE);
  const current = useRef<WorkerRun | null>(null);
  const cancelled = useRef(false);

  useEffect(() => dispatch({ type: "reset" }), [port, sheet]);
  useEffect(() => () => current.current?.cancel(), []);

  const start = useCallback(
    async (scenarios: { name: string; scenario: Record<string, unknown> }[], baseline: number) => {
      if (!port || !sheet || scenarios.length < 2) return;
      cancelled.current = false;
      dispatch({ type: "start", names: scenarios.map((s) => s.name), baseline });
      try {
        const svc = await service();
        const input = await svc.prepareCompare(port, sheet);
        if (cancelled.current) return;
        dispatch({ type: "prepared", input });
        const results: SimulationResult[] = [];
        for (const { scenario } of scenarios) {
          const run = runInWorker({ platforms: input.platforms, scenario, baseYear: input.baseYear }, (done, total) => dispatch({ type: "progress", done, total }));
          current.current = run;
          const result = await run.result;
          results.push(result);
          dispatch({ type: "scenarioDone", result });
        }
        dispatch({ type: "compared", model: svc.compareModel(results, baseline) });
      } catch (err) {
        if (err instanceof SimulationCancelled || cancelled.current) dispatch({ type: "cancelled" });
        else dispatch({ type: "failed", error: toPaneError(err, "cmp.failed") });
      } finally {
        current.current = null;
      }
    },
    [port, sheet],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    if (current.current) current.current.cancel();
    else dispatch({ type: "cancelled" });
  }, []);

  const write = useCallback(async () => {
    const { results, input, baseline, model } = state;
    if (!port || !input || !model) return;
    dispatch({ type: "writeStart" });
    try {
      await (await service()).writeComparison(port, { results, input, baseline });
      let file: string | null = null;
      if (host.kind === "office") host.afterWrite?.();
      else {
        file = comparedFileName(fileName ?? "workbook.xlsx");
        await host.download(port, file);
      }
      dispatch({ type: "written", file });
    } catch (err) {
      dispatch({ type: "failed", error: toPaneError(err, "cmp.failed") });
    }
  }, [state, port, host, fileName]);

  return { state, start, cancel, write };
}
