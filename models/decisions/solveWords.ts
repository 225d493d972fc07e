/**
 * The back-solve's answer in a sentence (solve.ts), Chinese and English, for the command line and the 反推
 * sheet: the target, the goal, and the lever's value in its own terms (points of growth or of a ratio's
 * annual change, a multiple of the land quota or of the energy cap).
 */
import type { Bilingual } from "../results.js";
import { COMPARISON_LABELS, formatFigure, METRIC_TERMS, RATIO_LEVER_LABELS } from "../vocabulary.js";
import { LEVER_RULES, type LeverSpec } from "./levers.js";
import type { SolvePlan, SolveResult, SolveStatus } from "./solveTypes.js";

/** A back-solve's outcome, as the command line and the 反推 sheet state it. */
export const SOLVE_STATUS_LABELS = {
  solved: { zh: "已求得", en: "solved" },
  alreadyMet: { zh: "下限即满足", en: "already met at lo" },
  unreachable: { zh: "范围内不可达", en: "not reachable in the range" },
} satisfies Record<SolveStatus, Bilingual>;

/** "2.3 个百分点" / "2.3 points" (growth, a ratio's change: x in fractions), "1.85 倍" / "1.85 ×" (scales). */
function leverAmount(kind: LeverSpec["kind"], x: number): Bilingual {
  if (kind === "growth" || kind === "ratio") {
    const points = Number((x * 100).toFixed(kind === "growth" ? 1 : 2));
    return { zh: `${points} 个百分点`, en: `${points} points` };
  }
  const times = Number(x.toFixed(3));
  return { zh: `${times} 倍`, en: `${times} ×` };
}

/** "嘉兴港区 2020 年 亩均产出 ≥ 500.0 万元/亩" / "嘉兴港区 in 2020: output per mu ≥ 500.0 万元/亩". */
function targetText(plan: SolvePlan): Bilingual {
  const { check, subject } = plan;
  const def = check.def;
  const metric = def.aggregate === "value" ? def.metric : undefined;
  if (!metric || def.comparison === "between") {
    const label = def.label ?? { zh: def.id, en: def.id };
    return { zh: `${subject} ${check.year} 年 ${label.zh}`, en: `${subject} in ${check.year}: ${label.en}` };
  }
  const term = METRIC_TERMS[metric];
  const cmp = COMPARISON_LABELS[def.comparison];
  const shown = formatFigure(check.threshold, term.style);
  const unit = term.style === "pct" ? "" : ` ${term.unit.zh}`;
  return {
    zh: `${subject} ${check.year} 年 ${term.name.zh} ${cmp.zh} ${shown}${unit}`,
    en: `${subject} in ${check.year}: ${term.name.en} ${cmp.en} ${shown}${unit}`,
  };
}

/** What the lever moves: "嘉兴科技城（含 1 个分区）的增长率", "全部平台的增长率", "新增用地指标", "研发投入占比". */
function leverSubject(plan: SolvePlan): Bilingual {
  const { lever } = plan;
  const label = LEVER_RULES[lever.kind].label;
  if (lever.kind === "ratio") {
    const r = RATIO_LEVER_LABELS[lever.ratio!];
    return { zh: r.zh, en: r.en };
  }
  if (lever.kind !== "growth") return { zh: label.zh, en: `the ${label.en}` };
  const names = lever.platforms ?? (lever.platform !== undefined ? [lever.platform] : null);
  if (names === null) return { zh: `全部平台的${label.zh}`, en: `every platform's ${label.en}` };
  if (names.length === 1) return { zh: `${names[0]}的${label.zh}`, en: `the ${label.en} of ${names[0]}` };
  const others = names.length - 1;
  return {
    zh: `${names[0]}（含 ${others} 个分区）的${label.zh}`,
    en: `the ${label.en} of ${names[0]} (with ${others} sub-park${others > 1 ? "s" : ""})`,
  };
}

/**
 * The answer in a sentence, Chinese and English: "要使 嘉兴港区 2020 年 亩均产出 ≥ 500.0 万元/亩 的概率达到
 * 80.0%，嘉兴港区的增长率需提高 2.3 个百分点（情景原值下概率 35.9%）".
 */
export function solveSentence(result: Omit<SolveResult, "sentence">, plan: SolvePlan): Bilingual {
  const kind = plan.lever.kind;
  const t = targetText(plan);
  const what = leverSubject(plan);
  const pct = (p: number) => formatFigure(p, "pct");
  const deterministic = result.runs === 0;
  const head = deterministic
    ? { zh: `要使 ${t.zh} 在确定性路径上达标`, en: `For ${t.en} on the deterministic path` }
    : { zh: `要使 ${t.zh} 的概率达到 ${pct(result.goal)}`, en: `For ${t.en} with probability ${pct(result.goal)}` };
  const [lo, hi] = result.range;
  const p = (q: number) => (deterministic ? (q >= 1 ? "达标" : "未达标") : `概率 ${pct(q)}`);
  const pEn = (q: number) => (deterministic ? (q >= 1 ? "met" : "not met") : `probability ${pct(q)}`);
  if (result.status === "unreachable") {
    const top = leverAmount(kind, hi);
    return {
      zh: `${head.zh}：在范围 [${lo}, ${hi}] 内无法达到（${what.zh}取上限 ${top.zh}时${p(result.probability)}）`,
      en: `${head.en}: not reachable in [${lo}, ${hi}] (with ${what.en} at the top, ${top.en}: ${pEn(result.probability)})`,
    };
  }
  if (result.status === "alreadyMet") {
    const bottom = leverAmount(kind, lo);
    return {
      zh: `${head.zh}：${what.zh}取范围下限 ${bottom.zh}时已满足（${p(result.probability)}）`,
      en: `${head.en}: already met with ${what.en} at the bottom of the range, ${bottom.en} (${pEn(result.probability)})`,
    };
  }
  const x = result.value!;
  const base = { zh: `（情景原值下${p(result.base.p)}）`, en: ` (as the scenario stands: ${pEn(result.base.p)})` };
  if (kind === "growth" || kind === "ratio") {
    const amount = leverAmount(kind, Math.abs(x));
    const yearly = kind === "ratio" ? "每年" : "";
    const clause =
      x >= 0
        ? { zh: `${what.zh}需${yearly}提高 ${amount.zh}`, en: `${what.en} must rise by ${amount.en}${kind === "ratio" ? " a year" : ""}` }
        : {
            zh: `${what.zh}${yearly}降低 ${amount.zh}仍可达到`,
            en: `${what.en} may fall by ${amount.en}${kind === "ratio" ? " a year" : ""}`,
          };
    return { zh: `${head.zh}，${clause.zh}${base.zh}`, en: `${head.en}, ${clause.en}${base.en}` };
  }
  const amount = leverAmount(kind, x);
  return {
    zh: `${head.zh}，${what.zh}需为情景的 ${amount.zh}${base.zh}`,
    en: `${head.en}, ${what.en} must be ${amount.en} the scenario's${base.en}`,
  };
}
