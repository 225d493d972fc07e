/**
 * Monte Carlo (model.md step 1): each trial draws a regional shock Z_t per year and an idiosyncratic
 * shock ε_i,t per platform and year, runs the same year loop as the deterministic path, and records
 * what the summaries need: output and land per platform and report year, each roll-up's sums per report
 * year, and per target whether it is met at its year and the first year it is met. Targets are evaluated
 * inside each trial, so county and region counts are counted trial by trial.
 *
 * Streams: one per platform (keyed by name) and one for the regional shock, all derived from the seed;
 * each stream is read trial after trial, year after year, so row order never matters and the first
 * m trials of a longer run are the same m trials.
 *
 * Speed (same numbers as a trial-by-trial loop, bit for bit): draws are made a block of trials at a
 * time, stream by stream; trial values are gathered in a block buffer and written to the trial-major
 * record columns a block at a time; targets whose outcome cannot vary between trials (static figures,
 * shares of exits, unconditional counts) are evaluated once; the others through precomputed metric
 * offsets rather than by name.
 */
import type { Compiled } from "./compile.js";
import { createPathBuffers, createWorkspace, runPath } from "./kernel.js";
import { NormalStreams, platformStreamKey, REGION_STREAM } from "./random.js";
import { SUMS, sumUnit, type Unit } from "./rollup.js";
import type { Comparison, Metric } from "./targetSchema.js";
import { checkValue, type Check, type StaticFigures } from "./targets.js";

export interface TrialRecord {
  runs: number;
  /** Report steps (k) recorded. */
  reportSteps: number[];
  /** [(i * R + r) * runs + m] */
  output: Float32Array;
  land: Float32Array;
  outputMean: Float64Array;
  /** Roll-up units recorded (indices into units), and their sums: [((j * R + r) * SUMS + s) * runs + m]. */
  rollupUnits: number[];
  rollupSums: Float32Array;
  rollupMeans: Float64Array;
  /** Per check: trials meeting it at its year; trials whose first met step is k (index steps + 1 = never). */
  metAtYear: Float64Array;
  firstMet: Float64Array[];
}

export class CancelledError extends Error {
  constructor() {
    super("模拟已取消 / simulation cancelled");
    this.name = "CancelledError";
  }
}

export interface MonteCarloOptions {
  runs: number;
  seed: string | number;
  reportSteps: number[];
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
}

/** Trials drawn and buffered together. */
const BLOCK = 32;

/**
 * A metric as offsets into a unit's sums (see targets.ts metricValue): `den < 0` is the amount at `num`,
 * else the ratio num ÷ den × factor (NaN when den ≤ 0); `static` metrics do not depend on the path.
 */
const METRIC_OFFSETS: Record<Metric, [num: number, den: number, factor: number] | "static"> = {
  output: [0, -1, 1], land: [1, -1, 1], valueAdded: [2, -1, 1], tax: [3, -1, 1], energy: [4, -1, 1], rd: [5, -1, 1],
  highTechValueAdded: [6, -1, 1], strategicEmergingOutput: [7, -1, 1],
  outputPerMu: [0, 1, 1e4], taxPerMu: [3, 1, 1e4], valueAddedPerMu: [2, 1, 1e4], energyIntensity: [4, 2, 1], highTechShare: [6, 2, 1], rdShare: [5, 0, 1],
  developableLand: "static", listedCompanies: "static", enterprises100: "static",
};
const COMPARISON_CODE: Record<Comparison, number> = { ">=": 0, ">": 1, "<=": 2, "<": 3, between: 4 };

/** A check evaluated per trial: a value (one unit) or a count (units meeting a condition). */
interface TrialCheck {
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
function meets(value: number, cmp: number, threshold: number, thresholdMax: number): boolean {
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

function trialValue(t: TrialCheck, k: number, sums: Float64Array, steps1: number): number {
  if (!t.count) return metricAt(sums, (t.units[0] * steps1 + k) * SUMS, t.num, t.den, t.factor);
  let count = 0;
  for (let m = 0; m < t.units.length; m++) {
    if (meets(metricAt(sums, (t.units[m] * steps1 + k) * SUMS, t.num, t.den, t.factor), t.whereCmp, t.whereThreshold, NaN)) count++;
  }
  return count;
}

/** Split the evaluable checks into per-trial ones and those whose outcome is the same in every trial. */
function planChecks(checks: readonly Check[]): { trial: TrialCheck[]; fixed: number[] } {
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
      index, step: check.step, units: def.aggregate === "count" ? check.countUnits : Int32Array.of(check.unit), count: def.aggregate === "count",
      num: offsets[0], den: offsets[1], factor: offsets[2], cmp: COMPARISON_CODE[def.comparison], threshold: check.threshold, thresholdMax: check.thresholdMax,
      whereCmp: def.where ? COMPARISON_CODE[def.where.comparison] : 0, whereThreshold: def.where ? def.where.threshold : NaN,
    });
  });
  return { trial, fixed };
}

export function runMonteCarlo(c: Compiled, units: readonly Unit[], checks: readonly Check[], statics: StaticFigures, options: MonteCarloOptions): TrialRecord {
  const { runs, reportSteps } = options;
  const n = c.n;
  const steps1 = c.steps + 1;
  const R = reportSteps.length;
  const rollupUnits = units.map((u, j) => (u.kind === "platform" ? -1 : j)).filter((j) => j >= 0);
  const J = rollupUnits.length;
  const record: TrialRecord = {
    runs, reportSteps,
    output: new Float32Array(n * R * runs), land: new Float32Array(n * R * runs), outputMean: new Float64Array(n * R),
    rollupUnits, rollupSums: new Float32Array(J * R * SUMS * runs), rollupMeans: new Float64Array(J * R * SUMS),
    metAtYear: new Float64Array(checks.length), firstMet: checks.map(() => new Float64Array(steps1 + 1)),
  };
  const B = Math.max(1, Math.min(BLOCK, runs));
  const streams = new NormalStreams(options.seed, [REGION_STREAM, ...c.names.map(platformStreamKey)]);
  const regional = new Float64Array(B * steps1);
  const idiosyncratic = new Float64Array(B * steps1 * n);
  const regionalViews = Array.from({ length: B }, (_, b) => regional.subarray(b * steps1, (b + 1) * steps1));
  const idiosyncraticViews = Array.from({ length: B }, (_, b) => idiosyncratic.subarray(b * steps1 * n, (b + 1) * steps1 * n));
  const path = createPathBuffers(c);
  const ws = createWorkspace(c);
  const sums = new Float64Array(units.length * steps1 * SUMS);
  const plan = planChecks(checks);
  const progressEvery = Math.max(1, Math.floor(runs / 100));
  // Sums at every step for the units targets read (first year met), at report steps for the roll-ups.
  const everyStep = new Uint8Array(units.length);
  for (const t of plan.trial) for (const u of t.units) everyStep[u] = 1;
  const atReport = rollupUnits.filter((u) => !everyStep[u]);
  const allSteps = Array.from(everyStep.keys()).filter((u) => everyStep[u]);
  const invRuns = 1 / runs;
  // Block buffers, slot-major: [slot * B + b].
  const nR = n * R;
  const sumSlots = J * R * SUMS;
  const outputBlock = new Float64Array(nR * B);
  const landBlock = new Float64Array(nR * B);
  const sumBlock = new Float64Array(sumSlots * B);
  const reportRows = Int32Array.from(reportSteps, (k) => k * n);
  const sumFrom = new Int32Array(J * R);
  for (let j = 0; j < J; j++) for (let r = 0; r < R; r++) sumFrom[j * R + r] = (rollupUnits[j] * steps1 + reportSteps[r]) * SUMS;

  for (let m0 = 0; m0 < runs; m0 += B) {
    const size = Math.min(B, runs - m0);
    // Each stream's draws for the block, in its reading order: trial after trial, year after year.
    for (let b = 0; b < size; b++) streams.fill(0, c.steps, regional, b * steps1 + 1, 1);
    for (let i = 0; i < n; i++) {
      for (let b = 0; b < size; b++) streams.fill(i + 1, c.steps, idiosyncratic, b * steps1 * n + n + i, n);
    }
    for (let b = 0; b < size; b++) {
      const m = m0 + b;
      runPath(c, regionalViews[b], idiosyncraticViews[b], path, ws);
      for (const u of allSteps) for (let k = 0; k < steps1; k++) sumUnit(c, path.output, path.land, k, units[u].members, sums, (u * steps1 + k) * SUMS);
      for (const u of atReport) for (let r = 0; r < R; r++) sumUnit(c, path.output, path.land, reportSteps[r], units[u].members, sums, (u * steps1 + reportSteps[r]) * SUMS);
      const output = path.output;
      const land = path.land;
      for (let r = 0; r < R; r++) {
        const row = reportRows[r];
        for (let i = 0; i < n; i++) {
          const slot = (i * R + r) * B + b;
          outputBlock[slot] = output[row + i];
          landBlock[slot] = land[row + i];
        }
      }
      for (let jr = 0; jr < J * R; jr++) {
        const from = sumFrom[jr];
        for (let s = 0; s < SUMS; s++) sumBlock[(jr * SUMS + s) * B + b] = sums[from + s];
      }
      for (const t of plan.trial) {
        if (meets(trialValue(t, t.step, sums, steps1), t.cmp, t.threshold, t.thresholdMax)) record.metAtYear[t.index]++;
        let first = steps1;
        for (let k = 0; k < steps1; k++) {
          if (meets(trialValue(t, k, sums, steps1), t.cmp, t.threshold, t.thresholdMax)) {
            first = k;
            break;
          }
        }
        record.firstMet[t.index][first]++;
      }
      if ((m + 1) % progressEvery === 0 || m + 1 === runs) {
        options.onProgress?.(m + 1, runs);
        if (m + 1 < runs && options.shouldCancel?.()) throw new CancelledError();
      }
    }
    flush(outputBlock, nR, B, size, record.output, record.outputMean, runs, m0, invRuns, true);
    flush(landBlock, nR, B, size, record.land, record.outputMean, runs, m0, invRuns, false);
    flush(sumBlock, sumSlots, B, size, record.rollupSums, record.rollupMeans, runs, m0, invRuns, true);
  }
  // Checks whose outcome is the same in every trial: evaluated once, counted once per trial.
  for (const index of plan.fixed) {
    const check = checks[index];
    const value = (k: number) => checkValue(check, k, sums, steps1, statics, c.exitStep);
    if (meetsCheck(check, value(check.step))) record.metAtYear[index] += runs;
    let first = steps1;
    for (let k = 0; k < steps1; k++) {
      if (meetsCheck(check, value(k))) {
        first = k;
        break;
      }
    }
    record.firstMet[index][first] += runs;
  }
  return record;
}

const meetsCheck = (check: Check, value: number) => meets(value, COMPARISON_CODE[check.def.comparison], check.threshold, check.thresholdMax);

/** Block buffer [slot * B + b] → record column [slot * runs + m0 + b]; means accumulated trial by trial. */
function flush(block: Float64Array, slots: number, B: number, size: number, column: Float32Array, means: Float64Array, runs: number, m0: number, invRuns: number, withMean: boolean): void {
  for (let slot = 0; slot < slots; slot++) {
    const from = slot * B;
    const to = slot * runs + m0;
    if (withMean) {
      let mean = means[slot];
      for (let b = 0; b < size; b++) {
        const v = block[from + b];
        column[to + b] = v;
        mean += v * invRuns;
      }
      means[slot] = mean;
    } else {
      for (let b = 0; b < size; b++) column[to + b] = block[from + b];
    }
  }
}
