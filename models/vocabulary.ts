/**
 * The one vocabulary: how every allocation strategy, metric, evaluation indicator and class, target
 * level, roll-up kind, binding constraint, comparison and check outcome is called, in Chinese and in
 * English. The pane, the result sheets, the comparison, the HTML report, the command line and the
 * worksheet functions read their labels here and nowhere else (levels and statuses are labelled next to
 * their types in platform.ts and re-exported here).
 *
 * Each table `satisfies Record<Union, …>` over the model's own union, so a new strategy, metric or
 * class is a compile error until it has its labels; lists (dropdowns, label columns) are derived from the
 * tables with `termKeys`, in the tables' order. Type-only imports of scenario.ts and targetSchema.ts: the
 * pane's first load gets these tables without zod.
 */
import { LEVEL_LABELS, STATUS_LABELS } from "./platform.js";
import type { Binding, Bilingual, RollupResult, TargetCheck } from "./results.js";
import type { AllocationStrategy, EvaluationClass, Indicator } from "./scenario.js";
import type { Comparison, Metric } from "./targetSchema.js";
import type { GrowthDistribution } from "./growthModels.js";
import type { RatioLever } from "./levers/ratioNames.js";
import type { AssumptionId } from "./decisions/assumptionNames.js";

export { LEVEL_LABELS, STATUS_LABELS };
export type { Bilingual };

/**
 * How a figure is shown: 2 decimals (亿元, 万吨标煤), 1 decimal (万元/亩), a percentage of a fraction,
 * a whole number (亩, counts), 3 decimals (ratios such as 吨标煤/万元). Sheets map these to number formats.
 */
export type NumberStyle = "yi" | "perMu" | "pct" | "int" | "ratio3";

/** Decimals per style (of the percentage for "pct"): the pane, the report and the command line agree. */
export const STYLE_DIGITS = { yi: 2, perMu: 1, pct: 1, int: 0, ratio3: 3 } satisfies Record<NumberStyle, number>;

/** 81.005 → "81.01" (yi), 0.0312 → "3.1%" (pct), 12345 → "12,345" (int); null or non-finite → "—". */
export function formatFigure(value: number | null | undefined, style: NumberStyle): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const fixed = (v: number, digits: number) => v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (style) {
    case "pct":
      return `${fixed(value * 100, STYLE_DIGITS.pct)}%`;
    case "yi":
    case "perMu":
    case "int":
    case "ratio3":
      return fixed(value, STYLE_DIGITS[style]);
    default:
      return assertNever(style);
  }
}

/**
 * Which way a figure improves: "higher" (output, tax, 亩均, shares, counts of firms), "lower" (energy
 * use, energy intensity, emissions: the plans cut them) or "neither" (land in use, developable and city
 * land: inputs, whose use the per-mu figures judge; counts and shares whose subject a target sets; a
 * decision's assumptions). Every colour of a difference follows it (models/direction.ts).
 */
export type Direction = "higher" | "lower" | "neither";

/** A figure's name and unit in both languages, how it is shown, and which way it improves. */
export interface MetricTerm {
  name: Bilingual;
  unit: Bilingual;
  style: NumberStyle;
  better: Direction;
}

/** What a target can compare: a metric's value, or the count / share of its aggregate kinds. */
export type TargetMeasure = Metric | "count" | "share";

/** The keys of a label table, in the table's order: the one way lists of choices or columns are made. */
export const termKeys = <K extends string>(table: Record<K, unknown>): K[] => Object.keys(table) as K[];

/** For the default branch of an exhaustive switch: a new union member is a compile error there. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}

const term = (zh: string, en: string, unitZh: string, unitEn: string, style: NumberStyle, better: Direction): MetricTerm => ({
  name: { zh, en },
  unit: { zh: unitZh, en: unitEn },
  style,
  better,
});
const YI = ["亿元", "100M yuan"] as const;
const PER_MU = ["万元/亩", "10k yuan/mu"] as const;

/** Allocation strategies of the land quota and the energy cap (models/README.md, "Allocation strategies"). */
export const STRATEGY_LABELS = {
  proportional: { zh: "按现有规模", en: "In proportion to current use" },
  merit: { zh: "亩均论英雄（按评价等级）", en: "By merit (evaluation class)" },
  "main-only": { zh: "仅主平台", en: "Main platforms only" },
  manual: { zh: "逐平台指定", en: "Set per platform" },
  optimal: { zh: "最优配置（线性规划）", en: "Optimal (linear program)" },
} satisfies Record<AllocationStrategy, Bilingual>;

/** Growth models (growthModels.ts): how a platform's annual growth is drawn. */
export const GROWTH_MODEL_LABELS = {
  normal: { zh: "正态分布（均值 μ、标准差 σ）", en: "Normal (mean μ, standard deviation σ)" },
  triangular: { zh: "三角分布（低/中/高）", en: "Triangular (low / mode / high)" },
  pert: { zh: "PERT 分布（低/中/高）", en: "PERT (low / mode / high)" },
} satisfies Record<GrowthDistribution, Bilingual>;

/** The strategies in the order choices are offered. */
export const STRATEGY_CHOICES: readonly AllocationStrategy[] = termKeys(STRATEGY_LABELS);

export const isStrategy = (v: unknown): v is AllocationStrategy => typeof v === "string" && Object.hasOwn(STRATEGY_LABELS, v);

/** Every metric a year row or a target can carry, plus the count and share a target may compare. */
export const METRIC_TERMS = {
  output: term("产值", "Output", ...YI, "yi", "higher"),
  land: term("工业用地", "Industrial land", "亩", "mu", "int", "neither"),
  valueAdded: term("增加值", "Value added", ...YI, "yi", "higher"),
  tax: term("税收", "Tax", ...YI, "yi", "higher"),
  energy: term("能耗", "Energy use", "万吨标煤", "10k tce", "yi", "lower"),
  rd: term("研发投入", "R&D spend", ...YI, "yi", "higher"),
  highTechValueAdded: term("高新技术产业增加值", "High-tech value added", ...YI, "yi", "higher"),
  strategicEmergingOutput: term("战略性新兴产业产值", "Strategic emerging industry output", ...YI, "yi", "higher"),
  outputPerMu: term("亩均产出", "Output per mu", ...PER_MU, "perMu", "higher"),
  taxPerMu: term("亩均税收", "Tax per mu", ...PER_MU, "perMu", "higher"),
  valueAddedPerMu: term("亩均增加值", "Value added per mu", ...PER_MU, "perMu", "higher"),
  energyIntensity: term("单位增加值能耗", "Energy per value added", "吨标煤/万元", "tce/10k yuan", "ratio3", "lower"),
  highTechShare: term("高新技术产业增加值占比", "High-tech share of value added", "%", "%", "pct", "higher"),
  rdShare: term("研发投入占比", "R&D share", "%", "%", "pct", "higher"),
  developableLand: term("可开发空间", "Developable land", "亩", "mu", "int", "neither"),
  listedCompanies: term("上市公司", "Listed companies", "家", "firms", "int", "higher"),
  enterprises100: term("百亿企业", "Enterprises ≥ 100亿", "家", "firms", "int", "higher"),
  emissions: term("主要污染物排放", "Main pollutant emissions", "表中单位", "sheet's unit", "yi", "lower"),
  cityIndustrialLand: term("全市工业用地", "City industrial land", "亩", "mu", "int", "neither"),
  valueAddedShareOfGdp: term("增加值占全市 GDP 比重", "Value added share of city GDP", "%", "%", "pct", "higher"),
  outputShareOfCity: term("产值占全市比重", "Share of city output", "%", "%", "pct", "higher"),
  valueAddedGrowthAboveCity: term("增加值年均增速高出全市", "Value-added growth above the city's", "百分点", "points", "pct", "higher"),
  count: term("数量", "Count", "个", "count", "int", "neither"),
  share: term("占比", "Share", "%", "%", "pct", "neither"),
} satisfies Record<TargetMeasure, MetricTerm>;

/** The ratios a scenario's levers move (model.md §2.1); the shares are the metrics' own words. */
export const RATIO_LEVER_LABELS = {
  valueAdded: { zh: "增加值率（增加值/产值）", en: "Value-added ratio (value added / output)" },
  tax: { zh: "税收产值比（税收/产值）", en: "Tax ratio (tax / output)" },
  rd: METRIC_TERMS.rdShare.name,
  highTech: METRIC_TERMS.highTechShare.name,
  strategic: { zh: "战略性新兴产业产值占比", en: "Strategic emerging industries' share of output" },
} satisfies Record<RatioLever, Bilingual>;

/** A ratio's annual change as a sensitivity assumption: the ratio's own words. */
const ratioChange = (r: RatioLever): MetricTerm => ({
  name: { zh: `${RATIO_LEVER_LABELS[r].zh}年变化`, en: `${RATIO_LEVER_LABELS[r].en}, change per year` },
  unit: { zh: "每年", en: "per year" },
  style: "pct",
  better: "neither",
});

/** The assumptions a sensitivity analysis moves (models/decisions/sensitivity.ts), the unit of their low and high. */
export const ASSUMPTION_TERMS = {
  "growth.mean": term("增速均值 μ", "Growth mean μ", "每年", "per year", "pct", "neither"),
  "growth.sd": term("增速标准差 σ", "Growth standard deviation σ", "每年", "per year", "pct", "neither"),
  "growth.correlation": term("区域共同冲击占比 ρ", "Regional shock share ρ", "0–1", "0–1", "ratio3", "neither"),
  "energy.intensityDecline": term("单位增加值能耗年降幅 d", "Energy intensity decline d", "每年", "per year", "pct", "neither"),
  "land.quota": term("新增用地指标", "Land quota", "倍", "× scenario", "ratio3", "neither"),
  "energy.cap": term("能耗总量上限", "Energy cap", "倍", "× scenario", "ratio3", "neither"),
  "exits.relocationShare": term("退出产值转移比例 s", "Relocation share s", "0–1", "0–1", "pct", "neither"),
  "land.lagYears": term("用地投产滞后 λ", "Land lag λ", "年", "years", "int", "neither"),
  "ratios.valueAdded.change": ratioChange("valueAdded"),
  "ratios.tax.change": ratioChange("tax"),
  "ratios.rd.change": ratioChange("rd"),
  "ratios.highTech.change": ratioChange("highTech"),
  "ratios.strategic.change": ratioChange("strategic"),
} satisfies Record<AssumptionId, MetricTerm>;

/** The indicators of the 亩均效益综合评价; those that are also metrics share the metric's term. */
export const INDICATOR_TERMS = {
  taxPerMu: METRIC_TERMS.taxPerMu,
  valueAddedPerMu: METRIC_TERMS.valueAddedPerMu,
  valueAddedPerEnergy: term("单位能耗增加值", "Value added per energy", "万元/吨标煤", "10k yuan/tce", "ratio3", "higher"),
  valueAddedPerEmission: term("单位排放增加值", "Value added per emission", "万元/单位排放", "10k yuan/unit", "perMu", "higher"),
  laborProductivity: term("全员劳动生产率", "Labour productivity", "万元/人", "10k yuan/person", "perMu", "higher"),
  rdShare: METRIC_TERMS.rdShare,
} satisfies Record<Indicator, MetricTerm>;

export const CLASS_LABELS = {
  A: { zh: "A 优先发展类", en: "priority" },
  B: { zh: "B 提升发展类", en: "upgrade" },
  C: { zh: "C 调控帮扶类", en: "controlled" },
  D: { zh: "D 倒逼整治类", en: "remediation" },
} satisfies Record<EvaluationClass, Bilingual>;

/**
 * Whether a platform's evaluation rests on its own figures: `estimated` when an included indicator has no
 * value for it (the sheet lacks the figure, or has only a scenario default ratio) and it scores the
 * others' average item there (evaluation.ts).
 */
export const EVALUATION_DATA_LABELS = {
  header: { zh: "评价数据", en: "Evaluation data" },
  complete: { zh: "完整", en: "complete" },
  estimated: { zh: "估算（取平均得分）", en: "estimated (average item score)" },
} satisfies Record<string, Bilingual>;

/** The level a target is checked at. */
export const TARGET_LEVEL_LABELS = {
  platform: { zh: "平台", en: "platform" },
  county: { zh: "县", en: "county" },
  region: { zh: "全市", en: "region" },
} satisfies Record<TargetCheck["level"], Bilingual>;

export const ROLLUP_KIND_LABELS = {
  main: { zh: "主平台及分区", en: "main platform with sub-parks" },
  county: TARGET_LEVEL_LABELS.county,
  region: TARGET_LEVEL_LABELS.region,
} satisfies Record<RollupResult["kind"], Bilingual>;

/** What set a year's output. */
export const BINDING_LABELS = {
  land: { zh: "用地", en: "land" },
  energy: { zh: "能耗", en: "energy" },
  exited: { zh: "已退出", en: "exited" },
} satisfies Record<Binding, Bilingual>;

export const COMPARISON_LABELS = {
  ">=": { zh: "≥", en: "≥" },
  "<=": { zh: "≤", en: "≤" },
  ">": { zh: ">", en: ">" },
  "<": { zh: "<", en: "<" },
  between: { zh: "介于", en: "between" },
} satisfies Record<Comparison, Bilingual>;

/** A figure's direction in words (a legend, a column's note). */
export const DIRECTION_LABELS = {
  higher: { zh: "越高越好", en: "higher is better" },
  lower: { zh: "越低越好", en: "lower is better" },
  neither: { zh: "不分优劣", en: "neither way is better" },
} satisfies Record<Direction, Bilingual>;

/**
 * A difference from a baseline judged by its figure's direction (models/direction.ts): better, worse,
 * the same (zero at the shown precision, or unknown), or changed where neither way is better.
 */
export type Improvement = "better" | "worse" | "same" | "neutral";

export const IMPROVEMENT_LABELS = {
  better: { zh: "更好", en: "better" },
  worse: { zh: "更差", en: "worse" },
  same: { zh: "持平", en: "same" },
  neutral: { zh: "有变化（不分优劣）", en: "changed (neither way is better)" },
} satisfies Record<Improvement, Bilingual>;

/** The outcome of a target check, as every front end states it. */
export type CheckOutcome = "met" | "notMet" | "notEvaluable";

export const CHECK_OUTCOME_LABELS = {
  met: { zh: "达标", en: "Met" },
  notMet: { zh: "未达标", en: "Not met" },
  notEvaluable: { zh: "不可评估", en: "Not evaluable" },
} satisfies Record<CheckOutcome, Bilingual>;

export const checkOutcome = (c: Pick<TargetCheck, "evaluable" | "met">): CheckOutcome =>
  !c.evaluable || c.met === null ? "notEvaluable" : c.met ? "met" : "notMet";

/** "亩均论英雄（按评价等级） / By merit (evaluation class)": a label in both languages, Chinese first. */
export const bilingual = (label: Bilingual): string => (label.zh === label.en ? label.zh : `${label.zh} / ${label.en}`);
