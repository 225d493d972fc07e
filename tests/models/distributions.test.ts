/**
 * The distributions of growth (models/distributions/, model.md §2.2): Φ at known values and against the
 * asymptotic tail series, the triangular quantile by hand, I_x(α, β) at closed forms, the beta quantile
 * by round trips, PERT against the exact inverse, and the fast per-draw evaluators against the exact
 * path on a fixed seed.
 */
import { describe, expect, it } from "vitest";
import {
  betaQuantile,
  logGamma,
  makePertGrowth,
  makeTriangularGrowth,
  normalCdf,
  pertGrowthExact,
  pertParameters,
  pertQuantile,
  regularizedIncompleteBeta,
  triangularQuantile,
} from "../../models/distributions/index.js";
import { NormalStream, streamIntegers } from "../../models/random.js";

const relativeError = (value: number, expected: number): number => Math.abs(value / expected - 1);

/** Φ(−x) by the asymptotic series φ(x)/x·(1 − 1/x² + 3/x⁴ − 15/x⁶ + …), seven terms (converged to 1e-16 for x ≥ 20). */
function lowerTailSeries(x: number): number {
  const s = 1 / (x * x);
  const series = 1 - s * (1 - 3 * s * (1 - 5 * s * (1 - 7 * s * (1 - 9 * s * (1 - 11 * s * (1 - 13 * s))))));
  return (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) / x) * series;
}

/** Whether f is non-decreasing on an even grid of `count` + 1 points in [from, to]. */
function nonDecreasing(f: (x: number) => number, from: number, to: number, count: number): boolean {
  let previous = -Infinity;
  for (let i = 0; i <= count; i++) {
    const value = f(from + ((to - from) * i) / count);
    if (value < previous) return false;
    previous = value;
  }
  return true;
}

describe("normalCdf(x) (Cody's ANORM)", () => {
  it("normalCdf(x) at known values (scipy.stats.norm.cdf)", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(relativeError(normalCdf(1.96), 0.9750021048517795)).toBeLessThanOrEqual(1e-15);
    expect(relativeError(normalCdf(-1), 0.15865525393145705)).toBeLessThanOrEqual(1e-15);
    expect(relativeError(normalCdf(-10), 7.619853024160527e-24)).toBeLessThanOrEqual(1e-12);
  });

  it("normalCdf(−x) keeps relative accuracy in the tail: 1e-13 of the asymptotic series at x = 20, 30, 37", () => {
    for (const x of [20, 30, 37]) expect(relativeError(normalCdf(-x), lowerTailSeries(x))).toBeLessThanOrEqual(1e-13);
    expect(normalCdf(-37)).toBeGreaterThan(0);
    expect(normalCdf(-38)).toBe(0);
    expect(normalCdf(9)).toBe(1);
  });

  it("normalCdf(x) + normalCdf(−x) = 1 to 1e-15, and Φ is non-decreasing, on [−9, 9]", () => {
    for (let i = 0; i <= 1800; i++) {
      const x = -9 + i / 100;
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThanOrEqual(1e-15);
    }
    expect(nonDecreasing(normalCdf, -10, 10, 200_000)).toBe(true);
  });

  it("normalCdf(NaN) is NaN", () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("triangularQuantile(u, a, m, b)", () => {
  // a = 0, m = 0.05, b = 0.15: F(m) = (m − a)/(b − a) = 1/3; (b − a)(m − a) = 0.0075, (b − a)(b − m) = 0.015.
  it("triangularQuantile(u, 0, 0.05, 0.15) by hand on both sides of the mode", () => {
    // u = 0.5 ≥ 1/3: 0.15 − √(0.5·0.015) = 0.15 − √0.0075 = 0.15 − 0.08660254037844387.
    expect(triangularQuantile(0.5, 0, 0.05, 0.15)).toBeCloseTo(0.06339745962155613, 15);
    // u = 0.2 < 1/3: 0 + √(0.2·0.0075) = √0.0015 = 0.03872983346207417.
    expect(triangularQuantile(0.2, 0, 0.05, 0.15)).toBeCloseTo(0.03872983346207417, 15);
    // u = 1/3: √(0.0075/3) = √0.0025 = 0.05, the mode.
    expect(triangularQuantile(1 / 3, 0, 0.05, 0.15)).toBeCloseTo(0.05, 15);
    // u = 0.9: 0.15 − √(0.1·0.015) = 0.15 − √0.0015.
    expect(triangularQuantile(0.9, 0, 0.05, 0.15)).toBeCloseTo(0.15 - 0.03872983346207417, 15);
    expect(triangularQuantile(0, 0, 0.05, 0.15)).toBe(0);
    expect(triangularQuantile(1, 0, 0.05, 0.15)).toBe(0.15);
  });

  it("triangularQuantile with m = a, m = b and a = m = b", () => {
    // m = a: b − (b − a)√(1 − u); u = 0.75 on [0, 1]: 1 − √0.25 = 0.5.
    expect(triangularQuantile(0.75, 0, 0, 1)).toBeCloseTo(0.5, 15);
    // m = b: a + (b − a)√u; u = 0.25 on [−0.02, 0.12]: −0.02 + 0.14·0.5 = 0.05.
    expect(triangularQuantile(0.25, -0.02, 0.12, 0.12)).toBeCloseTo(0.05, 15);
    expect(triangularQuantile(0.3, 0.04, 0.04, 0.04)).toBe(0.04);
  });

  it("triangularQuantile refuses a mode outside [low, high] and u outside [0, 1], in Chinese then English", () => {
    expect(() => triangularQuantile(0.5, 0, 0.2, 0.1)).toThrow(/^须满足 低值 ≤ 众数 ≤ 高值.* \/ low ≤ mode ≤ high/);
    expect(() => triangularQuantile(1.5, 0, 0.05, 0.1)).toThrow(/概率须在 \[0, 1\] 内.*the probability must be in \[0, 1\]/);
  });
});

describe("makeTriangularGrowth(a, m, b)", () => {
  it("makeTriangularGrowth(a, m, b)(x) = F⁻¹(Φ(x)) to 1e-15 on [−6, 6] (the upper half as the mirrored triangle's F⁻¹(Φ(−x))), and reaches a and b", () => {
    const growth = makeTriangularGrowth(-0.02, 0.06, 0.12);
    for (let i = 0; i <= 1200; i++) {
      const x = -6 + i / 100;
      // For x > 0 the reference is −F⁻¹ of the triangle (−b, −m, −a) at Φ(−x): the same quantile without 1 − Φ(x)'s rounding.
      const expected =
        x <= 0 ? triangularQuantile(normalCdf(x), -0.02, 0.06, 0.12) : -triangularQuantile(normalCdf(-x), -0.12, -0.06, 0.02);
      expect(Math.abs(growth(x) - expected)).toBeLessThanOrEqual(1e-15);
    }
    expect(growth(-40)).toBe(-0.02);
    expect(growth(40)).toBe(0.12);
    // The upper tail through Φ(−x): at x = 8, Φ(−8) = 6.22e-16 (1 − Φ(8) in doubles is 6.66e-16, 7% off), so
    // g = 0.12 − √(6.22e-16·0.14·0.06) = 0.12 − 2.286e-9, to the 1.4e-17 spacing of doubles near 0.12.
    expect(relativeError(0.12 - growth(8), Math.sqrt(normalCdf(-8) * 0.14 * 0.06))).toBeLessThanOrEqual(1e-7);
  });

  it("makeTriangularGrowth is non-decreasing on [−10, 10] (also with m = a and m = b), constant for a = m = b", () => {
    for (const [a, m, b] of [
      [-0.02, 0.06, 0.12],
      [0, 0, 0.1],
      [0, 0.1, 0.1],
    ] as const) {
      expect(nonDecreasing(makeTriangularGrowth(a, m, b), -10, 10, 200_000)).toBe(true);
    }
    const constant = makeTriangularGrowth(0.05, 0.05, 0.05);
    expect([constant(-3), constant(0), constant(3)]).toEqual([0.05, 0.05, 0.05]);
  });
});

describe("regularizedIncompleteBeta(x, α, β) and betaQuantile(u, α, β)", () => {
  it("logGamma at Γ(5) = 24, Γ(1/2) = √π, Γ(1) = 1", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });

  it("regularizedIncompleteBeta at closed forms: I_0.5(2, 3) = 11/16, I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b", () => {
    // I_x(2, 3) = 6x² − 8x³ + 3x⁴ at x = ½: 1.5 − 1 + 0.1875 = 0.6875.
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    for (const x of [0.001, 0.1, 0.37, 0.5, 0.9, 0.999]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 14);
      for (const a of [1.2, 3, 5]) {
        expect(relativeError(regularizedIncompleteBeta(x, a, 1), x ** a)).toBeLessThanOrEqual(1e-13);
        expect(regularizedIncompleteBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 14);
      }
      // Symmetry I_x(α, β) + I_{1−x}(β, α) = 1, and I_½(α, α) = ½.
      expect(regularizedIncompleteBeta(x, 3.2, 2.7) + regularizedIncompleteBeta(1 - x, 2.7, 3.2)).toBeCloseTo(1, 14);
    }
    expect(regularizedIncompleteBeta(0.5, 4.5, 4.5)).toBeCloseTo(0.5, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it("betaQuantile(u, α, β) round trips for α, β ∈ {1.2, 2, 3, 5}: |I_q(α, β) − u| ≤ 1e-12·min(u, 1 − u)", () => {
    // Measured worst: 5e-14 of min(u, 1 − u).
    const shapes = [1.2, 2, 3, 5];
    const probabilities = [1e-12, 1e-6, 1e-3, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6];
    for (const alpha of shapes) {
      for (const beta of shapes) {
        for (const u of probabilities) {
          const q = betaQuantile(u, alpha, beta);
          expect(q).toBeGreaterThan(0);
          expect(q).toBeLessThan(1);
          expect(Math.abs(regularizedIncompleteBeta(q, alpha, beta) - u)).toBeLessThanOrEqual(1e-12 * Math.min(u, 1 - u));
        }
      }
    }
  });

  it("betaQuantile at closed forms: u^(1/α) for β = 1, 1 − (1 − u)^(1/β) for α = 1, u for α = β = 1, 0 and 1 at the ends", () => {
    for (const u of [1e-9, 0.05, 0.5, 0.95]) {
      expect(relativeError(betaQuantile(u, 5, 1), u ** 0.2)).toBeLessThanOrEqual(1e-14);
      expect(betaQuantile(u, 1, 3)).toBeCloseTo(1 - (1 - u) ** (1 / 3), 14);
      expect(betaQuantile(u, 1, 1)).toBeCloseTo(u, 15);
    }
    expect(betaQuantile(0.6875, 2, 3)).toBeCloseTo(0.5, 14);
    expect([betaQuantile(0, 2, 3), betaQuantile(1, 2, 3)]).toEqual([0, 1]);
  });

  it("betaQuantile refuses non-positive shapes and u outside [0, 1]", () => {
    expect(() => betaQuantile(0.5, 0, 2)).toThrow(/^贝塔分布的参数须为正的有限数.* \/ beta parameters must be positive/);
    expect(() => betaQuantile(-0.1, 2, 2)).toThrow(/the probability must be in \[0, 1\]/);
    expect(() => regularizedIncompleteBeta(0.5, 2, Number.NaN)).toThrow(/beta parameters/);
  });
});

describe("PERT (pertParameters, pertQuantile, makePertGrowth)", () => {
  it("pertParameters(−0.02, 0.06, 0.12) = { α: 1 + 4·0.08/0.14, β: 1 + 4·0.06/0.14 } = { 23/7, 19/7 }", () => {
    const { alpha, beta } = pertParameters(-0.02, 0.06, 0.12);
    expect(alpha).toBeCloseTo(23 / 7, 14);
    expect(beta).toBeCloseTo(19 / 7, 14);
    // shape 10: 1 + 10·4/7 and 1 + 10·3/7.
    expect(pertParameters(-0.02, 0.06, 0.12, 10).alpha).toBeCloseTo(47 / 7, 14);
    expect(pertParameters(-0.02, 0.06, 0.12, 10).beta).toBeCloseTo(37 / 7, 14);
    expect(() => pertParameters(0.1, 0.1, 0.1)).toThrow(/低值 < 高值.*low < high/);
    expect(() => pertParameters(0, 0.05, 0.1, -1)).toThrow(/PERT 形状参数.*PERT shape/);
  });

  it("pertQuantile(u, −0.02, 0.06, 0.12) inverts the PERT CDF: I_{(q − a)/(b − a)}(23/7, 19/7) = u to 1e-13", () => {
    for (const u of [1e-9, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999]) {
      const q = pertQuantile(u, -0.02, 0.06, 0.12);
      expect(q).toBeGreaterThan(-0.02);
      expect(q).toBeLessThan(0.12);
      expect(Math.abs(regularizedIncompleteBeta((q + 0.02) / 0.14, 23 / 7, 19 / 7) - u)).toBeLessThanOrEqual(1e-13 * Math.min(u, 1 - u));
    }
    // Symmetric about m = (a + b)/2: the median is the mode; λ = 0 is uniform; m = b is a + (b − a)·u^(1/5).
    expect(pertQuantile(0.5, 0, 0.5, 1)).toBeCloseTo(0.5, 15);
    expect(pertQuantile(0.3, 0, 0.7, 1, 0)).toBeCloseTo(0.3, 15);
    expect(pertQuantile(0.3, 0, 0.1, 0.1)).toBeCloseTo(0.1 * 0.3 ** 0.2, 15);
  });

  it("makePertGrowth(−0.02, 0.06, 0.12) is within 1e-9 of the exact betaQuantile path over 10⁶ seeded normal draws", () => {
    // Measured: max |error| 1.52e-11 (at x ≈ 1.30), on this seed and on an even 200,001-point grid of [−8.5, 8.5].
    const growth = makePertGrowth(-0.02, 0.06, 0.12);
    const normals = new NormalStream(streamIntegers(20240612, "pert"));
    let worst = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = normals.next();
      worst = Math.max(worst, Math.abs(growth(x) - pertGrowthExact(x, -0.02, 0.06, 0.12)));
    }
    expect(worst).toBeLessThanOrEqual(1e-9);
    expect(worst).toBeGreaterThan(0); // the table is an approximation: an exact match would mean it is not used
  });

  it("makePertGrowth is within 1e-9 of exact for m = a, m = b, wide ranges and shapes 1 to 40 (10⁵ draws each)", () => {
    // Measured max |error|: 1.7e-11 (m = a or m = b), 2.9e-11 ([−0.05, 0.2]), 7.2e-11 (shape 1), 1.7e-10 ([0, 1], m = 0.001).
    const cases = [
      [0, 0, 0.1, 4],
      [0, 0.1, 0.1, 4],
      [-0.05, 0.03, 0.2, 4],
      [-0.02, 0.06, 0.12, 1],
      [-0.02, 0.06, 0.12, 40],
      [0, 0.001, 1, 4],
    ] as const;
    for (const [a, m, b, shape] of cases) {
      const growth = makePertGrowth(a, m, b, shape);
      const normals = new NormalStream(streamIntegers(7, `pert:${a}:${m}:${b}:${shape}`));
      let worst = 0;
      for (let i = 0; i < 100_000; i++) {
        const x = normals.next();
        worst = Math.max(worst, Math.abs(growth(x) - pertGrowthExact(x, a, m, b, shape)));
      }
      expect(worst).toBeLessThanOrEqual(1e-9);
    }
  });

  it("makePertGrowth beyond the grid is exact: g(±9) and g(±20) equal pertGrowthExact; m = b gives a + (b − a)·Φ(x)^(1/5)", () => {
    const growth = makePertGrowth(0, 0.1, 0.1);
    for (const x of [-20, -9, 9, 20]) expect(growth(x)).toBe(pertGrowthExact(x, 0, 0.1, 0.1));
    // α = 5, β = 1: I_y(5, 1) = y⁵, so g(x) = 0.1·Φ(x)^0.2; at x = −9 that is still 0.1·(1.13e-19)^0.2 ≈ 1.6e-5 above a.
    expect(relativeError(growth(-9), 0.1 * normalCdf(-9) ** 0.2)).toBeLessThanOrEqual(1e-13);
    for (const x of [-3, -1, 0, 2]) expect(Math.abs(growth(x) - 0.1 * normalCdf(x) ** 0.2)).toBeLessThanOrEqual(1e-9);
  });

  it("makePertGrowth is non-decreasing on [−10, 10] (m inside, m = a, m = b), constant for a = m = b", () => {
    for (const [a, m, b] of [
      [-0.02, 0.06, 0.12],
      [0, 0, 0.1],
      [0, 0.1, 0.1],
    ] as const) {
      expect(nonDecreasing(makePertGrowth(a, m, b), -10, 10, 200_000)).toBe(true);
    }
    const constant = makePertGrowth(0.03, 0.03, 0.03);
    expect([constant(-9), constant(0), constant(9)]).toEqual([0.03, 0.03, 0.03]);
    expect(pertGrowthExact(1, 0.03, 0.03, 0.03)).toBe(0.03);
    expect(() => makePertGrowth(0, 0.2, 0.1)).toThrow(/low ≤ mode ≤ high/);
  });
});
