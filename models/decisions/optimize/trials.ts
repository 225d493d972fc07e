/**
 * The sampled trials of a robust (sample-average) allocation LP (`optimize --robust K`, models/README.md
 * "Robust allocation"): the first K trials of the scenario's seeded streams, drawn exactly as the Monte
 * Carlo draws them (montecarlo.ts: blocks of TRIAL_BLOCK, a regional stream and one per platform, the
 * persistent regional shock, x = √ρ·Z + √(1−ρ)·ε, the growth model), so trial j here is trial j of a
 * Monte Carlo of the same scenario and seed (tested against the trial record). Each trial's path is the
 * kernel's year loop under the scenario's own strategy: the baseline's trial, and where its relocated
 * land comes from.
 */
import type { Compiled } from "../../compile.js";
import { growthFromDraws } from "../../growthModels.js";
import { createPathBuffers, createWorkspace, runPath, type PathBuffers } from "../../kernel.js";
import { NormalStreams, platformStreamKey, REGION_STREAM, TRIAL_BLOCK } from "../../random.js";
import type { PreparedSimulation } from "../../simulate.js";
import { productivityPath, relocationPath } from "./path.js";

/** One scenario of the LP: a path's productivity, its relocated land, its weight in the objective. */
export interface LpTrial {
  /** p_i(k), step-major. */
  productivity: Float64Array;
  /** Land relocated to each platform on this path, step-major. */
  relocatedLand: Float64Array;
  /** The path under the scenario's own strategy (the baseline's outputs). */
  path: PathBuffers;
  /** Weight in the objective and in target rows (1/K). */
  weight: number;
}

/** The deterministic path as the LP's one trial (weight 1): the LP of model.md §2.5. */
export function deterministicTrial(prepared: PreparedSimulation): LpTrial {
  const p = productivityPath(prepared.c);
  return { productivity: p, relocatedLand: relocationPath(prepared.c, prepared.path, p), path: prepared.path, weight: 1 };
}

/** The growth rates g[k·n + i] of trials 0 … count − 1 of `seed`'s streams, as the Monte Carlo draws them. */
export function sampledGrowth(c: Compiled, seed: string | number, count: number): Float64Array[] {
  const { n, steps } = c;
  const steps1 = steps + 1;
  const streams = new NormalStreams(seed, [REGION_STREAM, ...c.names.map(platformStreamKey)]);
  const out: Float64Array[] = [];
  for (let from = 0; from < count; from += TRIAL_BLOCK) {
    const size = Math.min(TRIAL_BLOCK, count - from);
    streams.startBlock(from / TRIAL_BLOCK);
    const regional = new Float64Array(size * steps1);
    const draws = new Float64Array(size * steps1 * n);
    streams.fill(0, size, steps, regional, 1, steps1, 1);
    for (let i = 0; i < n; i++) streams.fill(i + 1, size, steps, draws, n + i, steps1 * n, n);
    for (let d = 0; d < size; d++) {
      const x = draws.slice(d * steps1 * n, (d + 1) * steps1 * n);
      growthFromDraws(c, regional, d * steps1, x);
      out.push(x);
    }
  }
  return out;
}

/** Trials 0 … count − 1 of the scenario's seed (monteCarlo.seed), each run under the scenario's own strategy, weight 1/count. */
export function sampledTrials(prepared: PreparedSimulation, count: number): LpTrial[] {
  const { c } = prepared;
  const ws = createWorkspace(c);
  return sampledGrowth(c, prepared.scenario.monteCarlo.seed, count).map((g) => {
    const path = createPathBuffers(c);
    runPath(c, g, path, ws);
    const p = productivityPath(c, g);
    return { productivity: p, relocatedLand: relocationPath(c, path, p), path, weight: 1 / count };
  });
}
