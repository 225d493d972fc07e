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
import { WAN_PER_YI } from "./perMu.js";

/**
 * Trial values per slot and trial, in blocks of `block` trials: the values of slot q (a platform and report
 * year, or a roll-up's sum and report year) for the trials of block t are contiguous, at
 * t · slots · block + q · size(t) (size(t) = block, or what is left for the last block). Read a slot's
 * values in trial order with trialColumn.
 */
export interface TrialRecord {
  runs: number;
  block: number;
  /** Report steps (k) recorded. */
  reportSteps: number[];
  /** Slots i * R + r. */
  output: Float32Array;
  land: Float32Array;
  outputMean: Float64Array;
  /** Roll-up units recorded (indices into units), and their sums: slots (j * R + r) * SUMS + s. */
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

/** Trials drawn together, and trials buffered before they are copied to the record's columns. */
const DRAW_BLOCK = 32;
const RECORD_BLOCK = 248; // 992 bytes per slot: a trial's slots spread over the cache sets (a power of two would alias)

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

export function runMonteCarlo(
  c: Compiled,
  units: readonly Unit[],
  checks: readonly Check[],
  statics: StaticFigures,
  options: MonteCarloOptions,
): TrialRecord {
  const { runs, reportSteps } = options;
  const n = c.n;
  const steps1 = c.steps + 1;
  const R = reportSteps.length;
  const rollupUnits = units.map((u, j) => (u.kind === "platform" ? -1 : j)).filter((j) => j >= 0);
  const J = rollupUnits.length;
  const record: TrialRecord = {
    runs,
    block: Math.max(1, Math.min(RECORD_BLOCK, runs)),
    reportSteps,
    output: new Float32Array(n * R * runs),
    land: new Float32Array(n * R * runs),
    outputMean: new Float64Array(n * R),
    rollupUnits,
    rollupSums: new Float32Array(J * R * SUMS * runs),
    rollupMeans: new Float64Array(J * R * SUMS),
    metAtYear: new Float64Array(checks.length),
    firstMet: checks.map(() => new Float64Array(steps1 + 1)),
  };
  const D = Math.max(1, Math.min(DRAW_BLOCK, runs));
  const B = record.block;
  const streams = new NormalStreams(options.seed, [REGION_STREAM, ...c.names.map(platformStreamKey)]);
  const regional = new Float64Array(D * steps1);
  const idiosyncratic = new Float64Array(D * steps1 * n);
  const regionalViews = Array.from({ length: D }, (_, d) => regional.subarray(d * steps1, (d + 1) * steps1));
  const idiosyncraticViews = Array.from({ length: D }, (_, d) => idiosyncratic.subarray(d * steps1 * n, (d + 1) * steps1 * n));
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
  const nR = n * R;
  const sumSlots = J * R * SUMS;
  const { outputMean, rollupMeans } = record;
  const reportRows = Int32Array.from(reportSteps, (k) => k * n);
  const sumFrom = new Int32Array(J * R);
  for (let j = 0; j < J; j++) for (let r = 0; r < R; r++) sumFrom[j * R + r] = (rollupUnits[j] * steps1 + reportSteps[r]) * SUMS;

  for (let m0 = 0; m0 < runs; m0 += B) {
    // This block's region of the record: slot q's trials at q * size + b.
    const size = Math.min(B, runs - m0);
    const outputBlock = record.output.subarray(m0 * nR, (m0 + size) * nR);
    const landBlock = record.land.subarray(m0 * nR, (m0 + size) * nR);
    const sumBlock = record.rollupSums.subarray(m0 * sumSlots, (m0 + size) * sumSlots);
    for (let d0 = 0; d0 < size; d0 += D) {
      const drawn = Math.min(D, size - d0);
      // Each stream's draws for the next trials, in its reading order: trial after trial, year after year.
      for (let d = 0; d < drawn; d++) streams.fill(0, c.steps, regional, d * steps1 + 1, 1);
      for (let i = 0; i < n; i++) {
        for (let d = 0; d < drawn; d++) streams.fill(i + 1, c.steps, idiosyncratic, d * steps1 * n + n + i, n);
      }
      for (let d = 0; d < drawn; d++) {
        const b = d0 + d;
        const m = m0 + b;
        runPath(c, regionalViews[d], idiosyncraticViews[d], path, ws);
        for (const u of allSteps)
          for (let k = 0; k < steps1; k++) sumUnit(c, path.output, path.land, k, units[u].members, sums, (u * steps1 + k) * SUMS);
        for (const u of atReport)
          for (let r = 0; r < R; r++)
            sumUnit(c, path.output, path.land, reportSteps[r], units[u].members, sums, (u * steps1 + reportSteps[r]) * SUMS);
        const output = path.output;
        const land = path.land;
        for (let r = 0; r < R; r++) {
          const row = reportRows[r];
          for (let i = 0; i < n; i++) {
            const slot = i * R + r;
            const y = output[row + i];
            outputBlock[slot * size + b] = y;
            landBlock[slot * size + b] = land[row + i];
            outputMean[slot] += y * invRuns;
          }
        }
        for (let jr = 0; jr < J * R; jr++) {
          const from = sumFrom[jr];
          for (let s = 0; s < SUMS; s++) {
            const slot = jr * SUMS + s;
            const v = sums[from + s];
            sumBlock[slot * size + b] = v;
            rollupMeans[slot] += v * invRuns;
          }
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
    }
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

const meetsCheck = (check: Check, value: number) =>
  meets(value, COMPARISON_CODE[check.def.comparison], check.threshold, check.thresholdMax);

/** Slot q's values of every trial, in trial order, into `out` (length runs). */
export function trialColumn(record: TrialRecord, values: Float32Array, q: number, out: Float32Array): Float32Array {
  const { runs, block } = record;
  const slots = values.length / runs;
  for (let m0 = 0; m0 < runs; m0 += block) {
    const size = Math.min(block, runs - m0);
    const from = m0 * slots + q * size;
    for (let b = 0; b < size; b++) out[m0 + b] = values[from + b];
  }
  return out;
}
