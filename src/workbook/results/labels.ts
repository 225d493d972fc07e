/**
 * The result sheets' view of the vocabulary (models/vocabulary.ts): each metric with its sheet number
 * format and the headers built from them, in a sheet's language (Words). No label is written here.
 */
import type { Indicator } from "../../../models/scenario.js";
import {
  EVALUATION_DATA_LABELS,
  INDICATOR_TERMS,
  METRIC_TERMS,
  type Bilingual,
  type MetricTerm,
  type TargetMeasure,
} from "../../../models/vocabulary.js";
import type { CellFormat } from "../sheetSpec.js";
import { words, type Words } from "./language.js";

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

/** Every metric a year row or a target can carry, plus the count and share a target may compare. */
export const METRIC_LABELS: Record<TargetMeasure, Measure> = mapValues(METRIC_TERMS, measure);
export const INDICATOR_LABELS: Record<Indicator, Measure> = mapValues(INDICATOR_TERMS, measure);

/**
 * "产值（亿元）/ Output (100M yuan)", with an optional qualifier after the name ("P10"); in a one-language
 * sheet "产值（亿元）" or "Output (100M yuan)".
 */
export function measureHeader(x: Measure, qualifier = "", w: Words = words()): string {
  const q = qualifier ? ` ${qualifier}` : "";
  const zh = `${x.zh}${q}（${x.unitZh}）`;
  const en = `${x.en}${q} (${x.unitEn})`;
  return w.lang === "zh" ? zh : w.lang === "en" ? en : `${zh}/ ${en}`;
}

/**
 * A platform's 评价数据 cell: "完整 / complete", or the indicators it has no value for, e.g.
 * "估算（取平均得分）：亩均税收、单位能耗增加值 / estimated (average item score): Tax per mu, Value added per energy".
 */
export function evaluationDataText(estimated: readonly Indicator[], w: Words = words()): string {
  if (estimated.length === 0) return w.of(EVALUATION_DATA_LABELS.complete);
  const { zh, en } = EVALUATION_DATA_LABELS.estimated;
  const names = (lang: "zh" | "en", sep: string) => estimated.map((k) => INDICATOR_TERMS[k].name[lang]).join(sep);
  return w(`${zh}：${names("zh", "、")}`, `${en}: ${names("en", ", ")}`);
}

/** Chinese unit names some English texts keep in a bilingual sheet ("Optimal (亿元)"), in English words. */
const ENGLISH_UNITS: readonly [RegExp, string][] = [
  [/万吨标煤/g, "10k tce"],
  [/亿元/g, "100M yuan"],
  [/万元/g, "10k yuan"],
  [/亩/g, "mu"],
];
/** An English text with its Chinese units in English: for a sheet written in English only. */
export const englishUnits = (en: string): string => ENGLISH_UNITS.reduce((s, [zh, unit]) => s.replace(zh, unit), en);

/** A check's 达标 cell: 是 / 否 (yes / no in an English sheet); "—" when not evaluable. */
export const MET_TERMS = {
  yes: { zh: "是", en: "yes" },
  no: { zh: "否", en: "no" },
} satisfies Record<string, Bilingual>;

/** Severities of the sheet reader's issues (a workbook notion, not the model's). */
export const SEVERITY_TERMS: Record<string, Bilingual> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

/** growth.fromHistory's words (src/views/calibration.ts: the pane and the command line show them too). */
export { CALIBRATION_LABELS, CALIBRATION_POOL_LABELS, CALIBRATION_USE_LABELS } from "../../views/calibration.js";
