/**
 * 优化配置 from a hand-solved plan (tests/models/optimize.test.ts's three platforms): the objective row, the
 * grants table in sheet order with totals, the shadow prices with their sentences, the charts declared over
 * their blocks (grants as clustered bars, shadow prices by year), the energy table under a cap, and the
 * conflicts table instead of the plan when it is infeasible.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { optimize, type LpSolver } from "../../models/decisions/optimize/index.js";
import { platform, type Platform } from "../../models/platform.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";
import { ALLOCATION_CHART, buildOptimizationSheet, SHADOW_CHART } from "../../src/workbook/results/optimization.js";
import type { SheetSpec } from "../../src/workbook/sheetSpec.js";

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

const sheet: Platform[] = [
  platform({ name: "C", county: "X县", status: "kept", land: 1000, developableLand: 3000, output: 20, valueAdded: 4, energy: 1 }),
  platform({ name: "A", county: "X县", status: "main", land: 1000, developableLand: 1300, output: 60, valueAdded: 12, energy: 6 }),
  platform({ name: "B", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 40, valueAdded: 8, energy: 2 }),
];
const scenario = {
  name: "手算",
  baseYear: 2020,
  horizon: [2022],
  growth: { mean: 0, sd: 0 },
  land: { quota: { "2021": 1000 }, lagYears: 1 },
  energy: { intensityDecline: 0 },
};
const order = sheet.map((p) => p.name);
const build = (doc: Record<string, unknown>) =>
  buildOptimizationSheet({ scenarioName: "手算", plan: optimize(sheet, doc, solver).plan, result: null, order });
const rowOf = (spec: SheetSpec, first: string) => spec.rows.find((r) => r[0]?.v === first)!.map((c) => c.v);

describe("优化配置", () => {
  it("objective, grants in sheet order with totals, shadow prices with sentences", () => {
    const spec = build(scenario);
    expect(spec.name).toBe("优化配置");
    expect(rowOf(spec, "规上工业产值 / output").slice(3)).toEqual([expect.closeTo(162, 9), expect.closeTo(159, 9), expect.closeTo(3, 9)]);
    const landTable = spec.tables!.find((t) => t.name === "PP_Optimize_Land")!;
    const names = spec.rows.slice(landTable.range.top + 1, landTable.range.bottom + 1).map((r) => r[0].v);
    expect(names).toEqual(["C", "A", "B"]);
    expect(spec.rows[landTable.range.top].map((c) => c.v)).toEqual(["平台 / Platform", "2021 年 / 2021", "合计 / Total"]);
    expect(spec.rows[landTable.range.top + 1].map((c) => c.v)).toEqual(["C", expect.closeTo(200, 9), expect.closeTo(200, 9)]);
    const texts = spec.rows.flat().map((c) => c.v);
    expect(texts).toContain("每增加 1 亩 2021 年新增用地指标，2022 年规上工业产值可增加 0.02 亿元（200 万元）");
    expect(texts).toContain("A的可开发空间每增加 1 亩，2022 年规上工业产值可增加 0.04 亿元（400 万元）");
    expect(spec.tables!.some((t) => t.name === "PP_Optimize_Energy")).toBe(false);
  });

  it("declares the allocation bars over the platforms with land and the shadow prices by year", () => {
    const spec = build(scenario);
    const bars = spec.charts!.find((c) => c.name === ALLOCATION_CHART)!;
    expect(bars.type).toBe("columnClustered");
    // Header row (the grant years), then C, A, B: every one got land.
    expect(spec.rows[bars.range.top].map((c) => c.v)).toEqual(["平台 / Platform", "2021"]);
    expect(spec.rows.slice(bars.range.top + 1, bars.range.bottom + 1).map((r) => r[0].v)).toEqual(["C", "A", "B"]);
    expect(bars.range.right).toBe(1);
    const prices = spec.charts!.find((c) => c.name === SHADOW_CHART)!;
    expect(spec.rows.slice(prices.range.top + 1, prices.range.bottom + 1).map((r) => r.map((c) => c.v))).toEqual([
      ["2021", expect.closeTo(0.02, 9)],
    ]);
  });

  it("under a cap: the energy quotas table and the energy price series", () => {
    const spec = build({ ...scenario, energy: { intensityDecline: 0, cap: { "2021": 100, "2022": 9.5 } } });
    expect(spec.tables!.some((t) => t.name === "PP_Optimize_Energy")).toBe(true);
    expect(rowOf(spec, "A").length).toBeGreaterThan(2);
    const prices = spec.charts!.find((c) => c.name === SHADOW_CHART)!;
    expect(prices.range.right).toBe(2);
    expect(spec.rows.slice(prices.range.top + 1, prices.range.bottom + 1).map((r) => r.map((c) => c.v))).toEqual([
      ["2021", expect.closeTo(0.01, 9), 0],
      // No land price in 2022: a grant then would produce after the horizon (no quota row).
      ["2022", null, expect.closeTo(10, 9)],
    ]);
  });

  it("infeasible: the conflicts with their sentences, no grants, no charts", () => {
    const target = {
      id: "C-OUT",
      level: "platform",
      metric: "output",
      comparison: ">=",
      threshold: 50,
      year: 2022,
      subjects: { names: ["C"] },
    };
    const spec = build({ ...scenario, targets: [target], optimize: { targets: ["C-OUT"] } });
    expect(spec.tables!.map((t) => t.name)).toEqual(["PP_Optimize_Objective", "PP_Optimize_Conflicts"]);
    expect(spec.charts).toBeUndefined();
    expect(spec.rows.flat().map((c) => c.v)).toContain("目标 C-OUT（C，2022 年产值 ≥ 50 亿元）无法满足，最接近时仍差 10 亿元");
  });
});
