/**
 * The pane's result views on a small simulate() result: threshold texts (ranges as ranges), the "not met
 * only" filter, grouping by target with the count met, the first year met, and the class probabilities.
 */
import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import type { TargetCheck } from "../../models/results.js";
import { classOddsView, formatShare } from "../../src/taskpane/hooks/resultView.js";
import {
  checkName,
  filterTargets,
  firstYearChoices,
  firstYearDistribution,
  groupCount,
  groupTargets,
  thresholdText,
} from "../../src/taskpane/hooks/targetView.js";

// Three main platforms (亩均产出 1,000, 500 and 1,500 万元/亩; output 100 + 150 + 300 = 550亿) and a kept one,
// land fixed (quota 0): with σ = 0 output and per-mu grow by 10% a year.
const platforms = [
  platform({ name: "甲", county: "X县", status: "main", land: 1000, output: 100, tax: 5 }),
  platform({ name: "乙", county: "X县", status: "main", land: 3000, output: 150, tax: 6 }),
  platform({ name: "丙", county: "Y县", status: "main", land: 2000, output: 300, tax: 20 }),
  platform({ name: "丁", county: "Y县", status: "kept", land: 500, output: 10, tax: 0.2 }),
];
const targets = [
  {
    id: "T1",
    label: { zh: "亩均产出 ≥ 900", en: "output per mu ≥ 900" },
    level: "platform",
    metric: "outputPerMu",
    comparison: ">=",
    threshold: 900,
  },
  {
    id: "T2",
    label: { zh: "每县 1–2 个主平台（可增至 3）", en: "1–2 main platforms a county (up to 3)" },
    level: "county",
    aggregate: "count",
    comparison: "between",
    threshold: 1,
    thresholdMax: 2,
    allowanceMax: 3,
  },
  {
    id: "T3",
    label: { zh: "全市产值 ≥ 600亿", en: "region output ≥ 600" },
    level: "region",
    metric: "output",
    comparison: ">=",
    threshold: 600,
  },
  {
    id: "T4",
    label: { zh: "全市产值 ≥ 700亿", en: "region output ≥ 700" },
    level: "region",
    metric: "output",
    comparison: ">=",
    threshold: 700,
  },
];
const scenario = { baseYear: 2020, horizon: [2021, 2022], land: { quota: 0 }, energy: { intensityDecline: 0 }, targets };
const deterministic = simulate(platforms, { ...scenario, growth: { mean: 0.1, sd: 0 }, monteCarlo: { runs: 20, seed: 1 } });
const uncertain = simulate(platforms, {
  ...scenario,
  growth: { mean: 0.1, sd: 0.08, correlation: 0.3 },
  monteCarlo: { runs: 300, seed: 5 },
});
const find = (r: typeof deterministic, id: string, subject?: string): TargetCheck =>
  r.targets.find((t) => t.id === id && (subject === undefined || t.subject === subject))!;

describe("thresholdText", () => {
  test("a comparison with its sign in the metric's style; a range as the plan's range with its allowance apart", () => {
    expect(thresholdText(find(deterministic, "T1", "甲"))).toEqual({ text: "≥ 900.0", allowance: null });
    expect(thresholdText(find(deterministic, "T3"))).toEqual({ text: "≥ 600.00", allowance: null });
    // The engine checks against the allowance (thresholdMax 3); the plan's own range is 1–2 (strictMax).
    const t2 = find(deterministic, "T2", "X县");
    expect([t2.threshold, t2.strictMax, t2.thresholdMax]).toEqual([1, 2, 3]);
    expect(thresholdText(t2)).toEqual({ text: "1–2", allowance: "3" });
  });

  test("a range without an allowance, a check without a threshold, and results stored before strictMax", () => {
    const range = { metric: "count", comparison: "between", threshold: 1, thresholdMax: 2, strictMax: null } as const;
    expect(thresholdText(range)).toEqual({ text: "1–2", allowance: null });
    const { strictMax: _omitted, ...older } = range;
    expect(thresholdText(older)).toEqual({ text: "1–2", allowance: null });
    expect(thresholdText({ ...range, comparison: "<=", threshold: null })).toEqual({ text: "—", allowance: null });
  });
});

describe("filter and groups", () => {
  test("per-mu 2022 (×1.21): 甲 1,210 and 丙 1,815 meet 900, 乙 605 does not; X县 has 2 main platforms, Y县 1; region 665.5 ≥ 600, < 700", () => {
    expect(deterministic.targets.map((t) => [t.id, t.subject, t.met])).toEqual([
      ["T1", "甲", true],
      ["T1", "乙", false],
      ["T1", "丙", true],
      ["T2", "X县", true],
      ["T2", "Y县", true],
      ["T3", "全市", true],
      ["T4", "全市", false],
    ]);
    expect(filterTargets(deterministic.targets, false)).toEqual(deterministic.targets);
    expect(filterTargets(deterministic.targets, true).map(checkName)).toEqual(["T1 · 乙", "T4 · 全市"]);
  });

  test("groups by target: counts over every check, rows after the filter; a group the filter empties is left out", () => {
    const all = groupTargets(deterministic.targets, false);
    expect(all.map((g) => [g.id, g.checks.map((c) => c.subject), groupCount(g), g.notEvaluable])).toEqual([
      ["T1", ["甲", "乙", "丙"], "2/3", 0],
      ["T2", ["X县", "Y县"], "2/2", 0],
      ["T3", ["全市"], "1/1", 0],
      ["T4", ["全市"], "0/1", 0],
    ]);
    expect(all[0].label).toEqual(targets[0].label);
    const notMet = groupTargets(deterministic.targets, true);
    expect(notMet.map((g) => [g.id, g.checks.map((c) => c.subject), groupCount(g)])).toEqual([
      ["T1", ["乙"], "2/3"],
      ["T4", ["全市"], "0/1"],
    ]);
  });

  test("not evaluable checks are neither met nor in the count's denominator, and not kept by the filter", () => {
    const ne = { ...find(deterministic, "T1", "甲"), evaluable: false, met: null, subject: "戊" };
    const groups = groupTargets([...deterministic.targets, ne], false);
    expect(groups[0].checks).toHaveLength(4);
    expect([groupCount(groups[0]), groups[0].notEvaluable]).toEqual(["2/3", 1]);
    expect(filterTargets([ne], true)).toEqual([]);
  });
});

describe("firstYearDistribution", () => {
  test("σ = 0: region 550 → 605 in 2021 meets 600 first in 2021 in every trial; 700 is never met; 甲 is met in the base year", () => {
    expect(firstYearDistribution(find(deterministic, "T3"))).toEqual({
      rows: [
        { year: 2020, first: 0, by: 0 },
        { year: 2021, first: 1, by: 1 },
        { year: 2022, first: 0, by: 1 },
      ],
      metByEnd: 1,
      never: 0,
      atTargetYear: 1,
    });
    const never = firstYearDistribution(find(deterministic, "T4"))!;
    expect([never.metByEnd, never.never, never.rows.map((r) => r.first)]).toEqual([0, 1, [0, 0, 0]]);
    expect(firstYearDistribution(find(deterministic, "T1", "甲"))!.rows.map((r) => r.first)).toEqual([1, 0, 0]);
  });

  test("with σ > 0 the years' shares are non-negative and add up to P(met by the last year), the engine's metBy", () => {
    const t4 = find(uncertain, "T4");
    const d = firstYearDistribution(t4)!;
    expect(d.metByEnd).toBe(t4.metBy![t4.metBy!.length - 1].probability);
    expect(d.metByEnd).toBeGreaterThan(0);
    expect(d.metByEnd).toBeLessThan(1);
    expect(d.rows.reduce((s, r) => s + r.first, 0)).toBeCloseTo(d.metByEnd, 12);
    for (const r of d.rows) expect(r.first).toBeGreaterThanOrEqual(0);
    expect(d.rows.map((r) => r.by)).toEqual(t4.metBy!.map((m) => m.probability));
    expect(d.never).toBeCloseTo(1 - d.metByEnd, 12);
    // Met by 2022 at least as often as met in 2022 itself (a check met earlier may fall back).
    expect(d.metByEnd).toBeGreaterThanOrEqual(d.atTargetYear!);
  });

  test("no Monte Carlo, no distribution; the check nearest an even chance is shown first", () => {
    expect(firstYearDistribution({ metBy: null, probability: null })).toBeNull();
    const { checks, initial } = firstYearChoices(uncertain.targets);
    expect(checks).toHaveLength(uncertain.targets.length);
    const distance = (t: TargetCheck) => Math.abs(t.metBy![t.metBy!.length - 1].probability - 0.5);
    const nearest = Math.min(...checks.map(distance));
    expect(nearest).toBeLessThan(0.5); // some check is uncertain here (T4)
    expect(distance(checks[initial])).toBe(nearest);
    expect(checks.slice(0, initial).every((t) => distance(t) > nearest)).toBe(true);
    expect(firstYearChoices(simulate(platforms, { ...scenario, growth: { mean: 0.1, sd: 0 } }).targets).checks).toEqual([]);
  });
});

describe("classOddsView", () => {
  test("each platform's shares add up to 1 (with those not evaluated), beside its base-year class", () => {
    const view = classOddsView(uncertain)!;
    expect(view.year).toBe(2022);
    expect(view.baseYear).toBe(2020);
    expect(view.rows.map((r) => r.name)).toEqual(["甲", "乙", "丙", "丁"]);
    for (const r of view.rows) {
      expect(r.shares.A + r.shares.B + r.shares.C + r.shares.D + r.unclassified).toBeCloseTo(1, 12);
      expect(r.baseClass).toBe(uncertain.evaluation.platforms.find((p) => p.name === r.name)!.class);
    }
    // 亩均税收 alone: 丙 100, 甲 50, 乙 20, 丁 4 万元/亩. Four platforms: one A (round(0.8)), B to rank 3, C to 4.
    expect(view.rows.map((r) => r.baseClass)).toEqual(["B", "B", "A", "C"]);
    expect(view.anyUnclassified).toBe(false);
    expect(classOddsView(simulate(platforms, { ...scenario, growth: { mean: 0.1, sd: 0 } }))).toBeNull();
  });

  test("formatShare keeps a narrow cell short and never rounds a possibility away", () => {
    expect([0, 0.001, 0.372, 0.999, 1].map(formatShare)).toEqual(["0", "<1%", "37%", ">99%", "100%"]);
  });
});
