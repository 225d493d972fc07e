/**
 * The life of a 决策 tool's job, as a reducer (like runState.ts): idle → preparing → running → done →
 * writing → written, or cancelled / failed. One tool's result at a time; choosing another tool clears it.
 */
import type { DecisionOutcome, DecisionTool } from "../../worker/decisionProtocol.js";
import type { PaneError } from "./paneError.js";
import { isBusy, type RunPhase, type WrittenWarning } from "./runState.js";

export interface DecisionState {
  tool: DecisionTool;
  phase: RunPhase;
  progress: { done: number; total: number } | null;
  outcome: DecisionOutcome | null;
  written: { sheets: string[]; file: string | null; warnings: WrittenWarning[] } | null;
  error: PaneError | null;
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
    case "start":
      return { ...decisionIdle(state.tool), phase: "preparing" };
    case "running":
      return state.phase === "preparing" ? { ...state, phase: "running", progress: { done: 0, total: 0 } } : state;
    case "progress":
      return state.phase === "running" ? { ...state, progress: { done: action.done, total: action.total } } : state;
    case "finished":
      return state.phase === "running" ? { ...state, phase: "done", outcome: action.outcome } : state;
    case "cancelled":
      return state.phase === "preparing" || state.phase === "running" ? { ...decisionIdle(state.tool), phase: "cancelled" } : state;
    case "failed":
      // A failed write keeps the result so the user can try again.
      return state.phase === "writing"
        ? { ...state, phase: "done", error: action.error }
        : { ...decisionIdle(state.tool), phase: "failed", error: action.error };
    case "writeStart":
      return state.phase === "done" || state.phase === "written" ? { ...state, phase: "writing", error: null } : state;
    case "written":
      return state.phase === "writing"
        ? { ...state, phase: "written", written: { sheets: action.sheets, file: action.file, warnings: action.warnings } }
        : state;
    case "reset":
      return isBusy(state.phase) ? state : decisionIdle(state.tool);
  }
}
