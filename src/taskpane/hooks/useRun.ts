/**
 * Run a scenario: the pipeline's prepare step, the engine in a Web Worker, then (on request) the
 * pipeline's finish step writing the result sheets. Cancel terminates the worker; nothing has been
 * written by then, so the workbook stays as it was.
 */
import { useCallback, useEffect, useReducer } from "react";
import type { WorkbookPort } from "../../workbook/port.js";
import type { SheetLanguage } from "../../workbook/results/language.js";
import { projectedFileName, type Host } from "../host.js";
import { toPaneError } from "./paneError.js";
import { IDLE, runReducer } from "./runState.js";
import { deliverWrite, useWorkerJob } from "./useWorkerJob.js";

const service = () => import("../workbookService.js");

/** `sheetLang`: the language the result sheets are written in (中英 on screen, 中文 or English to print). */
export function useRun(host: Host, port: WorkbookPort | null, sheet: string | null, fileName: string | null, sheetLang: SheetLanguage) {
  const [state, dispatch] = useReducer(runReducer, IDLE);
  const job = useWorkerJob(useCallback(() => dispatch({ type: "cancelled" }), []));

  // A new workbook or sheet makes the old result meaningless.
  useEffect(() => dispatch({ type: "reset" }), [port, sheet]);

  const start = useCallback(
    async (scenario: Record<string, unknown>) => {
      if (!port || !sheet) return;
      job.begin();
      dispatch({ type: "start" });
      try {
        const input = await (await service()).prepare(port, sheet, scenario);
        if (job.isCancelled()) return;
        dispatch({ type: "prepared", input, startedAt: new Date() });
        const result = await job.simulate({ platforms: input.platforms, scenario, baseYear: input.baseYear }, (done, total) =>
          dispatch({ type: "progress", done, total }),
        );
        dispatch({ type: "finished", result, finishedAt: new Date() });
      } catch (err) {
        if (job.wasCancelled(err)) dispatch({ type: "cancelled" });
        else dispatch({ type: "failed", error: toPaneError(err) });
      }
    },
    [port, sheet, job],
  );

  const write = useCallback(async () => {
    const { result, input, startedAt, finishedAt } = state;
    if (!port || !result || !input || !startedAt || !finishedAt) return;
    dispatch({ type: "writeStart" });
    try {
      const outcome = await (await service()).finish(port, { result, input, inputFile: fileName, startedAt, finishedAt, lang: sheetLang });
      const file = await deliverWrite(host, port, projectedFileName(fileName ?? "workbook.xlsx"));
      const warnings = outcome.writeWarnings.map(({ zh, en }) => ({ zh, en }));
      dispatch({ type: "written", sheets: outcome.sheets.map((s) => s.name), file, warnings });
    } catch (err) {
      dispatch({ type: "failed", error: toPaneError(err) });
    }
  }, [state, port, host, fileName, sheetLang]);

  return { state, start, cancel: job.cancel, write };
}
