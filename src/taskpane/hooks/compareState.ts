/**
 * Comparing saved scenarios, a pane job (jobState.ts): idle → preparing → running (scenario by scenario in
 * the worker) → done → writing → written, or cancelled / failed. Besides the job's common state it holds
 * the scenario names and baseline (set at the start), the sheet read, each scenario's result as it
 * finishes and the comparison; a comparison is done only once every scenario has run. Pure, like runState.
 */
import type { SimulationResult } from "../../../models/results.js";
import type { ComparisonModel } from "../../compare/types.js";
import type { PlatformSheet } from "../../workbook/sheet/index.js";
import { isBusy, jobReducer, type JobAction, type JobCore, type JobPhase } from "./jobState.js";

export type ComparePhase = JobPhase;

export interface CompareState extends JobCore {
  /** Scenario names in column order. */
  names: string[];
  baseline: number;
  /** Index of the scenario running now; `progress` is its trials done of total. */
  index: number;
  input: PlatformSheet | null;
  results: SimulationResult[];
  model: ComparisonModel | null;
}

export type CompareAction =
  | { type: "start"; names: string[]; baseline: number }
  | { type: "prepared"; input: PlatformSheet }
  | { type: "scenarioDone"; result: SimulationResult }
  | { type: "compared"; model: ComparisonModel }
  | Extract<JobAction<CompareState>, { type: "progress" | "cancelled" | "failed" | "writeStart" | "written" | "reset" }>;

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

/** Preparing, running or writing: the compare and write buttons are off. */
export const isComparing: (phase: ComparePhase) => boolean = isBusy;

export function compareReducer(state: CompareState, action: CompareAction): CompareState {
  switch (action.type) {
    case "start":
      return { ...jobReducer(COMPARE_IDLE, state, { type: "start" }), names: action.names, baseline: action.baseline };
    case "prepared":
      return jobReducer(COMPARE_IDLE, state, { type: "running", with: { input: action.input, index: 0 } });
    case "scenarioDone":
      // The next scenario starts from 0 of unknown.
      return state.phase === "running"
        ? { ...state, results: [...state.results, action.result], index: state.index + 1, progress: { done: 0, total: 0 } }
        : state;
    case "compared":
      // The comparison waits for every scenario; done, the bar goes (no scenario runs).
      return state.results.length === state.names.length && state.phase === "running"
        ? { ...jobReducer(COMPARE_IDLE, state, { type: "finished", with: { model: action.model } }), progress: null }
        : state;
    default:
      return jobReducer(COMPARE_IDLE, state, action);
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
