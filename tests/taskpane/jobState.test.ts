/** The shared job reducer (runState and decisionState build on it): a job of its own payload, each transition. */
import { describe, expect, test } from "vitest";
import { jobReducer, type JobAction, type JobCore } from "../../src/taskpane/hooks/jobState.js";

interface Job extends JobCore {
  label: string;
  answer: number | null;
}
const idle: Job = { phase: "idle", progress: null, written: null, error: null, label: "idle", answer: null };
const run = (actions: JobAction<Job>[], from: Job = idle) => actions.reduce((s, a) => jobReducer(idle, s, a), from);
const error = { heading: "run.failed" as const, problems: [{ zh: "坏", en: "bad" }] };

describe("jobReducer", () => {
  test("start from any state begins from idle; running takes its patch and counts from 0; finished adds its own", () => {
    const done = run([{ type: "start" }, { type: "running", with: { label: "ran" } }, { type: "progress", done: 3, total: 9 }]);
    expect(done).toEqual({ ...idle, phase: "running", label: "ran", progress: { done: 3, total: 9 } });
    const finished = jobReducer(idle, done, { type: "finished", with: { answer: 42 } });
    expect([finished.phase, finished.label, finished.answer, finished.progress]).toEqual(["done", "ran", 42, { done: 3, total: 9 }]);
    expect(jobReducer(idle, { ...finished, error }, { type: "start" })).toEqual({ ...idle, phase: "preparing" });
  });

  test("progress and finished count only while running; running only after preparing", () => {
    expect(run([{ type: "progress", done: 1, total: 2 }])).toBe(idle);
    expect(run([{ type: "finished", with: { answer: 1 } }])).toBe(idle);
    const cancelled = run([{ type: "start" }, { type: "cancelled" }]);
    expect(cancelled).toEqual({ ...idle, phase: "cancelled" });
    expect(run([{ type: "running" }, { type: "finished", with: { answer: 1 } }], cancelled)).toBe(cancelled);
  });

  test("a failed job drops its payload; a failed write keeps it; written records the sheets; reset never while busy", () => {
    const done = run([{ type: "start" }, { type: "running" }, { type: "finished", with: { answer: 7 } }]);
    expect(run([{ type: "start" }, { type: "failed", error }])).toEqual({ ...idle, phase: "failed", error });
    const writing = jobReducer(idle, done, { type: "writeStart" });
    expect(jobReducer(idle, writing, { type: "reset" })).toBe(writing);
    expect(jobReducer(idle, writing, { type: "failed", error })).toEqual({ ...done, phase: "done", error });
    const written = jobReducer(idle, writing, { type: "written", sheets: ["反推"], file: "a.xlsx", warnings: [] });
    expect([written.phase, written.answer, written.written]).toEqual(["written", 7, { sheets: ["反推"], file: "a.xlsx", warnings: [] }]);
    expect(jobReducer(idle, written, { type: "reset" })).toBe(idle);
  });
});
