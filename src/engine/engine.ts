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
import { measure, type EvaluationQuestion } from "../../models/decisions/evaluations.js";
import { CancelledError } from "../../models/montecarlo.js";
import { TrialPool, type TrialThreadFactory } from "./pool.js";
import type { EngineJob } from "./protocol.js";
import type { EvaluationSession, QuestionOptions } from "./questions.js";

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
  /**
   * A decision question (questions.ts): independent evaluations of scenario variants on these platforms,
   * each on whichever thread is free, each the same number as in this thread. Close the session when done.
   */
  question(question: EvaluationQuestion, options?: QuestionOptions): EvaluationSession;
  /** Start the threads now, so they are ready when the first run comes (no-op in this thread). */
  warm(): void;
  /** Cancel the run or question under way, if any: its promises reject with CancelledError. */
  cancel(): void;
  /** Stop the engine's threads (an idle engine may be reused until then). */
  close(): void;
}

/** The trials in the calling thread: simulate() itself (cancel works through options.shouldCancel). */
export const inThreadEngine: Engine = {
  threads: 1,
  simulate: async (platforms, scenario, options) => simulate(platforms, scenario, options),
  question: (question, options = {}) => inThreadQuestion(question, options),
  warm() {},
  cancel() {},
  close() {},
};

/** A question's evaluations in this thread, one at a time as asked (cancel through options.shouldCancel). */
function inThreadQuestion(question: EvaluationQuestion, options: QuestionOptions): EvaluationSession {
  let closed = false;
  return {
    evaluate: async (evaluation) => {
      if (closed) throw new CancelledError();
      return measure(question, evaluation, { shouldCancel: options.shouldCancel });
    },
    close: () => (closed = true),
  };
}

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
    // This thread evaluates too while the threads start (questions.ts), so a question starts at once.
    question: (question, options) => pool.question(question, options, (evaluation, o) => measure(question, evaluation, o)),
    warm: () => pool.warm(),
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
    question: (question, options) => pool.question(question, options),
    warm: () => pool.warm(),
    cancel: () => pool.cancel(),
    close: () => pool.close(),
  };
}
