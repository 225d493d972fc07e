import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import type { TargetCheck } from "../../models/results.js";
import { simulate } from "../../models/simulate.js";
import {
  fanSeries,
  fanSubjects,
  formatNumber,
  formatProbability,
  formatTargetValue,
  perMuBars,
  targetCounts,
} from "../../src/taskpane/hooks/resultView.js";
import { statusCounts } from "../../src/taskpane/hooks/sheetView.js";

// The worked example of models/README.md: 甲 (main, 1,000 亩, 100亿) and 乙 (3,000 亩, 150亿), μ = 10%, σ = 0.
const platforms = [
  platform({
    name: "甲",
    county: "X县",
    status: "main",
    land: 1000,
    developableLand: 1500,
    output: 100,
    valueAdded: 20,
    tax: 5,
    energy: 8,
  }),
  platform({ name: "乙", county: "X县", status: "kept", land: 3000, developableLand: 3050, output: 150 }),
];
const scenario = {
  baseYear: 2020,
  horizon: [2021, 2022],
  growth: { mean: 0.1, sd: 0 },
  land: { quota: 100 },
  energy: { intensityDecline: 0.05 },
};

describe("fanSeries and perMuBars on the README's worked example", () => {
  test("deterministic line without Monte Carlo: no band except the base year's point", () => {
    const result = simulate(platforms, scenario);
    const main = fanSeries(result, "甲");
    expect(main.map((p) => p.year)).toEqual([2020, 2021, 2022]);
    expect(main[0]).toEqual({ year: 2020, value: 100, p10: 100, p50: 100, p90: 100 });
    expect(main[1].value).toBeCloseTo(110, 10);
    expect(main[2].value).toBeCloseTo(127.05, 10);
    expect(main[2].p10).toBeNull();
    expect(fanSeries(result, "nobody")).toEqual([]);
    const bars = perMuBars(result);
    expect(bars.year).toBe(2022);
    expect(bars.bars).toHaveLength(1);
    expect(bars.bars[0].name).toBe("甲");
    expect(bars.bars[0].value).toBeCloseTo(1210, 9);
    expect(bars.bars[0].p10).toBeNull();
  });

  test("with σ = 0 Monte Carlo trials, the band collapses onto the line", () => {
    const result = simulate(platforms, { ...scenario, monteCarlo: { runs: 20, seed: 1 } });
    for (const p of fanSeries(result, "甲").slice(1)) {
      expect(p.p10).toBeCloseTo(p.value, 3);
      expect(p.p50).toBeCloseTo(p.value, 3);
      expect(p.p90).toBeCloseTo(p.value, 3);
    }
    expect(perMuBars(result).bars[0].p90).toBeCloseTo(1210, 2);
  });

  test("subjects: the region first, then the main platforms", () => {
    const result = simulate(platforms, scenario);
    expect(fanSubjects(result).map((u) => [u.name, u.kind])).toEqual([
      ["全市", "region"],
      ["甲", "main"],
    ]);
  });
});

const check = (met: boolean | null, evaluable = true): TargetCheck => ({ met, evaluable }) as TargetCheck;

describe("targetCounts(checks)", () => {
  test("a check is not evaluable when the sheet cannot evaluate it or met is unknown", () => {
    expect(targetCounts([check(true), check(false), check(true), check(null), check(false, false)])).toEqual({
      met: 2,
      notMet: 1,
      notEvaluable: 2,
    });
    expect(targetCounts([])).toEqual({ met: 0, notMet: 0, notEvaluable: 0 });
  });
});

describe("formatting", () => {
  test("probabilities to one decimal; missing as a dash", () => {
    expect(formatProbability(0.875)).toBe("87.5%");
    expect(formatProbability(1)).toBe("100.0%");
    expect(formatProbability(0)).toBe("0.0%");
    expect(formatProbability(null)).toBe("—");
    expect(formatProbability(NaN)).toBe("—");
  });

  test("numbers with separators; target values by metric kind", () => {
    expect(formatNumber(12345.678, 2)).toBe("12,345.68");
    expect(formatNumber(null, 1)).toBe("—");
    expect(formatTargetValue({ metric: "rdShare" }, 0.0312)).toBe("3.1%");
    expect(formatTargetValue({ metric: "share" }, 0.3)).toBe("30.0%");
    expect(formatTargetValue({ metric: "count" }, 3)).toBe("3");
    expect(formatTargetValue({ metric: "outputPerMu" }, 512.345)).toBe("512.3");
    expect(formatTargetValue({ metric: "valueAdded" }, 81.005)).toBe("81.01");
    expect(formatTargetValue({ metric: "taxPerMu" }, null)).toBe("—");
  });

  test("status counts name each status present, in a fixed order", () => {
    const list = [
      platform({ name: "a", land: 1, output: 1, status: "exit" }),
      platform({ name: "b", land: 1, output: 1, status: "main" }),
      platform({ name: "c", land: 1, output: 1, status: "exit" }),
    ];
    expect(statusCounts(list, "zh")).toBe("主平台 1、退出 2");
    expect(statusCounts(list, "en")).toBe("main platform 1, exit 2");
  });
});
