/**
 * The probability that a value growing at an uncertain rate reaches a target (PARKPLAN.PROBABILITY):
 * each trial grows `base` for `years` years, year t by (1 + g_t) with g_t = mean + sd·Z_t, Z_t standard
 * normal; a draw below −100% leaves the value at 0, as in the model (models/README.md, step 1). The
 * probability is the share of trials ending at or above the target. Draws come from one seeded stream
 * (models/random.ts), trial after trial, year after year: the same seed gives the same answer.
 */
import { NormalStream, streamIntegers } from "./random.js";

/** Stream key of the draws, so the answer does not depend on any other use of the seed. */
export const REACH_STREAM = "reach-probability";

export interface ReachQuestion {
  base: number;
  mean: number;
  sd: number;
  years: number;
  target: number;
}

/**
 * Share of `runs` trials in which base · Π(1 + g_t) ≥ target after `years` years.
 * With sd = 0 every trial is the deterministic path, so the answer is exactly 0 or 1.
 * @example reachProbability({ base: 100, mean: 0.1, sd: 0, years: 1, target: 110 }, 1000, "parkplan") // => 1
 */
export function reachProbability(q: ReachQuestion, runs: number, seed: string | number): number {
  const normal = new NormalStream(streamIntegers(seed, REACH_STREAM));
  let reached = 0;
  for (let r = 0; r < runs; r++) {
    let value = q.base;
    for (let t = 0; t < q.years; t++) value *= Math.max(0, 1 + q.mean + q.sd * normal.next());
    if (value >= q.target) reached++;
  }
  return reached / runs;
}
