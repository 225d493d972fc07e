/**
 * Comparing saved scenarios as a reducer: idle → preparing → running (scenario by scenario in the worker)
 * → done → writing → written, or cancelled / failed. Pure, like runState.
 */
import type { SimulationResult } from "../../../models/results.js";
import type { ComparisonModel } from "../../compare/types.js";
import type { PlatformSheet } from "../../workbook/sheet/index.js";
import type { PaneError } from "./paneError.js";

export type ComparePhase = "idle" | "preparing" | "running" | "done" | "writing" | "written" | "cancelled" | "failed";

export interface CompareState {
  phase: ComparePhase;
  /** Scenario names in column order. */
  names: string[];
  baseline: number;
  /** Index of the scenario running now; its trials done of total. */
  index: number;
  progress: { done: number; total: number } | null;
  input: PlatformSheet | null;
  results: SimulationResult[];
  model: ComparisonModel | null;
  /** After a write: the file downloaded (standalone page) or null (Excel). */
  written: { file: string | null } | null;
  error: PaneError | null;
}

export type CompareAction =
  | { type: "start"; names: string[]; baseline: number }
  | { type: "prepared"; input: PlatformSheet }
  | { type: "progress"; done: number; total: number }
  | { type: "scenarioDone"; result: SimulationResult }
  | { type: "compared"; model: ComparisonModel }
  | { type: "cancelled" }
  | { type: "failed"; error: PaneError }
  | { type: "writeStart" }
  | { type: "written"; file: string | null }
  | { type: "reset" };

export const COMPARE_IDLE: CompareState = {
  phase: "idle",
  names: [],
  baseline: 0,
  index: 0,
  progress: null,
  input: null,
  results: [],
  model: null,
  written: null,
  error: null,
};

export const isComparing = (phase: ComparePhase): boolean => phase === "preparing" || phase === "running" || phase === "writing";

export function compareReducer(state: CompareState, action: CompareAction): CompareState {
  switch (action.type) {
    case "start":
      return { ...COMPARE_IDLE, phase: "preparing", names: action.names, baseline: action.baseline };
    case "prepared":
      return state.phase === "preparing"
        ? { ...state, phase: "running", input: action.input, index: 0, progress: { done: 0, total: 0 } }
        : state;
    case "progress":
      return state.phase === "running" ? { ...state, progress: { done: action.done, total: action.total } } : state;
    case "scenarioDone":
      return state.phase === "running"
        ? { ...state, results: [...state.results, action.result], index: state.index + 1, progress: { done: 0, total: 0 } }
        : state;
    case "compared":
      return state.phase === "running" && state.results.length === state.names.length
        ? { ...state, phase: "done", model: action.model, progress: null }
        : state;
    case "cancelled":
      return state.phase === "preparing" || state.phase === "running" ? { ...COMPARE_IDLE, phase: "cancelled" } : state;
    case "failed":
      // A failed write keeps the comparison on screen so the user can try again.
      return state.phase === "writing"
        ? { ...state, phase: "done", error: action.error }
        : { ...COMPARE_IDLE, phase: "failed", error: action.error };
    case "writeStart":
      return state.phase === "done" || state.phase === "written" ? { ...state, phase: "writing", error: null } : state;
    case "written":
      return state.phase === "writing" ? { ...state, phase: "written", written: { file: action.file } } : state;
    case "reset":
      return isComparing(state.phase) ? state : COMPARE_IDLE;
  }
}

/** Overall progress in [0, 1]: finished scenarios plus the running one's share; undefined while unknown. */
export function compareProgress(state: Pick<CompareState, "names" | "index" | "progress">): number | undefined {
  const n = state.names.length;
  if (n === 0) return undefined;
  const p = state.progress;
  const share = p && p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.min(1, (state.index + share) / n);
}
