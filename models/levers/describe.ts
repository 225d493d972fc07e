/**
 * A scenario's ratio levers (model.md §2.1) and its model version in words, Chinese and English: what the
 * 运行记录 sheet, the comparison's assumptions and the HTML report show. Pure and light: the lever names
 * from ratioNames.ts and their labels from the vocabulary, a type-only import of the schema, no zod, no
 * mathjs (an expression is shown as its text).
 */
import { LEVELS, LEVEL_LABELS } from "../platform.js";
import type { Bilingual } from "../results.js";
import { RATIO_LEVER_LABELS, TARGET_LEVEL_LABELS } from "../vocabulary.js";
import { RATIO_LEVERS, type RatioRule } from "./ratioNames.js";
import type { RatiosSpec } from "./ratioSchema.js";

/** Region-wide rules: "全市", or "其余平台" when levels or platforms have rules of their own. */
const REGION = TARGET_LEVEL_LABELS.region;
const REST = { zh: "其余平台", en: "other platforms" } satisfies Bilingual;

/** 0.012 → "1.2"; six decimals at most, so 0.1 + 0.2 style noise never shows. */
const plain = (x: number): string => String(Number(x.toFixed(6)));
/** A ratio as a percentage: 0.5 → "50%". */
const percent = (x: number): string => `${plain(x * 100)}%`;

/** One rule in words: "每年 +1.2 个百分点" / "+1.2 points a year"; "2020 年 50%、2025 年 60%"; the expression. */
export function describeRatioRule(rule: RatioRule): Bilingual {
  if (rule.change !== undefined) {
    const points = plain(Math.abs(rule.change) * 100);
    const sign = rule.change > 0 ? "+" : rule.change < 0 ? "−" : "";
    return { zh: `每年 ${sign}${points} 个百分点`, en: `${sign}${points} point${points === "1" ? "" : "s"} a year` };
  }
  if (rule.path !== undefined) {
    const points = Object.entries(rule.path).sort(([a], [b]) => a.localeCompare(b));
    if (points.length === 0) return { zh: "路径未给年份（保持基年值）", en: "path without years (base-year value kept)" };
    return {
      zh: points.map(([year, v]) => `${year} 年 ${percent(v)}`).join("、"),
      en: points.map(([year, v]) => `${percent(v)} in ${year}`).join(", "),
    };
  }
  if (rule.expr !== undefined) return { zh: `表达式 ${rule.expr}`, en: `expression ${rule.expr}` };
  return { zh: "不变", en: "unchanged" };
}

/** Every rule of a scenario's `ratios`, one line each: lever, then region, levels (in LEVELS order), platforms. */
export function describeRatios(ratios: RatiosSpec): Bilingual[] {
  const lines: Bilingual[] = [];
  for (const lever of RATIO_LEVERS) {
    const spec = ratios[lever];
    if (!spec) continue;
    const name: Bilingual = RATIO_LEVER_LABELS[lever];
    const line = (scope: Bilingual, rule: RatioRule) => {
      const words = describeRatioRule(rule);
      lines.push({ zh: `${name.zh} · ${scope.zh}：${words.zh}`, en: `${name.en} · ${scope.en}: ${words.en}` });
    };
    const levels = LEVELS.filter((level) => spec.byLevel[level] !== undefined);
    const platforms = Object.keys(spec.byPlatform);
    if (spec.change !== undefined || spec.path !== undefined || spec.expr !== undefined)
      line(levels.length + platforms.length > 0 ? REST : REGION, spec);
    for (const level of levels) line(LEVEL_LABELS[level], spec.byLevel[level]!);
    for (const platform of platforms) line({ zh: `“${platform}”`, en: `"${platform}"` }, spec.byPlatform[platform]);
  }
  return lines;
}

/**
 * The model version a scenario needs, from its version 2 fields (models/version.ts versionTwoFields):
 * "2（版本 2 字段：ratios.highTech、growth.distribution）" or "1（只用版本 1 字段，结果与版本 1 相同）".
 */
export function describeScenarioVersion(versionTwoFields: readonly string[]): Bilingual {
  if (versionTwoFields.length === 0)
    return { zh: "1（只用版本 1 字段，结果与版本 1 相同）", en: "1 (version 1 fields only: the same results as version 1)" };
  return {
    zh: `2（版本 2 字段：${versionTwoFields.join("、")}）`,
    en: `2 (version 2 fields: ${versionTwoFields.join(", ")})`,
  };
}
