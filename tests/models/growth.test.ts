import { describe, expect, it } from "vitest";
import { cagr, projectPath, requiredGrowth, yearReached } from "../../models/growth.js";

describe("cagr(start, end, years)", () => {
  it("cagr(100, 200, 5) is 2^(1/5) − 1 ≈ 14.87%", () => {
    expect(cagr(100, 200, 5)).toBeCloseTo(Math.pow(2, 1 / 5) - 1, 14);
    expect(cagr(100, 200, 5)).toBeCloseTo(0.148698355, 9);
  });

  it("cagr(100, 121, 2) is 10% and cagr(x, x, n) is 0", () => {
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 14); // 1.1² = 1.21
    expect(cagr(42, 42, 7)).toBe(0);
  });

  it("cagr(100, 0, n) is −100% and a decline is negative", () => {
    expect(cagr(100, 0, 3)).toBe(-1);
    expect(cagr(100, 81, 2)).toBeCloseTo(-0.1, 14); // 0.9² = 0.81
  });

  it("cagr is NaN for a non-positive start, a negative end or non-positive years", () => {
    expect(cagr(0, 100, 5)).toBeNaN();
    expect(cagr(-1, 100, 5)).toBeNaN();
    expect(cagr(100, -1, 5)).toBeNaN();
    expect(cagr(100, 200, 0)).toBeNaN();
    expect(cagr(100, 200, -2)).toBeNaN();
    expect(cagr(NaN, 200, 5)).toBeNaN();
  });
});

describe("requiredGrowth(base, target, years)", () => {
  it("requiredGrowth(50, 100, 10) — doubling in ten years — is 2^(1/10) − 1 ≈ 7.18%", () => {
    expect(requiredGrowth(50, 100, 10)).toBeCloseTo(Math.pow(2, 1 / 10) - 1, 14);
    expect(requiredGrowth(50, 100, 10)).toBeCloseTo(0.0717735, 7);
  });

  it("requiredGrowth(300, 500, 3) is (5/3)^(1/3) − 1", () => {
    expect(requiredGrowth(300, 500, 3)).toBeCloseTo(Math.pow(5 / 3, 1 / 3) - 1, 14);
  });
});

describe("yearReached(base, rate, target, baseYear)", () => {
  it("yearReached(100, 0.072, 200, 2017) is 2027: 100·1.072^10 = 200.4 ≥ 200 > 100·1.072^9 = 187.0", () => {
    expect(yearReached(100, 0.072, 200, 2017)).toBe(2027);
    // The year before falls short, the year itself reaches it.
    expect(100 * 1.072 ** 9).toBeLessThan(200);
    expect(100 * 1.072 ** 10).toBeGreaterThanOrEqual(200);
  });

  it("yearReached(100, 0.1, 200, 2017) is 2025 (the documented example: 194.9 in 2024, 214.4 in 2025)", () => {
    expect(yearReached(100, 0.1, 200, 2017)).toBe(2025);
  });

  it("counts a target hit exactly: yearReached(100, 1, 400, 2017) is 2019 (100·2² = 400)", () => {
    expect(yearReached(100, 1, 400, 2017)).toBe(2019);
    expect(yearReached(100, 1, 400.0001, 2017)).toBe(2020);
  });

  it("returns baseYear when the base already reaches the target, whatever the rate", () => {
    expect(yearReached(200, 0.05, 150, 2020)).toBe(2020);
    expect(yearReached(150, 0.05, 150, 2020)).toBe(2020);
    expect(yearReached(200, -0.2, 150, 2020)).toBe(2020);
    expect(yearReached(200, 0, 150, 2020)).toBe(2020);
  });

  it("returns null when a rate ≤ 0 never reaches the target", () => {
    expect(yearReached(100, 0, 200, 2017)).toBeNull();
    expect(yearReached(100, -0.05, 200, 2017)).toBeNull();
  });

  it("returns null for a non-positive base or a rate ≤ −100%", () => {
    expect(yearReached(0, 0.1, 200, 2017)).toBeNull();
    expect(yearReached(-5, 0.1, 200, 2017)).toBeNull();
    expect(yearReached(100, -1, 50, 2017)).toBeNull();
    expect(yearReached(100, -1.5, 200, 2017)).toBeNull();
  });
});

describe("projectPath(base, rate, baseYear, endYear)", () => {
  it("projectPath(100, 0.1, 2017, 2020) is [100, 110, 121, 133.1]", () => {
    const path = projectPath(100, 0.1, 2017, 2020);
    expect(path).toHaveLength(2020 - 2017 + 1);
    [100, 110, 121, 133.1].forEach((v, i) => expect(path[i]).toBeCloseTo(v, 10));
    expect(path[0]).toBe(100);
  });

  it("projectPath reaches the year yearReached names: 100 at 7.2% from 2017 is 200.4 in 2027", () => {
    const path = projectPath(100, 0.072, 2017, 2027);
    expect(path).toHaveLength(11);
    expect(path[10]).toBeCloseTo(100 * 1.072 ** 10, 9);
    expect(path[10]).toBeCloseTo(200.42, 2);
    expect(path[9]).toBeLessThan(200);
  });

  it("projectPath with rate 0 is flat and a negative rate declines", () => {
    expect(projectPath(5, 0, 2020, 2023)).toEqual([5, 5, 5, 5]);
    const down = projectPath(100, -0.5, 2020, 2022);
    expect(down).toEqual([100, 50, 25]);
  });

  it("projectPath is [base] when endYear = baseYear and [] when endYear < baseYear", () => {
    expect(projectPath(100, 0.1, 2020, 2020)).toEqual([100]);
    expect(projectPath(100, 0.1, 2020, 2019)).toEqual([]);
  });
});
