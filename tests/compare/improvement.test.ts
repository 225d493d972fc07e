/**
 * The comparison's rows carry their direction, and cellImprovement judges each difference by it: the
 * faster-growing 亩均 scenario uses more energy than the baseline, which is worse, while its higher output
 * is better.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { METRIC_TERMS } from "../../models/vocabulary.js";
import { cellImprovement, compareResults, probabilityImprovement } from "../../src/compare/index.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, platformGrid } from "./fixture.js";

const sheet = readPlatformSheet(platformGrid());
const [base, merit] = [BASE, MERIT].map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
const model = compareResults([
  { name: "基准", result: base },
  { name: "亩均", result: merit },
]);
const row = (key: string) => model.rows.find((r) => r.key === key)!;

describe("row directions", () => {
  test("figure rows take their metric's direction; counts of successes and target counts are higher-is-better", () => {
    expect(row("energy@2022").better).toBe("lower");
    expect(row("energyIntensity@2022").better).toBe("lower");
    expect(row("output@2022").better).toBe("higher");
    expect(row("outputPerMu@2022").better).toBe("higher");
    expect(row("land@2022").better).toBe("neither");
    expect(row("landUnallocated@2022").better).toBe("neither");
    expect(row("platforms1000@2022").better).toBe("higher");
    expect(row("target:PM").better).toBe("higher");
    // The region output target is "≥": its value improves upward.
    expect(row("target:OUT:value").better).toBe("higher");
  });

  test("every figure row's direction is its metric's own, where it names one", () => {
    for (const r of model.rows.filter((x) => x.kind === "figure")) {
      const metric = r.key.split("@")[0];
      if (metric in METRIC_TERMS) expect(r.better, r.key).toBe(METRIC_TERMS[metric as keyof typeof METRIC_TERMS].better);
    }
  });
});

describe("cellImprovement", () => {
  test("more energy use than the baseline is worse, more output is better; the baseline's own column is the same", () => {
    const energy = row("energy@2022");
    const output = row("output@2022");
    // The fixture's premise, from the runs themselves: 亩均 grows faster, so it produces and uses more.
    const energyUp = merit.rollups.find((u) => u.kind === "region")!.years.find((y) => y.year === 2022)!.energy;
    const energyBase = base.rollups.find((u) => u.kind === "region")!.years.find((y) => y.year === 2022)!.energy;
    expect(energyUp).toBeGreaterThan(energyBase);
    expect(energy.cells[1].diff).toBeCloseTo(energyUp - energyBase, 9);
    expect(cellImprovement(energy, energy.cells[1])).toBe("worse");
    expect(output.cells[1].diff).toBeGreaterThan(0);
    expect(cellImprovement(output, output.cells[1])).toBe("better");
    expect(cellImprovement(energy, energy.cells[0])).toBe("same");
  });

  test("a direction flipped flips the judgement (the rule reads the row, not the sign)", () => {
    const energy = row("energy@2022");
    expect(cellImprovement({ ...energy, better: "higher" }, energy.cells[1])).toBe("better");
    expect(cellImprovement({ ...energy, better: "neither" }, energy.cells[1])).toBe("neutral");
  });

  test("target counts judge whole subjects; probabilities: higher is better at 0.1 %", () => {
    const t = { better: "higher" as const, fmt: "int" as const, kind: "target-count" as const };
    expect(cellImprovement(t, { diff: 1 })).toBe("better");
    expect(cellImprovement(t, { diff: -2 })).toBe("worse");
    expect(probabilityImprovement({ diffProbability: 0.0004 })).toBe("same");
    expect(probabilityImprovement({ diffProbability: -0.05 })).toBe("worse");
  });
});
