/**
 * 标准地 entry thresholds (model.md §2.4): a platform below last year's 亩均产出 or 亩均税收 threshold gets
 * no land, and its share is water-filled to the others; without thresholds nothing changes.
 */
import { describe, expect, it } from "vitest";
import { platform, type Platform } from "../../models/platform.js";
import { ScenarioError } from "../../models/scenario.js";
import { simulate } from "../../models/simulate.js";

const BASE = 2020;
// A: 1000 亩, 100 亿元 → 1000 万元/亩, tax 5 亿元 → 50 万元/亩; B: 1000 亩, 20 亿元 → 200 万元/亩, tax 0.4 → 4 万元/亩.
const sheet: Platform[] = [
  platform({ name: "A", county: "X县", status: "main", land: 1000, developableLand: 2000, output: 100, tax: 5 }),
  platform({ name: "B", county: "X县", status: "kept", land: 1000, developableLand: 2000, output: 20, tax: 0.4 }),
];
const base = { baseYear: BASE, horizon: [BASE + 1], growth: { mean: 0, sd: 0 }, land: { quota: 100, lagYears: 0 } };
const grants = (entry?: Record<string, number>) => {
  const r = simulate(sheet, { ...base, land: { ...base.land, entry } });
  return Object.fromEntries(r.platforms.map((p) => [p.name, p.years[1].land - p.years[0].land]));
};

describe("land.entry", () => {
  it("without thresholds the quota is split by land in use: 50 亩 each", () => {
    expect(grants()).toEqual({ A: 50, B: 50 });
  });

  it("亩均产出 ≥ 500: B (200 万元/亩) is out and A takes the whole 100 亩", () => {
    expect(grants({ outputPerMu: 500 })).toEqual({ A: 100, B: 0 });
  });

  it("亩均税收 ≥ 10: B (4 万元/亩) is out; a threshold both meet (≥ 4) leaves the split as it was", () => {
    expect(grants({ taxPerMu: 10 })).toEqual({ A: 100, B: 0 });
    expect(grants({ taxPerMu: 4, outputPerMu: 200 })).toEqual({ A: 50, B: 50 });
  });

  it("when nobody meets them the quota stays unallocated", () => {
    const r = simulate(sheet, { ...base, land: { ...base.land, entry: { outputPerMu: 5000 } } });
    expect(r.balances.find((b) => b.year === BASE + 1)!.landUnallocated).toBe(100);
  });

  it("a negative threshold is refused at its JSON path", () => {
    expect(() => simulate(sheet, { ...base, land: { entry: { taxPerMu: -1 } } })).toThrow(ScenarioError);
    try {
      simulate(sheet, { ...base, land: { entry: { taxPerMu: -1 } } });
    } catch (e) {
      expect((e as ScenarioError).issues[0].path).toBe("land.entry.taxPerMu");
    }
  });
});
