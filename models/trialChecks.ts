/**
 * Targets inside the Monte Carlo: each check becomes offsets into a trial's unit sums, so a trial
 * evaluates it without names or objects; checks whose outcome cannot vary between trials (static
 * figures, shares of exits, unconditional counts) are set apart and evaluated once.
 */
import type { Comparison, Metric, ReferenceMetric } from "./targetSchema.js";
import { REFERENCE_METRIC_SPECS, referenceValue, type Check } from "./targets.js";
import { SUMS } from "./rollup.js";
import { WAN_PER_YI } from "./perMu.js";

/**
 * A metric as offsets into a unit's sums (see targets.ts metricValue): `den < 0` is the amount at `num`,
 * else the ratio num ÷ den × factor (NaN when den ≤ 0); `static` metrics do not depend on the path.
 * Reference metrics are read through targets.ts REFERENCE_METRIC_SPECS.
 */
const METRIC_OFFSETS: Record<Exclude<Metric, ReferenceMetric>, [num: number, den: number, factor: number] | "static"> = {
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

/**
 * A check evaluated per trial: a value (one unit) or a count (units meeting every condition). The
 * conditions are parallel arrays (allocated once, when the trials are planned).
 */
export interface TrialCheck {
  index: number;
  step: number;
  units: Int32Array;
  count: boolean;
  /** Value checks: the metric's offsets, or (form > 0) a reference metric's amount, form, scale, add, perStep. */
  num: number;
  den: number;
  factor: number;
  form: number;
  scale: number;
  add: number;
  perStep: Float64Array;
  cmp: number;
  threshold: number;
  thresholdMax: number;
  /** Count checks: per unit, whether it meets the static conditions; the path conditions' offsets, comparisons, thresholds. */
  unitStatic: Uint8Array;
  whereNum: Int32Array;
  whereDen: Int32Array;
  whereFactor: Float64Array;
  whereCmp: Int32Array;
  whereThreshold: Float64Array;
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
  if (!t.count) {
    const o0 = t.units[0] * steps1 * SUMS;
    if (t.form > 0) return referenceValue(t.form, sums[o0 + k * SUMS + t.num], sums[o0 + t.num], k, t.scale, t.add, t.perStep);
    return metricAt(sums, o0 + k * SUMS, t.num, t.den, t.factor);
  }
  let count = 0;
  const conditions = t.whereNum.length;
  for (let m = 0; m < t.units.length; m++) {
    if (!t.unitStatic[m]) continue;
    const o = (t.units[m] * steps1 + k) * SUMS;
    let all = true;
    for (let w = 0; w < conditions && all; w++)
      all = meets(metricAt(sums, o, t.whereNum[w], t.whereDen[w], t.whereFactor[w]), t.whereCmp[w], t.whereThreshold[w], NaN);
    if (all) count++;
  }
  return count;
}

const NO_REFERENCE = new Float64Array(0);

/** Split the evaluable checks into per-trial ones and those whose outcome is the same in every trial. */
export function planChecks(checks: readonly Check[]): { trial: TrialCheck[]; fixed: number[] } {
  const trial: TrialCheck[] = [];
  const fixed: number[] = [];
  checks.forEach((check, index) => {
    if (!check.evaluable) return;
    const def = check.def;
    const base = {
      index,
      step: check.step,
      cmp: COMPARISON_CODE[def.comparison],
      threshold: check.threshold,
      thresholdMax: check.thresholdMax,
      num: 0,
      den: -1,
      factor: 1,
      form: 0,
      scale: 1,
      add: 0,
      perStep: NO_REFERENCE,
      unitStatic: new Uint8Array(0),
      whereNum: new Int32Array(0),
      whereDen: new Int32Array(0),
      whereFactor: new Float64Array(0),
      whereCmp: new Int32Array(0),
      whereThreshold: new Float64Array(0),
    };
    if (def.aggregate === "count") {
      // Only the path conditions vary by trial (the static ones are in countStatic); none → a fixed outcome.
      if (check.conditions.length === 0) {
        fixed.push(index);
        return;
      }
      const offsets = check.conditions.map((w) => METRIC_OFFSETS[w.metric] as [number, number, number]);
      trial.push({
        ...base,
        units: check.countUnits,
        count: true,
        unitStatic: check.countStatic,
        whereNum: Int32Array.from(offsets, (o) => o[0]),
        whereDen: Int32Array.from(offsets, (o) => o[1]),
        whereFactor: Float64Array.from(offsets, (o) => o[2]),
        whereCmp: Int32Array.from(check.conditions, (w) => COMPARISON_CODE[w.comparison]),
        whereThreshold: Float64Array.from(check.conditions, (w) => w.threshold),
      });
      return;
    }
    if (def.aggregate !== "value") {
      fixed.push(index);
      return;
    }
    const metric = def.metric as Metric;
    if (Object.hasOwn(REFERENCE_METRIC_SPECS, metric)) {
      const spec = REFERENCE_METRIC_SPECS[metric as ReferenceMetric];
      trial.push({
        ...base,
        units: Int32Array.of(check.unit),
        count: false,
        num: spec.amount,
        form: spec.form,
        scale: check.scale,
        add: check.add,
        perStep: check.perStep,
      });
      return;
    }
    const offsets = METRIC_OFFSETS[metric as Exclude<Metric, ReferenceMetric>];
    if (offsets === "static") {
      fixed.push(index);
      return;
    }
    trial.push({ ...base, units: Int32Array.of(check.unit), count: false, num: offsets[0], den: offsets[1], factor: offsets[2] });
  });
  return { trial, fixed };
}

/** Whether a check's value meets its own comparison. */
export const meetsCheck = (check: Check, value: number): boolean =>
  meets(value, COMPARISON_CODE[check.def.comparison], check.threshold, check.thresholdMax);
