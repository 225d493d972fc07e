/**
 * Monte Carlo: reproducibility, row-order independence, σ = 0 equals the deterministic path, the
 * shock structure, trial-by-trial counting, and the shape of probabilities.
 */
import { describe, expect, it } from "vitest";
import { platform, simulate, type Platform, type ScenarioInput } from "../../models/index.js";
import { compile } from "../../models/compile.js";
import { createPathBuffers, createWorkspace, runPath } from "../../models/kernel.js";
import { parseScenario } from "../../models/scenario.js";
import { deterministicGrowth, trialGrowth } from "../../models/growthModels.js";

const BASE = 2020;
const sheet: Platform[] = [
  platform({
    name: "甲",
    county: "X县",
    status: "main",
    level: "national",
    land: 10000,
    developableLand: 14000,
    output: 800,
    tax: 30,
    valueAdded: 160,
    energy: 60,
  }),
  platform({ name: "甲分", county: "X县", status: "subPark", mainPlatform: "甲", land: 2000, developableLand: 2600, output: 60, tax: 2 }),
  platform({ name: "退", county: "X县", status: "exit", exitYear: BASE + 2, land: 800, output: 12 }),
  platform({ name: "乙", county: "Y县", status: "main", level: "provincial", land: 6000, developableLand: 9000, output: 300, tax: 9 }),
  platform({ name: "丙", county: "Y县", status: "kept", land: 1500, developableLand: 1500, output: 30, tax: 1 }),
];
const scenario: ScenarioInput = {
  baseYear: BASE,
  horizon: [BASE + 1, BASE + 3, BASE + 5],
  targets: [
    { id: "T1", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: 800 },
    {
      id: "T2",
      level: "region",
      aggregate: "count",
      where: { metric: "output", comparison: ">=", threshold: 500 },
      comparison: ">=",
      threshold: 2,
    },
  ],
  growth: { mean: 0.08, sd: 0.05, correlation: 0.4 },
  land: { quota: 800, strategy: "merit", lagYears: 1 },
  energy: { cap: 120 },
  monteCarlo: { runs: 400, seed: "test" },
};

describe("runMonteCarlo via simulate", () => {
  it("gives identical results for the same seed", () => {
    expect(JSON.stringify(simulate(sheet, scenario))).toBe(JSON.stringify(simulate(sheet, scenario)));
  });

  it("gives different draws for another seed", () => {
    const a = simulate(sheet, scenario).platforms[0].stats![String(BASE + 5)].output!;
    const b = simulate(sheet, { ...scenario, monteCarlo: { runs: 400, seed: "other" } }).platforms[0].stats![String(BASE + 5)].output!;
    expect(a.p50).not.toBe(b.p50);
  });

  it("does not depend on the order of the platform rows", () => {
    const forward = simulate(sheet, scenario);
    const backward = simulate([...sheet].reverse(), scenario);
    for (const p of forward.platforms) {
      expect(backward.platforms.find((q) => q.name === p.name)!.stats).toEqual(p.stats);
    }
    for (const t of forward.targets) {
      expect(backward.targets.find((q) => q.id === t.id && q.subject === t.subject)!.probability).toBe(t.probability);
    }
  });

  it("with σ = 0 every trial is the deterministic path", () => {
    const flat = simulate(sheet, { ...scenario, growth: { mean: 0.08, sd: 0, correlation: 0.4 } });
    for (const p of flat.platforms) {
      for (const year of flat.reportYears) {
        const det = p.years.find((y) => y.year === year)!;
        const q = p.stats![String(year)].output!;
        // Trials are stored as 32-bit floats: equal to the deterministic value to float32 precision.
        for (const v of [q.p10, q.p50, q.p90]) expect(v).toBeCloseTo(det.output, 3);
        expect(q.mean).toBeCloseTo(det.output, 3);
      }
    }
    for (const t of flat.targets) expect(t.probability).toBe(t.met ? 1 : 0);
  });

  it("the normal growth model with σ = 0 turns any draws into the deterministic rates: the same path bit for bit", () => {
    const s = parseScenario({ ...scenario, growth: { mean: 0.08, sd: 0, correlation: 0.4 } });
    const c = compile(sheet, s, BASE, BASE + 5);
    const det = createPathBuffers(c);
    const drawn = createPathBuffers(c);
    runPath(c, deterministicGrowth(c), det, createWorkspace(c));
    const x = Float64Array.from({ length: (c.steps + 1) * c.n }, (_, j) => 3 * Math.cos(j));
    trialGrowth(c, x, x);
    runPath(c, x, drawn, createWorkspace(c));
    expect(Array.from(drawn.output)).toEqual(Array.from(det.output));
    expect(Array.from(drawn.land)).toEqual(Array.from(det.land));
  });

  it("reports P(met by year) rising to at least the probability at the target year", () => {
    const r = simulate(sheet, scenario);
    for (const t of r.targets.filter((q) => q.evaluable)) {
      expect(t.probability).toBeGreaterThanOrEqual(0);
      expect(t.probability).toBeLessThanOrEqual(1);
      const metBy = t.metBy!.map((m) => m.probability);
      for (let k = 1; k < metBy.length; k++) expect(metBy[k]).toBeGreaterThanOrEqual(metBy[k - 1]);
      expect(t.metBy!.find((m) => m.year === t.year)!.probability).toBeGreaterThanOrEqual(t.probability!);
    }
  });

  it("orders P10 ≤ P50 ≤ P90 for every metric", () => {
    const r = simulate(sheet, scenario);
    for (const u of [...r.platforms, ...r.rollups]) {
      for (const byMetric of Object.values(u.stats!)) {
        for (const q of Object.values(byMetric)) {
          if (Number.isNaN(q!.p50)) continue;
          expect(q!.p10).toBeLessThanOrEqual(q!.p50 * (1 + 1e-12));
          expect(q!.p50).toBeLessThanOrEqual(q!.p90 * (1 + 1e-12));
        }
      }
    }
  });
});

describe("shock structure and counting trial by trial", () => {
  // Three identical independent platforms; each reaches 110 in the first year with probability 1/2
  // (μ = 0.1, so 100 × (1 + g) ≥ 110 ⇔ shock ≥ 0).
  const three = ["A", "B", "C"].map((name) => platform({ name, county: "X", status: "main", land: 1000, output: 100 }));
  const run = (correlation: number) =>
    simulate(three, {
      baseYear: BASE,
      horizon: BASE + 1,
      growth: { mean: 0.1, sd: 0.05, correlation },
      targets: [
        {
          id: "ALL3",
          level: "region",
          aggregate: "count",
          where: { metric: "output", comparison: ">=", threshold: 110 },
          comparison: ">=",
          threshold: 3,
        },
      ],
      monteCarlo: { runs: 4000, seed: 7 },
    });

  it("counts platforms within each trial: independent shocks give P(all three) ≈ 1/8", () => {
    // Binomial standard error √(0.125 × 0.875 / 4000) ≈ 0.0052; allow 5 of them.
    expect(run(0).targets[0].probability).toBeGreaterThan(0.125 - 0.026);
    expect(run(0).targets[0].probability).toBeLessThan(0.125 + 0.026);
  });

  it("a fully shared regional shock (ρ = 1) moves them together: P ≈ 1/2", () => {
    expect(run(1).targets[0].probability).toBeGreaterThan(0.5 - 0.04);
    expect(run(1).targets[0].probability).toBeLessThan(0.5 + 0.04);
  });

  it("the growth distribution has mean μ and sd σ", () => {
    const stats = run(0.5).platforms[0].stats![String(BASE + 1)].output!;
    // Y1 = 100 × (1 + g), g ~ N(0.1, 0.05²): mean 110, P10 = 110 − 1.2816 × 5, P90 = 110 + 1.2816 × 5.
    expect(stats.mean).toBeCloseTo(110, 0);
    expect(stats.p10).toBeCloseTo(110 - 1.2816 * 5, 0);
    expect(stats.p90).toBeCloseTo(110 + 1.2816 * 5, 0);
  });
});
