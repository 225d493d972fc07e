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
 */
import type { Compiled } from "./compile.js";
import { createPathBuffers, createWorkspace, runPath } from "./kernel.js";
import { NormalStream, platformStreamKey, REGION_STREAM, streamSource } from "./random.js";
import { SUMS, sumUnit, type Unit } from "./rollup.js";
import { checkValue, compare, type Check, type StaticFigures } from "./targets.js";

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

export function runMonteCarlo(c: Compiled, units: readonly Unit[], checks: readonly Check[], statics: StaticFigures, options: MonteCarloOptions): TrialRecord {
  const { runs, reportSteps } = options;
  const n = c.n;
  const steps1 = c.steps + 1;
  const R = reportSteps.length;
  const rollupUnits = units.map((u, j) => (u.kind === "platform" ? -1 : j)).filter((j) => j >= 0);
  const record: TrialRecord = {
    runs, reportSteps,
    output: new Float32Array(n * R * runs), land: new Float32Array(n * R * runs), outputMean: new Float64Array(n * R),
    rollupUnits, rollupSums: new Float32Array(rollupUnits.length * R * SUMS * runs), rollupMeans: new Float64Array(rollupUnits.length * R * SUMS),
    metAtYear: new Float64Array(checks.length), firstMet: checks.map(() => new Float64Array(steps1 + 1)),
  };
  const regionalStream = new NormalStream(streamSource(options.seed, REGION_STREAM));
  const streams = c.names.map((name) => new NormalStream(streamSource(options.seed, platformStreamKey(name))));
  const regional = new Float64Array(steps1);
  const idiosyncratic = new Float64Array(steps1 * n);
  const path = createPathBuffers(c);
  const ws = createWorkspace(c);
  const sums = new Float64Array(units.length * steps1 * SUMS);
  const evaluated = checks.map((ch, index) => (ch.evaluable ? index : -1)).filter((index) => index >= 0);
  const progressEvery = Math.max(1, Math.floor(runs / 100));
  const everyStep = new Uint8Array(units.length);
  for (const index of evaluated) {
    const check = checks[index];
    if (check.unit >= 0) everyStep[check.unit] = 1;
    for (const u of check.countUnits) everyStep[u] = 1;
  }
  const invRuns = 1 / runs;

  for (let m = 0; m < runs; m++) {
    for (let k = 1; k < steps1; k++) {
      regional[k] = regionalStream.next();
      const row = k * n;
      for (let i = 0; i < n; i++) idiosyncratic[row + i] = streams[i].next();
    }
    runPath(c, regional, idiosyncratic, path, ws);
    // Sums at every step for the units targets read (first year met), at report steps for the rest.
    for (let u = 0; u < units.length; u++) {
      if (everyStep[u]) for (let k = 0; k < steps1; k++) sumUnit(c, path.output, path.land, k, units[u].members, sums, (u * steps1 + k) * SUMS);
      else if (units[u].kind !== "platform") for (const k of reportSteps) sumUnit(c, path.output, path.land, k, units[u].members, sums, (u * steps1 + k) * SUMS);
    }
    for (let r = 0; r < R; r++) {
      const row = reportSteps[r] * n;
      for (let i = 0; i < n; i++) {
        const at = (i * R + r) * runs + m;
        record.output[at] = path.output[row + i];
        record.land[at] = path.land[row + i];
        record.outputMean[i * R + r] += path.output[row + i] * invRuns;
      }
      for (let j = 0; j < rollupUnits.length; j++) {
        const from = (rollupUnits[j] * steps1 + reportSteps[r]) * SUMS;
        for (let s = 0; s < SUMS; s++) {
          const slot = (j * R + r) * SUMS + s;
          record.rollupSums[slot * runs + m] = sums[from + s];
          record.rollupMeans[slot] += sums[from + s] * invRuns;
        }
      }
    }
    for (const index of evaluated) {
      const check = checks[index];
      if (compare(checkValue(check, check.step, sums, steps1, statics, c.exitStep), check.def.comparison, check.threshold, check.thresholdMax)) record.metAtYear[index]++;
      let first = steps1;
      for (let k = 0; k < steps1; k++) {
        if (compare(checkValue(check, k, sums, steps1, statics, c.exitStep), check.def.comparison, check.threshold, check.thresholdMax)) {
          first = k;
          break;
        }
      }
      record.firstMet[index][first]++;
    }
    if ((m + 1) % progressEvery === 0 || m + 1 === runs) {
      options.onProgress?.(m + 1, runs);
      if (m + 1 < runs && options.shouldCancel?.()) throw new CancelledError();
    }
  }
  return record;
}
