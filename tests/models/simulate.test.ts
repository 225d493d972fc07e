/**
 * simulate(): one hand-computed case per equation of shared/docs/model.md (deterministic path).
 * Every expected value is written as the arithmetic an analyst would do by hand.
 */
import { describe, expect, it } from "vitest";
import { platform, simulate, type Platform, type SimulationResult } from "../../models/index.js";

const BASE = 2020;
const figures = (r: SimulationResult, name: string, year: number) => {
  const p = r.platforms.find((q) => q.name === name) ?? r.rollups.find((q) => q.name === name);
  const y = p?.years.find((f) => f.year === year);
  if (!y) throw new Error(`no figures for ${name} ${year}`);
  return y;
};
const noGrowth = { mean: 0, sd: 0 };

describe("simulate(platforms, scenario): growth and derived figures (model.md steps 1, 3, 5)", () => {
  const a = platform({
    name: "甲",
    land: 1000,
    output: 100,
    valueAdded: 20,
    tax: 5,
    energy: 8,
    rd: 2,
    highTechValueAdded: 10,
    strategicEmergingOutput: 30,
  });
  const r = simulate(Object.freeze([Object.freeze(a)]), {
    baseYear: BASE,
    horizon: BASE + 2,
    growth: { mean: 0.1, sd: 0 },
    energy: { intensityDecline: 0.05 },
  });

  it("grows 亩均产出 by μ a year and output with it on fixed land", () => {
    // p0 = 100 × 10^4 / 1000 = 1000 万元/亩; p2 = 1000 × 1.1² = 1210; Y2 = 1210 × 1000 / 10^4 = 121
    expect(figures(r, "甲", BASE).output).toBe(100);
    expect(figures(r, "甲", BASE + 1).output).toBeCloseTo(110, 10);
    expect(figures(r, "甲", BASE + 2).output).toBeCloseTo(121, 10);
    expect(figures(r, "甲", BASE + 2).outputPerMu).toBeCloseTo(1210, 9);
  });

  it("derives value added, tax, energy, R&D, high-tech and strategic output from base ratios", () => {
    const y = figures(r, "甲", BASE + 2);
    expect(y.valueAdded).toBeCloseTo(0.2 * 121, 10); // v = 20/100
    expect(y.tax).toBeCloseTo(0.05 * 121, 10); // τ = 5/100
    expect(y.taxPerMu).toBeCloseTo((6.05 * 1e4) / 1000, 9); // 60.5 万元/亩
    expect(y.valueAddedPerMu).toBeCloseTo(242, 9);
    // e0 = 8 / 20 = 0.4 吨标煤/万元; e2 = 0.4 × 0.95²; E = e × V
    expect(y.energyIntensity).toBeCloseTo(0.4 * 0.95 * 0.95, 12);
    expect(y.energy).toBeCloseTo(0.4 * 0.95 * 0.95 * 24.2, 10);
    expect(y.rd).toBeCloseTo(0.02 * 121, 10);
    expect(y.highTechValueAdded).toBeCloseTo(0.5 * 24.2, 10); // η = 10 / 20
    expect(y.strategicEmergingOutput).toBeCloseTo(0.3 * 121, 10);
    expect(y.binding).toBe("land");
  });

  it("reports the base year exactly as the sheet gives it", () => {
    const y = figures(r, "甲", BASE);
    expect([y.output, y.land, y.valueAdded, y.tax, y.energy]).toEqual([100, 1000, 20, 5, 8]);
    expect(y.binding).toBeNull();
  });
});

describe("simulate: land quota with lag and water-filling (model.md step 2)", () => {
  // μ = 0 keeps p fixed: p_A = 1000, p_B = 500 万元/亩.
  const ps: Platform[] = [
    platform({ name: "A", land: 1000, developableLand: 1500, output: 100 }),
    platform({ name: "B", land: 3000, developableLand: 3050, output: 150 }),
  ];
  const quota = { [BASE + 1]: 100, [BASE + 2]: 100, [BASE + 3]: 1000 };
  const r = simulate(ps, { baseYear: BASE, horizon: BASE + 3, growth: noGrowth, land: { quota, lagYears: 1, strategy: "proportional" } });

  it("re-splits what a full platform cannot absorb and reports what nobody can", () => {
    // Year 1: shares 100 × 1000/4000 = 25 and 75; B has 50 亩 of room → B 50, A takes the other 50.
    // Year 2: B is full → A 100. Year 3: A has 1500 − 1000 − 150 = 350 left of a 1000 quota → 650 unallocated.
    expect(r.balances.map((b) => [b.year, b.landGranted, b.landUnallocated])).toEqual([
      [BASE + 1, 100, 0],
      [BASE + 2, 100, 0],
      [BASE + 3, 350, 650],
    ]);
  });

  it("puts a grant to use λ years later: L(t) = L(t−1) + a(t−λ)", () => {
    expect([1, 2, 3].map((k) => figures(r, "A", BASE + k).land)).toEqual([1000, 1050, 1150]);
    expect([1, 2, 3].map((k) => figures(r, "B", BASE + k).land)).toEqual([3000, 3050, 3050]);
    // New land produces at the platform's current p: Y_A(3) = 1000 × 1150 / 10^4
    expect(figures(r, "A", BASE + 3).output).toBeCloseTo(115, 10);
    expect(figures(r, "B", BASE + 3).output).toBeCloseTo(152.5, 10);
  });

  it("with λ = 0 a grant produces in the year it is made", () => {
    const now = simulate(ps, { baseYear: BASE, horizon: BASE + 1, growth: noGrowth, land: { quota: 100, lagYears: 0 } });
    expect(figures(now, "A", BASE + 1).land).toBe(1050);
    expect(figures(now, "B", BASE + 1).land).toBe(3050);
  });
});

describe("simulate: energy cap and the binding constraint (model.md steps 4–5)", () => {
  // A: v = 0.2, e0 = 10/20 = 0.5 → needs 0.1 万吨 per 亿元. B: e0 = 2/20 = 0.1 → 0.02 per 亿元, grows 50%.
  const ps = [
    platform({ name: "A", land: 1000, output: 100, valueAdded: 20, energy: 10 }),
    platform({ name: "B", land: 2000, output: 100, valueAdded: 20, energy: 2 }),
  ];
  const run = (cap: number) =>
    simulate(ps, {
      baseYear: BASE,
      horizon: BASE + 1,
      growth: { mean: 0, sd: 0, byPlatform: { B: { mean: 0.5 } } },
      energy: { cap, intensityDecline: 0 },
    });

  it("water-fills the cap against each platform's need and lets energy bind", () => {
    // Need: A 0.1 × 100 = 10, B 0.02 × 150 = 3. Cap 12 split ∝ E(t−1) = 10 : 2 → A's share 10 fills A;
    // B gets the remaining 2 < 3 → Y_B = 2 / (0.1 × 0.2) = 100 instead of its land capacity 150.
    const r = run(12);
    expect(figures(r, "A", BASE + 1).output).toBeCloseTo(100, 10);
    expect(figures(r, "A", BASE + 1).binding).toBe("land");
    expect(figures(r, "B", BASE + 1).output).toBeCloseTo(100, 10);
    expect(figures(r, "B", BASE + 1).binding).toBe("energy");
    expect(r.balances[0].energyUnused).toBeCloseTo(0, 12);
  });

  it("reports energy nobody can use", () => {
    const r = run(14); // A takes 10, B its full need 3, 1 unused
    expect(figures(r, "B", BASE + 1).output).toBeCloseTo(150, 10);
    expect(figures(r, "B", BASE + 1).binding).toBe("land");
    expect(r.balances[0].energyAllocated).toBeCloseTo(13, 10);
    expect(r.balances[0].energyUnused).toBeCloseTo(1, 10);
  });

  it("without a cap, output is land capacity and no energy balance is reported", () => {
    const r = simulate(ps, { baseYear: BASE, horizon: BASE + 1, growth: noGrowth });
    expect(r.balances[0].energyCap).toBeNull();
    expect(figures(r, "A", BASE + 1).binding).toBe("land");
  });
});

describe("simulate: exits relocate output to the receiving platform (model.md Integration and exits)", () => {
  const ps = [
    platform({ name: "主", county: "X县", status: "main", land: 1000, developableLand: 1100, output: 100 }),
    platform({ name: "退", county: "X县", status: "exit", land: 400, output: 40, exitYear: BASE + 1 }),
  ];
  const r = simulate(ps, { baseYear: BASE, horizon: BASE + 2, growth: { mean: 0.1, sd: 0 }, exits: { relocationShare: 0.5 } });

  it("moves s × Y(x−1) to the county's main platform, capped by its free headroom", () => {
    // Moving: 0.5 × 40 = 20亿. Receiver p(1) = 1100 needs 20 × 10^4 / 1100 = 181.8 亩 but has 100 free:
    // it takes 100 亩 = 100 × 1100 / 10^4 = 11亿; 9亿 is lost.
    expect(r.balances[0].relocatedOutput).toBeCloseTo(11, 10);
    expect(r.balances[0].relocationLost).toBeCloseTo(9, 10);
    expect(figures(r, "主", BASE + 1).land).toBe(1100);
    expect(figures(r, "主", BASE + 1).output).toBeCloseTo(121, 10); // 1100 × 1100 / 10^4
    expect(figures(r, "主", BASE + 2).output).toBeCloseTo((1210 * 1100) / 1e4, 10);
  });

  it("the exited platform produces nothing from its exit year", () => {
    const y = figures(r, "退", BASE + 1);
    expect([y.output, y.land, y.binding]).toEqual([0, 0, "exited"]);
    expect(Number.isNaN(y.outputPerMu)).toBe(true);
  });

  it("prefers the receiver named in 整合去向", () => {
    const named = simulate(
      [
        ...ps.slice(0, 1),
        platform({ name: "乙", county: "Y县", status: "main", land: 1000, developableLand: 5000, output: 50 }),
        { ...ps[1], mainPlatform: "乙" },
      ],
      { baseYear: BASE, horizon: BASE + 1, growth: noGrowth, exits: { relocationShare: 0.5 } },
    );
    // 乙: p = 500, needs 20 × 10^4 / 500 = 400 亩, has 4000 free → all 20亿 arrive.
    expect(figures(named, "乙", BASE + 1).land).toBe(1400);
    expect(named.balances[0].relocatedOutput).toBeCloseTo(20, 10);
    expect(named.balances[0].relocationLost).toBe(0);
  });
});

describe("simulate: roll-ups recompute per-mu figures from sums (model.md Integration)", () => {
  const ps = [
    platform({ name: "主", county: "X县", status: "main", land: 1000, output: 100, tax: 5 }),
    platform({ name: "分", county: "X县", status: "subPark", mainPlatform: "主", land: 500, output: 25, tax: 0.5 }),
    platform({ name: "丙", county: "Y县", status: "kept", land: 500, output: 10, tax: 1 }),
  ];
  const r = simulate(ps, { baseYear: BASE, horizon: BASE + 1, growth: noGrowth });

  it("sums a main platform with its sub-parks and divides the sums", () => {
    const main = r.rollups.find((u) => u.kind === "main" && u.name === "主")!;
    expect(main.members).toEqual(["主", "分"]);
    expect(main.years[1].output).toBeCloseTo(125, 12);
    // (100 + 25) × 10^4 / (1000 + 500) = 833.3, not the mean of 1000 and 500
    expect(main.years[1].outputPerMu).toBeCloseTo(1250000 / 1500, 9);
    expect(main.years[1].taxPerMu).toBeCloseTo((5.5 * 1e4) / 1500, 9);
  });

  it("rolls up counties and the region", () => {
    expect(r.rollups.filter((u) => u.kind === "county").map((u) => [u.name, u.years[0].output])).toEqual([
      ["X县", 125],
      ["Y县", 10],
    ]);
    const region = r.rollups.find((u) => u.kind === "region")!;
    expect(region.years[0].outputPerMu).toBeCloseTo((135 * 1e4) / 2000, 9);
  });
});

describe("simulate: allocation strategies (model.md Allocation strategies)", () => {
  const pair = [
    platform({ name: "主", status: "main", land: 1000, developableLand: 2000, output: 100 }),
    platform({ name: "留", status: "kept", land: 3000, developableLand: 5000, output: 100 }),
  ];
  const grants = (r: SimulationResult) => r.platforms.map((p) => p.years[1].land - p.years[0].land);
  const run = (land: object, ps: Platform[] = pair) =>
    simulate(ps, { baseYear: BASE, horizon: BASE + 1, growth: noGrowth, land: { lagYears: 0, ...land } });

  it("proportional splits ∝ land in use", () => {
    expect(grants(run({ quota: 400, strategy: "proportional" }))).toEqual([100, 300]);
  });

  it("main-only gives the whole quota to main platforms", () => {
    expect(grants(run({ quota: 400, strategy: "main-only" }))).toEqual([400, 0]);
  });

  it("main-only with no main platform leaves the quota unallocated", () => {
    const r = run({ quota: 400, strategy: "main-only" }, [{ ...pair[1] }]);
    expect(r.balances[0].landUnallocated).toBe(400);
  });

  it("manual scales requests down when they exceed the quota", () => {
    // 80 + 60 = 140 > 100 → × 100/140
    const r = run({ quota: 100, strategy: "manual", manual: { 主: 80, 留: 60 } });
    expect(grants(r)[0]).toBeCloseTo(8000 / 140, 9);
    expect(grants(r)[1]).toBeCloseTo(6000 / 140, 9);
  });

  it("manual without a quota grants the requests as they are", () => {
    expect(grants(run({ strategy: "manual", manual: { 主: 80, 留: 60 } }))).toEqual([80, 60]);
  });

  it("merit (亩均论英雄) weights current use by the class of last year's evaluation", () => {
    // Only tax is in the sheet, so 亩均税收 alone ranks: 50, 40, 30, 20, 10 万元/亩.
    // n = 5: A = round(1) = 1 platform, B up to round(4) = 4, C up to round(4.75) = 5 → classes A B B B C.
    // Equal land → weights 1.5 : 1 : 1 : 1 : 0.5 (sum 5) of 1000 亩.
    const five = [5, 4, 3, 2, 1].map((tax, j) => platform({ name: `P${j + 1}`, land: 1000, developableLand: 2000, output: 100, tax }));
    expect(grants(run({ quota: 1000, strategy: "merit" }, five))).toEqual([300, 200, 200, 200, 100]);
  });
});

describe("simulate: scenario resolution", () => {
  const one = [platform({ name: "甲", land: 100, output: 1 })];
  it("takes the base year from the caller when the scenario has none", () => {
    expect(simulate(one, { horizon: 2019 }, { baseYear: 2017 }).years).toEqual([2017, 2018, 2019]);
  });
  it("refuses a run without a base year, in Chinese and English", () => {
    expect(() => simulate(one, {})).toThrow(/基年.*base year/s);
  });
  it("refuses horizon years not after the base year", () => {
    expect(() => simulate(one, { baseYear: 2020, horizon: [2019, 2022] })).toThrow(/2019/);
  });
  it("defaults the horizon to five years", () => {
    expect(simulate(one, { baseYear: 2020 }).reportYears).toEqual([2025]);
  });
  it("warns when a ratio comes from the scenario's defaults", () => {
    const r = simulate(one, { baseYear: 2020 });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(["DEFAULT_ENERGY", "DEFAULT_TAX", "DEFAULT_VALUEADDED"]);
    expect(figures(r, "甲", 2020).tax).toBeCloseTo(0.05, 12);
  });
  it("rejects platforms the equations cannot handle", () => {
    expect(() => simulate([platform({ name: "甲", land: 0, output: 5 })], { baseYear: 2020 })).toThrow(/no land/);
    expect(() => simulate([...one, ...one], { baseYear: 2020 })).toThrow(/twice/);
  });
});
