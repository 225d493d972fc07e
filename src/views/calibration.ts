/**
 * growth.fromHistory's fit beside the analyst's growth, for 运行记录, the pane and `parkplan check`: its
 * words, how the run used each platform's fit, the growth the scenario gives a platform, and both as short
 * figures. Pure and light (the pane's first load takes it, so it sits outside the workbook layer).
 */
import { platformGrowth, type PlatformGrowth } from "../../models/growthEntry.js";
import type { CalibratedPlatform } from "../../models/results.js";
import type { Scenario } from "../../models/scenario.js";
import { formatFigure, type Bilingual } from "../../models/vocabulary.js";

type Growth = Scenario["growth"];

/** How a run used a platform's fit: see calibrationUse. */
export type CalibrationUse = "applied" | "overridden" | "notCovered";

/**
 * Growth calibration from history (growth.fromHistory, models/calibration/): the 运行记录 block's title,
 * columns and ρ rows, and how the run used each platform's fit. The pane and the command line's check show the same words.
 */
export const CALIBRATION_LABELS = {
  title: { zh: "增长校准（由历史数据估计）", en: "Growth calibration (fitted from history)" },
  platform: { zh: "平台", en: "Platform" },
  mean: { zh: "拟合均值", en: "Fitted mean" },
  sd: { zh: "标准差", en: "Sd" },
  low: { zh: "低 P10", en: "Low P10" },
  mode: { zh: "中 P50", en: "Mode P50" },
  high: { zh: "高 P90", en: "High P90" },
  years: { zh: "历史年数", en: "Years of history" },
  weight: { zh: "收缩权重", en: "Shrinkage weight" },
  pool: { zh: "收缩目标", en: "Pooled toward" },
  use: { zh: "使用", en: "Use" },
  rho: { zh: "拟合 ρ", en: "Fitted ρ" },
  rhoUsed: { zh: "所用 ρ", en: "ρ used" },
  notFitted: { zh: "无法估计", en: "not estimable" },
  fitted: { zh: "拟合 低/中/高", en: "fitted low/mode/high" },
  scenario: { zh: "情景增长", en: "scenario growth" },
  off: {
    zh: "情景未开启 growth.fromHistory：以上仅供参考，运行仍按情景增长",
    en: "the scenario does not set growth.fromHistory: shown for reference, a run uses the scenario's growth",
  },
} satisfies Record<string, Bilingual>;

export const CALIBRATION_POOL_LABELS = {
  level: { zh: "本级别", en: "its level" },
  region: { zh: "全区域", en: "the region" },
} satisfies Record<CalibratedPlatform["pool"], Bilingual>;

export const CALIBRATION_USE_LABELS: Record<CalibrationUse, Bilingual> = {
  applied: { zh: "已采用", en: "applied" },
  overridden: { zh: "分析人员覆盖（growth.byPlatform）", en: "overridden by the analyst (growth.byPlatform)" },
  notCovered: { zh: "未采用（不在 fromHistory 范围内）", en: "not applied (not covered by fromHistory)" },
};

/**
 * Applied as fitted; overridden when the analyst's growth.byPlatform entry gives its mean or sd (the run
 * takes those fields) or a 低/中/高 guess (the run takes it in full, models/calibration/apply.ts); else not covered.
 */
export function calibrationUse(p: Pick<CalibratedPlatform, "name" | "applied">, byPlatform: Growth["byPlatform"]): CalibrationUse {
  const entry = Object.hasOwn(byPlatform, p.name) ? byPlatform[p.name] : undefined;
  if (p.applied) return entry?.mean !== undefined || entry?.sd !== undefined ? "overridden" : "applied";
  return entry?.distribution !== undefined && entry.distribution !== "normal" ? "overridden" : "notCovered";
}

/** The growth the scenario itself gives a platform (models/growthEntry.ts, the compiler's own rule). */
export type ScenarioGrowth = PlatformGrowth;
export const scenarioGrowth = platformGrowth;

const pct = (x: number) => formatFigure(x, "pct");
/** 0.02, 0.05, 0.09 → "2.0 / 5.0 / 9.0%". */
export const lowModeHighText = (low: number, mode: number, high: number): string =>
  `${pct(low).replace("%", "")} / ${pct(mode).replace("%", "")} / ${pct(high)}`;

/** A fit's 低/中/高 (P10 / P50 / P90): "8.0 / 9.5 / 11.1%". */
export const fittedText = (p: Pick<CalibratedPlatform, "low" | "mode" | "high">): string => lowModeHighText(p.low, p.mode, p.high);

/** The scenario's growth as typed: "7.7% ± 4.5%" or "2.0 / 5.0 / 9.0%". */
export function scenarioGrowthText(g: ScenarioGrowth): string {
  return g.kind === "normal" ? `${pct(g.mean)} ± ${pct(g.sd)}` : lowModeHighText(g.low, g.mode, g.high);
}
