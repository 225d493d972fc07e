/**
 * One line per target, what 达标 opens with and the command line prints: "JX-3 整合后重大平台规上工业增加值 ≥
 * 80 亿元：7/10 个平台达标，全部达标概率 62.3%" — subjects met on the deterministic path out of those the
 * sheet can evaluate, and with Monte Carlo the chance that all of them meet it in the same trial
 * (SimulationResult.allMet); a region target says met or not, with its probability. Pure.
 */
import type { SimulationResult, TargetCheck } from "../../models/results.js";
import { formatFigure, type Bilingual } from "../../models/vocabulary.js";

export interface TargetSummary {
  id: string;
  label: Bilingual;
  level: TargetCheck["level"];
  /** Subjects checked, those the sheet can evaluate, and those met on the deterministic path. */
  subjects: number;
  evaluable: number;
  met: number;
  /** Monte Carlo: P(every evaluable subject meets it together); null without trials or for a result stored before allMet. */
  probability: number | null;
}

/** The targets in the result's order (first check of each id). */
export function targetSummaries(result: SimulationResult): TargetSummary[] {
  const byId = new Map<string, TargetCheck[]>();
  for (const t of result.targets) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  return [...byId.entries()].map(([id, checks]) => {
    const evaluable = checks.filter((c) => c.evaluable);
    const single = checks.length === 1 ? checks[0].probability : null;
    return {
      id,
      label: checks[0].label,
      level: checks[0].level,
      subjects: checks.length,
      evaluable: evaluable.length,
      met: evaluable.filter((c) => c.met === true).length,
      probability: evaluable.length === 0 ? null : (result.allMet?.[id] ?? single),
    };
  });
}

const SUBJECT_WORDS = {
  platform: { zh: "个平台", en: "platforms" },
  county: { zh: "个县", en: "counties" },
  region: { zh: "", en: "" },
} satisfies Record<TargetCheck["level"], Bilingual>;

/** The summary line in one language. */
export function summaryLine(s: TargetSummary, lang: "zh" | "en"): string {
  const p = s.probability === null ? null : formatFigure(s.probability, "pct");
  const head = `${s.id} ${s.label[lang]}`;
  if (s.evaluable === 0) return lang === "zh" ? `${head}：不可评估` : `${head}: not evaluable`;
  if (s.subjects === 1) {
    const met = s.met === 1;
    if (lang === "zh") return `${head}：${met ? "达标" : "未达标"}${p === null ? "" : `，达标概率 ${p}`}`;
    return `${head}: ${met ? "met" : "not met"}${p === null ? "" : `, probability ${p}`}`;
  }
  const words = SUBJECT_WORDS[s.level];
  const left = s.subjects - s.evaluable;
  if (lang === "zh")
    return `${head}：${s.met}/${s.evaluable} ${words.zh}达标${p === null ? "" : `，全部达标概率 ${p}`}${left ? `（另 ${left} 个不可评估）` : ""}`;
  return `${head}: ${s.met}/${s.evaluable} ${words.en} met${p === null ? "" : `, all met with probability ${p}`}${left ? ` (${left} more not evaluable)` : ""}`;
}
