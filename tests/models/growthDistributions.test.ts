/**
 * Growth as analysts give it (model.md §2.2): triangular and PERT 低/中/高 guesses (deterministic path on
 * the mode; trial quantiles against the closed-form inverse CDF), low = mode = high giving the
 * deterministic path, the AR(1) regional shock's lag-1 autocorrelation, real growth on top of inflation,
 * where an entry's parameters come from, and bad fields named by JSON path.
 */
import { describe, expect, it } from "vitest";
import { betaQuantile } from "../../models/distributions/beta.js";
import { makeTriangularGrowth, triangularQuantile } from "../../models/distributions/triangular.js";
import { normalCdf } from "../../models/distributions/normalCdf.js";
import { pertParameters } from "../../models/distributions/pertQuantile.js";
import { runMonteCarlo } from "../../models/montecarlo.js";
import { platform, type Platform } from "../../models/platform.js";
import { ScenarioError } from "../../models/scenario.js";
import { prepareSimulation, simulate } from "../../models/simulate.js";
import { trialColumn } from "../../models/trialRecord.js";

const BASE = 2020;
/** One platform with no room to grow: output(t) = output(t−1) × (1 + g_t) exactly. */
const one: Platform[] = [platform({ name: "甲", county: "X县", status: "main", level: "provincial", land: 1000, output: 100 })];
const RUNS = 20_000;

/** Year-1 outputs of every trial, sorted. */
function yearOne(growth: Record<string, unknown>, runs = RUNS): Float32Array {
  const setup = prepareSimulation(one, { baseYear: BASE, horizon: [BASE + 1], growth, monteCarlo: { runs, seed: "dist" } }).setup!;
  const record = runMonteCarlo(setup);
  return trialColumn(record, record.output, 0, new Float32Array(runs)).sort();
}

/** The sample quantile at p, and its standard error √(p(1−p)/N) / f, f from the sorted sample's spacing. */
function quantileWithError(sorted: Float32Array, p: number): [number, number] {
  const n = sorted.length;
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))))];
  const h = 0.02;
  const density = (2 * h) / (at(p + h) - at(p - h));
  return [at(p), Math.sqrt((p * (1 - p)) / n) / density];
}

describe("triangular growth (低/中/高)", () => {
  const guess = { distribution: "triangular", low: -0.02, mode: 0.06, high: 0.15 };

  it("runs the deterministic path on the mode", () => {
    const r = simulate(one, { baseYear: BASE, horizon: [BASE + 1, BASE + 2], growth: guess });
    expect(r.platforms[0].years[1].output).toBeCloseTo(100 * 1.06, 12);
    expect(r.platforms[0].years[2].output).toBeCloseTo(100 * 1.06 * 1.06, 12);
  });

  it("gives trial quantiles of 100 × (1 + F⁻¹(p)) within 5 standard errors (20,000 runs)", () => {
    const sorted = yearOne(guess);
    for (const p of [0.1, 0.5, 0.9]) {
      const [q, se] = quantileWithError(sorted, p);
      // F⁻¹ by hand at p = 0.5: (m − a)/(b − a) = 0.08/0.17 < 0.5, so b − √((1 − p)(b − a)(b − m)) = 0.15 − √(0.5 · 0.17 · 0.09).
      if (p === 0.5) expect(triangularQuantile(0.5, -0.02, 0.06, 0.15)).toBeCloseTo(0.15 - Math.sqrt(0.5 * 0.17 * 0.09), 15);
      expect(Math.abs(q - 100 * (1 + triangularQuantile(p, -0.02, 0.06, 0.15)))).toBeLessThan(5 * se);
    }
  });
});

describe("PERT growth", () => {
  const guess = { distribution: "pert", low: -0.02, mode: 0.06, high: 0.12, shape: 4 };
  // α = 1 + 4 · 0.08/0.14, β = 1 + 4 · 0.06/0.14.
  const alpha = 1 + (4 * 0.08) / 0.14;
  const beta = 1 + (4 * 0.06) / 0.14;

  it("gives trial quantiles of 100 × (1 + a + (b − a) · I⁻¹_p(α, β)) within 5 standard errors", () => {
    const sorted = yearOne(guess);
    for (const p of [0.1, 0.5, 0.9]) {
      const [q, se] = quantileWithError(sorted, p);
      expect(Math.abs(q - 100 * (1 + -0.02 + 0.14 * betaQuantile(p, alpha, beta)))).toBeLessThan(5 * se);
    }
  });

  it("with low = mode = high every trial is the deterministic path", () => {
    const flat = { distribution: "pert", low: 0.05, mode: 0.05, high: 0.05 };
    const r = simulate(one, { baseYear: BASE, horizon: [BASE + 1, BASE + 3], growth: flat, monteCarlo: { runs: 300, seed: 1 } });
    for (const y of [BASE + 1, BASE + 3]) {
      const det = r.platforms[0].years.find((v) => v.year === y)!.output;
      const q = r.platforms[0].stats![String(y)].output!;
      expect(det).toBeCloseTo(100 * 1.05 ** (y - BASE), 10);
      for (const v of [q.p10, q.p50, q.p90]) expect(v).toBeCloseTo(det, 3); // trials are stored as float32
    }
  });
});

describe("persistence: the regional shock is AR(1)", () => {
  it("has a lag-1 autocorrelation of φ = 0.6 (within 5/√N), and stays standard normal", () => {
    const runs = 20_000;
    const growth = { mean: 0.05, sd: 0.04, correlation: 1, persistence: 0.6 };
    const setup = prepareSimulation(one, {
      baseYear: BASE,
      horizon: [BASE + 1, BASE + 2],
      growth,
      monteCarlo: { runs, seed: "ar1" },
    }).setup!;
    const record = runMonteCarlo(setup);
    const y1 = trialColumn(record, record.output, 0, new Float32Array(runs));
    const y2 = trialColumn(record, record.output, 1, new Float32Array(runs));
    // With ρ = 1, x = Z: Z_t = ((y_t / y_{t−1}) − 1 − μ) / σ (float32 storage leaves ~1e-5 of noise).
    const z1 = Float64Array.from(y1, (v) => (v / 100 - 1 - 0.05) / 0.04);
    const z2 = Float64Array.from(y2, (v, m) => (v / y1[m] - 1 - 0.05) / 0.04);
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    const m1 = mean(z1);
    const m2 = mean(z2);
    let s12 = 0,
      s11 = 0,
      s22 = 0;
    for (let m = 0; m < runs; m++) {
      s12 += (z1[m] - m1) * (z2[m] - m2);
      s11 += (z1[m] - m1) ** 2;
      s22 += (z2[m] - m2) ** 2;
    }
    expect(Math.abs(s12 / Math.sqrt(s11 * s22) - 0.6)).toBeLessThan(5 / Math.sqrt(runs));
    expect(Math.abs(s22 / runs - 1)).toBeLessThan(5 * Math.sqrt(2 / runs));
  });
});

describe("real growth", () => {
  it("takes 1 + g on top of inflation: p(t) = p(t−1)(1 + g)(1 + π)", () => {
    const r = simulate(one, { baseYear: BASE, horizon: [BASE + 2], growth: { mean: 0.05, basis: "real" }, prices: { inflation: 0.02 } });
    expect(r.platforms[0].years[1].output).toBeCloseTo(100 * 1.05 * 1.02, 12);
    expect(r.platforms[0].years[2].output).toBeCloseTo(100 * (1.05 * 1.02) ** 2, 12);
    const nominal = simulate(one, { baseYear: BASE, horizon: [BASE + 2], growth: { mean: 0.05 }, prices: { inflation: 0.02 } });
    expect(nominal.platforms[0].years[2].output).toBeCloseTo(100 * 1.05 ** 2, 12);
  });
});

describe("where an entry's parameters come from", () => {
  const two: Platform[] = [...one, platform({ name: "乙", county: "X县", status: "kept", level: "county", land: 1000, output: 100 })];

  it("a level's triangular entry, a platform's normal mean alone, the region's guess for the rest", () => {
    const r = simulate(two, {
      baseYear: BASE,
      horizon: [BASE + 1],
      growth: {
        distribution: "triangular",
        low: 0,
        mode: 0.04,
        high: 0.1,
        mean: 0.03,
        byLevel: { county: { low: 0.05, mode: 0.08, high: 0.12 } },
        byPlatform: { 甲: { distribution: "normal", mean: 0.07 } },
      },
    });
    expect(r.platforms.find((p) => p.name === "甲")!.years[1].output).toBeCloseTo(107, 12);
    expect(r.platforms.find((p) => p.name === "乙")!.years[1].output).toBeCloseTo(108, 12);
  });
});

describe("bad growth fields name their JSON path", () => {
  const issueOf = (growth: unknown, prices?: unknown) => {
    try {
      simulate(one, { baseYear: BASE, growth, prices });
    } catch (e) {
      if (e instanceof ScenarioError) return e.issues[0];
      throw e;
    }
    throw new Error("no error");
  };

  it("a triangular guess without its mode", () => {
    const issue = issueOf({ byPlatform: { 甲: { distribution: "triangular", low: 0, high: 0.1 } } });
    expect(issue.path).toBe("growth.byPlatform.甲.mode");
    expect(issue.zh).toContain("缺少 mode");
  });

  it("low above mode, at the region", () => {
    const issue = issueOf({ distribution: "pert", low: 0.08, mode: 0.05, high: 0.1 });
    expect(issue.path).toBe("growth.low");
    expect(issue.en).toContain("low ≤ mode ≤ high");
  });

  it("a triangular level with nothing to take its guess from", () => {
    expect(issueOf({ byLevel: { provincial: { distribution: "triangular" } } }).path).toBe("growth.byLevel.provincial.low");
  });

  it("persistence 1 and a negative sd", () => {
    expect(issueOf({ persistence: 1 }).path).toBe("growth.persistence");
    expect(issueOf({ byLevel: { national: { sd: -0.1 } } }).path).toBe("growth.byLevel.national.sd");
  });
});

describe("the worked example of models/README (a 低/中/高 guess by hand)", () => {
  const curve = makeTriangularGrowth(0.02, 0.06, 0.12);

  it("x = 0.5: u = Φ(0.5) = 0.6914624612740131 > F(m) = 0.4, g = 0.12 − √(0.3085375387 × 0.10 × 0.06) = 0.0769741330", () => {
    expect(normalCdf(0.5)).toBeCloseTo(0.6914624612740131, 15);
    expect(curve(0.5)).toBeCloseTo(0.076974133, 9);
  });

  it("x = −1: u = Φ(−1) = 0.1586552539 ≤ 0.4, g = 0.02 + √(0.1586552539 × 0.10 × 0.04) = 4.52%", () => {
    expect(curve(-1)).toBeCloseTo(0.0451916854, 9);
  });

  it("the deterministic path on the mode gives 106亿 in 2021; PERT's α = 2.6 and β = 3.4", () => {
    const r = simulate([platform({ name: "甲", county: "X县", status: "main", land: 1000, output: 100 })], {
      baseYear: BASE,
      horizon: [BASE + 1],
      growth: { distribution: "triangular", low: 0.02, mode: 0.06, high: 0.12 },
    });
    expect(r.platforms[0].years[1].output).toBeCloseTo(106, 12);
    const { alpha, beta } = pertParameters(0.02, 0.06, 0.12);
    expect(alpha).toBeCloseTo(2.6, 14);
    expect(beta).toBeCloseTo(3.4, 14);
  });
});
