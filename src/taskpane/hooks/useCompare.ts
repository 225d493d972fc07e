/**
 * Compare saved scenarios: check the sheet, run each scenario in the Web Worker one after the other
 * (progress, cancel = terminate), build the comparison; only "写入对比表" writes (情景对比 and each run's
 * stored result, the same steps as `parkplan compare`), and on the standalone page downloads the book.
 */
import { useCallback, useEffect, useReducer } from "react";
import type { SimulationResult } from "../../../models/results.js";
import type { WorkbookPort } from "../../workbook/port.js";
import type { SheetLanguage } from "../../workbook/results/language.js";
import { comparedFileName, type Host } from "../host.js";
import { COMPARE_IDLE, compareReducer } from "./compareState.js";
import { toPaneError } from "./paneError.js";
import { deliverWrite, useWorkerJob } from "./useWorkerJob.js";

const service = () => import("../scenarioService.js");

export function useCompare(host: Host, port: WorkbookPort | null, sheet: string | null, fileName: string | null, sheetLang: SheetLanguage) {
  const [state, dispatch] = useReducer(compareReducer, COMPARE_IDLE);
  const job = useWorkerJob(useCallback(() => dispatch({ type: "cancelled" }), []));

  useEffect(() => dispatch({ type: "reset" }), [port, sheet]);

  const start = useCallback(
    async (scenarios: { name: string; scenario: Record<string, unknown> }[], baseline: number) => {
      if (!port || !sheet || scenarios.length < 2) return;
      job.begin();
      dispatch({ type: "start", names: scenarios.map((s) => s.name), baseline });
      try {
        const svc = await service();
        const input = await svc.prepareCompare(port, sheet);
        if (job.isCancelled()) return;
        dispatch({ type: "prepared", input });
        const results: SimulationResult[] = [];
        for (const { scenario } of scenarios) {
          const at = svc.sheetForScenario(input, scenario);
          const result = await job.simulate({ platforms: at.platforms, scenario, baseYear: at.baseYear }, (done, total) =>
            dispatch({ type: "progress", done, total }),
          );
          results.push(result);
          dispatch({ type: "scenarioDone", result });
        }
        dispatch({ type: "compared", model: svc.compareModel(results, baseline) });
      } catch (err) {
        if (job.wasCancelled(err)) dispatch({ type: "cancelled" });
        else dispatch({ type: "failed", error: toPaneError(err, "cmp.failed") });
      }
    },
    [port, sheet, job],
  );

  const write = useCallback(async () => {
    const { results, input, baseline, model } = state;
    if (!port || !input || !model) return;
    dispatch({ type: "writeStart" });
    try {
      const outcome = await (await service()).writeComparison(port, { results, input, baseline, lang: sheetLang });
      const file = await deliverWrite(host, port, comparedFileName(fileName ?? "workbook.xlsx"));
      dispatch({ type: "written", sheets: [outcome.sheet.name], file, warnings: [] });
    } catch (err) {
      dispatch({ type: "failed", error: toPaneError(err, "cmp.failed") });
    }
  }, [state, port, host, fileName, sheetLang]);

  return { state, start, cancel: job.cancel, write };
}
