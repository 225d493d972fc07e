import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import type { SimulationResult } from "../../models/results.js";
import { compareResults } from "../../src/compare/compareResults.js";
import {
  COMPARE_IDLE,
  compareProgress,
  compareReducer,
  type CompareAction,
  type CompareState,
} from "../../src/taskpane/hooks/compareState.js";
import { compareView } from "../../src/taskpane/hooks/compareView.js";
import { readPlatformSheet, type PlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, PLAIN, platformGrid } from "../compare/fixture.js";

const input = readPlatformSheet(platformGrid());
const run = (s: object): SimulationResult => simulate(input.platforms, s, { baseYear: 2019 });
const base = run(BASE);
const merit = run(MERIT);

describe("compareView", () => {
  const model = compareResults(
    [
      { name: "基准", result: base },
      { name: "亩均", result: merit },
    ],
    0,
  );
  const view = compareView(model);

  test("the last year's region output with P10–P90, the two platform counts, energy use, then every target", () => {
    expect(view.scenarios).toEqual(["基准", "亩均"]);
    expect(view.year).toBe(2022);
    const targetKeys = model.rows.filter((r) => r.kind === "target-count").map((r) => r.key);
    expect(targetKeys.length).toBeGreaterThan(0);
    expect(view.rows.map((r) => r.key)).toEqual([
      "output@2022",
      "platforms1000@2022",
      "platformsPerMu500@2022",
      "energy@2022",
      ...targetKeys,
    ]);
  });

  test("cells show the model's numbers; differences only in the other columns", () => {
    const row = model.rows.find((r) => r.key === "output@2022")!;
    const [b, m] = view.rows[0].cells;
    expect(b).toEqual({
      text: row.cells[0].value!.toFixed(2),
      detail: `${row.cells[0].p10!.toFixed(2)}–${row.cells[0].p90!.toFixed(2)}`,
      diff: null,
      improvement: "same",
    });
    const d = row.cells[1].diff!;
    expect(m.diff).toBe(`${d > 0 ? "+" : ""}${d.toFixed(2)}`);
    expect(m.text).toBe(row.cells[1].value!.toFixed(2));
    const target = model.rows.find((r) => r.kind === "target-count")!;
    const tv = view.rows.find((r) => r.key === target.key)!.cells[1];
    expect(tv.text).toBe(`${(target.cells[1].probability! * 100).toFixed(1)}%`);
    expect(tv.detail).toBe(`${target.cells[1].value}/${target.cells[1].of}`);
    expect(tv.diff).toMatch(/ pp$/);
  });

  test("differences are judged by direction: more energy use than the baseline is worse, more output better", () => {
    const energy = model.rows.find((r) => r.key === "energy@2022")!.cells[1];
    const output = model.rows.find((r) => r.key === "output@2022")!.cells[1];
    // The faster-growing 亩均 scenario produces more and uses more energy (from the runs, not assumed).
    expect(energy.diff).toBeGreaterThan(0.005);
    expect(output.diff).toBeGreaterThan(0.005);
    const cells = (key: string) => view.rows.find((r) => r.key === key)!.cells;
    expect(cells("energy@2022")[1]).toMatchObject({ diff: `+${energy.diff!.toFixed(2)}`, improvement: "worse" });
    expect(cells("output@2022")[1]).toMatchObject({ diff: `+${output.diff!.toFixed(2)}`, improvement: "better" });
    expect(cells("energy@2022")[0].improvement).toBe("same");
    const target = model.rows.find((r) => r.kind === "target-count" && r.cells[1].diffProbability !== null)!;
    const p = target.cells[1].diffProbability!;
    expect(cells(target.key)[1].improvement).toBe(Math.abs(p) < 0.0005 ? "same" : p > 0 ? "better" : "worse");
  });

  test("without Monte Carlo a target shows met / evaluable and no range", () => {
    const plain = compareView(
      compareResults(
        [
          { name: "确定性", result: run(PLAIN) },
          { name: "基准", result: base },
        ],
        1,
      ),
    );
    const cell = plain.rows.find((r) => r.key.startsWith("target:"))!.cells[0];
    expect(cell.text).toMatch(/^\d+\/\d+$/);
    expect(cell.detail).toBeNull();
    expect(plain.rows[0].cells[0].detail).toBeNull();
  });
});

describe("compareReducer", () => {
  const play = (...actions: CompareAction[]): CompareState => actions.reduce(compareReducer, COMPARE_IDLE);
  const sheet = input as PlatformSheet;
  const model = compareResults(
    [
      { name: "基准", result: base },
      { name: "亩均", result: merit },
    ],
    1,
  );

  test("scenario by scenario, then the comparison, then the write", () => {
    let s = play(
      { type: "start", names: ["基准", "亩均"], baseline: 1 },
      { type: "prepared", input: sheet },
      { type: "progress", done: 20, total: 40 },
    );
    expect(compareProgress(s)).toBe(0.25);
    s = (
      [
        { type: "scenarioDone", result: base },
        { type: "progress", done: 40, total: 40 },
      ] as CompareAction[]
    ).reduce(compareReducer, s);
    expect(s).toMatchObject({ phase: "running", index: 1 });
    expect(compareProgress(s)).toBe(1);
    // The comparison waits for every run.
    expect(compareReducer(s, { type: "compared", model }).phase).toBe("running");
    s = compareReducer(compareReducer(s, { type: "scenarioDone", result: merit }), { type: "compared", model });
    expect(s).toMatchObject({ phase: "done", baseline: 1, results: [base, merit], model, progress: null });
    // A second comparison of the same run changes nothing (the job is done).
    expect(compareReducer(s, { type: "compared", model })).toBe(s);
    const written = (
      [{ type: "writeStart" }, { type: "written", sheets: ["情景对比"], file: "a-compared.xlsx", warnings: [] }] as CompareAction[]
    ).reduce(compareReducer, s);
    expect(written).toMatchObject({ phase: "written", written: { sheets: ["情景对比"], file: "a-compared.xlsx", warnings: [] }, model });
    // Written again (another write of the same comparison) goes through writing once more.
    expect(compareReducer(written, { type: "writeStart" })).toMatchObject({ phase: "writing", error: null, model });
  });

  test("the job's life as jobState has it: a start while working restarts, progress only while running, a result only while running", () => {
    const preparing = play({ type: "start", names: ["a", "b"], baseline: 1 });
    expect(preparing).toEqual({ ...COMPARE_IDLE, phase: "preparing", names: ["a", "b"], baseline: 1 });
    expect(compareReducer(preparing, { type: "progress", done: 1, total: 2 })).toBe(preparing);
    expect(compareReducer(preparing, { type: "scenarioDone", result: base })).toBe(preparing);
    const running = compareReducer(preparing, { type: "prepared", input: sheet });
    expect(running).toMatchObject({ phase: "running", input: sheet, index: 0, progress: { done: 0, total: 0 } });
    expect(compareReducer(running, { type: "prepared", input: sheet })).toBe(running);
    const next = compareReducer(compareReducer(running, { type: "progress", done: 5, total: 10 }), { type: "scenarioDone", result: base });
    expect(next).toMatchObject({ index: 1, results: [base], progress: { done: 0, total: 0 } });
    expect(compareReducer(next, { type: "start", names: ["c", "d", "e"], baseline: 0 })).toEqual({
      ...COMPARE_IDLE,
      phase: "preparing",
      names: ["c", "d", "e"],
      baseline: 0,
    });
    expect(compareReducer(COMPARE_IDLE, { type: "writeStart" })).toBe(COMPARE_IDLE);
  });

  test("cancel clears everything; a failed write keeps the comparison; reset waits for the work to end", () => {
    const running = play({ type: "start", names: ["a", "b"], baseline: 0 }, { type: "prepared", input: sheet });
    expect(compareReducer(running, { type: "cancelled" })).toEqual({ ...COMPARE_IDLE, phase: "cancelled" });
    expect(compareReducer(running, { type: "reset" })).toBe(running);
    const error = { heading: "cmp.failed" as const, problems: [{ zh: "坏", en: "bad" }] };
    const done: CompareState = { ...running, phase: "done", model, results: [base, merit] };
    const failed = compareReducer(compareReducer(done, { type: "writeStart" }), { type: "failed", error });
    expect(failed).toMatchObject({ phase: "done", model, error });
    expect(compareReducer(running, { type: "failed", error })).toEqual({ ...COMPARE_IDLE, phase: "failed", error });
  });
});
