/**
 * The trial record (what the statistics read) and its blocks: one block of TRIAL_BLOCK trials per
 * stream block, placed at its position, tallies summed in block order (see montecarlo.ts).
 */
import { TRIAL_BLOCK } from "./random.js";
import { SUMS } from "./rollup.js";
import { checkValue } from "./targets.js";
import { meetsCheck, planChecks } from "./trialChecks.js";
import type { Check } from "./targets.js";
import type { TrialSetup } from "./montecarlo.js";

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
  /** Per target (targetGroups): trials in which every evaluable check of the target is met at its year. */
  allMet: Float64Array;
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
  /** Per target (targetGroups): trials meeting every evaluable check of the target together. */
  allMet: Float64Array;
}

/** A target's checks counted together: a group per target id, in the order of its first check. */
export interface TargetGroups {
  /** Per check, its group; −1 for a check that cannot be evaluated (in no group). */
  of: Int32Array;
  ids: string[];
}

const groupsOf = new WeakMap<readonly Check[], TargetGroups>();

/** The targets of a run's checks (JX-3 on ten platforms is one group), made once per checks array. */
export function targetGroups(checks: readonly Check[]): TargetGroups {
  let groups = groupsOf.get(checks);
  if (groups) return groups;
  const index = new Map<string, number>();
  const of = new Int32Array(checks.length).fill(-1);
  checks.forEach((check, x) => {
    if (!check.evaluable) return;
    const id = check.def.id;
    if (!index.has(id)) index.set(id, index.size);
    of[x] = index.get(id)!;
  });
  groups = { of, ids: [...index.keys()] };
  groupsOf.set(checks, groups);
  return groups;
}

export const blockCount = (runs: number): number => Math.ceil(runs / TRIAL_BLOCK);
export const blockTrials = (runs: number, block: number): number => Math.min(TRIAL_BLOCK, runs - block * TRIAL_BLOCK);

/** Record slots per trial: platform values (report steps × platforms) and roll-up sums. */
export function slotsOf(setup: TrialSetup): { slots: number; sumSlots: number; rollupUnits: number[] } {
  const rollupUnits = setup.units.map((u, j) => (u.kind === "platform" ? -1 : j)).filter((j) => j >= 0);
  return { slots: setup.reportSteps.length * setup.c.n, sumSlots: rollupUnits.length * setup.reportSteps.length * SUMS, rollupUnits };
}

/** The record's columns: platform output and land, roll-up sums (what blocks fill). */
export interface RecordColumns {
  output: Float32Array;
  land: Float32Array;
  rollupSums: Float32Array;
}

/**
 * Zeroed columns for setup.runs trials; `shared` puts them in one SharedArrayBuffer, so threads of the
 * same process write their blocks in place and read their statistics' columns without copies.
 */
export function recordColumns(setup: TrialSetup, shared = false): RecordColumns {
  const { slots, sumSlots } = slotsOf(setup);
  const lengths = [slots * setup.runs, slots * setup.runs, sumSlots * setup.runs];
  const buffer = shared ? new SharedArrayBuffer(4 * (lengths[0] + lengths[1] + lengths[2])) : null;
  let at = 0;
  const column = (length: number) => {
    const a = buffer ? new Float32Array(buffer, at, length) : new Float32Array(length);
    at += 4 * length;
    return a;
  };
  return { output: column(lengths[0]), land: column(lengths[1]), rollupSums: column(lengths[2]) };
}

/** A zeroed record for setup.runs trials (on `columns` when given: see recordColumns). */
export function createRecord(setup: TrialSetup, columns: RecordColumns = recordColumns(setup)): TrialRecord {
  const { runs, reportSteps, checks } = setup;
  const { slots, sumSlots, rollupUnits } = slotsOf(setup);
  return {
    runs,
    block: TRIAL_BLOCK,
    reportSteps,
    output: columns.output,
    land: columns.land,
    outputMean: new Float64Array(slots),
    rollupUnits,
    rollupSums: columns.rollupSums,
    rollupMeans: new Float64Array(sumSlots),
    metAtYear: new Float64Array(checks.length),
    firstMet: checks.map(() => new Float64Array(setup.c.steps + 2)),
    allMet: new Float64Array(targetGroups(checks).ids.length),
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
    allMet: new Float64Array(targetGroups(setup.checks).ids.length),
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
    for (let g = 0; g < b.allMet.length; g++) record.allMet[g] += b.allMet[g];
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
