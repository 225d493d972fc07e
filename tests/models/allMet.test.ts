/**
 * allMet: per target, the share of trials in which every subject meets it together. Checked against a
 * count target that says the same thing in other words (ALL3: three platforms with output ≥ 110, counted
 * inside each trial), so the two must agree exactly, trial for trial; a single subject's is its own
 * probability; fixed-outcome checks (a static figure) hold in every trial or in none.
 */
import { describe, expect, it } from "vitest";
import { platform, simulate } from "../../models/index.js";

const BASE = 2020;
const three = ["A", "B", "C"].map((name, k) =>
  platform({ name, county: "X", status: "main", land: 1000, output: 100, developableLand: 1200 + 100 * k }),
);
const run = (correlation: number, runs = 2000) =>
  simulate(three, {
    baseYear: BASE,
    horizon: BASE + 1,
    growth: { mean: 0.1, sd: 0.05, correlation },
    targets: [
      { id: "EACH", level: "platform", metric: "output", comparison: ">=", threshold: 110 },
      {
        id: "ALL3",
        level: "region",
        aggregate: "count",
        where: { metric: "output", comparison: ">=", threshold: 110 },
        comparison: ">=",
        threshold: 3,
      },
      // Static figures: 1200, 1300, 1400 亩 of developable land.
      { id: "ROOM", level: "platform", metric: "developableLand", comparison: ">=", threshold: 1200 },
      { id: "ROOM2", level: "platform", metric: "developableLand", comparison: ">=", threshold: 1300 },
    ],
    monteCarlo: { runs, seed: 7 },
  });

describe("allMet: every subject of a target met in the same trial", () => {
  for (const rho of [0, 0.5]) {
    it(`equals the count of trials with all three platforms met (ρ = ${rho})`, () => {
      const result = run(rho);
      const all3 = result.targets.find((t) => t.id === "ALL3")!;
      expect(result.allMet!.EACH).toBe(all3.probability);
      // A single subject's: its own probability.
      expect(result.allMet!.ALL3).toBe(all3.probability);
      // Never above the least likely subject, never below the Fréchet bound 1 − Σ(1 − pᵢ).
      const each = result.targets.filter((t) => t.id === "EACH").map((t) => t.probability!);
      expect(result.allMet!.EACH).toBeLessThanOrEqual(Math.min(...each));
      expect(result.allMet!.EACH).toBeGreaterThanOrEqual(1 - each.reduce((s, p) => s + (1 - p), 0));
    });
  }

  it("independent platforms meet it together about p³ of the time; a shared shock about p", () => {
    // Each meets it with probability 1/2 (100 × (1 + g) ≥ 110 ⇔ the shock ≥ 0): 1/8 apart, 1/2 together.
    expect(Math.abs(run(0, 4000).allMet!.EACH - 0.125)).toBeLessThan(0.026);
    expect(Math.abs(run(1, 4000).allMet!.EACH - 0.5)).toBeLessThan(0.04);
  });

  it("checks of static figures hold in every trial or none", () => {
    const result = run(0.3);
    expect(result.allMet!.ROOM).toBe(1);
    expect(result.allMet!.ROOM2).toBe(0);
    expect(Object.keys(result.allMet!)).toEqual(["EACH", "ALL3", "ROOM", "ROOM2"]);
  });

  it("is null without trials", () => {
    expect(simulate(three, { baseYear: BASE, horizon: BASE + 1, monteCarlo: { runs: 0 } }).allMet).toBeNull();
  });
});
