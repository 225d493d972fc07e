/**
 * Targets inside the Monte Carlo: each check becomes offsets into a trial's unit sums, so a trial
 * evaluates it without names or objects; checks whose outcome cannot vary between trials (static
 * figures, shares of exits, unconditional counts) are set apart and evaluated once.
 */
import type { Comparison, Metric } from "./targetSchema.js";
import type { Check } from "./targets.js";
import { SUMS } from "./rollup.js";
import { WAN_PER_YI } from "./perMu.js";

/**
 * A metric as offsets into a unit's sums (see targets.ts metricValue): `den < 0` is the amount at `num`,
 * else the ratio num ÷ den × factor (NaN when den ≤ 0); `static` metrics do not depend on the path.
 */
const METRIC_OFFSETS: Record<Metric, [num: number, den: number, factor: number] | "static"> = {
  output: [0, -1, 1],
  land: [1, -1, 1],
  valueAdded: [2, -1, 1],
  tax: [3, -1, 1],
  energy: [4, -1, 1],
  rd: [5, -1, 1],
  highTechValueAdded: [6, -1, 1],
  strategicEmergingOutput: [7, -1, 1],
  outputPerMu: [0, 1, WAN_PER_YI],
  taxPerMu: [3, 1, WAN_PER_YI],
  valueAddedPerMu: [2, 1, WAN_PER_YI],
  energyIntensity: [4, 2, 1],
  highTechShare: [6, 2, 1],
  rdShare: [5, 0, 1],
  developableLand: "static",
  listedCompanies: "static",
  enterprises100: "static",
};
export const COMPARISON_CODE: Record<Comparison, number> = { ">=": 0, ">": 1, "<=": 2, "<": 3, between: 4 };

/** A check evaluated per trial: a value (one unit) or a count (units meeting a condition). */
export interface TrialCheck {
  index: number;
  step: number;
  units: Int32Array;
  count: boolean;
  num: number;
  den: number;
  factor: number;
  cmp: number;
  threshold: number;
  thresholdMax: number;
  whereCmp: number;
  whereThreshold: number;
}

/** Same as targets.ts compare, on a comparison code. */
export function meets(value: number, cmp: number, threshold: number, thresholdMax: number): boolean {
  if (!(value === value)) return false;
  if (cmp === 0) return value >= threshold;
  if (cmp === 1) return value > threshold;
  if (cmp === 2) return value <= threshold;
  if (cmp === 3) return value < threshold;
  return value >= threshold && value <= thresholdMax;
}

/** Same as targets.ts metricValue for a path metric, at offset o of the sums. */
function metricAt(sums: Float64Array, o: number, num: number, den: number, factor: number): number {
  if (den < 0) return sums[o + num];
  const b = sums[o + den];
  return b > 0 ? (sums[o + num] / b) * factor : NaN;
}

export function trialValue(t: TrialCheck, k: number, sums: Float64Array, steps1: number): number {
  if (!t.count) return metricAt(sums, (t.units[0] * steps1 + k) * SUMS, t.num, t.den, t.factor);
  let count = 0;
  for (let m = 0; m < t.units.length; m++) {
    if (meets(metricAt(sums, (t.units[m] * steps1 + k) * SUMS, t.num, t.den, t.factor), t.whereCmp, t.whereThreshold, NaN)) count++;
  }
  return count;
}

/** Split the evaluable checks into per-trial ones and those whose outcome is the same in every trial. */
export function planChecks(checks: readonly Check[]): { trial: TrialCheck[]; fixed: number[] } {
  const trial: TrialCheck[] = [];
  const fixed: number[] = [];
  checks.forEach((check, index) => {
    if (!check.evaluable) return;
    const def = check.def;
    const metric = def.aggregate === "count" ? def.where?.metric : def.aggregate === "value" ? (def.metric as Metric) : undefined;
    const offsets = metric === undefined ? "static" : METRIC_OFFSETS[metric];
    if (offsets === "static") {
      fixed.push(index);
      return;
    }
    trial.push({
      index,
      step: check.step,
      units: def.aggregate === "count" ? check.countUnits : Int32Array.of(check.unit),
      count: def.aggregate === "count",
      num: offsets[0],
      den: offsets[1],
      factor: offsets[2],
      cmp: COMPARISON_CODE[def.comparison],
      threshold: check.threshold,
      thresholdMax: check.thresholdMax,
      whereCmp: def.where ? COMPARISON_CODE[def.where.comparison] : 0,
      whereThreshold: def.where ? def.where.threshold : NaN,
    });
  });
  return { trial, fixed };
}

/** Whether a check's value meets its own comparison. */
export const meetsCheck = (check: Check, value: number): boolean =>
  meets(value, COMPARISON_CODE[check.def.comparison], check.threshold, check.thresholdMax);
