/**
 * An optimal plan in words, Chinese then English: each shadow price as a sentence ("每增加 1 亩 2021 年新增
 * 用地指标，2022 年规上工业产值可增加 0.02 亿元（200 万元）"), each conflicting constraint of an infeasible
 * plan. The words of the optimisation live here once; the sheet, the command line and the pane read them.
 */
import type { Bilingual } from "../../results.js";
import { METRIC_TERMS, STRATEGY_LABELS } from "../../vocabulary.js";
import type { Ineligible } from "./build.js";
import type { AllocationPlan, Conflict, ShadowPrice } from "./optimal.js";
import type { ObjectiveKind, ObjectiveSpan } from "./settings.js";

export const OBJECTIVE_LABELS = {
  output: { zh: "规上工业产值", en: "output" },
  valueAdded: { zh: "工业增加值", en: "value added" },
  tax: { zh: "税收", en: "tax" },
} satisfies Record<ObjectiveKind, Bilingual>;

export const SPAN_LABELS = {
  horizon: { zh: "预测期末年份", en: "the last horizon year" },
  all: { zh: "各预测年份合计", en: "summed over the projected years" },
} satisfies Record<ObjectiveSpan, Bilingual>;

export const INELIGIBLE_LABELS = {
  exits: { zh: "新增用地投产前平台已退出", en: "the platform exits before the grant would produce" },
  phased: { zh: "逐步退出平台不再新增用地", en: "a phased-out platform receives no new land" },
  entry: { zh: "上年亩均产出或亩均税收未达标准地门槛", en: "last year's output or tax per mu is below the 标准地 threshold" },
  mainOnly: {
    zh: `情景策略为${STRATEGY_LABELS["main-only"].zh}（main-only）`,
    en: `the scenario's strategy is ${STRATEGY_LABELS["main-only"].en.toLowerCase()} (main-only)`,
  },
  classWeight: { zh: "评价类别权重为 0（情景策略 merit）", en: "its evaluation class has weight 0 (merit strategy)" },
  late: { zh: "新增用地在预测期内不能投产", en: "the grant would not produce within the projection" },
} satisfies Record<Ineligible, Bilingual>;

/** 4 significant digits, no exponent for the amounts a plan shows. */
export const figure = (x: number): string => (x === 0 ? "0" : String(Number(x.toPrecision(4))));
const wan = (yi: number) => figure(yi * 1e4);

/** "2022 年" or "2021–2022 年合计" / "2022" or "2021–2022 (summed)". */
function when(plan: AllocationPlan): Bilingual {
  const y = plan.objective.years;
  if (y.length === 1) return { zh: `${y[0]} 年`, en: `in ${y[0]}` };
  return { zh: `${y[0]}–${y[y.length - 1]} 年合计`, en: `over ${y[0]}–${y[y.length - 1]} (summed)` };
}

/** A robust plan's "（10 次抽样试验平均）" / " (average of 10 sampled trials)"; empty on the deterministic path. */
function averaged(plan: AllocationPlan): Bilingual {
  if (!plan.robust) return { zh: "", en: "" };
  const k = plan.robust.trials;
  return { zh: `（${k} 次抽样试验平均）`, en: ` (average of ${k} sampled trial${k === 1 ? "" : "s"})` };
}

export type ShadowKind = "land" | "energy" | "headroom";

/** One shadow price as a sentence. */
export function shadowSentence(plan: AllocationPlan, kind: ShadowKind, price: ShadowPrice): Bilingual {
  const obj = OBJECTIVE_LABELS[plan.objective.kind];
  const w = when(plan);
  const avg = averaged(plan);
  const gain = {
    zh: `${w.zh}${obj.zh}可增加 ${figure(price.value)} 亿元（${wan(price.value)} 万元）${avg.zh}`,
    en: `adds ${figure(price.value)} 亿元 (${wan(price.value)} 万元) of ${obj.en} ${w.en}${avg.en}`,
  };
  const none = { zh: `${w.zh}${obj.zh}不会增加`, en: `adds nothing to ${obj.en} ${w.en}` };
  const g = price.value > 0 ? gain : none;
  switch (kind) {
    case "land":
      return {
        zh: `每增加 1 亩 ${price.year} 年新增用地指标，${g.zh}${price.value > 0 ? "" : "（指标未用尽，或新增用地无处可用）"}`,
        en: `One more 亩 of the ${price.year} land quota ${g.en}${price.value > 0 ? "" : " (the quota is not used up, or nobody can use more)"}`,
      };
    case "energy":
      return {
        zh: `${price.year} 年能耗总量上限每增加 1 万吨标煤，${g.zh}${price.value > 0 ? "" : "（上限未用尽）"}`,
        en: `One more 万吨标煤 of the ${price.year} energy cap ${g.en}${price.value > 0 ? "" : " (the cap is not used up)"}`,
      };
    case "headroom":
      return {
        zh: `${price.platform}的可开发空间每增加 1 亩，${g.zh}${price.value > 0 ? "" : "（可开发空间未用尽）"}`,
        en: `One more 亩 of ${price.platform}'s developable land ${g.en}${price.value > 0 ? "" : " (its headroom is not used up)"}`,
      };
  }
}

/** A target's metric and unit in both languages (亩 for a grant). */
function measure(metric: string | null): { name: Bilingual; unit: Bilingual } {
  const term = metric !== null ? METRIC_TERMS[metric as keyof typeof METRIC_TERMS] : undefined;
  return term ? { name: term.name, unit: term.unit } : { name: { zh: "新增用地", en: "land grant" }, unit: { zh: "亩", en: "mu" } };
}

/** One conflicting constraint as a sentence. */
export function conflictSentence(c: Conflict): Bilingual {
  const cmp = c.comparison === "<=" ? "≤" : "≥";
  const short = c.shortfall !== null ? figure(c.shortfall) : "";
  switch (c.kind) {
    case "target": {
      const m = measure(c.metric);
      return {
        zh: `目标 ${c.id}（${c.subject}，${c.year} 年${m.name.zh} ${cmp} ${figure(c.required ?? NaN)} ${m.unit.zh}）无法满足，最接近时仍差 ${short} ${m.unit.zh}`,
        en: `target ${c.id} (${c.subject}, ${m.name.en} ${cmp} ${figure(c.required ?? NaN)} ${m.unit.en} in ${c.year}) cannot be met: at best ${short} ${m.unit.en} short`,
      };
    }
    case "landMin":
      return {
        zh: `${c.subject} ${c.year} 年最低新增用地 ${figure(c.required ?? NaN)} 亩无法满足，最接近时仍差 ${short} 亩`,
        en: `the minimum grant of ${figure(c.required ?? NaN)} 亩 to ${c.subject} in ${c.year} cannot be met: at best ${short} 亩 short`,
      };
    case "notEligible": {
      const why = INELIGIBLE_LABELS[c.reason ?? "late"];
      return {
        zh: `${c.subject} ${c.year} 年不能获得新增用地（${why.zh}），最低新增用地 ${figure(c.required ?? NaN)} 亩无法满足`,
        en: `${c.subject} cannot receive land in ${c.year} (${why.en}): its minimum grant of ${figure(c.required ?? NaN)} 亩 cannot be met`,
      };
    }
    case "quota":
      return {
        zh: `与之冲突：${c.year} 年新增用地指标 ${figure(c.required ?? NaN)} 亩已用尽`,
        en: `in conflict with: the ${c.year} land quota of ${figure(c.required ?? NaN)} 亩, used up`,
      };
    case "energy":
      return {
        zh: `与之冲突：${c.year} 年能耗总量上限 ${figure(c.required ?? NaN)} 万吨标煤已用尽`,
        en: `in conflict with: the ${c.year} energy cap of ${figure(c.required ?? NaN)} 万吨标煤, used up`,
      };
    case "headroom":
      return {
        zh: `与之冲突：${c.subject}的可开发空间（可新增 ${figure(c.required ?? NaN)} 亩）已用尽`,
        en: `in conflict with: ${c.subject}'s developable land (${figure(c.required ?? NaN)} 亩 to grant), used up`,
      };
  }
}

/** "Output at the horizon, 162 亿元 against 159 亿元 under the scenario's own strategy (+3 亿元)". */
export function objectiveSentence(plan: AllocationPlan): Bilingual {
  const obj = OBJECTIVE_LABELS[plan.objective.kind];
  const w = when(plan);
  const { value, baseline } = plan.objective;
  if (value === null) return { zh: `无可行配置：约束相互冲突（见下）`, en: `no feasible allocation: the constraints conflict (see below)` };
  const diff = value - baseline;
  const sign = diff >= 0 ? "+" : "−";
  const avg = averaged(plan);
  return {
    zh: `最优配置下${avg.zh}，${w.zh}${obj.zh} ${figure(value)} 亿元，情景原策略 ${figure(baseline)} 亿元（${sign}${figure(Math.abs(diff))} 亿元）`,
    en: `optimal allocation${avg.en}: ${obj.en} ${w.en} ${figure(value)} 亿元, against ${figure(baseline)} 亿元 under the scenario's own strategy (${sign}${figure(Math.abs(diff))} 亿元)`,
  };
}
