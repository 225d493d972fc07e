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
import type { Comparison, Metric, TargetDef } from "./targetSchema.js";
import { WAN_PER_YI } from "./perMu.js";

export interface Check {
  def: TargetDef;
  subject: string;
  level: TargetDef["level"];
  year: number;
  step: number;
  /** Value targets: the unit measured; count targets: the units counted. */
  unit: number;
  countUnits: Int32Array;
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

/** Sheet fields a metric needs; a subject none of whose members has the field cannot be evaluated. */
const REQUIRES: Partial<Record<Metric, keyof Compiled["has"]>> = {
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
};

const FIELD_LABELS: Record<keyof Compiled["has"], Bilingual> = {
  valueAdded: { zh: "增加值", en: "value added" },
  tax: { zh: "税收", en: "tax" },
  energy: { zh: "能耗", en: "energy" },
  rd: { zh: "研发投入", en: "R&D spend" },
  highTechValueAdded: { zh: "高新技术产业增加值", en: "high-tech value added" },
  strategicEmergingOutput: { zh: "战略性新兴产业产值", en: "strategic emerging industry output" },
  developableLand: { zh: "可开发空间", en: "developable land" },
  listedCompanies: { zh: "上市公司数", en: "listed companies" },
  enterprises100: { zh: "百亿企业数", en: "enterprises ≥ 100亿" },
};

/** Metric value from a unit's sums (see rollup.ts SUM_METRICS) and its static figures. */
export function metricValue(metric: Metric, sums: ArrayLike<number>, o: number, statics: StaticFigures, unit: number): number {
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

export function staticFigures(platforms: readonly Platform[], units: readonly Unit[]): StaticFigures {
  const sum = (f: (p: Platform) => number) =>
    Float64Array.from(units, (u) => Array.from(u.members).reduce((s, i) => s + f(platforms[i]), 0));
  return {
    developableLand: sum((p) => p.developableLand ?? p.land),
    listedCompanies: sum((p) => p.listedCompanies ?? 0),
    enterprises100: sum((p) => p.enterprises100 ?? 0),
  };
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
      if (!def.where) count++;
      else if (
        compare(metricValue(def.where.metric, sums, (u * steps1 + k) * SUMS, statics, u), def.where.comparison, def.where.threshold, NaN)
      )
        count++;
    }
    return count;
  }
  return metricValue(def.metric as Metric, sums, (check.unit * steps1 + k) * SUMS, statics, check.unit);
}

/** Whether the subject's members carry the sheet data a metric needs; a reason when they do not. */
export function dataReason(
  c: Compiled,
  metric: Metric | undefined,
  members: ArrayLike<number>,
): { reason: Bilingual | null; notes: Bilingual[] } {
  const field = metric ? REQUIRES[metric] : undefined;
  if (!field) return { reason: null, notes: [] };
  const has = c.has[field];
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
