/**
 * The result sheets' view of the vocabulary (models/vocabulary.ts): each metric with its sheet number
 * format, bilingual cell texts ("用地 / land"), and the headers built from them. No label is written here.
 */
import type { Binding, CalibratedPlatform } from "../../../models/results.js";
import type { CalibrationUse } from "./calibration.js";
import type { EvaluationClass, Indicator } from "../../../models/scenario.js";
import type { Comparison } from "../../../models/targetSchema.js";
import {
  BINDING_LABELS,
  bilingual,
  CLASS_LABELS,
  COMPARISON_LABELS,
  EVALUATION_DATA_LABELS,
  INDICATOR_TERMS,
  METRIC_TERMS,
  ROLLUP_KIND_LABELS,
  TARGET_LEVEL_LABELS,
  type Bilingual,
  type MetricTerm,
  type TargetMeasure,
} from "../../../models/vocabulary.js";
import type { CellFormat } from "../sheetSpec.js";

export interface Measure {
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  fmt: CellFormat;
}

const measure = (t: MetricTerm): Measure => ({ zh: t.name.zh, en: t.name.en, unitZh: t.unit.zh, unitEn: t.unit.en, fmt: t.style });
const mapValues = <K extends string, A, B>(table: Record<K, A>, f: (a: A) => B): Record<K, B> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, f(v as A)])) as Record<K, B>;
const texts = <K extends string>(table: Record<K, Bilingual>): Record<K, string> => mapValues(table, bilingual);

/** Every metric a year row or a target can carry, plus the count and share a target may compare. */
export const METRIC_LABELS: Record<TargetMeasure, Measure> = mapValues(METRIC_TERMS, measure);
export const INDICATOR_LABELS: Record<Indicator, Measure> = mapValues(INDICATOR_TERMS, measure);

/** "产值（亿元）/ Output (100M yuan)", with an optional qualifier after the name ("P10"). */
export function measureHeader(x: Measure, qualifier = ""): string {
  const q = qualifier ? ` ${qualifier}` : "";
  return `${x.zh}${q}（${x.unitZh}）/ ${x.en}${q} (${x.unitEn})`;
}

export const BINDING_TEXTS: Record<Binding, string> = texts(BINDING_LABELS);
export const COMPARISON_TEXTS: Record<Comparison, string> = texts(COMPARISON_LABELS);
export const TARGET_LEVEL_TEXTS: Record<keyof typeof TARGET_LEVEL_LABELS, string> = texts(TARGET_LEVEL_LABELS);
export const ROLLUP_KIND_TEXTS: Record<keyof typeof ROLLUP_KIND_LABELS, string> = texts(ROLLUP_KIND_LABELS);
export const CLASS_TEXTS: Record<EvaluationClass, string> = texts(CLASS_LABELS);

export const EVALUATION_DATA_HEADER = bilingual(EVALUATION_DATA_LABELS.header);

/**
 * A platform's 评价数据 cell: "完整 / complete", or the indicators it has no value for, e.g.
 * "估算（取平均得分）：亩均税收、单位能耗增加值 / estimated (average item score): Tax per mu, Value added per energy".
 */
export function evaluationDataText(estimated: readonly Indicator[]): string {
  if (estimated.length === 0) return bilingual(EVALUATION_DATA_LABELS.complete);
  const { zh, en } = EVALUATION_DATA_LABELS.estimated;
  const names = (lang: "zh" | "en", sep: string) => estimated.map((k) => INDICATOR_TERMS[k].name[lang]).join(sep);
  return `${zh}：${names("zh", "、")} / ${en}: ${names("en", ", ")}`;
}

/** Severities of the sheet reader's issues (a workbook notion, not the model's). */
export const SEVERITY_LABELS: Record<string, string> = {
  error: "错误 / error",
  warning: "警告 / warning",
  info: "提示 / info",
};

/**
 * Growth calibration from history (growth.fromHistory, models/calibration/): the 运行记录 block's title,
 * columns and ρ rows, and how the run used each platform's fit. The command line's check prints the same words.
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
