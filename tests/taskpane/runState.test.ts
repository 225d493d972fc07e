import { describe, expect, test } from "vitest";
import type { SimulationResult } from "../../models/results.js";
import { IDLE, isBusy, progressValue, runReducer, type RunAction, type RunState } from "../../src/taskpane/hooks/runState.js";
import type { PlatformSheet } from "../../src/workbook/sheet/index.js";

const input = { sheet: "平台", platforms: [] } as unknown as PlatformSheet;
const result = { targets: [] } as unknown as SimulationResult;
const error = { heading: "run.failed" as const, problems: [{ zh: "坏", en: "bad" }] };
const run = (...actions: RunAction[]): RunState => actions.reduce(runReducer, IDLE);
const t0 = new Date(Date.UTC(2024, 0, 1, 8));
const t1 = new Date(Date.UTC(2024, 0, 1, 8, 0, 3));

describe("runReducer", () => {
  test("a run goes idle → preparing → running → done → writing → written, keeping input, result and times", () => {
    const done = run(
      { type: "start" },
      { type: "prepared", input, startedAt: t0 },
      { type: "progress", done: 50, total: 200 },
      { type: "finished", result, finishedAt: t1 },
    );
    expect(done).toMatchObject({ phase: "done", input, result, startedAt: t0, finishedAt: t1, progress: { done: 50, total: 200 } });
    const actions: RunAction[] = [
      { type: "writeStart" },
      {
        type: "written",
        sheets: ["预测", "达标"],
        file: "a-projected.xlsx",
        warnings: [{ zh: "打印设置未应用", en: "print setup not applied" }],
      },
    ];
    const written = actions.reduce(runReducer, done);
    expect(written).toMatchObject({
      phase: "written",
      result,
      written: { sheets: ["预测", "达标"], file: "a-projected.xlsx", warnings: [{ zh: "打印设置未应用", en: "print setup not applied" }] },
    });
  });

  test("cancel while preparing or running drops everything; after the result it is ignored", () => {
    expect(run({ type: "start" }, { type: "cancelled" })).toEqual({ ...IDLE, phase: "cancelled" });
    expect(run({ type: "start" }, { type: "prepared", input, startedAt: t0 }, { type: "cancelled" })).toEqual({
      ...IDLE,
      phase: "cancelled",
    });
    const done = run({ type: "start" }, { type: "prepared", input, startedAt: t0 }, { type: "finished", result, finishedAt: t1 });
    expect(runReducer(done, { type: "cancelled" })).toBe(done);
  });

  test("a late progress or result after a cancel does not bring the run back", () => {
    const cancelled = run({ type: "start" }, { type: "prepared", input, startedAt: t0 }, { type: "cancelled" });
    expect(runReducer(cancelled, { type: "progress", done: 10, total: 20 })).toBe(cancelled);
    expect(runReducer(cancelled, { type: "finished", result, finishedAt: t1 })).toBe(cancelled);
  });

  test("a failed run shows its error with no result; a failed write keeps the result to try again", () => {
    expect(run({ type: "start" }, { type: "failed", error })).toEqual({ ...IDLE, phase: "failed", error });
    const failedWrite = run(
      { type: "start" },
      { type: "prepared", input, startedAt: t0 },
      { type: "finished", result, finishedAt: t1 },
      { type: "writeStart" },
      { type: "failed", error },
    );
    expect(failedWrite).toMatchObject({ phase: "done", result, error });
    expect(runReducer(failedWrite, { type: "writeStart" })).toMatchObject({ phase: "writing", error: null });
  });

  test("writing needs a result; reset clears a finished run but never a working one", () => {
    expect(run({ type: "writeStart" })).toBe(IDLE);
    const running = run({ type: "start" }, { type: "prepared", input, startedAt: t0 });
    expect(runReducer(running, { type: "reset" })).toBe(running);
    expect(runReducer(run({ type: "start" }, { type: "failed", error }), { type: "reset" })).toBe(IDLE);
  });
});

describe("isBusy and progressValue", () => {
  test("busy while preparing, running or writing", () => {
    expect((["idle", "preparing", "running", "done", "writing", "written", "cancelled", "failed"] as const).filter(isBusy)).toEqual([
      "preparing",
      "running",
      "writing",
    ]);
  });

  test("progress as a fraction; indeterminate before the first report or without trials", () => {
    expect(progressValue({ progress: { done: 50, total: 200 } })).toBe(0.25);
    expect(progressValue({ progress: { done: 0, total: 0 } })).toBeUndefined();
    expect(progressValue({ progress: null })).toBeUndefined();
    expect(progressValue({ progress: { done: 7, total: 5 } })).toBe(1);
  });
});
