/**
 * The 决策 section's jobs: prepare the platforms (the pipeline's prepare step), run the chosen tool on the
 * pane's worker pool with progress (decisionClient.ts), cancel by terminating its workers, and on request
 * write the tool's sheet (workbookService.ts) and deliver it as a run's write is (Excel: functions
 * re-read; page: download).
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { WorkbookPort } from "../../workbook/port.js";
import type { SheetLanguage } from "../../workbook/results/language.js";
import type { PlatformSheet } from "../../workbook/sheet/index.js";
import { SimulationCancelled } from "../../worker/client.js";
import { startDecision, type DecisionRun } from "../../worker/decisionClient.js";
import type { DecisionParams, DecisionTool } from "../../worker/decisionProtocol.js";
import { projectedFileName, type Host } from "../host.js";
import { decisionIdle, decisionReducer } from "./decisionState.js";
import { toPaneError } from "./paneError.js";
import { deliverWrite } from "./useWorkerJob.js";

const service = () => import("../workbookService.js");

/** `sheetLang`: the language the tool's sheet is built in (when the tool runs: the worker builds it). */
export function useDecisions(
  host: Host,
  port: WorkbookPort | null,
  sheet: string | null,
  fileName: string | null,
  sheetLang: SheetLanguage,
) {
  const [state, dispatch] = useReducer(decisionReducer, undefined, () => decisionIdle());
  const current = useRef<DecisionRun | null>(null);
  const cancelled = useRef(false);
  /** The sheet the last tool ran on (its input hash and name go into a stored optimal run). */
  const input = useRef<PlatformSheet | null>(null);
  useEffect(() => () => current.current?.cancel(), []);
  useEffect(() => dispatch({ type: "reset" }), [port, sheet]);

  const chooseTool = useCallback((tool: DecisionTool) => dispatch({ type: "tool", tool }), []);

  const start = useCallback(
    async (scenario: Record<string, unknown>, params: DecisionParams) => {
      if (!port || !sheet) return;
      cancelled.current = false;
      dispatch({ type: "start" });
      try {
        const prepared = await (await service()).prepareDecision(port, sheet, scenario);
        input.current = prepared;
        if (cancelled.current) return;
        dispatch({ type: "running" });
        const job = startDecision(
          { platforms: prepared.platforms, baseYear: prepared.baseYear, scenario, params, lang: sheetLang },
          (done, total) => dispatch({ type: "progress", done, total }),
        );
        current.current = job;
        const outcome = await job.result.finally(() => (current.current = null));
        dispatch({ type: "finished", outcome });
      } catch (err) {
        if (err instanceof SimulationCancelled || cancelled.current) dispatch({ type: "cancelled" });
        else dispatch({ type: "failed", error: toPaneError(err, "decision.failed") });
      }
    },
    [port, sheet, sheetLang],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    if (current.current) current.current.cancel();
    else dispatch({ type: "cancelled" });
  }, []);

  const write = useCallback(async () => {
    const spec = state.outcome?.sheet;
    if (!port || !spec) return;
    const optimalRun = state.outcome?.optimalRun;
    const optimal = optimalRun && input.current ? { run: optimalRun, input: input.current } : undefined;
    dispatch({ type: "writeStart" });
    try {
      const { sheets, warnings } = await (await service()).writeDecisionSheet(port, spec, optimal);
      const file = await deliverWrite(host, port, projectedFileName(fileName ?? "workbook.xlsx"));
      dispatch({ type: "written", sheets, file, warnings: warnings.map(({ zh, en }) => ({ zh, en })) });
    } catch (err) {
      dispatch({ type: "failed", error: toPaneError(err, "decision.writeFailed") });
    }
  }, [state.outcome, port, host, fileName]);

  return { state, chooseTool, start, cancel, write };
}
