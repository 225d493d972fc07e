/**
 * The target engine: turns target definitions into checks (one per subject: each platform, county or
 * the region), decides whether the sheet can evaluate them, and evaluates a check on one path.
 * The same evaluation runs on the deterministic path and on every Monte Carlo trial, so county and
 * region targets are counted trial by trial.
 */
import type { Compiled } from "./compile.js";
import type { Platform } from "./platform.js";
import type { Bilingual } from "./results.js";
import { SUMS, type Unit } from "./rollup.js";
import type { Comparison, Condition, Metric, ReferenceField, ReferenceMetric, TargetDef } from "./targetSchema.js";
import { WAN_PER_YI } from "./perMu.js";

type PlatformMetric = Exclude<Metric, ReferenceMetric>;

export interface Check {
  def: TargetDef;
  subject: string;
  level: TargetDef["level"];
  year: number;
  step: number;
  /** Value targets: the unit measured; count targets: the units counted. */
  unit: number;
  countUnits: Int32Array;
  /** Count targets: per counted unit, 1 when it meets the conditions of `where` on figures the path does not move. */
  countStatic: Uint8Array;
  /** Count targets: the conditions of `where` the path moves, checked at each step (and in each trial). */
  conditions: Condition[];
  /** Reference metrics (REFERENCE_METRICS): the unit's amount × scale + add, or ÷ / minus the figure of step k (perStep). */
  scale: number;
  add: number;
  perStep: Float64Array;
  /** "between" with an allowance: the plan's own upper bound (thresholdMax is then the allowance's); NaN = none. */
  strictMax: number;
  /** Share targets: the platforms of the county (region) and which of them count, with their exit steps. */
  shareMembers: Int32Array;
  shareCounted: Uint8Array;
  threshold: number;
  thresholdMax: number;
  baseValue: number | null;
  evaluable: boolean;
  reason: Bilingual | null;
  notes: Bilingual[];
}

/** Sheet fields a target can need: those the compiler marks (Compiled["has"]) and the emissions column. */
export type SheetField = keyof Compiled["has"] | "emissions";

/** Sheet fields a metric needs; a subject none of whose members has the field cannot be evaluated. */
const REQUIRES: Partial<Record<Metric, SheetField>> = {
  valueAdded: "valueAdded",
  valueAddedPerMu: "valueAdded",
  tax: "tax",
  taxPerMu: "tax",
  energy: "energy",
  energyIntensity: "energy",
  rd: "rd",
  rdShare: "rd",
  highTechValueAdded: "highTechValueAdded",
  highTechShare: "highTechValueAdded",
  strategicEmergingOutput: "strategicEmergingOutput",
  developableLand: "developableLand",
  listedCompanies: "listedCompanies",
  enterprises100: "enterprises100",
  emissions: "emissions",
  valueAddedShareOfGdp: "valueAdded",
  valueAddedGrowthAboveCity: "valueAdded",
};

const FIELD_LABELS: Record<SheetField, Bilingual> = {
  valueAdded: { zh: "增加值", en: "value added" },
  tax: { zh: "税收", en: "tax" },
  energy: { zh: "能耗", en: "energy" },
  rd: { zh: "研发投入", en: "R&D spend" },
  highTechValueAdded: { zh: "高新技术产业增加值", en: "high-tech value added" },
  strategicEmergingOutput: { zh: "战略性新兴产业产值", en: "strategic emerging industry output" },
  developableLand: { zh: "可开发空间", en: "developable land" },
  listedCompanies: { zh: "上市公司数", en: "listed companies" },
  enterprises100: { zh: "百亿企业数", en: "enterprises ≥ 100亿" },
  emissions: { zh: "主要污染物排放", en: "emissions" },
};

/** How a reference metric's value comes from a unit's amount a(k) (sums offset `amount`). */
export const REFERENCE_FORM = {
  /** a(k) × scale + add (emissions: energy × the base year's emissions per energy; city land: + land outside the platforms). */
  amount: 1,
  /** a(k) ÷ the reference figure of year k (a share of the city's GDP or output). */
  share: 2,
  /** (a(k) / a(0))^(1/k) − 1 − the reference's average growth over the same years (growth above the city's). */
  growth: 3,
} as const;

/** Each reference metric: the amount it reads, its form, and the `references` field it needs (null: a sheet column). */
export const REFERENCE_METRIC_SPECS: Record<
  ReferenceMetric,
  { amount: number; form: (typeof REFERENCE_FORM)[keyof typeof REFERENCE_FORM]; reference: ReferenceField | null }
> = {
  emissions: { amount: 4, form: REFERENCE_FORM.amount, reference: null },
  cityIndustrialLand: { amount: 1, form: REFERENCE_FORM.amount, reference: "cityIndustrialLand" },
  valueAddedShareOfGdp: { amount: 2, form: REFERENCE_FORM.share, reference: "cityGdp" },
  outputShareOfCity: { amount: 0, form: REFERENCE_FORM.share, reference: "cityOutput" },
  valueAddedGrowthAboveCity: { amount: 2, form: REFERENCE_FORM.growth, reference: "cityGrowth" },
};

export const isReferenceMetric = (m: Metric): m is ReferenceMetric => Object.hasOwn(REFERENCE_METRIC_SPECS, m);

/** A reference metric's value from the amount in step k (a) and in the base year (a0): the same on the path and in trials. */
export function referenceValue(form: number, a: number, a0: number, k: number, scale: number, add: number, perStep: Float64Array): number {
  if (form === REFERENCE_FORM.amount) return a * scale + add;
  const r = perStep[k];
  if (form === REFERENCE_FORM.share) return r > 0 ? a / r : NaN;
  return k > 0 && a0 > 0 && a >= 0 ? Math.pow(a / a0, 1 / k) - 1 - r : NaN;
}

/** What each `references` field is, as a reason names it. */
const REFERENCE_LABELS: Record<ReferenceField, Bilingual> = {
  cityOutput: { zh: "全市规上工业产值，亿元，按年份", en: "the city's output, 亿元, by year" },
  cityGdp: { zh: "全市地区生产总值，亿元，按年份", en: "the city's GDP, 亿元, by year" },
  cityGrowth: { zh: "全市工业增加值年均增速", en: "the city's average growth of industrial value added" },
  cityIndustrialLand: { zh: "全市基年工业用地面积，亩", en: "the city's industrial land in the base year, 亩" },
};

/** The reason of a target that needs a `references` field (for the years listed, when the field lacks only them). */
export function needsReference(field: ReferenceField, years: readonly number[] = []): Bilingual {
  const label = REFERENCE_LABELS[field];
  return years.length === 0
    ? { zh: `需要情景字段 references.${field}（${label.zh}）`, en: `needs the scenario field references.${field} (${label.en})` }
    : {
        zh: `需要情景字段 references.${field} 的 ${years.join("、")} 年数值（${label.zh}）`,
        en: `needs the scenario field references.${field} for ${years.join(", ")} (${label.en})`,
      };
}

/** The reason of a target that needs platform-sheet columns the reader does not read (yet). */
export function needsColumns(columns: readonly Bilingual[]): Bilingual {
  return {
    zh: `需要平台表列${columns.map((c) => `“${c.zh}”`).join("、")}（读表尚不读取此类列）`,
    en: `needs the platform sheet column(s) ${columns.map((c) => `“${c.zh}” (${c.en})`).join(", ")}, which the reader does not read yet`,
  };
}

/** A check met within its allowance (above the plan's 1–2, within the "up to 1–2 more"): a note saying so; else null. */
export function allowanceNote(check: Check, value: number): Bilingual | null {
  const { strictMax, thresholdMax } = check;
  if (!(strictMax === strictMax) || !(value > strictMax) || !(value <= thresholdMax)) return null;
  const what = check.def.allowanceLabel ?? { zh: "方案的放宽条款", en: "the plan's allowance" };
  const v = Number(value.toPrecision(6));
  const range = `${check.threshold}–${strictMax}`;
  return {
    zh: `按放宽条款达标：${v} 超出 ${range}，在放宽上限 ${thresholdMax} 以内（${what.zh}）`,
    en: `met with the allowance: ${v} is above ${range}, within the allowance's ${thresholdMax} (${what.en})`,
  };
}

/** Metric value from a unit's sums (see rollup.ts SUM_METRICS) and its static figures. */
export function metricValue(metric: PlatformMetric, sums: ArrayLike<number>, o: number, statics: StaticFigures, unit: number): number {
  const ratio = (a: number, b: number, f = 1) => (b > 0 ? (a / b) * f : NaN);
  switch (metric) {
    case "output":
      return sums[o];
    case "land":
      return sums[o + 1];
    case "valueAdded":
      return sums[o + 2];
    case "tax":
      return sums[o + 3];
    case "energy":
      return sums[o + 4];
    case "rd":
      return sums[o + 5];
    case "highTechValueAdded":
      return sums[o + 6];
    case "strategicEmergingOutput":
      return sums[o + 7];
    case "outputPerMu":
      return ratio(sums[o], sums[o + 1], WAN_PER_YI);
    case "taxPerMu":
      return ratio(sums[o + 3], sums[o + 1], WAN_PER_YI);
    case "valueAddedPerMu":
      return ratio(sums[o + 2], sums[o + 1], WAN_PER_YI);
    case "energyIntensity":
      return ratio(sums[o + 4], sums[o + 2]);
    case "highTechShare":
      return ratio(sums[o + 6], sums[o + 2]);
    case "rdShare":
      return ratio(sums[o + 5], sums[o]);
    case "developableLand":
      return statics.developableLand[unit];
    case "listedCompanies":
      return statics.listedCompanies[unit];
    case "enterprises100":
      return statics.enterprises100[unit];
  }
}

/** Figures the model does not project (held at their base-year values), per unit. */
export interface StaticFigures {
  developableLand: Float64Array;
  listedCompanies: Float64Array;
  enterprises100: Float64Array;
}

export type StaticMetric = keyof StaticFigures;
export const isStaticMetric = (m: Metric): m is StaticMetric =>
  m === "developableLand" || m === "listedCompanies" || m === "enterprises100";

const STATIC_OF: Record<StaticMetric, (p: Platform) => number> = {
  developableLand: (p) => p.developableLand ?? p.land,
  listedCompanies: (p) => p.listedCompanies ?? 0,
  enterprises100: (p) => p.enterprises100 ?? 0,
};

/** A static figure of a group of platforms (a unit's members). */
export function staticValue(metric: StaticMetric, platforms: readonly Platform[], members: ArrayLike<number>): number {
  let s = 0;
  for (let m = 0; m < members.length; m++) s += STATIC_OF[metric](platforms[members[m]]);
  return s;
}

export function staticFigures(platforms: readonly Platform[], units: readonly Unit[]): StaticFigures {
  const of = (metric: StaticMetric) => Float64Array.from(units, (u) => staticValue(metric, platforms, u.members));
  return { developableLand: of("developableLand"), listedCompanies: of("listedCompanies"), enterprises100: of("enterprises100") };
}

export function compare(value: number, comparison: Comparison, threshold: number, thresholdMax: number): boolean {
  if (!(value === value)) return false;
  switch (comparison) {
    case ">=":
      return value >= threshold;
    case ">":
      return value > threshold;
    case "<=":
      return value <= threshold;
    case "<":
      return value < threshold;
    case "between":
      return value >= threshold && value <= thresholdMax;
  }
}

/** Margin of a value over its threshold: positive = met with room, negative = shortfall. */
export function gap(value: number, comparison: Comparison, threshold: number, thresholdMax: number): number {
  switch (comparison) {
    case ">=":
    case ">":
      return value - threshold;
    case "<=":
    case "<":
      return threshold - value;
    case "between":
      return Math.min(value - threshold, thresholdMax - value);
  }
}

/**
 * A check's value on a path: `sums` holds every unit's sums for every step ([(unit * steps1 + k) * SUMS]).
 */
export function checkValue(
  check: Check,
  k: number,
  sums: Float64Array,
  steps1: number,
  statics: StaticFigures,
  exitStep: Int32Array,
): number {
  const def = check.def;
  if (def.aggregate === "share") {
    let counted = 0;
    for (let m = 0; m < check.shareMembers.length; m++) {
      const i = check.shareMembers[m];
      const how = check.shareCounted[m];
      if (how === 2 || (how === 1 && exitStep[i] <= k)) counted++;
    }
    return check.shareMembers.length > 0 ? counted / check.shareMembers.length : NaN;
  }
  if (def.aggregate === "count") {
    let count = 0;
    for (let m = 0; m < check.countUnits.length; m++) {
      const u = check.countUnits[m];
      if (!check.countStatic[m]) continue;
      let all = true;
      for (const w of check.conditions)
        if (!compare(metricValue(w.metric, sums, (u * steps1 + k) * SUMS, statics, u), w.comparison, w.threshold, NaN)) all = false;
      if (all) count++;
    }
    return count;
  }
  const metric = def.metric as Metric;
  if (isReferenceMetric(metric)) {
    const spec = REFERENCE_METRIC_SPECS[metric];
    const o = check.unit * steps1 * SUMS + spec.amount;
    return referenceValue(spec.form, sums[o + k * SUMS], sums[o], k, check.scale, check.add, check.perStep);
  }
  return metricValue(metric, sums, (check.unit * steps1 + k) * SUMS, statics, check.unit);
}

/** Whether the subject's members carry the sheet data a metric needs; a reason when they do not. */
export function dataReason(
  hasField: Record<SheetField, Uint8Array>,
  metric: Metric | undefined,
  members: ArrayLike<number>,
): { reason: Bilingual | null; notes: Bilingual[] } {
  const field = metric ? REQUIRES[metric] : undefined;
  if (!field) return { reason: null, notes: [] };
  const has = hasField[field];
  let with_ = 0;
  for (let m = 0; m < members.length; m++) with_ += has[members[m]];
  const label = FIELD_LABELS[field];
  if (with_ === 0) {
    return { reason: { zh: `平台表缺少“${label.zh}”数据`, en: `the platform sheet has no ${label.en} data` }, notes: [] };
  }
  if (with_ < members.length) {
    const estimated = field === "valueAdded" || field === "tax" || field === "energy";
    return {
      reason: null,
      notes: [
        estimated
          ? {
              zh: `${members.length - with_} 个成员平台的${label.zh}按默认比例估算`,
              en: `${label.en} of ${members.length - with_} member platform(s) estimated from default ratios`,
            }
          : {
              zh: `${members.length - with_} 个成员平台缺少${label.zh}，按 0 计`,
              en: `${label.en} missing for ${members.length - with_} member platform(s), counted as 0`,
            },
      ],
    };
  }
  return { reason: null, notes: [] };
}
