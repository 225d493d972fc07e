/**
 * Run a scenario: the pipeline's prepare step, the engine in a Web Worker, then (on request) the
 * pipeline's finish step writing the result sheets. Cancel terminates the worker; nothing has been
 * written by then, so the workbook stays as it was.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { WorkbookPort } from "../../workbook/port.js";
import { runInWorker, SimulationCancelled, type WorkerRun } from "../../worker/client.js";
import { projectedFileName, type Host } from "../host.js";
import { toPaneError } from "./paneError.js";
import { IDLE, runReducer } from "./runState.js";

const service = () => import("../workbookService.js");

export function useRun(host: Host, port: WorkbookPort | null, sheet: string | null, fileName: string | null) {
  const [state, dispatch] = useReducer(runReducer, IDLE);
  const current = useRef<WorkerRun | null>(null);
  const cancelled = useRef(false);

  // A new workbook or sheet makes the old result meaningless.
  useEffect(() => dispatch({ type: "reset" }), [port, sheet]);
  // Leaving the pane mid-run must not leave a worker spinning.
  useEffect(() => () => current.current?.cancel(), []);

  const start = useCallback(
    async (scenario: Record<string, unknown>) => {
      if (!port || !sheet) return;
      cancelled.current = false;
      dispatch({ type: "start" });
      try {
        const input = await (await service()).prepare(port, sheet);
        if (cancelled.current) return;
        dispatch({ type: "prepared", input, startedAt: new Date() });
        const run = runInWorker({ platforms: input.platforms, scenario, baseYear: input.baseYear }, (done, total) => dispatch({ type: "progress", done, total }));
        current.current = run;
        const result = await run.result;
        dispatch({ type: "finished", result, finishedAt: new Date() });
      } catch (err) {
        if (err instanceof SimulationCancelled || cancelled.current) dispatch({ type: "cancelled" });
        else dispatch({ type: "failed", error: toPaneError(err) });
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
    const { result, input, startedAt, finishedAt } = state;
    if (!port || !result || !input || !startedAt || !finishedAt) return;
    dispatch({ type: "writeStart" });
    try {
      const outcome = await (await service()).finish(port, { result, input, inputFile: fileName, startedAt, finishedAt });
      let file: string | null = null;
      if (host.kind === "office") host.afterWrite?.();
      if (host.kind === "standalone") {
        file = projectedFileName(fileName ?? "workbook.xlsx");
        await host.download(port, file);
      }
      dispatch({ type: "written", sheets: outcome.sheets.map((s) => s.name), file });
    } catch (err) {
      dispatch({ type: "failed", error: toPaneError(err) });
    }
  }, [state, port, host, fileName]);

  return { state, start, cancel, write };
}
