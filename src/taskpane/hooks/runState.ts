/**
 * The life of a run as a reducer: idle → preparing → running → done → writing → written, or cancelled
 * / failed from any working phase. Pure, so every transition is unit-tested without a browser.
 */
import type { SimulationResult } from "../../../models/results.js";
import type { PlatformSheet } from "../../workbook/sheet/index.js";
import type { PaneError } from "./paneError.js";

/** A warning of the write (a reference into a reshaped result sheet …), in both languages. */
export interface WrittenWarning {
  zh: string;
  en: string;
}

export type RunPhase = "idle" | "preparing" | "running" | "done" | "writing" | "written" | "cancelled" | "failed";

export interface RunState {
  phase: RunPhase;
  progress: { done: number; total: number } | null;
  input: PlatformSheet | null;
  result: SimulationResult | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Sheets written (and the file downloaded) by the last write. */
  written: { sheets: string[]; file: string | null; warnings: WrittenWarning[] } | null;
  error: PaneError | null;
}

export type RunAction =
  | { type: "start" }
  | { type: "prepared"; input: PlatformSheet; startedAt: Date }
  | { type: "progress"; done: number; total: number }
  | { type: "finished"; result: SimulationResult; finishedAt: Date }
  | { type: "cancelled" }
  | { type: "failed"; error: PaneError }
  | { type: "writeStart" }
  | { type: "written"; sheets: string[]; file: string | null; warnings: WrittenWarning[] }
  | { type: "reset" };

export const IDLE: RunState = {
  phase: "idle",
  progress: null,
  input: null,
  result: null,
  startedAt: null,
  finishedAt: null,
  written: null,
  error: null,
};

/** Phases in which the engine or a write is working: run and write buttons are off. */
export const isBusy = (phase: RunPhase): boolean => phase === "preparing" || phase === "running" || phase === "writing";

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case "start":
      return { ...IDLE, phase: "preparing" };
    case "prepared":
      return state.phase === "preparing"
        ? { ...state, phase: "running", input: action.input, startedAt: action.startedAt, progress: { done: 0, total: 0 } }
        : state;
    case "progress":
      return state.phase === "running" ? { ...state, progress: { done: action.done, total: action.total } } : state;
    case "finished":
      return state.phase === "running" ? { ...state, phase: "done", result: action.result, finishedAt: action.finishedAt } : state;
    case "cancelled":
      return state.phase === "preparing" || state.phase === "running" ? { ...IDLE, phase: "cancelled" } : state;
    case "failed":
      // A failed write keeps the result on screen so the user can try again.
      return state.phase === "writing"
        ? { ...state, phase: "done", error: action.error }
        : { ...IDLE, phase: "failed", error: action.error };
    case "writeStart":
      return state.phase === "done" || state.phase === "written" ? { ...state, phase: "writing", error: null } : state;
    case "written":
      return state.phase === "writing"
        ? { ...state, phase: "written", written: { sheets: action.sheets, file: action.file, warnings: action.warnings } }
        : state;
    case "reset":
      return isBusy(state.phase) ? state : IDLE;
  }
}

/** The pane's progress bar value in [0, 1], or undefined for an indeterminate bar. */
export function progressValue(state: Pick<RunState, "progress">): number | undefined {
  const p = state.progress;
  return p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
}
