import { describe, expect, it } from "vitest";
import { calibrate, fitRho, growthRates, Z90 } from "../../models/calibration/estimate.js";
import { platform, type Level, type Platform } from "../../models/platform.js";
import type { HistoryYear } from "../../models/history/panel.js";
import { NormalStream, streamIntegers } from "../../models/random.js";
import { prepareSimulation, simulate } from "../../models/simulate.js";

const year = (y: number, output: number, land: number, row = y - 2010): HistoryYear => ({
  year: y,
  figures: { output, land },
  cells: { output: `平台!C${row}`, land: `平台!D${row}` },
});

/** The worked example of models/README ("Calibration from history"). */
const 甲 = platform({ name: "甲", level: "provincial", land: 1000, output: 121, history: [year(2015, 100, 1000), year(2016, 110, 1000)] });
const 乙 = platform({
  name: "乙",
  level: "provincial",
  land: 1000,
  output: 113.4,
  history: [year(2015, 100, 1000), year(2016, 105, 1000)],
});
const 丙 = platform({
  name: "丙",
  level: "provincial",
  land: 1000,
  output: 107.1,
  history: [year(2015, 100, 1000), year(2016, 102, 1000)],
});
const 丁 = platform({ name: "丁", level: "provincial", land: 500, output: 50 });
const example = [甲, 乙, 丙, 丁];

describe("the worked example of models/README (calibration from history)", () => {
  const fit = calibrate(example, 2017);
  const [a, b, c, d] = fit.platforms;

  it("pools μ = 0.066667, s² = 0.0003, τ² = 0.00090833 for the provincial level", () => {
    const pool = fit.levels.provincial!;
    expect(pool.mean).toBeCloseTo(0.2 / 3, 12);
    expect(pool.within).toBeCloseTo(0.0003, 12);
    expect(pool.between).toBeCloseTo(0.0021166666667 / 2 - 0.00015, 12);
    expect(pool.platforms).toBe(3);
    expect(pool.years).toBe(6);
    expect(pool.priorDf).toBe(1);
  });

  it("shrinks each mean with w = 109/127 and each sd toward s with ν₀ = 1", () => {
    for (const f of [a, b, c]) {
      expect(f!.weight).toBeCloseTo(109 / 127, 12);
      expect(f!.years).toBe(2);
      expect(f!.pool).toBe("level");
    }
    expect(a!.mean).toBeCloseTo(0.2 / 3 + (109 / 127) * (0.1 - 0.2 / 3), 12);
    expect(a!.mean).toBeCloseTo(0.095276, 6); // 9.528%
    expect(b!.mean).toBeCloseTo(0.065236, 6);
    expect(c!.mean).toBeCloseTo(0.039488, 6);
    expect(a!.sd).toBeCloseTo(Math.sqrt(0.00015), 12); // 1.225%
    expect(b!.sd).toBeCloseTo(Math.sqrt(0.000375), 12); // 1.936%
    expect(c!.sd).toBeCloseTo(Math.sqrt(0.000375), 12);
  });

  it("gives 丁, with only the base year, the pool: 6.667% with sd 1.732%, weight 0", () => {
    expect(d).toMatchObject({ years: 0, weight: 0, pool: "level", problem: { kind: "noHistory" } });
    expect(d!.mean).toBeCloseTo(0.2 / 3, 12);
    expect(d!.sd).toBeCloseTo(Math.sqrt(0.0003), 12);
  });

  it("fits ρ = 0.5 from the two years' residuals", () => {
    expect(fit.rho).toBeCloseTo(0.5, 12);
  });

  it("runs 甲 at its fitted mean on the deterministic path, shows 低/中/高 = mean ∓ 1.2816·sd, and warns for 丁 with its pool", () => {
    const result = simulate(example, { baseYear: 2017, horizon: 2019, growth: { fromHistory: true } });
    const path = result.platforms.find((p) => p.name === "甲")!.years;
    expect(path[1].output).toBeCloseTo(121 * 1.0952756, 4); // 132.53亿
    expect(path[2].output).toBeCloseTo(121 * (1 + a!.mean) ** 2, 9);
    const cal = result.calibration!;
    expect(cal.rho).toBeCloseTo(0.5, 12);
    expect(cal.correlation).toBeCloseTo(0.5, 12);
    expect(cal.platforms.map((p) => p.name)).toEqual(["甲", "乙", "丙", "丁"]);
    const shown = cal.platforms[0];
    expect(shown.low).toBeCloseTo(0.07958, 5);
    expect(shown.mode).toBeCloseTo(a!.mean, 12);
    expect(shown.high).toBeCloseTo(0.11097, 5);
    expect(shown.high - shown.mode).toBeCloseTo(Z90 * shown.sd, 12);
    expect(cal.levels.provincial).toMatchObject({ platforms: 3, years: 6 });
    expect(cal.levels.provincial!.sd).toBeCloseTo(Math.sqrt(0.0003), 12);
    const warning = result.warnings.find((w) => w.code === "HISTORY_UNUSABLE")!;
    expect(warning.platform).toBe("丁");
    expect(warning.zh).toContain("丁");
    expect(warning.zh).toContain("省级平台的合并估计");
    expect(warning.en).toContain("only the base year 2017");
    expect(warning.en).toContain("6.67%");
  });
});

describe("growth rates from a history", () => {
  it("bridges a missing year with the geometric annual rate, counting it as the gap's years", () => {
    const p = platform({
      name: "甲",
      land: 1000,
      output: 133.1,
      history: [year(2013, 100, 1000), { year: 2014, figures: { output: 110 } }, year(2015, 121, 1000)],
    });
    const { rates, problem } = growthRates(p, 2016);
    expect(problem).toBeNull();
    expect(rates).toHaveLength(2);
    expect(rates[0]).toMatchObject({ year: 2015, span: 2 });
    expect(rates[0].rate).toBeCloseTo(0.1, 12); // 1000 → 1210 万元/亩 over two years
    expect(rates[1]).toMatchObject({ year: 2016, span: 1 });
    expect(rates[1].rate).toBeCloseTo(0.1, 12);
    const fit = calibrate([p], 2016).platforms[0]!;
    expect(fit.years).toBe(3); // 2 + 1 annual growths
  });

  it("refuses a year with zero output, naming its cells, and a base year with no land", () => {
    const zero = platform({ name: "甲", land: 1000, output: 121, history: [year(2015, 0, 1000, 5), year(2016, 110, 1000, 6)] });
    expect(growthRates(zero, 2017).problem).toEqual({ kind: "nonPositive", year: 2015, field: "output", cells: ["平台!C5", "平台!D5"] });
    const noLand = platform({ name: "乙", land: 0, output: 10, history: [year(2016, 10, 100)], source: { sheet: "平台", row: 9 } });
    expect(growthRates(noLand, 2017).problem).toEqual({ kind: "nonPositive", year: 2017, field: "land", cells: ["平台!9:9"] });
  });
});

describe("bad history in a run", () => {
  it("warns for a zero-output year with its cells and uses the level's pool instead", () => {
    const bad = platform({
      name: "戊",
      level: "provincial",
      land: 1000,
      output: 121,
      history: [year(2015, 0, 1000, 5), year(2016, 110, 1000, 6)],
    });
    const result = simulate([甲, 乙, 丙, bad], { baseYear: 2017, horizon: 2018, growth: { fromHistory: true } });
    const w = result.warnings.find((x) => x.code === "HISTORY_UNUSABLE")!;
    expect(w.platform).toBe("戊");
    expect(w.zh).toContain("平台!C5");
    expect(w.en).toContain("output in 2015 is not positive (平台!C5, 平台!D5)");
    const fitted = result.calibration!.platforms.find((p) => p.name === "戊")!;
    expect(fitted).toMatchObject({ years: 0, weight: 0, pool: "level", applied: true });
    expect(fitted.mean).toBeCloseTo(0.2 / 3, 12);
    expect(result.platforms.find((p) => p.name === "戊")!.years[1].output).toBeCloseTo(121 * (1 + 0.2 / 3), 9);
  });

  it("uses the region's pool for a level with no usable history", () => {
    const county = platform({ name: "己", level: "county", land: 100, output: 5 });
    const result = simulate([甲, 乙, 丙, county], { baseYear: 2017, horizon: 2018, growth: { fromHistory: true } });
    const fitted = result.calibration!.platforms.find((p) => p.name === "己")!;
    expect(fitted.pool).toBe("region");
    expect(fitted.mean).toBeCloseTo(0.2 / 3, 12); // the three provincial platforms are the whole region
    expect(result.warnings.find((x) => x.platform === "己")!.zh).toContain("全区域的合并估计");
  });

  it("keeps the scenario's growth and ρ, with a warning, when no platform has history", () => {
    const result = simulate([丁], { baseYear: 2017, horizon: 2018, growth: { fromHistory: true, mean: 0.05 } });
    expect(result.warnings.map((w) => w.code)).toContain("HISTORY_NONE");
    expect(result.calibration!.platforms).toEqual([]);
    expect(result.calibration!.correlation).toBe(0.5);
    expect(result.platforms[0].years[1].output).toBeCloseTo(50 * 1.05, 9);
  });

  it("keeps the scenario's sd when no platform has two rates", () => {
    const one = (name: string, output: number) => platform({ name, land: 1000, output, history: [year(2016, 100, 1000)] });
    const prepared = prepareSimulation([one("甲", 110), one("乙", 105)], {
      baseYear: 2017,
      horizon: 2018,
      growth: { fromHistory: true, sd: 0.03 },
    });
    expect(prepared.c.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["HISTORY_NO_SD", "HISTORY_NO_RHO"]));
    expect(Array.from(prepared.c.sd)).toEqual([0.03, 0.03]);
    // No s²: nothing separates a platform's own mean from noise, so both take μ = 7.5%.
    expect(prepared.c.mean[0]).toBeCloseTo(0.075, 12);
    expect(prepared.c.mean[1]).toBeCloseTo(0.075, 12);
  });
});

describe("what fromHistory covers and what the analyst overrides", () => {
  const run = (growth: Record<string, unknown>, sheet: Platform[] = example) =>
    prepareSimulation(sheet, { baseYear: 2017, horizon: 2018, growth }).c;
  const fit = calibrate(example, 2017).platforms;
  // prepareSimulation computes in name order: 丁, 丙, 乙, 甲
  const at = (c: ReturnType<typeof run>, name: string) => c.names.indexOf(name);

  it("a byPlatform mean or sd wins field by field; a 低/中/高 guess wins in full", () => {
    const c = run({
      fromHistory: true,
      byPlatform: { 甲: { mean: 0.2 }, 乙: { sd: 0.01 }, 丙: { distribution: "triangular", low: 0, mode: 0.03, high: 0.06 } },
    });
    expect(c.mean[at(c, "甲")]).toBe(0.2);
    expect(c.sd[at(c, "甲")]).toBeCloseTo(fit[0]!.sd!, 12);
    expect(c.mean[at(c, "乙")]).toBeCloseTo(fit[1]!.mean, 12);
    expect(c.sd[at(c, "乙")]).toBe(0.01);
    expect(c.growthMode[at(c, "丙")]).toBe(0.03);
    expect(c.calibration!.platforms.find((p) => p.name === "丙")!.applied).toBe(false);
  });

  it("byLevel and byPlatform flags choose the platforms; the others keep the scenario's growth", () => {
    const c = run({
      mean: 0.05,
      byLevel: { provincial: { mean: 0.04 } },
      fromHistory: { byLevel: { provincial: true }, byPlatform: { 乙: false } },
    });
    expect(c.mean[at(c, "甲")]).toBeCloseTo(fit[0]!.mean, 12);
    expect(c.mean[at(c, "乙")]).toBe(0.04); // left out by its own flag: its level's entry
    const only = run({ mean: 0.05, fromHistory: { byPlatform: { 甲: true } } });
    expect(only.mean[at(only, "甲")]).toBeCloseTo(fit[0]!.mean, 12);
    expect(only.mean[at(only, "丙")]).toBe(0.05);
  });

  it("ρ: fitted by default, the scenario's when growth.correlation is written or correlation is 'scenario'", () => {
    expect(run({ fromHistory: true }).correlation).toBeCloseTo(0.5, 12);
    expect(run({ fromHistory: true, correlation: 0.3 }).correlation).toBe(0.3);
    expect(run({ fromHistory: { correlation: "scenario" } }).correlation).toBe(0.5);
    expect(run({ fromHistory: { correlation: "fitted" }, correlation: 0.3 }).correlation).toBeCloseTo(0.5, 12);
    expect(run({ correlation: 0.3 }).calibration).toBeNull();
  });

  it("warns about a platform named in fromHistory.byPlatform that is not in the sheet", () => {
    const c = run({ fromHistory: { byPlatform: { 不存在: true } } });
    expect(c.warnings.some((w) => w.code === "SCENARIO_UNKNOWN_PLATFORM" && w.en.includes("不存在"))).toBe(true);
  });
});

/** A synthetic panel: r_it = μ_i + σ(√ρ Z_t + √(1−ρ) ε_it), μ_i ~ N(μ_L, τ²), p from 1,000 万元/亩 on 1,000 亩. */
function panel(seed: string, o: { k: number; years: number; mean: number; tau: number; sd: number; rho: number; level?: Level }) {
  const normal = new NormalStream(streamIntegers(seed, "panel"));
  const base = 2020;
  const first = base - o.years;
  const common = Array.from({ length: o.years }, () => normal.next());
  const truth: number[] = [];
  const platforms = Array.from({ length: o.k }, (_, i) => {
    const mu = o.mean + o.tau * normal.next();
    truth.push(mu);
    let p = 1000;
    const history: HistoryYear[] = [];
    for (let t = 0; t < o.years; t++) {
      history.push({ year: first + t, figures: { output: p / 10, land: 1000 } });
      p *= 1 + mu + o.sd * (Math.sqrt(o.rho) * common[t] + Math.sqrt(1 - o.rho) * normal.next());
    }
    return platform({ name: `P${String(i).padStart(3, "0")}`, level: o.level ?? "provincial", land: 1000, output: p / 10, history });
  });
  return { platforms, truth, base };
}

const rmse = (a: readonly number[], b: readonly number[]) => Math.sqrt(a.reduce((s, x, i) => s + (x - b[i]) ** 2, 0) / a.length);

describe("synthetic panels with known growth", () => {
  it("recovers the level's mean within 3 standard errors, σ within 10%, and shrinkage beats each platform's own mean", () => {
    const o = { k: 40, years: 8, mean: 0.08, tau: 0.02, sd: 0.04, rho: 0 };
    const { platforms, truth, base } = panel("calibration-mean", o);
    const fit = calibrate(platforms, base);
    const pool = fit.levels.provincial!;
    const se = Math.sqrt((o.tau ** 2 + o.sd ** 2 / o.years) / o.k); // README "Error": 0.00387
    expect(Math.abs(pool.mean - o.mean)).toBeLessThan(3 * se);
    expect(Math.abs(Math.sqrt(pool.within!) / o.sd - 1)).toBeLessThan(0.1);
    const fitted = fit.platforms.map((f) => f!.mean);
    const own = platforms.map((p) => {
      const rates = growthRates(p, base).rates;
      return rates.reduce((s, r) => s + r.rate, 0) / rates.length;
    });
    const posterior = Math.sqrt((o.tau ** 2 * o.sd ** 2) / o.years / (o.tau ** 2 + o.sd ** 2 / o.years)); // √(w σ²/n) = 0.0115
    expect(rmse(fitted, truth)).toBeLessThan(rmse(own, truth));
    expect(rmse(fitted, truth)).toBeLessThan(1.5 * posterior);
    // Every weight is the same (equal histories), strictly between 0 and 1.
    const w = fit.platforms[0]!.weight;
    expect(w).toBeGreaterThan(0);
    expect(w).toBeLessThan(1);
  });

  it("keeps a long history's own mean: within 3σ/√n of its truth", () => {
    const o = { k: 1, years: 200, mean: 0.06, tau: 0, sd: 0.05, rho: 0 };
    const { platforms, base } = panel("calibration-long", o);
    const f = calibrate(platforms, base).platforms[0]!;
    expect(f.years).toBe(200);
    expect(Math.abs(f.mean - o.mean)).toBeLessThan((3 * o.sd) / Math.sqrt(200));
    expect(Math.abs(f.sd! / o.sd - 1)).toBeLessThan(0.15);
  });

  it("recovers ρ = 0.6 within 3·ρ√(2/T) from a common shock, and finds ρ ≈ 0 without one", () => {
    const o = { k: 20, years: 400, mean: 0.07, tau: 0.01, sd: 0.05, rho: 0.6 };
    const shocked = panel("calibration-rho", o);
    const rho = fitRho(shocked.platforms.map((p) => growthRates(p, shocked.base)));
    expect(Math.abs(rho! - 0.6)).toBeLessThan(3 * 0.6 * Math.sqrt(2 / o.years));
    const calm = panel("calibration-rho-0", { ...o, rho: 0 });
    expect(fitRho(calm.platforms.map((p) => growthRates(p, calm.base)))).toBeLessThan(0.05);
  });
});
