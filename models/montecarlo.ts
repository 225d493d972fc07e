/**
 * Monte Carlo (model.md step 1): each trial draws a regional shock Z_t per year and an idiosyncratic
 * shock ε_i,t per platform and year, turns x_i,t = √ρ·Z_t + √(1−ρ)·ε_i,t into growth rates through the
 * growth model (growthModels.ts), runs the same year loop as the deterministic path (kernel.ts), and
 * records what the summaries need: output and land per platform and report year, each roll-up's sums
 * per report year, and per target whether it is met at its year and the first year it is met.
 *
 * Blocks: trials come in blocks of TRIAL_BLOCK, each with its own streams (random.ts), so a block is a
 * pure function of (inputs, seed, block index): blocks can run in any thread and finish in any order.
 * A block's record is slot-major (slot q's trials contiguous), placed at its position in the record;
 * means are summed per block in trial order and then over blocks in block order, so every number is
 * the same bit for bit whatever the number of threads, the row order and the order blocks finish.
 *
 * Speed: draws are made a batch of trials at a time, stream by stream; a batch's trial values are
 * written trial-major (sequential) and transposed into the block's slot-major columns a tile at a time.
 */
import type { Compiled } from "./compile.js";
import { GROWTH_MODELS } from "./growthModels.js";
import { createPathBuffers, createWorkspace, runPath } from "./kernel.js";
import { NormalStreams, platformStreamKey, REGION_STREAM, TRIAL_BLOCK } from "./random.js";
import { SUMS, sumUnit, type Unit } from "./rollup.js";
import { checkValue, type Check, type StaticFigures } from "./targets.js";
import { meets, meetsCheck, planChecks, trialValue } from "./trialChecks.js";

/** Everything a block of trials depends on (the same in every thread that prepares the same job). */
export interface TrialSetup {
  c: Compiled;
  units: readonly Unit[];
  checks: readonly Check[];
  statics: StaticFigures;
  /** The deterministic path's unit sums, on which the checks with a fixed outcome are evaluated. */
  sums: Float64Array;
  runs: number;
  seed: string | number;
  /** Report steps (k) recorded. */
  reportSteps: number[];
}

/**
 * Trial values per slot and trial, in blocks of `block` trials: the values of slot q for the trials of
 * block t are contiguous, at t · slots · block + q · size(t) (size(t) = block, or what is left for the
 * last block). Read a slot's values in trial order with trialColumn.
 */
export interface TrialRecord {
  runs: number;
  block: number;
  reportSteps: number[];
  /** Slots r · n + i: report step r, platform i. */
  output: Float32Array;
  land: Float32Array;
  outputMean: Float64Array;
  /** Roll-up units recorded (indices into units), and their sums: slots (j · R + r) · SUMS + s. */
  rollupUnits: number[];
  rollupSums: Float32Array;
  rollupMeans: Float64Array;
  /** Per check: trials meeting it at its year; trials whose first met step is k (index steps + 1 = never). */
  metAtYear: Float64Array;
  firstMet: Float64Array[];
}

/** One block's part of the record (slot-major: slot q's trials at q · trials + b) and its tallies. */
export interface TrialBlock {
  block: number;
  trials: number;
  output: Float32Array;
  land: Float32Array;
  rollupSums: Float32Array;
  /** Per slot: the sum of the block's trial values, in trial order. */
  outputSum: Float64Array;
  rollupSum: Float64Array;
  /** Per check: trials meeting it at its year; [check · (steps + 2) + k]: trials first meeting it at step k. */
  metAtYear: Float64Array;
  firstMet: Float64Array;
}

export class CancelledError extends Error {
  constructor() {
    super("模拟已取消 / simulation cancelled");
    this.name = "CancelledError";
  }
}

export interface MonteCarloOptions {
  /** Trials done so far (of setup.runs). */
  onProgress?: (done: number, total: number) => void;
  /** Polled between batches of trials; true stops the run with a CancelledError. */
  shouldCancel?: () => boolean;
}

export const blockCount = (runs: number): number => Math.ceil(runs / TRIAL_BLOCK);
export const blockTrials = (runs: number, block: number): number => Math.min(TRIAL_BLOCK, runs - block * TRIAL_BLOCK);

/** Record slots per trial: platform values (report steps × platforms) and roll-up sums. */
function slotsOf(setup: TrialSetup): { slots: number; sumSlots: number; rollupUnits: number[] } {
  const rollupUnits = setup.units.map((u, j) => (u.kind === "platform" ? -1 : j)).filter((j) => j >= 0);
  return { slots: setup.reportSteps.length * setup.c.n, sumSlots: rollupUnits.length * setup.reportSteps.length * SUMS, rollupUnits };
}

/** A zeroed record for setup.runs trials. */
export function createRecord(setup: TrialSetup): TrialRecord {
  const { runs, reportSteps, checks } = setup;
  const { slots, sumSlots, rollupUnits } = slotsOf(setup);
  return {
    runs,
    block: TRIAL_BLOCK,
    reportSteps,
    output: new Float32Array(slots * runs),
    land: new Float32Array(slots * runs),
    outputMean: new Float64Array(slots),
    rollupUnits,
    rollupSums: new Float32Array(sumSlots * runs),
    rollupMeans: new Float64Array(sumSlots),
    metAtYear: new Float64Array(checks.length),
    firstMet: checks.map(() => new Float64Array(setup.c.steps + 2)),
  };
}

/** A block whose columns are views into the record (the one-thread path: nothing to copy). */
export function blockInRecord(setup: TrialSetup, record: TrialRecord, block: number): TrialBlock {
  const { slots, sumSlots } = slotsOf(setup);
  const from = block * TRIAL_BLOCK;
  const trials = blockTrials(setup.runs, block);
  const view = (a: Float32Array, width: number) => a.subarray(from * width, (from + trials) * width);
  return makeBlock(setup, block, trials, view(record.output, slots), view(record.land, slots), view(record.rollupSums, sumSlots));
}

/** A block with its own columns (a worker's, to transfer). */
export function newBlock(setup: TrialSetup, block: number): TrialBlock {
  const { slots, sumSlots } = slotsOf(setup);
  const trials = blockTrials(setup.runs, block);
  return makeBlock(
    setup,
    block,
    trials,
    new Float32Array(slots * trials),
    new Float32Array(slots * trials),
    new Float32Array(sumSlots * trials),
  );
}

/** One object shape for every block (the hot loop sees one hidden class). */
function makeBlock(
  setup: TrialSetup,
  block: number,
  trials: number,
  output: Float32Array,
  land: Float32Array,
  rollupSums: Float32Array,
): TrialBlock {
  const { slots, sumSlots } = slotsOf(setup);
  return {
    block,
    trials,
    output,
    land,
    rollupSums,
    outputSum: new Float64Array(slots),
    rollupSum: new Float64Array(sumSlots),
    metAtYear: new Float64Array(setup.checks.length),
    firstMet: new Float64Array(setup.checks.length * (setup.c.steps + 2)),
  };
}

/** Copy a block's columns to its place in the record (nothing to do for a block made by blockInRecord). */
export function placeBlock(setup: TrialSetup, record: TrialRecord, b: TrialBlock): void {
  const { slots, sumSlots } = slotsOf(setup);
  const from = b.block * TRIAL_BLOCK;
  if (b.output.buffer !== record.output.buffer) record.output.set(b.output, from * slots);
  if (b.land.buffer !== record.land.buffer) record.land.set(b.land, from * slots);
  if (b.rollupSums.buffer !== record.rollupSums.buffer) record.rollupSums.set(b.rollupSums, from * sumSlots);
}

/**
 * Complete a record from all its blocks (placed, in any order): means and tallies summed in block
 * order, and the checks whose outcome is the same in every trial counted once per trial.
 */
export function finishRecord(setup: TrialSetup, record: TrialRecord, blocks: readonly TrialBlock[]): TrialRecord {
  const { runs, checks, c, statics, sums } = setup;
  const ordered = [...blocks].sort((a, b) => a.block - b.block);
  if (ordered.length !== blockCount(runs) || ordered.some((b, t) => b.block !== t)) throw new Error("incomplete trial blocks");
  const width = c.steps + 2;
  for (const b of ordered) {
    for (let q = 0; q < b.outputSum.length; q++) record.outputMean[q] += b.outputSum[q];
    for (let q = 0; q < b.rollupSum.length; q++) record.rollupMeans[q] += b.rollupSum[q];
    for (let x = 0; x < checks.length; x++) {
      record.metAtYear[x] += b.metAtYear[x];
      for (let k = 0; k < width; k++) record.firstMet[x][k] += b.firstMet[x * width + k];
    }
  }
  for (let q = 0; q < record.outputMean.length; q++) record.outputMean[q] /= runs;
  for (let q = 0; q < record.rollupMeans.length; q++) record.rollupMeans[q] /= runs;
  const steps1 = c.steps + 1;
  for (const index of planChecks(checks).fixed) {
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

/** Bytes of draws and of trial-major values per batch of trials: the batch shrinks as platforms grow. */
const BATCH_BYTES = 1 << 21;
const MAX_BATCH = 32;

/** Runs blocks of trials for one setup; holds the scratch, so one runner per thread. */
export class TrialBlockRunner {
  private readonly streams: NormalStreams;
  private readonly batch: number;
  private readonly regional: Float64Array;
  private readonly drawBuffer: Float64Array;
  private readonly draws: Float64Array[];
  private readonly outputRows: Float32Array;
  private readonly landRows: Float32Array;
  private readonly sumRows: Float32Array;
  private readonly path;
  private readonly ws;
  private readonly sums: Float64Array;
  private readonly plan;
  private readonly slots: number;
  private readonly sumSlots: number;
  private readonly sumFrom: Int32Array;
  /** Units whose sums are needed at every step (the targets' first year met), and the roll-ups at report steps only. */
  private readonly allSteps: number[];
  private readonly atReport: number[];

  constructor(private readonly setup: TrialSetup) {
    const { c, units, reportSteps } = setup;
    const n = c.n;
    const steps1 = c.steps + 1;
    const R = reportSteps.length;
    const { slots, sumSlots, rollupUnits } = slotsOf(setup);
    this.slots = slots;
    this.sumSlots = sumSlots;
    this.batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_BYTES / (8 * steps1 * n + 4 * (2 * slots + sumSlots)))));
    this.streams = new NormalStreams(setup.seed, [REGION_STREAM, ...c.names.map(platformStreamKey)]);
    this.regional = new Float64Array(this.batch * steps1);
    this.drawBuffer = new Float64Array(this.batch * steps1 * n);
    this.draws = Array.from({ length: this.batch }, (_, d) => this.drawBuffer.subarray(d * steps1 * n, (d + 1) * steps1 * n));
    this.outputRows = new Float32Array(this.batch * slots);
    this.landRows = new Float32Array(this.batch * slots);
    this.sumRows = new Float32Array(this.batch * sumSlots);
    this.path = createPathBuffers(c);
    this.ws = createWorkspace(c);
    this.sums = new Float64Array(units.length * steps1 * SUMS);
    this.plan = planChecks(setup.checks);
    const everyStep = new Uint8Array(units.length);
    for (const t of this.plan.trial) for (const u of t.units) everyStep[u] = 1;
    this.allSteps = Array.from(everyStep.keys()).filter((u) => everyStep[u]);
    this.atReport = rollupUnits.filter((u) => !everyStep[u]);
    this.sumFrom = new Int32Array(rollupUnits.length * R);
    rollupUnits.forEach((u, j) => reportSteps.forEach((k, r) => (this.sumFrom[j * R + r] = (u * steps1 + k) * SUMS)));
  }

  /**
   * Run block `block` into `out` (from blockInRecord or newBlock). `progress` gets the trials done in
   * this block after each batch; `shouldCancel`, polled after each batch, stops with a CancelledError.
   */
  run(block: number, out: TrialBlock, progress?: (done: number) => void, shouldCancel?: () => boolean): TrialBlock {
    const { c, units, reportSteps } = this.setup;
    const n = c.n;
    const steps = c.steps;
    const steps1 = steps + 1;
    const R = reportSteps.length;
    const { slots, sumSlots, regional, draws, outputRows, landRows, sumRows, path, ws, sums, sumFrom } = this;
    const size = out.trials;
    const growth = GROWTH_MODELS[c.growthModel];
    const regionalWeight = Math.sqrt(c.correlation);
    const ownWeight = Math.sqrt(1 - c.correlation);
    const width = steps + 2;
    this.streams.startBlock(block);
    for (let b0 = 0; b0 < size; b0 += this.batch) {
      const drawn = Math.min(this.batch, size - b0);
      // Each stream's draws for the batch, in its reading order: trial after trial, year after year.
      this.streams.fill(0, drawn, steps, regional, 1, steps1, 1);
      for (let i = 0; i < n; i++) this.streams.fill(i + 1, drawn, steps, this.drawBuffer, n + i, steps1 * n, n);
      for (let d = 0; d < drawn; d++) {
        // Correlated normals x = √ρ·Z + √(1−ρ)·ε, in place, then growth rates, then the year loop.
        const x = draws[d];
        for (let k = 1; k <= steps; k++) {
          const z = regionalWeight * regional[d * steps1 + k];
          const row = k * n;
          for (let i = 0; i < n; i++) x[row + i] = z + ownWeight * x[row + i];
        }
        growth.fromNormals(c, x, x);
        runPath(c, x, path, ws);
        for (const u of this.allSteps)
          for (let k = 0; k < steps1; k++) sumUnit(c, path.output, path.land, k, units[u].members, sums, (u * steps1 + k) * SUMS);
        for (const u of this.atReport)
          for (let r = 0; r < R; r++)
            sumUnit(c, path.output, path.land, reportSteps[r], units[u].members, sums, (u * steps1 + reportSteps[r]) * SUMS);
        // This trial's record row (trial-major), and the block's sums.
        const rowAt = d * slots;
        for (let r = 0; r < R; r++) {
          const from = reportSteps[r] * n;
          const to = r * n;
          for (let i = 0; i < n; i++) {
            const y = path.output[from + i];
            outputRows[rowAt + to + i] = y;
            landRows[rowAt + to + i] = path.land[from + i];
            out.outputSum[to + i] += y;
          }
        }
        const sumAt = d * sumSlots;
        for (let jr = 0; jr < sumFrom.length; jr++) {
          const from = sumFrom[jr];
          for (let s = 0; s < SUMS; s++) {
            const v = sums[from + s];
            sumRows[sumAt + jr * SUMS + s] = v;
            out.rollupSum[jr * SUMS + s] += v;
          }
        }
        for (const t of this.plan.trial) {
          if (meets(trialValue(t, t.step, sums, steps1), t.cmp, t.threshold, t.thresholdMax)) out.metAtYear[t.index]++;
          let first = steps1;
          for (let k = 0; k < steps1; k++) {
            if (meets(trialValue(t, k, sums, steps1), t.cmp, t.threshold, t.thresholdMax)) {
              first = k;
              break;
            }
          }
          out.firstMet[t.index * width + first]++;
        }
      }
      transposeInto(outputRows, drawn, slots, out.output, size, b0);
      transposeInto(landRows, drawn, slots, out.land, size, b0);
      transposeInto(sumRows, drawn, sumSlots, out.rollupSums, size, b0);
      progress?.(b0 + drawn);
      if (b0 + drawn < size && shouldCancel?.()) throw new CancelledError();
    }
    return out;
  }
}

/**
 * rows × cols values (row-major) into columns: src[d · cols + q] → dst[q · height + at + d]. Column by
 * column, so each write run is contiguous; the rows' cache lines stay in L1 across neighbouring columns.
 */
function transposeInto(src: Float32Array, rows: number, cols: number, dst: Float32Array, height: number, at: number): void {
  for (let q = 0; q < cols; q++) {
    const to = q * height + at;
    for (let d = 0; d < rows; d++) dst[to + d] = src[d * cols + q];
  }
}

/** Every block in this thread, in order: the one-thread engine (and the reference for the others). */
export function runMonteCarlo(setup: TrialSetup, options: MonteCarloOptions = {}): TrialRecord {
  const record = createRecord(setup);
  const runner = new TrialBlockRunner(setup);
  const blocks: TrialBlock[] = [];
  for (let t = 0; t < blockCount(setup.runs); t++) {
    const from = t * TRIAL_BLOCK;
    const progress = options.onProgress && ((done: number) => options.onProgress?.(from + done, setup.runs));
    blocks.push(runner.run(t, blockInRecord(setup, record, t), progress, options.shouldCancel));
    if (t + 1 < blockCount(setup.runs) && options.shouldCancel?.()) throw new CancelledError();
  }
  return finishRecord(setup, record, blocks);
}

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
