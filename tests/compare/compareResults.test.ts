/**
 * compareResults against the single runs: every figure of the comparison is the number simulate() gave
 * that scenario alone, and every difference is value − baseline.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import type { SimulationResult } from "../../models/results.js";
import { compareResults, ComparisonError, type ComparisonModel } from "../../src/compare/index.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, PLAIN, platformGrid } from "./fixture.js";

const sheet = readPlatformSheet(platformGrid());
const run = (scenario: object): SimulationResult => simulate(sheet.platforms, scenario, { baseYear: sheet.baseYear ?? undefined });
const runs = [BASE, MERIT, PLAIN].map(run);
const named = runs.map((result) => ({ name: result.scenario.name, result }));
const model = compareResults(named);

const row = (m: ComparisonModel, key: string) => {
  const r = m.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};
const region = (r: SimulationResult) => r.rollups.find((u) => u.kind === "region")!;

describe("compareResults", () => {
  test("columns are the scenarios in order, the first is the baseline, years are every report year", () => {
    expect(model.scenarios.map((s) => s.name)).toEqual(["基准", "亩均", "确定性"]);
    expect(model.baseline).toBe(0);
    expect(model.years).toEqual([2020, 2021, 2022]);
    expect(model.scenarios.map((s) => [s.runs, s.seed])).toEqual([
      [40, "t"],
      [40, "t"],
      [0, null],
    ]);
  });

  test("region figures equal each run's region roll-up: deterministic value and P10/P50/P90", () => {
    for (const metric of ["output", "valueAdded", "taxPerMu", "energy", "energyIntensity", "land"] as const) {
      for (const year of [2020, 2022]) {
        runs.forEach((r, k) => {
          const cell = row(model, `${metric}@${year}`).cells[k];
          const figures = region(r).years.find((y) => y.year === year)!;
          expect(cell.value).toBe(figures[metric]);
          const q = region(r).stats?.[String(year)]?.[metric];
          expect([cell.p10, cell.p50, cell.p90]).toEqual(q ? [q.p10, q.p50, q.p90] : [null, null, null]);
        });
      }
    }
    // 2021 is a report year of the deterministic scenario only: the others show their path without quantiles.
    const cell = row(model, "output@2021").cells[0];
    expect(cell.value).toBe(region(runs[0]).years.find((y) => y.year === 2021)!.output);
    expect(cell.p10).toBeNull();
  });

  test("platform counts and unallocated land equal what each run's roll-ups and balances give", () => {
    runs.forEach((r, k) => {
      const mains = r.rollups.filter((u) => u.kind === "main");
      const at = (u: (typeof mains)[number]) => u.years.find((y) => y.year === 2022)!;
      expect(row(model, "platforms1000@2022").cells[k].value).toBe(mains.filter((u) => at(u).output >= 1000).length);
      expect(row(model, "platformsPerMu500@2022").cells[k].value).toBe(mains.filter((u) => at(u).outputPerMu >= 500).length);
      const unallocated = r.balances.filter((b) => b.year <= 2021).reduce((s, b) => s + b.landUnallocated, 0);
      expect(row(model, "landUnallocated@2021").cells[k].value).toBe(unallocated);
    });
    // The fixture is built so the quota exceeds the headroom and some land is left over.
    expect(row(model, "landUnallocated@2022").cells[0].value).toBeGreaterThan(0);
    // 甲经开区 (with 乙园) passes 1000亿 within the horizon in the baseline.
    expect(row(model, "platforms1000@2022").cells[0].value).toBe(1);
    expect(row(model, "platforms1000@2020").cells[0].value).toBe(0);
  });

  test("target rows: met of evaluable subjects, mean probability, and a region target's value and probability", () => {
    runs.forEach((r, k) => {
      const pm = r.targets.filter((t) => t.id === "PM");
      const cell = row(model, "target:PM").cells[k];
      expect(cell.value).toBe(pm.filter((t) => t.met === true).length);
      expect(cell.of).toBe(pm.filter((t) => t.evaluable).length);
      expect(cell.of).toBe(2);
      if (r.monteCarlo) expect(cell.probability).toBeCloseTo(pm.reduce((s, t) => s + (t.probability as number), 0) / pm.length, 12);
      else expect(cell.probability).toBeNull();
      const out = r.targets.find((t) => t.id === "OUT")!;
      expect(row(model, "target:OUT:value").cells[k]).toMatchObject({ value: out.value, probability: out.probability });
    });
    expect(row(model, "target:OUT:value").fmt).toBe("yi");
    expect(row(model, "target:K1000:value").fmt).toBe("int");
    expect(model.rows.some((r) => r.key === "target:PM:value")).toBe(false);
  });

  test("every difference is value − baseline (and probability − baseline probability); the baseline's own is 0", () => {
    for (const r of model.rows) {
      const base = r.cells[0];
      r.cells.forEach((c) => {
        expect(c.diff).toBe(c.value === null || base.value === null ? null : c.value - base.value);
        expect(c.diffProbability).toBe(c.probability === null || base.probability === null ? null : c.probability - base.probability);
      });
      if (base.value !== null) expect(r.cells[0].diff).toBe(0);
    }
    const output = row(model, "output@2022").cells;
    expect(output[1].diff).toBe(output[1].value! - output[0].value!);
  });

  test("a baseline chosen by name or index changes only the differences", () => {
    const byName = compareResults(named, "亩均");
    expect(byName.baseline).toBe(1);
    expect(compareResults(named, 1)).toEqual(byName);
    const output = row(byName, "output@2022").cells;
    expect(output.map((c) => c.value)).toEqual(row(model, "output@2022").cells.map((c) => c.value));
    expect(output[0].diff).toBe(output[0].value! - output[1].value!);
    expect(output[1].diff).toBe(0);
  });

  test("fans: each run's region output path with its quantiles (the base year observed, zero width)", () => {
    runs.forEach((r, k) => {
      const fan = model.fans[k];
      expect(fan.scenario).toBe(r.scenario.name);
      expect(fan.points.map((p) => [p.year, p.value])).toEqual(region(r).years.map((y) => [y.year, y.output]));
      const q = region(r).stats?.["2022"]?.output;
      const last = fan.points.find((p) => p.year === 2022)!;
      expect([last.p10, last.p50, last.p90]).toEqual(q ? [q.p10, q.p50, q.p90] : [null, null, null]);
    });
    const base = model.fans[0].points[0];
    expect([base.year, base.p10, base.p90]).toEqual([2019, base.value, base.value]);
    expect(model.fans[2].points[0].p10).toBeNull();
  });

  test("target bars carry each run's target probabilities", () => {
    expect(model.targetBars.map((b) => b.targetId)).toEqual(["OUT", "PM", "K1000"]);
    const out = model.targetBars[0].probabilities;
    expect(out).toEqual(runs.map((r) => r.targets.find((t) => t.id === "OUT")!.probability));
    expect(out[2]).toBeNull();
  });

  test("refuses no runs, repeated names and an unknown baseline, in both languages", () => {
    expect(() => compareResults([])).toThrow(ComparisonError);
    expect(() => compareResults([named[0], { ...named[1], name: "基准" }])).toThrow(/重复.*repeated/);
    expect(() => compareResults(named, "无此方案")).toThrow(/基准情景“无此方案”.*baseline scenario "无此方案"/);
    expect(() => compareResults(named, 3)).toThrow(ComparisonError);
  });

  test("assumptions name the version 2 settings a scenario uses: 低/中/高 growth, persistence, real basis, 标准地, phase-out, returned land", () => {
    const v2 = run({
      ...BASE,
      name: "v2",
      growth: { distribution: "triangular", low: 0.02, mode: 0.06, high: 0.1, persistence: 0.3, basis: "real" },
      prices: { inflation: 0.02 },
      land: { quota: 1000, entry: { outputPerMu: 300 } },
      exits: { mode: "phased", landReturnShare: 0.5, landReturnLag: 2 },
    });
    const only = compareResults([...named.slice(0, 1), { name: "v2", result: v2 }]).scenarios[1];
    const value = (key: string) => only.assumptions.find((a) => a.key === key)!.value;
    expect(value("growth")).toBe(
      "三角分布（低/中/高） / Triangular (low / mode / high)：2% / 6% / 10%，ρ = 0.5，φ = 0.3；实际增速，通胀 real, inflation 2%",
    );
    expect(value("land")).toContain("；标准地 entry: 亩均产出 output/mu ≥ 300 万元/亩");
    expect(value("exits")).toBe("50%；逐步退出 phased out；腾退用地回用 land returned 50%，2 年后 after 2 yr");
  });

  test("two scenarios differing only in a ratio lever differ in the 政策杠杆 assumption (and the model version), nothing else", () => {
    const lever = run({ ...BASE, name: "杠杆", ratios: { tax: { change: 0.002, byLevel: { provincial: { path: { "2022": 0.06 } } } } } });
    const [base, moved] = compareResults([named[0], { name: "杠杆", result: lever }]).scenarios;
    // Same keys in the same order: the 情景对比 sheet lines them up by position.
    expect(moved.assumptions.map((a) => a.key)).toEqual(base.assumptions.map((a) => a.key));
    const value = (s: typeof base, key: string) => s.assumptions.find((a) => a.key === key)!.value;
    expect(value(base, "ratios")).toBe("无 none");
    expect(value(moved, "ratios")).toBe(
      "税收产值比（税收/产值） · 其余平台：每年 +0.2 个百分点 / Tax ratio (tax / output) · other platforms: +0.2 points a year；" +
        "税收产值比（税收/产值） · 省级：2022 年 6% / Tax ratio (tax / output) · provincial: 6% in 2022",
    );
    expect(value(base, "modelVersion")).toMatch(/^1（只用版本 1 字段/);
    expect(value(moved, "modelVersion")).toBe("2（版本 2 字段：ratios.tax） / 2 (version 2 fields: ratios.tax)");
    const differing = base.assumptions.filter((a, j) => a.value !== moved.assumptions[j].value).map((a) => a.key);
    expect(differing).toEqual(["modelVersion", "ratios"]);
  });

  test("assumptions list each scenario's settings", () => {
    const land = model.scenarios.map((s) => s.assumptions.find((a) => a.key === "land")!.value);
    expect(land[0]).toContain("3,000");
    // The strategy as the pane names it (models/vocabulary.ts), then its id.
    expect(land).toEqual([
      "3,000；按现有规模 proportional；滞后 lag 1 年 yr",
      "3,000；亩均论英雄（按评价等级） merit；滞后 lag 1 年 yr",
      "1,000；仅主平台 main-only；滞后 lag 1 年 yr",
    ]);
    expect(model.scenarios[2].assumptions.find((a) => a.key === "monteCarlo")!.value).toContain("仅确定性");
    expect(model.scenarios[1].assumptions.find((a) => a.key === "growth")!.value).toMatch(/^10% ± 4\.5%/);
  });
});
