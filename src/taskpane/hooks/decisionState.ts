/**
 * The life of a 决策 tool's job (jobState.ts, as a run's): idle → preparing → running → done → writing →
 * written, or cancelled / failed. One tool's result at a time; choosing another tool clears it.
 */
import type { DecisionOutcome, DecisionTool } from "../../worker/decisionProtocol.js";
import { isBusy, jobReducer, type JobCore, type WrittenWarning } from "./jobState.js";
import type { PaneError } from "./paneError.js";

export interface DecisionState extends JobCore {
  tool: DecisionTool;
  outcome: DecisionOutcome | null;
}

export type DecisionAction =
  | { type: "tool"; tool: DecisionTool }
  | { type: "start" }
  | { type: "running" }
  | { type: "progress"; done: number; total: number }
  | { type: "finished"; outcome: DecisionOutcome }
  | { type: "cancelled" }
  | { type: "failed"; error: PaneError }
  | { type: "writeStart" }
  | { type: "written"; sheets: string[]; file: string | null; warnings: WrittenWarning[] }
  | { type: "reset" };

export const decisionIdle = (tool: DecisionTool = "optimize"): DecisionState => ({
  tool,
  phase: "idle",
  progress: null,
  outcome: null,
  written: null,
  error: null,
});

export function decisionReducer(state: DecisionState, action: DecisionAction): DecisionState {
  switch (action.type) {
    case "tool":
      return isBusy(state.phase) || action.tool === state.tool ? state : decisionIdle(action.tool);
    case "finished":
      return jobReducer(decisionIdle(state.tool), state, { type: "finished", with: { outcome: action.outcome } });
    default:
      return jobReducer(decisionIdle(state.tool), state, action);
  }
}
