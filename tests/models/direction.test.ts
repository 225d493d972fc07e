/**
 * Metric directions (vocabulary.ts `better`) and the one rule that judges a difference from a baseline
 * (models/direction.ts): more energy use is worse, more output better, a land change neither.
 */
import { describe, expect, test } from "vitest";
import { COMPARISON_DIRECTION, improvement, resolutionOf } from "../../models/direction.js";
import { COMPARISONS, METRICS } from "../../models/targetSchema.js";
import { INDICATORS } from "../../models/scenario.js";
import { DIRECTION_LABELS, IMPROVEMENT_LABELS, INDICATOR_TERMS, METRIC_TERMS, termKeys } from "../../models/vocabulary.js";

describe("metric directions", () => {
  test("energy, energy intensity and emissions: lower is better; output, tax, 亩均 and shares: higher", () => {
    const lower = termKeys(METRIC_TERMS).filter((k) => METRIC_TERMS[k].better === "lower");
    expect(lower.sort()).toEqual(["emissions", "energy", "energyIntensity"]);
    for (const k of ["output", "valueAdded", "tax", "outputPerMu", "taxPerMu", "valueAddedPerMu", "rdShare", "highTechShare"] as const)
      expect(METRIC_TERMS[k].better, k).toBe("higher");
  });

  test("land figures are inputs: neither way is better (the per-mu figures judge their use); so are bare counts and shares", () => {
    const neither = termKeys(METRIC_TERMS).filter((k) => METRIC_TERMS[k].better === "neither");
    expect(neither.sort()).toEqual(["cityIndustrialLand", "count", "developableLand", "land", "share"]);
  });

  test("every metric and every indicator has a direction; every indicator of the evaluation is higher-is-better", () => {
    for (const m of METRICS) expect(Object.keys(DIRECTION_LABELS), m).toContain(METRIC_TERMS[m].better);
    for (const i of INDICATORS) expect(INDICATOR_TERMS[i].better, i).toBe("higher");
  });
});

describe("improvement", () => {
  test("the sign of the difference read through the direction", () => {
    expect(improvement(METRIC_TERMS.energy.better, 12.5)).toBe("worse");
    expect(improvement(METRIC_TERMS.energy.better, -3)).toBe("better");
    expect(improvement(METRIC_TERMS.output.better, 12.5)).toBe("better");
    expect(improvement(METRIC_TERMS.output.better, -0.2)).toBe("worse");
    expect(improvement(METRIC_TERMS.land.better, 500)).toBe("neutral");
    expect(improvement(METRIC_TERMS.land.better, 0)).toBe("same");
  });

  test("zero, unknown, and a difference below the shown precision are the same", () => {
    expect(improvement("higher", 0)).toBe("same");
    expect(improvement("lower", null)).toBe("same");
    expect(improvement("lower", undefined)).toBe("same");
    expect(improvement("higher", Number.NaN)).toBe("same");
    // 0.004 亿元 shows as "0.00": not coloured; 0.006 shows as "0.01": coloured.
    expect(improvement("lower", 0.004, resolutionOf("yi"))).toBe("same");
    expect(improvement("lower", 0.006, resolutionOf("yi"))).toBe("worse");
    expect(improvement("neither", 0.004, resolutionOf("yi"))).toBe("same");
  });

  test("resolution of each style: the last digit it shows", () => {
    expect(resolutionOf("yi")).toBeCloseTo(0.01, 15);
    expect(resolutionOf("perMu")).toBeCloseTo(0.1, 15);
    expect(resolutionOf("pct")).toBeCloseTo(0.001, 15);
    expect(resolutionOf("ratio3")).toBeCloseTo(0.001, 15);
    expect(resolutionOf("int")).toBe(1);
  });

  test("a target's value improves toward meeting it", () => {
    expect(COMPARISONS.map((c) => COMPARISON_DIRECTION[c])).toEqual(["higher", "lower", "higher", "lower", "neither"]);
    expect(improvement(COMPARISON_DIRECTION["<="], 0.02)).toBe("worse");
  });

  test("labels in both languages", () => {
    expect(IMPROVEMENT_LABELS.worse).toEqual({ zh: "更差", en: "worse" });
    expect(DIRECTION_LABELS.lower).toEqual({ zh: "越低越好", en: "lower is better" });
  });
});
