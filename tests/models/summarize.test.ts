import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { quantileSelect, quantileSorted, quantiles, scaleQuantiles, selectKth } from "../../models/summarize.js";

// h = (m − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) on the ascending order statistics.

describe("quantileSorted(sorted, p) (R-7)", () => {
  const four = Object.freeze([1, 2, 3, 4]);

  it("quantileSorted([1, 2, 3, 4], p) interpolates at h = 3p", () => {
    expect(quantileSorted(four, 0.5)).toBe(2.5); // h = 1.5 → 2 + 0.5·(3 − 2)
    expect(quantileSorted(four, 0.1)).toBeCloseTo(1.3, 14); // h = 0.3 → 1 + 0.3·(2 − 1)
    expect(quantileSorted(four, 0.9)).toBeCloseTo(3.7, 14); // h = 2.7 → 3 + 0.7·(4 − 3)
    expect(quantileSorted(four, 0.25)).toBe(1.75); // h = 0.75
  });

  it("quantileSorted(sorted, 0) is the minimum and quantileSorted(sorted, 1) the maximum", () => {
    expect(quantileSorted(four, 0)).toBe(1);
    expect(quantileSorted(four, 1)).toBe(4);
  });

  it("quantileSorted([10, 20, 30, 40, 50], p) interpolates at h = 4p", () => {
    const five = Object.freeze([10, 20, 30, 40, 50]);
    expect(quantileSorted(five, 0.1)).toBeCloseTo(14, 12); // h = 0.4 → 10 + 0.4·10
    expect(quantileSorted(five, 0.5)).toBe(30); // h = 2, an order statistic
    expect(quantileSorted(five, 0.9)).toBeCloseTo(46, 12); // h = 3.6 → 40 + 0.6·10
  });

  it("quantileSorted of one value is that value; of none, NaN", () => {
    expect(quantileSorted([7], 0.1)).toBe(7);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it("quantileSorted does not modify its input", () => {
    expect(quantileSorted(four, 0.3)).toBeCloseTo(1.9, 14); // h = 0.9 → 1 + 0.9
    expect(four).toEqual([1, 2, 3, 4]);
  });
});

describe("selectKth(a, k)", () => {
  it("puts the k-th smallest value at a[k], smaller before and larger after", () => {
    const a = Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5, 0]);
    selectKth(a, 3);
    expect(a[3]).toBe(3);
    for (let i = 0; i < 3; i++) expect(a[i]).toBeLessThanOrEqual(3);
    for (let i = 4; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(3);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("quantileSelect(values, p)", () => {
  it("quantileSelect(values, p) equals quantileSorted on the sorted copy (500 seeded arrays, lengths 1…2001)", () => {
    const random = seedrandom("parkplan-quantiles");
    const ps = [0, 0.1, 0.5, 0.9, 1];
    for (let trial = 0; trial < 500; trial++) {
      const m = 1 + Math.floor(random() * 2001);
      // A third of the arrays are drawn from few distinct values, so ties are common.
      const ties = trial % 3 === 0;
      const values = Float64Array.from({ length: m }, () => (ties ? Math.floor(random() * 5) : (random() - 0.3) * 1000));
      const sorted = Float64Array.from(values).sort();
      for (const p of ps) {
        const scratch = Float64Array.from(values);
        expect(quantileSelect(scratch, p), `trial ${trial}, m ${m}, p ${p}`).toBe(quantileSorted(sorted, p));
        // Selection only reorders.
        expect(scratch.sort()).toEqual(sorted);
      }
    }
  });

  it("quantileSelect(new Float64Array(0), p) is NaN", () => {
    expect(quantileSelect(new Float64Array(0), 0.5)).toBeNaN();
  });

  it("quantileSelect([4, 1, 3, 2], 0.9) is 3.7", () => {
    expect(quantileSelect(Float64Array.from([4, 1, 3, 2]), 0.9)).toBeCloseTo(3.7, 14);
  });
});

describe("quantiles(values, mean?)", () => {
  it("quantiles([4, 1, 3, 2]) gives mean 2.5, P10 1.3, P50 2.5, P90 3.7", () => {
    const q = quantiles(Float64Array.from([4, 1, 3, 2]));
    expect(q.mean).toBe(10 / 4);
    expect(q.p10).toBeCloseTo(1.3, 14);
    expect(q.p50).toBe(2.5);
    expect(q.p90).toBeCloseTo(3.7, 14);
  });

  it("quantiles of a constant array is that constant everywhere", () => {
    expect(quantiles(Float64Array.from([3, 3, 3]))).toEqual({ mean: 3, p10: 3, p50: 3, p90: 3 });
    expect(quantiles(Float64Array.from([-2.5]))).toEqual({ mean: -2.5, p10: -2.5, p50: -2.5, p90: -2.5 });
  });

  it("quantiles with ties: [2, 5, 1, 2, 1, 2] → sorted [1, 1, 2, 2, 2, 5]", () => {
    // m = 6: P10 h = 0.5 → 1 + 0.5·(1 − 1) = 1; P50 h = 2.5 → 2; P90 h = 4.5 → 2 + 0.5·(5 − 2) = 3.5; mean 13/6.
    const q = quantiles(Float64Array.from([2, 5, 1, 2, 1, 2]));
    expect(q.mean).toBeCloseTo(13 / 6, 14);
    expect(q.p10).toBe(1);
    expect(q.p50).toBe(2);
    expect(q.p90).toBe(3.5);
  });

  it("quantiles of two values interpolates P10 and P90 between them", () => {
    // m = 2: P10 h = 0.1 → 1 + 0.1·(2 − 1) = 1.1; P50 h = 0.5 → 1.5; P90 h = 0.9 → 1.9.
    // Regression: P10 was once searched only in [0, ⌊h50⌋] = [0, 0] and came back as the minimum.
    const q = quantiles(Float64Array.from([2, 1]));
    expect(q.mean).toBe(1.5);
    expect(q.p50).toBe(1.5);
    expect(q.p90).toBeCloseTo(1.9, 14);
    expect(q.p10).toBeCloseTo(1.1, 14);
  });

  it("quantiles agrees with quantileSorted at 0.1, 0.5, 0.9 (300 seeded arrays, lengths 3…500)", () => {
    const random = seedrandom("parkplan-quantiles-3");
    for (let trial = 0; trial < 300; trial++) {
      const m = 3 + Math.floor(random() * 498);
      const values = Float64Array.from({ length: m }, () => (trial % 2 ? Math.floor(random() * 4) : random() * 100));
      const sorted = Float64Array.from(values).sort();
      const q = quantiles(Float64Array.from(values));
      const label = `trial ${trial}, m ${m}`;
      if (sorted[0] === sorted[m - 1]) continue;
      expect(q.p10, label).toBe(quantileSorted(sorted, 0.1));
      expect(q.p50, label).toBe(quantileSorted(sorted, 0.5));
      expect(q.p90, label).toBe(quantileSorted(sorted, 0.9));
    }
  });

  it("quantiles with any NaN gives NaN for every statistic", () => {
    const nan = { mean: NaN, p10: NaN, p50: NaN, p90: NaN };
    expect(quantiles(Float64Array.from([1, 2, NaN, 4]))).toEqual(nan);
    expect(quantiles(Float64Array.from([NaN]))).toEqual(nan);
    expect(quantiles(Float64Array.from([5, 5, NaN]), 5)).toEqual(nan);
  });

  it("quantiles of an empty array is all NaN", () => {
    expect(quantiles(new Float64Array(0))).toEqual({ mean: NaN, p10: NaN, p50: NaN, p90: NaN });
  });

  it("quantiles(values, mean) passes the given mean through", () => {
    const q = quantiles(Float64Array.from([4, 1, 3, 2]), 99);
    expect(q.mean).toBe(99);
    expect(q.p50).toBe(2.5);
    expect(quantiles(Float64Array.from([3, 3]), 2.9).mean).toBe(2.9);
  });
});

describe("scaleQuantiles(q, k)", () => {
  it("multiplies every statistic by k and leaves q alone", () => {
    const q = Object.freeze({ mean: 1, p10: 2, p50: 3, p90: 4 });
    expect(scaleQuantiles(q, 2.5)).toEqual({ mean: 2.5, p10: 5, p50: 7.5, p90: 10 });
    expect(scaleQuantiles(q, 0)).toEqual({ mean: 0, p10: 0, p50: 0, p90: 0 });
    expect(q).toEqual({ mean: 1, p10: 2, p50: 3, p90: 4 });
  });

  it("scaleQuantiles(quantiles(x), k) equals quantiles(k·x) up to rounding (R-7 is linear)", () => {
    // x = [1, 2, 3, 4], k = 10^4 (亿元 → 万元): P10 13000, P50 25000, P90 37000, mean 25000.
    const scaled = scaleQuantiles(quantiles(Float64Array.from([1, 2, 3, 4])), 1e4);
    expect(scaled.mean).toBe(25000);
    expect(scaled.p10).toBeCloseTo(13000, 8);
    expect(scaled.p50).toBe(25000);
    expect(scaled.p90).toBeCloseTo(37000, 8);
  });
});
