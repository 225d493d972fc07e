/**
 * The probability of each evaluation class (亩均效益综合评价 A/B/C/D) per platform in the last report
 * year, from the trial record: each trial's output and land of that year are scored and ranked as the
 * year loop does for the merit strategies (indicatorParts → addIndicatorScores → rankClasses, with the
 * base year's indicators, weights and benchmarks), and the classes are counted. Read from the record,
 * so every engine (one thread, threads, the pane's worker) gives the same shares. The record holds
 * 4-byte values: a class decided by less than that precision may differ from a Float64 evaluation.
 */
import type { Compiled } from "./compile.js";
import { addIndicatorScores, INDICATOR_FACTOR, itemCapOf, rankClasses } from "./evaluation.js";
import { CLASSES, type EvaluationClass } from "./evaluationNames.js";
import { indicatorParts } from "./indicatorData.js";
import type { TrialRecord } from "./trialRecord.js";

/** One platform's shares of the trials: each class, and `unclassified` (exited or without land that year); they add up to 1. */
export interface PlatformClassOdds {
  name: string;
  classes: Record<EvaluationClass, number>;
  unclassified: number;
}

export interface ClassOdds {
  year: number;
  /** In compiled (name) order; simulate() presents them in the sheet's order. */
  platforms: PlatformClassOdds[];
}

/** Class counts per platform ([i · 5 + class], class 4 = unclassified) over the trials of report step r. */
export function classCounts(c: Compiled, trials: TrialRecord, r: number): Float64Array {
  const { n } = c;
  const { runs, block } = trials;
  const k = trials.reportSteps[r];
  const slots = trials.output.length / runs;
  const e = c.evaluation;
  const output = new Float64Array(n);
  const land = new Float64Array(n);
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  const eligible = new Uint8Array(n);
  const scores = new Float64Array(n);
  // The last trial's order: the next trial's sort starts nearly sorted (as the year loop's does).
  const ranking = Int32Array.from({ length: n }, (_, i) => i);
  const sorted = new Int32Array(n);
  const classes = new Uint8Array(n);
  const counts = new Float64Array(n * 5);
  for (let m = 0; m < runs; m++) {
    const t = Math.floor(m / block);
    const size = Math.min(block, runs - t * block);
    const at = t * block * slots + r * n * size + (m - t * block);
    for (let i = 0; i < n; i++) {
      output[i] = trials.output[at + i * size];
      land[i] = trials.land[at + i * size];
      eligible[i] = c.exitStep[i] > k && land[i] > 0 ? 1 : 0;
      scores[i] = eligible[i] ? 0 : NaN;
    }
    for (let j = 0; j < e.indicators.length; j++) {
      const indicator = e.indicators[j];
      indicatorParts(c, indicator, output, land, 0, k, num, den);
      addIndicatorScores(num, den, INDICATOR_FACTOR[indicator], eligible, e.weights[j], e.benchmarks[j], itemCapOf(e, j), scores);
    }
    rankClasses(scores, eligible, c.nameRank, e.cumulativeCuts, ranking, sorted, classes);
    for (let i = 0; i < n; i++) counts[i * 5 + Math.min(classes[i], 4)]++;
  }
  return counts;
}

/** Each platform's class shares in the last report year (null without trials). */
export function classOdds(c: Compiled, trials: TrialRecord | null): ClassOdds | null {
  if (!trials || trials.runs === 0 || trials.reportSteps.length === 0) return null;
  const r = trials.reportSteps.length - 1;
  const counts = classCounts(c, trials, r);
  const share = (x: number) => x / trials.runs;
  return {
    year: c.years[trials.reportSteps[r]],
    platforms: c.names.map((name, i) => ({
      name,
      classes: Object.fromEntries(CLASSES.map((cls, q) => [cls, share(counts[i * 5 + q])])) as Record<EvaluationClass, number>,
      unclassified: share(counts[i * 5 + 4]),
    })),
  };
}
