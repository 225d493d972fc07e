/**
 * Robust (sample-average) allocation (`optimize --robust K`, models/README.md "Robust allocation"): the grants
 * are shared by the first K Monte Carlo trials, each trial has its own land capacity on its own productivity,
 * the objective is the trials' average. Checked by hand on three platforms and one grant year (land goes to
 * the highest mean 亩均产出 over the sampled trials), duals against finite differences of the averaged
 * objective, K = 1 on a path without randomness equal to the deterministic LP bit for bit, the trials equal
 * to the Monte Carlo's own, the same seed giving the same plan, K validated.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { platform, type Platform } from "../../models/platform.js";
import { ScenarioError } from "../../models/scenario.js";
import { prepareSimulation } from "../../models/simulate.js";
import { runMonteCarlo } from "../../models/montecarlo.js";
import {
  baselineDocument,
  MAX_ROBUST_TRIALS,
  objectiveSentence,
  optimize,
  robustTrials,
  sampledGrowth,
  sampledTrials,
  shadowSentence,
  yearMaps,
  type LpSolver,
} from "../../models/decisions/optimize/index.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

const BASE = 2020;
// p = 400, 380, 200 万元/亩 on 1000 亩 each; headroom 300, 500, 2000 亩; e·v = 0.1, 0.05, 0.05 万吨标煤 per 亿元.
const sheet: Platform[] = [
  platform({ name: "A", county: "X县", status: "main", land: 1000, developableLand: 1300, output: 40, valueAdded: 8, energy: 4 }),
  platform({ name: "B", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 38, valueAdded: 7.6, energy: 1.9 }),
  platform({ name: "C", county: "X县", status: "kept", land: 1000, developableLand: 3000, output: 20, valueAdded: 4, energy: 1 }),
];
// Only B is uncertain (σ = 0.3); 600 亩 granted in 2021 produce in 2022, the horizon. Seed 3, two trials.
const scenario = {
  baseYear: BASE,
  horizon: [BASE + 2],
  growth: { mean: 0, sd: 0, byPlatform: { B: { mean: 0, sd: 0.3 } } },
  land: { quota: { "2021": 600 }, lagYears: 1 },
  energy: { intensityDecline: 0 },
  monteCarlo: { runs: 0, seed: 3 },
};
const robust = (doc: Record<string, unknown>, k: number) => ({ ...doc, optimize: { ...(doc.optimize as object), robust: k } });
const close = (x: number, y: number, digits = 9) => expect(x).toBeCloseTo(y, digits);
const run = (doc: Record<string, unknown>, platforms = sheet) => optimize(platforms, doc, solver).plan;
const B = 1;
const n = sheet.length;

/** B's 亩均产出 in 2022 in each sampled trial: 380 · (1 + g(2021)) · (1 + g(2022)). */
function bProductivity(seed: number, k: number): number[] {
  const c = prepareSimulation(sheet, baselineDocument(scenario)).c;
  return sampledGrowth(c, seed, k).map((g) => 380 * (1 + g[1 * n + B]) * (1 + g[2 * n + B]));
}

describe("robust allocation by hand (3 platforms, one grant year, B uncertain, K = 2)", () => {
  it("the two trials' B growth: +26.50%, +13.75% and +14.44%, −8.61% → p_B(2022) ≈ 546.8 and 397.4, mean ≈ 472.1 万元/亩", () => {
    const c = prepareSimulation(sheet, baselineDocument(scenario)).c;
    const [g1, g2] = sampledGrowth(c, 3, 2);
    close(g1[1 * n + B], 0.265027235504571, 12);
    close(g1[2 * n + B], 0.137507367646246, 12);
    close(g2[1 * n + B], 0.1443782286789356, 12);
    close(g2[2 * n + B], -0.08609577226120245, 12);
    // A and C (σ = 0) grow at their mean, 0, in every trial.
    for (const g of [g1, g2]) for (const i of [0, 2]) expect([g[n + i], g[2 * n + i]]).toEqual([0, 0]);
    const [p1, p2] = bProductivity(3, 2);
    close(p1, 380 * 1.265027235504571 * 1.137507367646246);
    close(p2, 380 * 1.144378228678936 * (1 - 0.08609577226120245));
    expect((p1 + p2) / 2).toBeGreaterThan(472);
    expect((p1 + p2) / 2).toBeLessThan(472.2);
  });

  it("deterministic: A (400) before B (380): A 300, B 300, 121.4 亿元", () => {
    const plan = run(scenario);
    expect(plan.robust).toBeNull();
    const land = yearMaps(plan, plan.grants);
    close(land.A["2021"], 300);
    close(land.B["2021"], 300);
    expect(land.C).toBeUndefined();
    close(plan.objective.value!, (400 * 1300 + 380 * 1300 + 200 * 1000) / 1e4);
  });

  it("K = 2: B's mean 472.1 beats A's 400: B 500 (its headroom), A the last 100; the objective is the trials' mean", () => {
    const plan = run(robust(scenario, 2));
    expect(plan.robust).toEqual({ trials: 2 });
    const land = yearMaps(plan, plan.grants);
    close(land.B["2021"], 500);
    close(land.A["2021"], 100);
    expect(land.C).toBeUndefined();
    const [p1, p2] = bProductivity(3, 2);
    const pB = (p1 + p2) / 2;
    close(plan.objective.value!, (400 * 1100 + pB * 1500 + 200 * 1000) / 1e4);
    // Baseline: the scenario's proportional split (200 亩 each) on the same two trials.
    close(plan.objective.baseline, (400 * 1200 + pB * 1200 + 200 * 1200) / 1e4);
    // The plan's outputs are the trials' average: B's 2022 output = p̄_B · 1500 / 10⁴.
    close(plan.output[2 * n + B], (pB * 1500) / 1e4);
    // The LP: 3 grants, each trial's 3 outputs in 2022 (the objective's year), the mean path's 3 in 2021;
    // 1 quota and 3 headroom rows, 2 × 3 capacity rows in 2022 (output and grant), 3 in 2021 (no grant produces yet).
    expect(plan.size).toEqual({ rows: 1 + 3 + 6 + 3, columns: 3 + 6 + 3, nonzeros: 3 + 3 + 6 * 2 + 3 });
  });

  it("shadow prices: the quota is worth A's 400/10⁴ (A is marginal); B's headroom (p̄_B − 400)/10⁴; A, C 0", () => {
    const plan = run(robust(scenario, 2));
    const pB = bProductivity(3, 2).reduce((s, p) => s + p, 0) / 2;
    close(plan.shadow.land[0].value, 400 / 1e4);
    const headroom = Object.fromEntries(plan.shadow.headroom.map((s) => [s.platform, s.value]));
    close(headroom.A, 0);
    close(headroom.B, (pB - 400) / 1e4);
    close(headroom.C, 0);
  });

  it("the duals equal finite differences of the averaged objective: quota + 1 亩, B's developable land + 1 亩", () => {
    const doc = robust(scenario, 2);
    const plan = run(doc);
    const quota = run({ ...doc, land: { ...scenario.land, quota: { "2021": 601 } } });
    close(quota.objective.value! - plan.objective.value!, plan.shadow.land[0].value);
    const wider = sheet.map((p) => (p.name === "B" ? { ...p, developableLand: 1501 } : p));
    const more = run(doc, wider);
    close(more.objective.value! - plan.objective.value!, plan.shadow.headroom.find((s) => s.platform === "B")!.value);
  });

  it("the sentences say the figures are the sampled trials' average", () => {
    const plan = run(robust(scenario, 2));
    expect(objectiveSentence(plan).zh).toMatch(/^最优配置下（2 次抽样试验平均），2022 年规上工业产值/);
    expect(objectiveSentence(plan).en).toMatch(/^optimal allocation \(average of 2 sampled trials\): output in 2022/);
    const land = shadowSentence(plan, "land", plan.shadow.land[0]);
    expect(land.zh).toBe("每增加 1 亩 2021 年新增用地指标，2022 年规上工业产值可增加 0.04 亿元（400 万元）（2 次抽样试验平均）");
    expect(land.en).toBe("One more 亩 of the 2021 land quota adds 0.04 亿元 (400 万元) of output in 2022 (average of 2 sampled trials)");
  });
});

describe("robust allocation with a target constraint: the target holds on the trials' average", () => {
  // B weighted 0.4 (mean 0.4 · 472.1 ≈ 189 < C's 200): without a target B gets nothing (A 300, C 300).
  // Target: B's 2022 output ≥ p̄_B · 1200 / 10⁴, met on average with a_B = 200; trial 2 alone (p_B ≈ 397.4)
  // would need 425 亩 (a per-trial constraint), so a_B = 200 shows the average is what is constrained.
  const targetB = (threshold: number) => ({
    id: "B-OUT",
    level: "platform",
    metric: "output",
    comparison: ">=",
    threshold,
    year: BASE + 2,
    subjects: { names: ["B"] },
  });
  it("B gets 200 亩, exactly what the average needs; the trial that draws low stays below the threshold", () => {
    const [p1, p2] = bProductivity(3, 2);
    const pB = (p1 + p2) / 2;
    const threshold = (pB * 1200) / 1e4;
    const free = run({ ...scenario, optimize: { robust: 2, weights: { B: 0.4 } } });
    expect(yearMaps(free, free.grants).B).toBeUndefined();
    const plan = run({ ...scenario, targets: [targetB(threshold)], optimize: { robust: 2, weights: { B: 0.4 }, targets: ["B-OUT"] } });
    expect(plan.feasible).toBe(true);
    const land = yearMaps(plan, plan.grants);
    close(land.B["2021"], 200, 6);
    close(land.A["2021"], 300, 6);
    close(land.C["2021"], 100, 6);
    close(plan.output[2 * n + B], threshold, 6);
    expect((p2 * 1200) / 1e4).toBeLessThan(threshold);
  });

  it("a target above what any grant can give on average is infeasible, named with the headroom that binds", () => {
    const [p1, p2] = bProductivity(3, 2);
    const most = (((p1 + p2) / 2) * 1500) / 1e4;
    const plan = run({ ...scenario, targets: [targetB(most + 1)], optimize: { robust: 2, targets: ["B-OUT"] } });
    expect(plan.feasible).toBe(false);
    const target = plan.conflicts.find((c) => c.kind === "target")!;
    close(target.shortfall!, 1, 6);
    expect(plan.conflicts.some((c) => c.kind === "headroom" && c.id === "B")).toBe(true);
  });
});

describe("robust allocation under an energy cap (K = 3): shared energy quotas", () => {
  const capped = { ...scenario, energy: { intensityDecline: 0, cap: { "2021": 100, "2022": 6 } } };

  it("the quotas fit the cap, each covers the most any trial uses, and the energy and land duals equal finite differences", () => {
    const doc = robust(capped, 3);
    const plan = run(doc);
    expect(plan.feasible).toBe(true);
    const energy = plan.energy!;
    let used = 0;
    for (let i = 0; i < n; i++) used += energy[2 * n + i];
    expect(used).toBeLessThanOrEqual(6 + 1e-9);
    // B's quota covers its output in the best of the three trials at the land it was given.
    const c = prepareSimulation(sheet, baselineDocument(capped)).c;
    const trials = sampledGrowth(c, 3, 3);
    const aB = plan.grants[1 * n + B];
    const most = Math.max(...trials.map((g) => 0.05 * ((380 * (1 + g[n + B]) * (1 + g[2 * n + B]) * (1000 + aB)) / 1e4)));
    expect(energy[2 * n + B]).toBeLessThanOrEqual(most + 1e-9);
    const dE = plan.shadow.energy.find((s) => s.year === 2022)!.value;
    expect(dE).toBeGreaterThan(0);
    const h = 0.01;
    const moreCap = run({ ...doc, energy: { intensityDecline: 0, cap: { "2021": 100, "2022": 6 + h } } });
    close((moreCap.objective.value! - plan.objective.value!) / h, dE, 6);
    const moreQuota = run({ ...doc, land: { ...scenario.land, quota: { "2021": 600 + h } } });
    close((moreQuota.objective.value! - plan.objective.value!) / h, plan.shadow.land[0].value, 6);
  });
});

describe("robust allocation: K = 1, the Monte Carlo's trials, reproducibility, K's bounds", () => {
  // Nothing uncertain (σ = 0 everywhere) and an energy cap: trial 1 is the deterministic path exactly.
  const certain = {
    ...scenario,
    growth: { mean: 0.05, sd: 0 },
    energy: { intensityDecline: 0.02, cap: { "2021": 100, "2022": 9 } },
    optimize: { over: "all" },
  };

  it("K = 1 on a path without randomness is today's optimize exactly: the same LP, plan, duals and baseline", () => {
    const plain = run(certain);
    const one = run(robust(certain, 1));
    expect(one.robust).toEqual({ trials: 1 });
    expect(plain.robust).toBeNull();
    expect(one.built.lp).toEqual(plain.built.lp);
    expect(one.objective).toEqual(plain.objective);
    expect(one.grants).toEqual(plain.grants);
    expect(one.energy).toEqual(plain.energy);
    expect(one.output).toEqual(plain.output);
    expect(one.shadow).toEqual(plain.shadow);
    expect(one.size).toEqual(plain.size);
  });

  it("K = 4 without randomness gives the deterministic plan's grants and objective (four equal trials)", () => {
    const plain = run(certain);
    const four = run(robust(certain, 4));
    for (let at = 0; at < plain.grants.length; at++) close(four.grants[at], plain.grants[at], 6);
    close(four.objective.value!, plain.objective.value!, 6);
    close(four.shadow.land[0].value, plain.shadow.land[0].value, 6);
  });

  it("the sampled trials are the Monte Carlo's own: each trial's path (under the scenario's strategy) is the record's", () => {
    const doc = { ...scenario, horizon: [BASE + 1, BASE + 2], growth: { mean: 0.03, sd: 0.1, correlation: 0.4, persistence: 0.5 } };
    const K = 5;
    const prepared = prepareSimulation(sheet, { ...doc, monteCarlo: { runs: K, seed: 3 } });
    const record = runMonteCarlo(prepared.setup!);
    const trials = sampledTrials(prepared, K);
    expect(trials).toHaveLength(K);
    prepared.setup!.reportSteps.forEach((k, r) => {
      for (let i = 0; i < n; i++)
        for (let t = 0; t < K; t++) expect(record.output[(r * n + i) * K + t]).toBe(Math.fround(trials[t].path.output[k * n + i]));
    });
    for (const t of trials) expect(t.weight).toBe(1 / K);
  });

  it("the same seed gives the same plan; another seed other trials", () => {
    const doc = robust(scenario, 10);
    const a = run(doc);
    const b = run(doc);
    expect(b.grants).toEqual(a.grants);
    expect(b.objective).toEqual(a.objective);
    expect(b.shadow).toEqual(a.shadow);
    const other = run({ ...doc, monteCarlo: { runs: 0, seed: 4 } });
    expect(other.objective.value).not.toBe(a.objective.value);
  });

  it("K: a whole number 1 … 200 (MAX_ROBUST_TRIALS), else a bilingual message; the scenario's optimize.robust the same", () => {
    expect(MAX_ROBUST_TRIALS).toBe(200);
    expect(robustTrials("1")).toBe(1);
    expect(robustTrials("200")).toBe(200);
    expect(robustTrials(50)).toBe(50);
    for (const bad of ["0", "201", "2.5", "-3", "ten", ""]) {
      const m = robustTrials(bad);
      expect(m).toEqual({
        zh: `--robust 须为 1 至 200 之间的整数（抽样试验次数；每次试验都会增加线性规划的行和列），收到“${bad}”`,
        en: `--robust must be a whole number from 1 to 200 (sampled trials; each adds rows and columns to the LP), got "${bad}"`,
      });
    }
    expect(run(robust(scenario, 200)).robust).toEqual({ trials: 200 });
    for (const bad of [0, 201, 2.5]) {
      try {
        run(robust(scenario, bad));
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        expect((e as ScenarioError).issues.map((x) => x.path)).toEqual(["optimize.robust"]);
      }
    }
  });
});
