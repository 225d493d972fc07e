/**
 * The allocation strategies' table (models/policy/strategies.ts) and the `optimal` strategy: its grants
 * come from SimulateOptions.plannedGrants and are run as fixed requests (model.md §2.5), hand-computed;
 * a run of optimal without grants, and bad grants, are scenario errors naming the field.
 */
import { describe, expect, it } from "vitest";
import { platform, simulate, type Platform, type SimulationResult } from "../../models/index.js";
import { ALLOCATION_STRATEGIES, ScenarioError } from "../../models/scenario.js";
import { resolveAllocation, STRATEGIES } from "../../models/policy/strategies.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";

const BASE = 2020;
const pair: Platform[] = [
  // 主: headroom 1000 亩; 留: headroom 2000 亩. e0 = 8 / 20 = 0.4 吨标煤/万元, v = 0.2: each needs 0.4 × 0.2 × 100 = 8 万吨标煤.
  platform({ name: "主", status: "main", land: 1000, developableLand: 2000, output: 100, valueAdded: 20, energy: 8 }),
  platform({ name: "留", status: "kept", land: 3000, developableLand: 5000, output: 100, valueAdded: 20, energy: 8 }),
];
const grants = (r: SimulationResult, k = 1) => r.platforms.map((p) => p.years[k].land - p.years[k - 1].land);
const run = (scenario: Record<string, unknown>, plannedGrants?: PlannedGrants, years = 1) =>
  simulate(
    pair,
    { baseYear: BASE, horizon: BASE + years, growth: { mean: 0, sd: 0 }, energy: { intensityDecline: 0 }, ...scenario },
    { plannedGrants },
  );
/** A result without its scenario (which names the strategy): equal text = equal numbers, bit for bit. */
const numbers = (r: SimulationResult) => JSON.stringify({ ...r, scenario: null });
const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error("no ScenarioError");
};

describe("STRATEGIES: one rule per strategy", () => {
  const n = 3;
  const inputs = {
    n,
    isMain: Uint8Array.of(1, 0, 1),
    classWeights: Float64Array.of(1.5, 1, 0.5, 0),
    manual: Float64Array.from({ length: 2 * n }, (_, j) => j),
    planned: Float64Array.of(0, 0, 0, 7, 8, 9),
    used: true,
  };

  it("covers exactly the scenario's strategies; only merit weighs classes", () => {
    expect(Object.keys(STRATEGIES).sort()).toEqual([...ALLOCATION_STRATEGIES].sort());
    for (const s of ALLOCATION_STRATEGIES) {
      const rule = STRATEGIES[s];
      expect(rule.needsClasses).toBe(rule.allocation === "weights" && rule.factor === "classWeight");
    }
  });

  it("resolves to the factors and requests the kernel reads", () => {
    const r = (s: (typeof ALLOCATION_STRATEGIES)[number]) => resolveAllocation("land", s, inputs);
    expect([...r("proportional").factor]).toEqual([1, 1, 1]);
    expect(r("proportional").classWeights).toBeNull();
    expect([...r("main-only").factor]).toEqual([1, 0, 1]);
    expect([...r("merit").factor]).toEqual([1, 1, 1]);
    expect([...r("merit").classWeights!]).toEqual([1.5, 1, 0.5, 0]);
    expect(r("merit").needsClasses).toBe(true);
    for (const s of ["proportional", "merit", "main-only"] as const) expect(r(s).requests).toBeNull();
    expect(r("manual").requests).toBe(inputs.manual);
    expect(r("optimal").requests).toBe(inputs.planned);
    expect([...r("optimal").factor]).toEqual([0, 0, 0]); // a requests strategy never weighs
  });
});

describe("strategy optimal: the planned grants as fixed requests (model.md §2.5)", () => {
  it("scales requests above the quota down together, exactly as manual does with the same requests", () => {
    // 80 + 60 = 140 > 100 → × 100/140
    const r = run({ land: { quota: 100, strategy: "optimal", lagYears: 0 } }, { land: { 主: 80, 留: 60 } });
    expect(grants(r)[0]).toBeCloseTo(8000 / 140, 9);
    expect(grants(r)[1]).toBeCloseTo(6000 / 140, 9);
    const manual = run({ land: { quota: 100, strategy: "manual", manual: { 主: 80, 留: 60 }, lagYears: 0 } });
    expect(numbers(r)).toBe(numbers(manual));
  });

  it("without land.quota grants what is planned, year by year, cut to the headroom", () => {
    // 2021: 主 300 (room 1000), 留 2500 → 2000 (room 2000); quota = 2800 → 500 unallocated.
    // 2022: 主 has no 2022 entry → 0; 留 2500 but no room left → 2500 unallocated.
    const r = run({ land: { strategy: "optimal", lagYears: 0 } }, { land: { 主: { "2021": 300 }, 留: 2500 } }, 2);
    expect(grants(r, 1)).toEqual([300, 2000]);
    expect(grants(r, 2)).toEqual([0, 0]);
    expect(r.balances.map((b) => [b.year, b.landQuota, b.landUnallocated])).toEqual([
      [2021, 2800, 500],
      [2022, 2500, 2500],
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain("PLANNED_GRANTS_UNUSED");
  });

  it("energy under a cap: each platform gets its planned quota, output = c / (e·v)", () => {
    // 主 4 → Y = 4 / (0.4 × 0.2) = 50; 留 6 → 75; the cap 10 is used up.
    const r = run({ energy: { cap: 10, strategy: "optimal", intensityDecline: 0 } }, { energy: { 主: 4, 留: 6 } });
    const [y1, y2] = r.platforms.map((p) => p.years[1].output);
    expect(y1).toBeCloseTo(50, 9);
    expect(y2).toBeCloseTo(75, 9);
    expect(r.platforms.map((p) => p.years[1].binding)).toEqual(["energy", "energy"]);
    expect([r.balances[0].energyAllocated, r.balances[0].energyUnused]).toEqual([10, 0]);
  });

  it("without planned grants is a scenario error naming land.strategy, pointing to parkplan optimize", () => {
    const [issue] = issuesOf(() => run({ land: { quota: 100, strategy: "optimal" } }));
    expect(issue.path).toBe("land.strategy");
    expect(issue.en).toContain("parkplan optimize");
    expect(issue.zh).toContain("parkplan optimize");
    expect(issue.zh).toContain("决策");
    // Energy grants do not stand in for land grants.
    expect(issuesOf(() => run({ land: { strategy: "optimal" } }, { energy: { 主: 1 } }))[0].path).toBe("land.strategy");
  });

  it("energy optimal needs energy grants under a cap, and none without one (energy is then never split)", () => {
    expect(issuesOf(() => run({ energy: { cap: 10, strategy: "optimal" } }))[0].path).toBe("energy.strategy");
    expect(numbers(run({ energy: { strategy: "optimal", intensityDecline: 0 } }))).toBe(numbers(run({})));
  });

  it("names an unknown platform, a negative amount and a bad year key by their path", () => {
    const land = { strategy: "optimal" };
    const bad = { land: { 丙: 10, 主: -1, 留: { "20x1": 5 } } };
    expect(issuesOf(() => run({ land }, bad)).map((i) => i.path)).toEqual([
      "plannedGrants.land.丙",
      "plannedGrants.land.主",
      "plannedGrants.land.留.20x1",
    ]);
  });

  it("grants given to a strategy that does not read them change nothing and are named in a warning", () => {
    const land = { quota: 400, strategy: "proportional", lagYears: 0 };
    const r = run({ land }, { land: { 主: 400 } });
    expect(grants(r)).toEqual([100, 300]); // ∝ land in use 1000 : 3000
    expect(r.warnings.filter((w) => w.code === "PLANNED_GRANTS_UNUSED").map((w) => w.en)).toEqual([
      "the given per-platform land grants are not used: land.strategy is proportional, which does not read them",
    ]);
    const { warnings: _, ...rest } = r;
    const { warnings: __, ...without } = run({ land });
    expect(JSON.stringify(rest)).toBe(JSON.stringify(without));
  });
});
