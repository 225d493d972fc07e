import { beforeEach, describe, expect, it } from "vitest";
import { resultCache } from "../../src/functions/cache.js";
import {
  cagrFunction,
  doublingYearFunction,
  probabilityFunction,
  projectFunction,
  requiredGrowthFunction,
  yearReachedFunction,
} from "../../src/functions/functions.js";
import { cellErrorOf, OMITTED, rejectionOf } from "./cellError.js";

beforeEach(() => resultCache.clear());

describe("PARKPLAN.CAGR(start, end, years) and REQUIREDGROWTH(base, target, years)", () => {
  it("CAGR(100, 200, 5) = 2^(1/5) − 1 = 0.148698…", () => {
    expect(cagrFunction(100, 200, 5)).toBeCloseTo(0.148698354997035, 14);
  });

  it("REQUIREDGROWTH(100, 121, 2) = 10%; a target below the base needs negative growth", () => {
    expect(requiredGrowthFunction(100, 121, 2)).toBeCloseTo(0.1, 14);
    expect(requiredGrowthFunction(100, 81, 2)).toBeCloseTo(-0.1, 14);
  });

  it("is #VALUE! naming the argument and its rule (not #NUM!, which shows no message) for a start ≤ 0, a negative end or years ≤ 0", () => {
    expect(cellErrorOf(() => cagrFunction(0, 200, 5), "#VALUE!").message).toBe("起始值应大于 0 / start must be greater than 0");
    cellErrorOf(() => cagrFunction(100, -1, 5), "#VALUE!");
    cellErrorOf(() => cagrFunction(100, 200, 0), "#VALUE!");
    cellErrorOf(() => requiredGrowthFunction(-5, 200, 3), "#VALUE!");
  });
});

describe("PARKPLAN.YEARREACHED(base, rate, target, baseYear) and DOUBLINGYEAR(base, rate, baseYear)", () => {
  it("YEARREACHED(100, 10%, 200, 2017) = 2025 (100·1.1^8 = 214.4 ≥ 200 > 100·1.1^7 = 194.9)", () => {
    expect(yearReachedFunction(100, 0.1, 200, 2017)).toBe(2025);
  });

  it("is the base year when the target is already met", () => {
    expect(yearReachedFunction(100, 0.1, 50, 2017)).toBe(2017);
  });

  it("DOUBLINGYEAR(100, 7.2%, 2017) = 2027 (1.072^10 = 2.004, 1.072^9 = 1.870)", () => {
    expect(doublingYearFunction(100, 0.072, 2017)).toBe(2027);
  });

  it("is #N/A when the target is never reached, #VALUE! for a rate ≤ −100% or a fractional year", () => {
    expect(cellErrorOf(() => yearReachedFunction(100, 0, 200, 2017), "#N/A").message).toContain("达不到");
    cellErrorOf(() => doublingYearFunction(100, -0.05, 2017), "#N/A");
    expect(cellErrorOf(() => yearReachedFunction(100, -1, 200, 2017), "#VALUE!").message).toBe(
      "年增速应大于 -100% / rate must be above -100%",
    );
    cellErrorOf(() => yearReachedFunction(100, 0.1, 200, 2017.5), "#VALUE!");
  });
});

describe("PARKPLAN.PROJECT(base, rate, baseYear, endYear)", () => {
  it("spills one row from the base year to the end year", () => {
    const path = projectFunction(100, 0.1, 2017, 2020);
    expect(path).toHaveLength(1);
    expect(path[0]).toHaveLength(4);
    [100, 110, 121, 133.1].forEach((v, i) => expect(path[0][i]).toBeCloseTo(v, 10));
  });

  it("is one cell when the end year is the base year; #VALUE! before it or more than 200 years on", () => {
    expect(projectFunction(42, 0.1, 2017, 2017)).toEqual([[42]]);
    cellErrorOf(() => projectFunction(100, 0.1, 2017, 2016), "#VALUE!");
    cellErrorOf(() => projectFunction(100, 0.1, 2017, 2218), "#VALUE!");
  });
});

describe("PARKPLAN.PROBABILITY(base, mean, sd, years, target, [runs], [seed])", () => {
  const p = probabilityFunction;

  it("is exactly 1 or 0 when sd = 0 (every trial is the deterministic path)", async () => {
    // 100 × 1.1 = 110.00000000000001 ≥ 110; 100 × 1.1^5 = 161.051.
    expect(await p(100, 0.1, 0, 1, 110)).toBe(1);
    expect(await p(100, 0.1, 0, 1, 110.001)).toBe(0);
    expect(await p(100, 0.1, 0, 5, 161.05)).toBe(1);
    expect(await p(100, 0.1, 0, 5, 161.06)).toBe(0);
  });

  it('is deterministic for a seed; the default seed is "parkplan"', async () => {
    const a = await p(100, 0.08, 0.05, 5, 150, 2000, 7);
    resultCache.clear();
    expect(await p(100, 0.08, 0.05, 5, 150, 2000, 7)).toBe(a);
    expect(await p(100, 0.08, 0.05, 5, 150, 2000, "7")).toBe(a);
    expect(await p(100, 0.08, 0.05, 5, 150, 2000, 8)).not.toBe(a);
    expect(await p(100, 0.08, 0.05, 5, 150, OMITTED, OMITTED)).toBe(await p(100, 0.08, 0.05, 5, 150, 10000, "parkplan"));
  });

  it("matches the normal distribution for one year: P(100(1+g) ≥ 110) = 0.5, P(100(1+g) ≥ 105) = Φ(1) = 0.8413 for g ~ N(10%, 5%)", async () => {
    // 10,000 trials: standard error ≤ 0.005; the bounds are 3 standard errors.
    expect(await p(100, 0.1, 0.05, 1, 110)).toBeGreaterThan(0.485);
    expect(await p(100, 0.1, 0.05, 1, 110)).toBeLessThan(0.515);
    expect(Math.abs((await p(100, 0.1, 0.05, 1, 105)) - 0.841345)).toBeLessThan(0.011);
  });

  it("leaves a value at 0 after a draw below −100%", async () => {
    // g ~ N(−2, 0.01): every draw is below −100%, so every trial ends at 0 (≥ 0, below 0.01).
    expect(await p(100, -2, 0.01, 1, 0)).toBe(1);
    expect(await p(100, -2, 0.01, 1, 0.01)).toBe(0);
  });

  it("rejects with #VALUE! and the rule for a negative sd, a fractional or zero run count, or too many draws", async () => {
    await rejectionOf(p(100, 0.1, -0.05, 1, 110), "#VALUE!");
    await rejectionOf(p(100, 0.1, 0.05, 1, 110, 0), "#VALUE!");
    await rejectionOf(p(100, 0.1, 0.05, 1, 110, 10.5), "#VALUE!");
    expect((await rejectionOf(p(100, 0.1, 0.05, 100, 110, 1_000_000), "#VALUE!")).message).toBe(
      "模拟次数 × 年数不能超过 20000000 / runs × years must not exceed 20000000",
    );
  });
});
