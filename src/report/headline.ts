/**
 * The report's first lines: one headline per scenario (compare/headline.ts), Chinese then English, each
 * difference coloured by its figure's direction and said in words too (更好 / 更差), so the judgement
 * survives a black-and-white print.
 */
import { headlines, type Headline, type HeadlineFigure } from "../compare/headline.js";
import type { ComparisonModel } from "../compare/types.js";
import { IMPROVEMENT_LABELS } from "../../models/vocabulary.js";
import { escapeHtml as e } from "./escape.js";
import { formatDiff, formatNumber } from "./format.js";

type Lang = "zh" | "en";

const BRACKETS = { zh: ["（", "，", "）"], en: [" (", ", ", ")"] } satisfies Record<Lang, string[]>;

function figureHtml(f: HeadlineFigure, lang: Lang): string {
  const value = `${e(f.name[lang])} ${formatNumber(f.value, f.fmt)} ${e(f.unit[lang])}`;
  if (f.diff === null) return value;
  const [open, comma, close] = BRACKETS[lang];
  const judged = f.improvement === "better" || f.improvement === "worse" ? `${comma}${IMPROVEMENT_LABELS[f.improvement][lang]}` : "";
  return `${value}${open}<span class="${f.improvement}" data-key="${e(f.key)}">${formatDiff(f.diff, f.fmt)}${judged}</span>${close}`;
}

const ids = (list: string[], none: string) => (list.length ? list.map(e).join(", ") : none);

function targetsText(h: Headline, base: Headline, lang: Lang): string {
  if (h.targetsEvaluable === 0) return "";
  if (lang === "zh") {
    const met = `达标目标 ${h.targetsMet}/${h.targetsEvaluable}`;
    if (h.isBaseline) return `；${met}`;
    return `；${met}（基准 ${base.targetsMet}/${base.targetsEvaluable}），<span class="better">新增达标 ${ids(h.gained, "无")}</span>，<span class="worse">不再达标 ${ids(h.lost, "无")}</span>`;
  }
  const met = `targets met ${h.targetsMet} of ${h.targetsEvaluable}`;
  if (h.isBaseline) return `; ${met}`;
  return `; ${met} (baseline ${base.targetsMet} of ${base.targetsEvaluable}), <span class="better">gained ${ids(h.gained, "none")}</span>, <span class="worse">lost ${ids(h.lost, "none")}</span>`;
}

function headlineHtml(h: Headline, base: Headline): string {
  const name = e(h.scenario);
  const baseName = e(base.scenario);
  const zhLead = h.isBaseline ? `${name}（基准情景，${h.year} 年）：` : `${name} 对比 ${baseName}（${h.year} 年）：`;
  const enLead = h.isBaseline ? `${name} (baseline, ${h.year}): ` : `${name} vs ${baseName} (${h.year}): `;
  const zh = h.figures.map((f) => figureHtml(f, "zh")).join("，") + targetsText(h, base, "zh") + "。";
  const en = h.figures.map((f) => figureHtml(f, "en")).join(", ") + targetsText(h, base, "en") + ".";
  return `<p class="headline" data-scenario="${name}"><span class="name">${zhLead}</span>${zh}<br><span class="line-en">${enLead}${en}</span></p>`;
}

/** Every scenario's headline, the baseline first; empty when the model has no report year. */
export function headlinesHtml(model: ComparisonModel): string {
  const all = headlines(model);
  const base = all[model.baseline];
  if (!base) return "";
  const order = [base, ...all.filter((h) => !h.isBaseline)];
  return order.map((h) => headlineHtml(h, base)).join("\n");
}
