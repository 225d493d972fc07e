/** Sensitivity (models/decisions/sensitivity.ts, model.md §2.6): tornado order, common random numbers, hand-checked values, the two-way grid. */
import { describe, expect, test } from "vitest";
import {
  ASSUMPTION_IDS,
  assumptionBase,
  defaultRange,
  driverSentence,
  figureStyle,
  gridPoints,
  parseAssumption,
  parseFigure,
  sensitivity,
} from "../../models/decisions/sensitivity.js";
import { platform } from "../../models/platform.js";
import { parseScenario, ScenarioError } from "../../models/scenario.js";
import { resolveScenario } from "../../models/simulate.js";

// No exits, no quota: land stays, output = Y0 (1 + g)^k exactly.
const sheet = [
  platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, developableLand: 2000, output: 100, rd: 2 }),
  platform({ name: "乙", county: "X", status: "kept", level: "township", land: 500, developableLand: 800, output: 20 }),
];
const scenario = (extra: Record<string, unknown> = {}) => ({
  baseYear: 2020,
  horizon: [2023],
  growth: { mean: 0.05, sd: 0.02 },
  monteCarlo: { runs: 0, seed: "t" },
  ...extra,
});

describe("tornado", () => {
  test("growth mean ± one sd, deterministic: Y0 (1 + μ ± σ)^k; relocation (no exits) swings exactly 0 and sorts below", () => {
    const r = sensitivity({
      platforms: sheet,
      scenario: scenario(),
      figure: "metric:output:甲:2023",
      assumptions: ["exits.relocationShare", "growth.mean"],
    });
    expect(r.figure).toBe("metric:output:甲:2023");
    expect(r.base).toBeCloseTo(100 * 1.05 ** 3, 10);
    expect(r.rows.map((x) => x.assumption)).toEqual(["growth.mean", "exits.relocationShare"]);
    const [growth, relocation] = r.rows;
    expect(growth.low).toBeCloseTo(0.03, 15);
    expect(growth.high).toBeCloseTo(0.07, 15);
    expect(growth.atLow).toBeCloseTo(100 * 1.03 ** 3, 10);
    expect(growth.atHigh).toBeCloseTo(100 * 1.07 ** 3, 10);
    expect(growth.swing).toBeCloseTo(100 * (1.07 ** 3 - 1.03 ** 3), 10);
    expect(relocation).toMatchObject({ low: 0.4, high: 0.6, swing: 0 });
    expect(relocation.atLow).toBe(r.base);
    expect(relocation.atHigh).toBe(r.base);
  });

  test("σ = 0 with Monte Carlo: every trial is the deterministic path, so P50 = Y0 (1 + μ ± δ)^k for given low/high", () => {
    const r = sensitivity({
      platforms: sheet,
      scenario: scenario({
        growth: { mean: 0.05, sd: 0 },
        monteCarlo: { runs: 300, seed: "t" },
        sensitivity: { assumptions: { "growth.mean": { low: 0.02, high: 0.1 } } },
      }),
      figure: "metric:outputPerMu:乙:2023",
      assumptions: ["growth.mean"],
    });
    // 亩均产出 = output × 10⁴ / land, in 万元/亩; the record keeps 4-byte floats.
    const perMu = (g: number) => (20 * (1 + g) ** 3 * 1e4) / 500;
    expect(r.base).toBeCloseTo(perMu(0.05), 3);
    expect(r.rows[0].atLow).toBeCloseTo(perMu(0.02), 3);
    expect(r.rows[0].atHigh).toBeCloseTo(perMu(0.1), 3);
  });

  test("common random numbers: low = high = base gives exactly the base figure, for every assumption", () => {
    const s = resolveScenario(scenario({ monteCarlo: { runs: 600, seed: 7 }, land: { quota: 100 }, energy: { cap: 1000 } }));
    const given = Object.fromEntries(
      ASSUMPTION_IDS.map((id) => {
        const base = assumptionBase(id, s)!;
        return [id, { low: base, high: base }];
      }),
    );
    const r = sensitivity({
      platforms: sheet,
      scenario: {
        ...scenario({ monteCarlo: { runs: 600, seed: 7 }, land: { quota: 100 }, energy: { cap: 1000 } }),
        sensitivity: { assumptions: given },
      },
      figure: "metric:valueAdded:全市:2023",
    });
    expect(r.rows).toHaveLength(ASSUMPTION_IDS.length);
    for (const row of r.rows) {
      expect(row.atLow, row.assumption).toBe(r.base);
      expect(row.atHigh, row.assumption).toBe(r.base);
      expect(row.swing).toBe(0);
    }
  });

  test("a target's probability with runs = 0 is met 1 / not met 0", () => {
    // Region output 120 × 1.05³ = 138.9: below 139 at μ and μ − σ, above at μ + σ (120 × 1.07³ = 147.0).
    const target = { id: "T1", level: "region", metric: "output", comparison: ">=", threshold: 139, year: 2023 };
    const r = sensitivity({
      platforms: sheet,
      scenario: scenario({ targets: [target] }),
      figure: "target:T1",
      assumptions: ["growth.mean", "growth.correlation"],
    });
    expect(r.base).toBe(0);
    expect(r.rows[0]).toMatchObject({ assumption: "growth.mean", atLow: 0, atHigh: 1, swing: 1 });
    expect(r.rows[1]).toMatchObject({ assumption: "growth.correlation", atLow: 0, atHigh: 0, swing: 0 });
    expect(driverSentence(r, figureStyle(parseFigure(r.figure))).zh).toContain("增速均值 μ");
  });

  test("defaults: ±20% (clamped), lag ± 1 whole year, a quota as a scale; absent quota and cap are left out, saying why", () => {
    const s = resolveScenario(scenario({ land: { quota: 100, lagYears: 0 }, exits: { relocationShare: 0.9 } }));
    expect(defaultRange("exits.relocationShare", s)).toEqual({ low: 0.9 * 0.8, high: 1 });
    expect(defaultRange("land.lagYears", s)).toEqual({ low: 0, high: 1 });
    expect(assumptionBase("land.quota", s)).toBe(1);
    expect(assumptionBase("energy.cap", s)).toBeNull();
    expect(defaultRange("ratios.highTech.change", s)).toEqual({ low: -0.005, high: 0.005 });
    expect(defaultRange("growth.sd", s)).toEqual({ low: 0.02 * 0.8, high: 0.02 * 1.2 });
    const r = sensitivity({ platforms: sheet, scenario: scenario(), figure: "metric:output:全市:2023" });
    expect(r.skipped.map((x) => x.assumption)).toEqual(["land.quota", "energy.cap"]);
    expect(r.skipped[0].reason.zh).toContain("新增用地指标");
    expect(() =>
      sensitivity({ platforms: sheet, scenario: scenario(), figure: "metric:output:全市:2023", assumptions: ["energy.cap"] }),
    ).toThrow(/energy\.cap/);
  });

  test("more land sooner raises output: quota × 1.2 above × 0.8, lag 0 above lag 2", () => {
    const r = sensitivity({
      platforms: sheet,
      scenario: scenario({ land: { quota: 300, lagYears: 1 } }),
      figure: "metric:output:全市:2023",
      assumptions: ["land.quota", "land.lagYears"],
    });
    const by = Object.fromEntries(r.rows.map((x) => [x.assumption, x]));
    expect(by["land.quota"].atHigh).toBeGreaterThan(r.base);
    expect(by["land.quota"].atLow).toBeLessThan(r.base);
    expect(by["land.lagYears"]).toMatchObject({ low: 0, high: 2 });
    expect(by["land.lagYears"].atLow).toBeGreaterThan(by["land.lagYears"].atHigh);
  });
});

describe("two-way table", () => {
  test("the grid's centre is the base run exactly; its middle column is the tornado row, output rises with the quota", () => {
    const r = sensitivity({
      platforms: sheet,
      scenario: scenario({ monteCarlo: { runs: 400, seed: "grid" }, land: { quota: 100 } }),
      figure: "metric:output:全市:2023",
      assumptions: ["growth.mean"],
      twoWay: ["growth.mean", "land.quota"],
    });
    const t = r.twoWay!;
    expect(t.aValues).toHaveLength(5);
    expect(t.bValues).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
    expect(t.aValues[2]).toBe(0.05);
    expect(t.values[2][2]).toBe(r.base);
    // The tornado's growth row is the grid's middle column's ends.
    expect(t.values[0][2]).toBe(r.rows[0].atLow);
    expect(t.values[4][2]).toBe(r.rows[0].atHigh);
    for (const line of t.values) for (let c = 1; c < line.length; c++) expect(line[c]).toBeGreaterThanOrEqual(line[c - 1]);
  });

  test("grid points: odd counts hit the base exactly, whole-number assumptions drop repeats", () => {
    expect(gridPoints(0.8, 1, 1.5, 5)).toEqual([0.8, 0.9, 1, 1.25, 1.5]);
    expect(gridPoints(0, 1, 2, 5, true)).toEqual([0, 1, 2]);
    expect(gridPoints(0, 1, 3, 4)).toEqual([0, 1, 2, 3]);
  });

  test("the same assumption twice is refused", () => {
    expect(() =>
      sensitivity({ platforms: sheet, scenario: scenario(), figure: "metric:output:甲:2023", twoWay: ["growth.mean", "growth.mean"] }),
    ).toThrow(ScenarioError);
  });
});

describe("figures and assumptions in text", () => {
  test("parseFigure reads both forms and names the choices", () => {
    expect(parseFigure("metric:outputPerMu:全市:2020")).toEqual({ kind: "metric", metric: "outputPerMu", subject: "全市", year: 2020 });
    expect(parseFigure("target:JX-01")).toEqual({ kind: "target", id: "JX-01" });
    expect(parseFigure("target:JX-01:嘉兴经开区")).toEqual({ kind: "target", id: "JX-01", subject: "嘉兴经开区" });
    expect(() => parseFigure("metric:nope:全市:2020")).toThrow(/outputPerMu/);
    expect(() => parseFigure("metric:output:全市")).toThrow(/metric:METRIC:SUBJECT:YEAR/);
    expect(() => parseFigure("probability")).toThrow(/target:ID\[:SUBJECT\]/);
  });

  test("unknown subjects and targets name what there is", () => {
    expect(() => sensitivity({ platforms: sheet, scenario: scenario(), figure: "metric:output:丙:2023" })).toThrow(/甲/);
    expect(() => sensitivity({ platforms: sheet, scenario: scenario(), figure: "target:NOPE" })).toThrow(/NOPE/);
  });

  test("parseAssumption names the choices; the scenario's sensitivity field refuses unknown ids", () => {
    expect(parseAssumption("growth.sd")).toBe("growth.sd");
    expect(() => parseAssumption("growth.median")).toThrow(/growth\.mean, growth\.sd/);
    expect(() => parseScenario({ sensitivity: { assumptions: { "growth.median": { low: 0, high: 1 } } } })).toThrow(ScenarioError);
  });

  test("a low the model refuses names the assumption and its value", () => {
    expect(() =>
      sensitivity({
        platforms: sheet,
        scenario: scenario({ sensitivity: { assumptions: { "growth.correlation": { low: -0.5, high: 0.5 } } } }),
        figure: "metric:output:甲:2023",
        assumptions: ["growth.correlation"],
      }),
    ).toThrow(/growth\.correlation = -0\.5/);
  });
});
