/**
 * Back-solve (models/decisions/solve.ts): a closed-form answer (one platform, σ = 0), common random numbers
 * (P at the lever's neutral value is the base run's exactly), a lever that cannot reach the target, the
 * curve rising with x, the per-subject table, the sentence, and input errors naming the option.
 */
import { describe, expect, test } from "vitest";
import { evaluate, planSolve, solve, solveAll, SolveInputError, type SolveProblem } from "../../models/decisions/solve.js";
import { platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";

// 40 亿元 on 1,000 亩: 400 万元/亩; land does not move (no quota), so 亩均产出(T) = 400 · (1 + g)^k.
const alone = [platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, output: 40 })];
const K = 3;
const THRESHOLD = 500;
const target = { id: "T", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: THRESHOLD, year: 2020 + K };
const closedForm = (runs: number): SolveProblem => ({
  platforms: alone,
  scenario: { baseYear: 2020, horizon: [2023], growth: { mean: 0.05, sd: 0 }, targets: [target], monteCarlo: { runs, seed: 1 } },
  target: "T",
  subject: "甲",
  lever: { kind: "growth" },
});

// Several platforms with noise: two main platforms (one with a sub-park) and a kept one.
const region = [
  platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, developableLand: 3000, output: 45 }),
  platform({
    name: "甲一",
    county: "X",
    status: "subPark",
    level: "township",
    mainPlatform: "甲",
    land: 300,
    developableLand: 600,
    output: 9,
  }),
  platform({ name: "乙", county: "Y", status: "main", level: "provincial", land: 800, developableLand: 2000, output: 30 }),
  platform({ name: "丙", county: "Y", status: "kept", level: "township", land: 400, output: 10 }),
];
const noisy = (runs = 600): SolveProblem => ({
  platforms: region,
  scenario: {
    baseYear: 2020,
    horizon: [2021, 2022, 2023],
    growth: { mean: 0.05, sd: 0.04, correlation: 0.3 },
    land: { quota: 200, strategy: "proportional" },
    targets: [target],
    monteCarlo: { runs, seed: "solve" },
  },
  target: "T",
  subject: "甲",
  lever: { kind: "growth" },
});

describe("back-solve", () => {
  test("one platform, σ = 0: the growth needed is (threshold / p0)^(1/k) − 1, to the grid's 0.001", () => {
    const needed = Math.pow(THRESHOLD / 400, 1 / K) - 1 - 0.05; // 0.0272… above the scenario's 5%
    for (const runs of [0, 300]) {
      const r = solve(closedForm(runs));
      expect(r.status).toBe("solved");
      expect(r.value).toBe(0.028);
      expect(r.value! - r.tolerance).toBeLessThan(needed);
      expect(r.value!).toBeGreaterThanOrEqual(needed);
      expect(r.probability).toBe(1);
      // The grid point below the answer misses (P 0), the answer meets (P 1).
      expect(r.curve.find((q) => q.x === 0.027)?.p).toBe(0);
      expect(r.base).toEqual({ x: 0, p: 0 });
      expect(r.platforms).toEqual(["甲"]);
      // lo, hi, the base, then ⌈log2 250⌉ = 8 midpoints at most (the base may be one of them).
      expect(r.evaluations).toBeLessThanOrEqual(11);
    }
  });

  test("common random numbers: P at the neutral value is the base run's probability, exactly", () => {
    const problem = noisy();
    const base = simulate(region, problem.scenario).targets.find((t) => t.id === "T" && t.subject === "甲")!.probability!;
    expect(base).toBeGreaterThan(0);
    expect(base).toBeLessThan(1);
    const plan = planSolve(problem);
    expect(evaluate(plan, 0)).toBe(base);
    expect(evaluate(plan, null)).toBe(base);
    expect(solve(problem).base).toEqual({ x: 0, p: base });
    // And the same x twice gives the same P (the same seed each time).
    expect(evaluate(plan, 0.013)).toBe(evaluate(plan, 0.013));
  });

  test("the curve rises with x, the answer is its first point at p* or above, and the point below it is under p*", () => {
    const r = solve({ ...noisy(), probability: 0.9 });
    expect(r.status).toBe("solved");
    expect(r.monotone).toBe(true);
    const xs = r.curve.map((q) => q.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (let k = 1; k < r.curve.length; k++) expect(r.curve[k].p).toBeGreaterThanOrEqual(r.curve[k - 1].p);
    const at = r.curve.findIndex((q) => q.x === r.value);
    expect(r.curve[at].p).toBeGreaterThanOrEqual(0.9);
    expect(r.curve[at - 1].p).toBeLessThan(0.9);
    // Bisection to the grid: the point just below the answer was evaluated.
    expect(r.curve[at - 1].x).toBeCloseTo(r.value! - 0.001, 12);
    // A main platform's growth lever moves the platforms its 亩均产出 sums: itself and its sub-park.
    expect(r.platforms).toEqual(["甲", "甲一"]);
  });

  test("not reachable in [lo, hi]: P(hi) < p*, no value; already met at lo: P(lo) ≥ p*", () => {
    const low = solve({ ...closedForm(0), range: [-0.05, 0.02] });
    expect(low).toMatchObject({ status: "unreachable", reachable: false, value: null, probability: 0 });
    expect(low.curve.map((q) => q.x)).toEqual([-0.05, 0, 0.02]);
    expect(low.sentence.zh).toContain("无法达到");
    const high = solve({ ...closedForm(0), range: [0.03, 0.1] });
    expect(high).toMatchObject({ status: "alreadyMet", reachable: true, value: 0.03, probability: 1 });
  });

  test("the sentence states the target, the goal and the answer", () => {
    const r = solve(closedForm(300));
    expect(r.sentence.zh).toBe(
      "要使 甲 2023 年 亩均产出 ≥ 500.0 万元/亩 的概率达到 80.0%，甲的增长率需提高 2.8 个百分点（情景原值下概率 0.0%）",
    );
    expect(r.sentence.en).toContain("must rise by 2.8 points");
  });

  test("land scale: the quota a main platform needs, with the neutral value 1 giving the base", () => {
    // Output of 甲 ≥ 75 亿元 by 2023: more quota, more land, more output.
    const problem: SolveProblem = {
      ...noisy(300),
      scenario: { ...(noisy(300).scenario as object), targets: [{ ...target, metric: "output", threshold: 75 }] },
      lever: { kind: "land" },
    };
    const r = solve(problem);
    const base = simulate(region, problem.scenario).targets.find((t) => t.id === "T" && t.subject === "甲")!.probability!;
    expect(r.base).toEqual({ x: 1, p: base });
    expect(base).toBeLessThan(0.8);
    expect(r.status).toBe("solved");
    expect(r.value).toBeGreaterThan(1);
    expect(r.monotone).toBe(true);
    expect(r.platforms).toBeNull();
  });

  test("without a subject, one back-solve per main platform on its own growth", () => {
    const all = solveAll({ ...noisy(300), subject: undefined });
    expect(all.map((r) => r.subject)).toEqual(["甲", "乙"]);
    expect(all.map((r) => r.platforms)).toEqual([["甲", "甲一"], ["乙"]]);
    for (const r of all) expect(r).toEqual(solve({ ...noisy(300), subject: r.subject }));
  });

  test("input errors name the option", () => {
    const error = (p: Partial<SolveProblem>) => {
      try {
        planSolve({ ...noisy(0), ...p });
      } catch (e) {
        expect(e).toBeInstanceOf(SolveInputError);
        return (e as SolveInputError).option;
      }
      return null;
    };
    expect(error({ target: "nope" })).toBe("--target");
    expect(error({ subject: "丙" })).toBe("--subject");
    expect(error({ range: [0.1, 0.05] })).toBe("--range");
    expect(error({ probability: 1.5 })).toBe("--probability");
    expect(error({ lever: { kind: "energy" } })).toBe("--lever");
    // A preset's target id the scenario does not list is added.
    expect(planSolve({ ...noisy(0), target: "JX-7", subject: "甲" }).check.def.id).toBe("JX-7");
  });
});
