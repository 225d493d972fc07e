/**
 * A target check's threshold as the plan states it, the one text every front end shows (the pane's
 * target table, the command line's summary): the comparison's sign and the value in the metric's
 * style ("≥ 80.00"), or for a range the plan's own bounds ("1–2" for JX-1, TargetCheck.strictMax) with the
 * allowance's bound apart ("4", thresholdMax, which "met" goes by); "—" without a threshold. Pure.
 */
import type { Bilingual, TargetCheck } from "../../models/results.js";
import { COMPARISON_LABELS, formatFigure, METRIC_TERMS } from "../../models/vocabulary.js";
import { translate, type Lang } from "../i18n/index.js";

/** What the threshold cell shows: "≥ 80.00", "1–2"; `allowance` the allowance's bound ("4") when the plan widens a range. */
export interface ThresholdText {
  text: string;
  allowance: string | null;
}

/** The fields of a check the threshold text reads (strictMax optional: results stored before it lack it). */
export type ThresholdFields = Pick<TargetCheck, "metric" | "comparison" | "threshold" | "thresholdMax" | "strictMax">;

/** A value of a check (its value or threshold) in its metric's style (亿元 to 2 decimals, 万元/亩 to 1, shares as %, counts whole). */
export const formatTargetValue = (t: Pick<TargetCheck, "metric">, v: number | null): string =>
  formatFigure(v, t.metric ? METRIC_TERMS[t.metric].style : "yi");

/**
 * A check's threshold: the comparison's sign and the value, or for a range the plan's own bounds (JX-1:
 * "1–2", with the allowance "4" apart); a range without an allowance (or stored before strictMax) shows
 * thresholdMax as its upper bound; "—" when the check has no threshold (not evaluable).
 */
export function thresholdText(t: ThresholdFields): ThresholdText {
  if (t.threshold === null) return { text: "—", allowance: null };
  const shown = (v: number | null) => formatTargetValue(t, v);
  if (t.comparison !== "between") return { text: `${COMPARISON_LABELS[t.comparison].zh} ${shown(t.threshold)}`, allowance: null };
  const planMax = t.strictMax ?? null;
  return {
    text: `${shown(t.threshold)}–${shown(planMax ?? t.thresholdMax)}`,
    allowance: planMax !== null && t.thresholdMax !== null ? shown(t.thresholdMax) : null,
  };
}

/** The allowance's bound in both languages ("放宽上限 4" / "allowance up to 4"), null for a check without one. */
export function allowanceText(t: ThresholdFields): Bilingual | null {
  const { allowance } = thresholdText(t);
  if (allowance === null) return null;
  return { zh: translate("zh", "result.allowance", { max: allowance }), en: translate("en", "result.allowance", { max: allowance }) };
}

/** The threshold as one text, the allowance in brackets: "1–2（放宽上限 4）", "1–2 (allowance up to 4)". */
export function thresholdLine(t: ThresholdFields, lang: Lang): string {
  const { text } = thresholdText(t);
  const note = allowanceText(t);
  if (note === null) return text;
  return lang === "zh" ? `${text}（${note.zh}）` : `${text} (${note.en})`;
}
