/**
 * 敏感性's two-way table in the pane (hooks/decisionView.ts twoWayView, hooks/decisionChoices.ts): a grid
 * small enough to compute by hand (one figure that only growth's mean moves: 100·(1+μ)³ along the rows,
 * the same across the columns), and the 嘉兴 sample, where the pane's tool (the worker's runDecision, in
 * this thread) gives exactly the pipeline's two-way table (runSensitivity, as `parkplan sensitivity
 * --two-way`) and the same 敏感性 sheet.
 */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { formatFigure } from "../../models/vocabulary.js";
import { runSensitivity } from "../../src/pipeline/sensitivity.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { decisionChoices, GRID_POINTS, withGridPoints } from "../../src/taskpane/hooks/decisionChoices.js";
import { figureDirection, twoWayView } from "../../src/taskpane/hooks/decisionView.js";
import { runDecision } from "../../src/worker/decisions.js";
import type { DecisionOutcome } from "../../src/worker/decisionProtocol.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { JIAXING_FORM_SCENARIO } from "../browser/formScenario.js";

const SAMPLE = join(import.meta.dirname, "..", "..", "assets", "samples", "jiaxing-2017.xlsx");

function sensitivityOf(outcome: DecisionOutcome) {
  if (outcome.summary.tool !== "sensitivity") throw new Error(outcome.summary.tool);
  return outcome.summary;
}

describe("two-way table by hand", () => {
  const sheet = [
    platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, developableLand: 2000, output: 100 }),
    platform({ name: "乙", county: "X", status: "kept", level: "township", land: 500, developableLand: 800, output: 20 }),
  ];
  const scenario = { baseYear: 2020, horizon: [2023], growth: { mean: 0.05, sd: 0.02 }, monteCarlo: { runs: 0, seed: "t" } };

  test("μ 3% / 5% / 7% (± one sd) × σ 1.6% / 2% / 2.4% (±20%) at 3 points: 109.27, 115.76, 122.50 亿元 across each row; coloured by output's direction", async () => {
    const outcome = await runDecision({
      platforms: sheet,
      baseYear: null,
      // The form's grid points (3) ride in the scenario, where the model and the command line read them.
      scenario: withGridPoints(scenario, 3),
      params: { tool: "sensitivity", figure: "metric:output:甲:2023", twoWay: ["growth.mean", "growth.sd"] },
    });
    const s = sensitivityOf(outcome);
    const grid = s.result.twoWay!;
    expect(grid.aValues.map((x) => Number(x.toFixed(6)))).toEqual([0.03, 0.05, 0.07]);
    expect(grid.bValues.map((x) => Number(x.toFixed(6)))).toEqual([0.016, 0.02, 0.024]);
    const v = twoWayView(s, "zh")!;
    expect([v.rowsLabel, v.columnsLabel]).toEqual(["增速均值 μ（每年）", "增速标准差 σ（每年）"]);
    expect(v.columns).toEqual(["1.6%", "2.0%", "2.4%"]);
    expect(v.rows.map((r) => r.head)).toEqual(["3.0%", "5.0%", "7.0%"]);
    // runs = 0: σ moves nothing; 100·1.03³ = 109.2727, 100·1.05³ = 115.7625, 100·1.07³ = 122.5043.
    expect(v.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["109.27", "109.27", "109.27"],
      ["115.76", "115.76", "115.76"],
      ["122.50", "122.50", "122.50"],
    ]);
    expect(v.rows[0].cells[0].value).toBeCloseTo(109.2727, 9);
    expect(v.rows[2].cells[2].value).toBeCloseTo(122.5043, 9);
    // Output: higher is better; the base row is the base (115.76), not coloured.
    expect(v.rows.map((r) => r.cells.map((c) => c.improvement))).toEqual([
      ["worse", "worse", "worse"],
      ["same", "same", "same"],
      ["better", "better", "better"],
    ]);
    expect(twoWayView(s, "en")!.rowsLabel).toBe("Growth mean μ (per year)");
  });

  test("energy falls as growth falls: lower energy is better, so the low-growth row is green", async () => {
    const outcome = await runDecision({
      platforms: [platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, output: 100, energy: 10 })],
      baseYear: null,
      scenario: withGridPoints(scenario, 3),
      params: { tool: "sensitivity", figure: "metric:energy:甲:2023", twoWay: ["growth.mean", "growth.sd"] },
    });
    const v = twoWayView(sensitivityOf(outcome), "zh")!;
    expect(figureDirection("metric:energy:甲:2023")).toBe("lower");
    expect(v.rows.map((r) => r.cells[0].improvement)).toEqual(["better", "same", "worse"]);
  });

  test("no two-way asked: no table; the grid points default to 5 and sit inside the schema's 2–21", async () => {
    const outcome = await runDecision({
      platforms: sheet,
      baseYear: null,
      scenario,
      params: { tool: "sensitivity", figure: "metric:output:甲:2023" },
    });
    expect(twoWayView(sensitivityOf(outcome), "zh")).toBeNull();
    const c = decisionChoices(sheet, null, scenario);
    expect(c.gridPoints).toBe(5);
    expect(decisionChoices(sheet, null, withGridPoints(scenario, 7)).gridPoints).toBe(7);
    expect([GRID_POINTS.min, GRID_POINTS.max]).toEqual([2, 21]);
    // No land quota, no energy cap: those two cannot move, so they are not offered (the tornado leaves them out too).
    expect(c.assumptions).not.toContain("land.quota");
    expect(c.assumptions).not.toContain("energy.cap");
    expect(c.assumptions.slice(0, 2)).toEqual(["growth.mean", "growth.sd"]);
    expect(withGridPoints({ a: 1, sensitivity: { runs: 9 } }, 4)).toEqual({ a: 1, sensitivity: { runs: 9, gridPoints: 4 } });
    expect(withGridPoints({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});

describe("two-way table on the 嘉兴 sample", () => {
  const scenario = {
    ...JIAXING_FORM_SCENARIO,
    land: { ...JIAXING_FORM_SCENARIO.land, quota: 6000 },
    monteCarlo: { ...JIAXING_FORM_SCENARIO.monteCarlo, runs: 40 },
  };
  const figure = "metric:output:全市:2020";

  test("全市 output P50 in 2020 on growth.mean × land.quota, 5 × 5: the pane's cells are runSensitivity's numbers; its axes and edges check by hand", async () => {
    const port = await openXlsxFile(SAMPLE);
    const expected = await runSensitivity(port, { scenario, figure, twoWay: ["growth.mean", "land.quota"], write: false });
    const input = inputFor(await loadPlatforms(await openXlsxFile(SAMPLE)), scenario);
    const choices = decisionChoices(input.platforms, input.baseYear, scenario);
    expect(choices.assumptions).toContain("land.quota");
    expect(choices.gridPoints).toBe(5);

    const outcome = await runDecision({
      platforms: input.platforms,
      baseYear: input.baseYear,
      scenario: withGridPoints(scenario, choices.gridPoints),
      params: { tool: "sensitivity", figure, twoWay: ["growth.mean", "land.quota"] },
    });
    const s = sensitivityOf(outcome);
    const grid = s.result.twoWay!;
    const want = expected.result.twoWay!;
    expect(grid).toEqual(want);
    // The axes by hand: μ 7.7% ± σ 4.5% → 3.2%, 5.45%, 7.7%, 9.95%, 12.2%; the quota ×0.8 … ×1.2.
    grid.aValues.forEach((x, i) => expect(x).toBeCloseTo([0.032, 0.0545, 0.077, 0.0995, 0.122][i], 12));
    grid.bValues.forEach((x, i) => expect(x).toBeCloseTo([0.8, 0.9, 1, 1.1, 1.2][i], 12));

    const v = twoWayView(s, "zh")!;
    expect(v.rows.map((r) => r.cells.map((c) => c.value))).toEqual(want.values);
    expect(v.rows.map((r) => r.cells.map((c) => c.text))).toEqual(want.values.map((row) => row.map((x) => formatFigure(x, "yi"))));
    expect(v.columns).toEqual(["0.800", "0.900", "1.000", "1.100", "1.200"]);
    expect(v.columnsLabel).toBe("新增用地指标（倍）");
    expect(v.rows.map((r) => r.head)).toEqual(["3.2%", "5.5%", "7.7%", "10.0%", "12.2%"]);

    // The grid's centre is the base run; its middle row and column are the tornado's bar ends (the same runs, common random numbers).
    const base = expected.result.base;
    expect(grid.values[2][2]).toBe(base);
    const bar = (id: string) => expected.result.rows.find((r) => r.assumption === id)!;
    expect([grid.values[0][2], grid.values[4][2]]).toEqual([bar("growth.mean").atLow, bar("growth.mean").atHigh]);
    expect([grid.values[2][0], grid.values[2][4]]).toEqual([bar("land.quota").atLow, bar("land.quota").atHigh]);
    // More growth and more land both raise output (the same draws): the grid rises down each column and along each row.
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 5; c++) {
        if (r > 0) expect(grid.values[r][c]).toBeGreaterThan(grid.values[r - 1][c]);
        if (c > 0) expect(grid.values[r][c]).toBeGreaterThan(grid.values[r][c - 1]);
      }

    // Colours: output, higher is better, against the base at the shown 0.01 亿元: below-base growth all red,
    // above-base all green (growth moves it by hundreds of 亿元, land by tens), the centre not coloured.
    expect(figureDirection(figure)).toBe("higher");
    const colours = v.rows.map((r) => r.cells.map((c) => c.improvement));
    expect(colours[0]).toEqual(Array(5).fill("worse"));
    expect(colours[4]).toEqual(Array(5).fill("better"));
    expect(colours[2]).toEqual(["worse", "worse", "same", "better", "better"]);
    v.rows.forEach((row) =>
      row.cells.forEach((c) => {
        const d = c.value - base;
        expect(c.improvement).toBe(Math.abs(d) < 0.005 ? "same" : d > 0 ? "better" : "worse");
      }),
    );

    // The sheet the pane writes is the command line's (the same builder on the same result).
    expect(outcome.sheet).toEqual(expected.sheet);
  }, 120_000);
});
