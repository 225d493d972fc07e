/**
 * The engine every front end calls: simulate() of models/, with the Monte Carlo trials on one thread or
 * on a pool of threads, and the same result bit for bit either way. The pipeline takes an Engine; the
 * command line passes nodeEngine(--threads), the task pane and the standalone page webEngine().
 */
import { runMonteCarlo } from "../../models/montecarlo.js";
import { blockCount } from "../../models/trialRecord.js";
import type { Platform } from "../../models/platform.js";
import type { SimulationResult } from "../../models/results.js";
import { finishSimulation, prepareSimulation, simulate, type SimulateOptions } from "../../models/simulate.js";
import { TrialPool, type TrialThreadFactory } from "./pool.js";
import type { EngineJob } from "./protocol.js";

/** The job every thread prepares: simulate()'s input, options included (base year, planned grants). */
const jobOf = (platforms: readonly Platform[], scenario: unknown, options: SimulateOptions): EngineJob => ({
  platforms: [...platforms],
  scenario,
  baseYear: options.baseYear ?? null,
  ...(options.plannedGrants === undefined ? {} : { plannedGrants: options.plannedGrants }),
});

export interface Engine {
  /** Threads the trials run on. */
  readonly threads: number;
  simulate(platforms: readonly Platform[], scenario: unknown, options?: SimulateOptions): Promise<SimulationResult>;
  /** Cancel the run under way, if any: its promise rejects with CancelledError. */
  cancel(): void;
  /** Stop the engine's threads (an idle engine may be reused until then). */
  close(): void;
}

/** The trials in the calling thread: simulate() itself (cancel works through options.shouldCancel). */
export const inThreadEngine: Engine = {
  threads: 1,
  simulate: async (platforms, scenario, options) => simulate(platforms, scenario, options),
  cancel() {},
  close() {},
};

/**
 * Trials on `threads` threads made by `factory`, assembled in the calling thread, which also prepares
 * the job (so input errors are thrown here, before any thread works) and runs a single block itself.
 */
export function callerAssembledEngine(factory: TrialThreadFactory, threads: number): Engine {
  if (threads <= 1) return inThreadEngine;
  const pool = new TrialPool(factory, threads);
  let cancelled = false;
  return {
    threads,
    async simulate(platforms, scenario, options = {}) {
      cancelled = false;
      const prepared = prepareSimulation(platforms, scenario, options);
      const setup = prepared.setup;
      if (!setup || blockCount(setup.runs) <= 1) {
        const shouldCancel = () => cancelled || options.shouldCancel?.() === true;
        return finishSimulation(prepared, setup ? runMonteCarlo(setup, { onProgress: options.onProgress, shouldCancel }) : null);
      }
      return pool.simulate(jobOf(platforms, scenario, options), {
        prepared,
        onProgress: options.onProgress,
        shouldCancel: options.shouldCancel,
      });
    },
    cancel() {
      cancelled = true;
      pool.cancel();
    },
    close: () => pool.close(),
  };
}

/** Trials on `threads` threads, thread 0 preparing and assembling too: the calling thread only routes messages. */
export function leaderAssembledEngine(factory: TrialThreadFactory, threads: number): Engine {
  const pool = new TrialPool(factory, Math.max(1, threads));
  return {
    threads: pool.size,
    simulate: (platforms, scenario, options = {}) =>
      pool.simulate(jobOf(platforms, scenario, options), { onProgress: options.onProgress, shouldCancel: options.shouldCancel }),
    cancel: () => pool.cancel(),
    close: () => pool.close(),
  };
}
