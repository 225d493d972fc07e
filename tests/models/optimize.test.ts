/**
 * Optimal allocation (model.md §2.5) on LPs small enough to solve by hand: three platforms, one grant year.
 * Land goes to the highest 亩均产出 first, up to headroom; the land shadow price is the marginal platform's
 * p/10⁴; with an energy cap binding, energy goes to the most output per 万吨标煤 and the prices net out.
 * Duals are checked against finite differences of the LP objective (re-solved with the bound + 1).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { platform, type Platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { optimize, plannedRun, yearMaps, type LpSolver } from "../../models/decisions/optimize/index.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

const BASE = 2020;
// p = 600, 400, 200 万元/亩 on 1000 亩 each; headroom 300, 500, 2000 亩. v = 0.2; e = 0.5, 0.25, 0.25 吨标煤/万元
// → e·v = 0.1, 0.05, 0.05 万吨标煤 per 亿元 of output.
const sheet: Platform[] = [
  platform({ name: "A", county: "X县", status: "main", land: 1000, developableLand: 1300, output: 60, valueAdded: 12, energy: 6 }),
  platform({ name: "B", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 40, valueAdded: 8, energy: 2 }),
  platform({ name: "C", county: "X县", status: "kept", land: 1000, developableLand: 3000, output: 20, valueAdded: 4, energy: 1 }),
];
// One grant year (2021, 1000 亩); with λ = 1 it produces in 2022, the horizon.
const scenario = {
  baseYear: BASE,
  horizon: [BASE + 2],
  growth: { mean: 0, sd: 0 },
  land: { quota: { "2021": 1000 }, lagYears: 1 },
  energy: { intensityDecline: 0 },
};
const capped = { ...scenario, energy: { intensityDecline: 0, cap: { "2021": 100, "2022": 9.5 } } };
const withQuota = (s: typeof scenario, q: number) => ({ ...s, land: { ...s.land, quota: { "2021": q } } });
const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 9);
const run = (doc: Record<string, unknown>) => optimize(sheet, doc, solver).plan;

describe("optimal allocation, land only", () => {
  it("fills the highest 亩均产出 first up to its headroom: A 300, B 500, C the last 200", () => {
    const plan = run(scenario);
    expect(plan.feasible).toBe(true);
    const land = yearMaps(plan, plan.grants);
    close(land.A["2021"], 300);
    close(land.B["2021"], 500);
    close(land.C["2021"], 200);
    // Y(2022) = (1300·600 + 1500·400 + 1200·200)/10⁴ = 162 亿元.
    close(plan.objective.value!, 162);
    expect(plan.objective.years).toEqual([2022]);
    expect(plan.energy).toBeNull();
  });

  it("the baseline is the scenario's own proportional split: A capped at 300, B and C 350 each → 159 亿元", () => {
    close(run(scenario).objective.baseline, (1300 * 600 + 1350 * 400 + 1350 * 200) / 1e4);
  });

  it("a scenario whose strategy is optimal is compared with proportional (its plan is what is being found)", () => {
    const plan = run({ ...scenario, land: { ...scenario.land, strategy: "optimal" } });
    close(plan.objective.baseline, 159);
    close(plan.objective.value!, 162);
  });

  it("shadow prices: a 亩 of 2021 quota is worth C's p/10⁴ = 0.02 亿元; headroom A 0.04, B 0.02, C 0", () => {
    const plan = run(scenario);
    expect(plan.shadow.land.map((s) => s.year)).toEqual([2021]);
    close(plan.shadow.land[0].value, 200 / 1e4);
    const headroom = Object.fromEntries(plan.shadow.headroom.map((s) => [s.platform, s.value]));
    close(headroom.A, (600 - 200) / 1e4);
    close(headroom.B, (400 - 200) / 1e4);
    close(headroom.C, 0);
  });

  it("the land dual equals the finite difference of the objective (quota + 1 亩)", () => {
    const plan = run(scenario);
    const more = run(withQuota(scenario, 1001));
    close(more.objective.value! - plan.objective.value!, plan.shadow.land[0].value);
  });

  it("the headroom dual equals the finite difference (A's developable land + 1 亩)", () => {
    const plan = run(scenario);
    const wider = sheet.map((p) => (p.name === "A" ? { ...p, developableLand: 1301 } : p));
    const more = optimize(wider, scenario, solver).plan;
    close(more.objective.value! - plan.objective.value!, plan.shadow.headroom.find((s) => s.platform === "A")!.value);
  });

  it("objective over all years counts 2021 too (grants do not produce yet): 120 + 162", () => {
    const plan = run({ ...scenario, optimize: { over: "all" } });
    close(plan.objective.value!, 120 + 162);
    expect(plan.objective.years).toEqual([2021, 2022]);
  });

  it("tax objective: coefficients τ = the default 0.05 → 0.05 × 162", () => {
    close(run({ ...scenario, optimize: { objective: "tax" } }).objective.value!, 0.05 * 162);
  });

  it("weights move the land: a weight of 4 on C (4 × 200 > 600) sends C the land first", () => {
    const plan = run({ ...scenario, optimize: { weights: { C: 4 } } });
    close(yearMaps(plan, plan.grants).C["2021"], 1000);
  });

  it("land.max caps a platform and land.min forces one: A ≤ 100, C ≥ 400", () => {
    const plan = run({ ...scenario, optimize: { land: { max: { A: 100 }, min: { C: 400 } } } });
    const land = yearMaps(plan, plan.grants);
    close(land.A["2021"], 100);
    close(land.B["2021"], 500);
    close(land.C["2021"], 400);
  });

  it("main-only strategy keeps C (kept) out of the LP: B takes the rest, 200 亩 stay unallocated", () => {
    const plan = run({ ...scenario, land: { ...scenario.land, strategy: "main-only" } });
    const land = yearMaps(plan, plan.grants);
    close(land.A["2021"], 300);
    close(land.B["2021"], 500);
    expect(land.C).toBeUndefined();
    close(plan.shadow.land[0].value, 0);
  });

  it("run through the model with strategy optimal and the plan as planned grants, the plan's deterministic path is the LP's: 162 亿元 in 2022", () => {
    const plan = run(scenario);
    const { scenario: doc, plannedGrants } = plannedRun(scenario, plan);
    const r = simulate(sheet, doc, { plannedGrants });
    const y2022 = r.platforms.reduce((s, p) => s + p.years.find((y) => y.year === 2022)!.output, 0);
    close(y2022, 162);
  });
});

describe("optimal allocation with the energy cap binding (9.5 万吨标煤 in 2022)", () => {
  // Energy goes to B and C (20 亿元 per 万吨标煤) before A (10): B 60 亿 (3), C 30 亿 (1.5), A the last 5 → 50 亿.
  // A marginal on energy: λ_E = 1/(e·v)_A = 10; a 亩 nets p/10⁴ − e·v·p/10⁴·λ_E: B 0.02, C 0.01, A 0.
  it("land to B (headroom) and C, none to A; A runs below its land capacity: 140 亿元", () => {
    const plan = run(capped);
    const land = yearMaps(plan, plan.grants);
    close(land.B["2021"], 500);
    close(land.C["2021"], 500);
    expect(land.A).toBeUndefined();
    close(plan.objective.value!, 140);
    const energy = yearMaps(plan, plan.energy!);
    close(energy.A["2022"], 5);
    close(energy.B["2022"], 3);
    close(energy.C["2022"], 1.5);
  });

  it("shadow prices: energy 10 亿元 per 万吨标煤 in 2022 (0 in 2021), land 0.01, headroom B 0.01", () => {
    const plan = run(capped);
    expect(plan.shadow.energy.map((s) => [s.year, s.value])).toEqual([
      [2021, 0],
      [2022, expect.closeTo(10, 9)],
    ]);
    close(plan.shadow.land[0].value, 0.01);
    close(plan.shadow.headroom.find((s) => s.platform === "B")!.value, 0.01);
  });

  it("both duals equal finite differences: cap + 1 万吨标煤, quota + 1 亩", () => {
    const plan = run(capped);
    const cap = run({ ...capped, energy: { intensityDecline: 0, cap: { "2021": 100, "2022": 10.5 } } });
    close(cap.objective.value! - plan.objective.value!, plan.shadow.energy[1].value);
    const quota = run(withQuota(capped, 1001));
    close(quota.objective.value! - plan.objective.value!, plan.shadow.land[0].value);
  });

  it("run with strategy optimal and the plan's grants and energy quotas, the model's path gives the LP's 140 亿元", () => {
    const plan = run(capped);
    const { scenario: doc, plannedGrants } = plannedRun(capped, plan);
    const r = simulate(sheet, doc, { plannedGrants });
    expect(r.warnings.filter((w) => w.code === "PLANNED_GRANTS_UNUSED")).toEqual([]);
    const y2022 = r.platforms.reduce((s, p) => s + p.years.find((y) => y.year === 2022)!.output, 0);
    close(y2022, 140);
  });
});
