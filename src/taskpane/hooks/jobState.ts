/**
 * The life of a pane job (a run, a 决策 tool) as a reducer: idle → preparing → running → done → writing →
 * written, or cancelled / failed from any working phase. What a job holds besides (a run's input and
 * result, a tool's outcome) rides in `with` patches of the `running` and `finished` actions; everything
 * else is common. Pure, so every transition is unit-tested without a browser.
 */
import type { PaneError } from "./paneError.js";

/** A warning of the write (a reference into a reshaped result sheet …), in both languages. */
export interface WrittenWarning {
  zh: string;
  en: string;
}

export type JobPhase = "idle" | "preparing" | "running" | "done" | "writing" | "written" | "cancelled" | "failed";

/** What every job's state has. */
export interface JobCore {
  phase: JobPhase;
  progress: { done: number; total: number } | null;
  /** Sheets written (and the file downloaded) by the last write. */
  written: { sheets: string[]; file: string | null; warnings: WrittenWarning[] } | null;
  error: PaneError | null;
}

export type JobAction<S extends JobCore> =
  | { type: "start" }
  /** Prepared: the engine works now (progress from 0 of unknown). */
  | { type: "running"; with?: Partial<Omit<S, keyof JobCore>> }
  | { type: "progress"; done: number; total: number }
  | { type: "finished"; with: Partial<Omit<S, keyof JobCore>> }
  | { type: "cancelled" }
  | { type: "failed"; error: PaneError }
  | { type: "writeStart" }
  | { type: "written"; sheets: string[]; file: string | null; warnings: WrittenWarning[] }
  | { type: "reset" };

/** Phases in which the engine or a write is working: run and write buttons are off. */
export const isBusy = (phase: JobPhase): boolean => phase === "preparing" || phase === "running" || phase === "writing";

/** The next state of a job whose idle state is `idle`. */
export function jobReducer<S extends JobCore>(idle: S, state: S, action: JobAction<S>): S {
  switch (action.type) {
    case "start":
      return { ...idle, phase: "preparing" };
    case "running":
      return state.phase === "preparing" ? { ...state, ...action.with, phase: "running", progress: { done: 0, total: 0 } } : state;
    case "progress":
      return state.phase === "running" ? { ...state, progress: { done: action.done, total: action.total } } : state;
    case "finished":
      return state.phase === "running" ? { ...state, ...action.with, phase: "done" } : state;
    case "cancelled":
      return state.phase === "preparing" || state.phase === "running" ? { ...idle, phase: "cancelled" } : state;
    case "failed":
      // A failed write keeps the result on screen so the user can try again.
      return state.phase === "writing"
        ? { ...state, phase: "done", error: action.error }
        : { ...idle, phase: "failed", error: action.error };
    case "writeStart":
      return state.phase === "done" || state.phase === "written" ? { ...state, phase: "writing", error: null } : state;
    case "written":
      return state.phase === "writing"
        ? { ...state, phase: "written", written: { sheets: action.sheets, file: action.file, warnings: action.warnings } }
        : state;
    case "reset":
      return isBusy(state.phase) ? state : idle;
  }
}

/** The pane's progress bar value in [0, 1], or undefined for an indeterminate bar. */
export function progressValue(state: Pick<JobCore, "progress">): number | undefined {
  const p = state.progress;
  return p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
}
