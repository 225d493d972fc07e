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
import { growthFromDraws } from "./growthModels.js";
import { createPathBuffers, createWorkspace, runPath } from "./kernel.js";
import { NormalStreams, platformStreamKey, REGION_STREAM, TRIAL_BLOCK } from "./random.js";
import { SUMS, sumUnit, type Unit } from "./rollup.js";
import type { Check, StaticFigures } from "./targets.js";
import { checkValue } from "./targets.js";
import { meets, meetsCheck, planChecks, trialValue } from "./trialChecks.js";
import {
  blockCount,
  blockInRecord,
  createRecord,
  finishRecord,
  slotsOf,
  targetGroups,
  type TrialBlock,
  type TrialRecord,
} from "./trialRecord.js";

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
  /**
   * The last step the trials' year loop runs (default c.steps), for a question about one year (a decision's
   * figure or check): the loop is causal, so steps up to it are those of the full run, and every stream
   * is still drawn for all c.steps, so each trial's draws are too. Report steps and the checks' steps must
   * not lie beyond it; the first year a check is met is not counted (firstMet stays 0) when it is set below c.steps.
   */
  lastStep?: number;
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
  private readonly lastStep: number;
  /** Per check its target's group; per group, whether its fixed-outcome checks are met (then every trial starts from it), and a trial's flags. */
  private readonly groupOf: Int32Array;
  private readonly fixedMet: Uint8Array;
  private readonly groupMet: Uint8Array;
  /** The steps at which allSteps units are summed: every step, or (lastStep below c.steps: no first year met) the base year, the report and the checks' steps. */
  private readonly sumSteps: number[];

  constructor(private readonly setup: TrialSetup) {
    const { c, units, reportSteps } = setup;
    this.lastStep = setup.lastStep ?? c.steps;
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
    const groups = targetGroups(setup.checks);
    this.groupOf = groups.of;
    this.fixedMet = new Uint8Array(groups.ids.length).fill(1);
    this.groupMet = new Uint8Array(groups.ids.length);
    for (const x of this.plan.fixed) {
      const check = setup.checks[x];
      if (!meetsCheck(check, checkValue(check, check.step, setup.sums, steps1, setup.statics, c.exitStep))) this.fixedMet[groups.of[x]] = 0;
    }
    if (this.lastStep > c.steps || [...reportSteps, ...this.plan.trial.map((t) => t.step)].some((k) => k > this.lastStep))
      throw new Error(`lastStep ${this.lastStep} is before a report or check step, or past the last step ${c.steps}`);
    const everyStep = new Uint8Array(units.length);
    for (const t of this.plan.trial) for (const u of t.units) everyStep[u] = 1;
    this.allSteps = Array.from(everyStep.keys()).filter((u) => everyStep[u]);
    this.atReport = rollupUnits.filter((u) => !everyStep[u]);
    this.sumSteps =
      this.lastStep === c.steps
        ? Array.from({ length: steps1 }, (_, k) => k)
        : [...new Set([0, ...reportSteps, ...this.plan.trial.map((t) => t.step)])].sort((a, b) => a - b);
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
    const {
      slots,
      sumSlots,
      regional,
      draws,
      outputRows,
      landRows,
      sumRows,
      path,
      ws,
      sums,
      sumFrom,
      lastStep,
      groupOf,
      fixedMet,
      groupMet,
    } = this;
    const firstMet = lastStep === steps;
    const size = out.trials;
    const width = steps + 2;
    this.streams.startBlock(block);
    for (let b0 = 0; b0 < size; b0 += this.batch) {
      const drawn = Math.min(this.batch, size - b0);
      // Each stream's draws for the batch, in its reading order: trial after trial, year after year.
      this.streams.fill(0, drawn, steps, regional, 1, steps1, 1);
      for (let i = 0; i < n; i++) this.streams.fill(i + 1, drawn, steps, this.drawBuffer, n + i, steps1 * n, n);
      for (let d = 0; d < drawn; d++) {
        // The trial's growth rates from its draws, in place, then the year loop.
        const x = draws[d];
        growthFromDraws(c, regional, d * steps1, x);
        runPath(c, x, path, ws, lastStep);
        for (const u of this.allSteps)
          for (const k of this.sumSteps) sumUnit(c, path.output, path.land, k, units[u].members, sums, (u * steps1 + k) * SUMS);
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
        // A target is met together when each of its checks is: every trial starts from its fixed checks' outcome.
        groupMet.set(fixedMet);
        for (const t of this.plan.trial) {
          if (meets(trialValue(t, t.step, sums, steps1), t.cmp, t.threshold, t.thresholdMax)) out.metAtYear[t.index]++;
          else groupMet[groupOf[t.index]] = 0;
          if (!firstMet) continue;
          let first = steps1;
          for (let k = 0; k < steps1; k++) {
            if (meets(trialValue(t, k, sums, steps1), t.cmp, t.threshold, t.thresholdMax)) {
              first = k;
              break;
            }
          }
          out.firstMet[t.index * width + first]++;
        }
        for (let g = 0; g < groupMet.length; g++) out.allMet[g] += groupMet[g];
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
