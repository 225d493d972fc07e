/**
 * The life of a run (jobState.ts): idle → preparing → running → done → writing → written, or cancelled
 * / failed from any working phase; a run holds its input, result and times.
 */
import type { SimulationResult } from "../../../models/results.js";
import type { PlatformSheet } from "../../workbook/sheet/index.js";
import { jobReducer, type JobCore, type JobPhase, type WrittenWarning } from "./jobState.js";
import type { PaneError } from "./paneError.js";

export { isBusy, progressValue, type WrittenWarning } from "./jobState.js";

export type RunPhase = JobPhase;

export interface RunState extends JobCore {
  input: PlatformSheet | null;
  result: SimulationResult | null;
  startedAt: Date | null;
  finishedAt: Date | null;
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

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case "prepared":
      return jobReducer(IDLE, state, { type: "running", with: { input: action.input, startedAt: action.startedAt } });
    case "finished":
      return jobReducer(IDLE, state, { type: "finished", with: { result: action.result, finishedAt: action.finishedAt } });
    default:
      return jobReducer(IDLE, state, action);
  }
}
