/**
 * growth.fromHistory in a run: which platforms the fit covers, what it replaces (the normal's mean and sd;
 * the analyst's byPlatform entry wins), the ρ used, the warnings, and the result's `calibration` block.
 */
import type { FromHistory } from "../growthSchema.js";
import { LEVEL_LABELS, PLATFORM_FIELD_LABELS, type Level, type Platform } from "../platform.js";
import type { ModelWarning } from "../results.js";
import type { Scenario } from "../scenario.js";
import { calibrate, Z90, type HistoryProblem, type Pool } from "./estimate.js";

/** A platform's fitted growth as results show it: the normal and the 低/中/高 (P10 / P50 / P90) it implies. */
export interface CalibratedPlatform {
  name: string;
  level: Level | null;
  mean: number;
  sd: number;
  low: number;
  mode: number;
  high: number;
  /** Annual growths its own history gave (a k-year gap counts k); 0 = the pool's estimate alone. */
  years: number;
  /** w: weight of its own mean against the pool's. */
  weight: number;
  pool: "level" | "region";
  /** Covered by growth.fromHistory and used by the run (a byPlatform entry may still set mean or sd itself). */
  applied: boolean;
}

/** A level's or the region's pooled estimate: μ, the pooled within sd √s², the between sd √τ². */
export interface PooledGrowth {
  mean: number;
  sd: number | null;
  between: number;
  platforms: number;
  years: number;
}

export interface CalibrationResult {
  /** ρ fitted from the panel; null when not estimable. */
  rho: number | null;
  /** The ρ the run used: the fitted one, or growth.correlation (fromHistory.correlation "scenario", or no fit). */
  correlation: number;
  /** Every platform with a fit (all feed the pools), in the order of the platforms given. */
  platforms: CalibratedPlatform[];
  levels: Partial<Record<Level, PooledGrowth>>;
  region: PooledGrowth | null;
}

/** What compileGrowth takes from the fit: per platform the normal it uses (null = the scenario's growth). */
export interface FittedGrowth {
  normal: ({ mean: number; sd: number } | null)[];
  correlation: number;
  result: CalibrationResult;
}

/** Whether fromHistory covers a platform: its byPlatform flag, else its level's; neither map given = every platform. */
export function coversPlatform(from: FromHistory, p: Pick<Platform, "name" | "level">): boolean {
  if (from.byLevel === undefined && from.byPlatform === undefined) return true;
  return from.byPlatform?.[p.name] ?? (p.level !== null && from.byLevel?.[p.level] === true);
}

const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`;

export function fitGrowth(
  platforms: readonly Platform[],
  growth: Scenario["growth"],
  baseYear: number,
  warnings: ModelWarning[],
): FittedGrowth | null {
  const from = growth.fromHistory;
  if (!from) return null;
  const fit = calibrate(platforms, baseYear);
  const correlation = from.correlation === "fitted" && fit.rho !== null ? fit.rho : growth.correlation;
  if (from.correlation === "fitted" && fit.rho === null && fit.region)
    warnings.push({
      code: "HISTORY_NO_RHO",
      platform: null,
      zh: `历史中没有同一年份的两个平台增速，无法估计区域相关系数 ρ：按 growth.correlation = ${growth.correlation} 计算`,
      en: `no year of the history has growth rates of two platforms, so ρ cannot be fitted: growth.correlation = ${growth.correlation} is used`,
    });
  if (!fit.region)
    warnings.push({
      code: "HISTORY_NONE",
      platform: null,
      zh: `growth.fromHistory：没有平台的历史可用于校准（需基年之前至少一年的产值和用地），按情景的增长参数计算`,
      en: `growth.fromHistory: no platform has a history that can be calibrated (output and land of a year before the base year), so the scenario's growth is used`,
    });
  else if (fit.region.within === null)
    warnings.push({
      code: "HISTORY_NO_SD",
      platform: null,
      zh: `历史中没有平台有两个及以上增速，无法估计增速标准差：按情景的 sd 计算`,
      en: `no platform's history gives two or more growth rates, so the sd cannot be fitted: the scenario's sd is used`,
    });

  const normal: FittedGrowth["normal"] = [];
  const list: CalibratedPlatform[] = [];
  platforms.forEach((p, i) => {
    const f = fit.platforms[i];
    const covered = coversPlatform(from, p);
    if (!f) {
      normal.push(null);
      return;
    }
    const sd = f.sd ?? scenarioSd(growth, p);
    if (covered && f.problem) warnings.push(unusable(p, f.problem, f.pool, f.mean, baseYear));
    // The analyst's byPlatform entry wins: a 低/中/高 guess (another distribution) in full, a mean or sd field by field.
    const entry = growth.byPlatform[p.name];
    const guess = entry?.distribution !== undefined && entry.distribution !== "normal";
    const applied = covered && !guess;
    normal.push(applied ? { mean: entry?.mean ?? f.mean, sd: entry?.sd ?? sd } : null);
    list.push({
      name: p.name,
      level: p.level,
      mean: f.mean,
      sd,
      low: f.mean - Z90 * sd,
      mode: f.mean,
      high: f.mean + Z90 * sd,
      years: f.years,
      weight: f.weight,
      pool: f.pool,
      applied,
    });
  });
  const levels: Partial<Record<Level, PooledGrowth>> = {};
  for (const [level, p] of Object.entries(fit.levels) as [Level, Pool][]) levels[level] = pooled(p);
  return {
    normal,
    correlation,
    result: { rho: fit.rho, correlation, platforms: list, levels, region: fit.region ? pooled(fit.region) : null },
  };
}

const pooled = (p: Pool): PooledGrowth => ({
  mean: p.mean,
  sd: p.within === null ? null : Math.sqrt(p.within),
  between: Math.sqrt(p.between),
  platforms: p.platforms,
  years: p.years,
});

/** The sd the scenario gives a platform's normal growth (its entry, its level's, the region's). */
function scenarioSd(growth: Scenario["growth"], p: Platform): number {
  return growth.byPlatform[p.name]?.sd ?? (p.level ? growth.byLevel[p.level]?.sd : undefined) ?? growth.sd;
}

function unusable(p: Platform, problem: HistoryProblem, pool: "level" | "region", mean: number, baseYear: number): ModelWarning {
  const label = pool === "level" && p.level ? LEVEL_LABELS[p.level] : null;
  const poolZh = label ? `${label.zh}平台` : "全区域";
  const poolEn = label ? `the ${label.en} level's` : "the region's";
  let zh: string;
  let en: string;
  if (problem.kind === "noHistory") {
    zh = `只有基年 ${baseYear} 的产值和用地，没有可计算增速的历史年份`;
    en = `only the base year ${baseYear} gives output and land: no history year to compute a growth from`;
  } else {
    const field = PLATFORM_FIELD_LABELS[problem.field];
    const cells = problem.cells.length > 0 ? problem.cells.join("、") : `${problem.year}`;
    zh = `${problem.year} 年${field.zh}不为正（${cells}），增速无法计算（−100% 或以下）`;
    en = `${field.en} in ${problem.year} is not positive (${problem.cells.join(", ") || problem.year}): growth would be −100% or below`;
  }
  return {
    code: "HISTORY_UNUSABLE",
    platform: p.name,
    zh: `平台“${p.name}”的历史无法用于校准：${zh}；改用${poolZh}的合并估计（年均增长 ${pct(mean)}）`,
    en: `platform "${p.name}": its history cannot be calibrated (${en}); ${poolEn} pooled estimate is used instead (mean ${pct(mean)}/yr)`,
  };
}
