/**
 * The pane's side of the engine: start a run on the pool of workers, get progress, await the result,
 * cancel by terminating the workers (nothing else to clean up: workers never touch the workbook).
 */
import type { Platform } from "../../models/platform.js";
import type { SimulationResult } from "../../models/results.js";
import { CancelledError } from "../../models/montecarlo.js";
import type { Engine } from "../engine/engine.js";
import { TrialThreadFailure } from "../engine/pool.js";
import { defaultWebThreads, webEngine, type WorkerFactory } from "../engine/web/webWorkers.js";
import type { WorkerFailure } from "./protocol.js";

/** A failed run, with the engine's problems in Chinese and English. */
export class SimulationFailure extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(failure.message);
    this.name = failure.name;
  }
}

export class SimulationCancelled extends Error {
  constructor() {
    super("模拟已取消 / simulation cancelled");
    this.name = "SimulationCancelled";
  }
}

export type { WorkerFactory } from "../engine/web/webWorkers.js";

export interface WorkerRun {
  result: Promise<SimulationResult>;
  cancel(): void;
}

/** webpack bundles the worker as its own lazy chunk from this `new URL(…, import.meta.url)` form. */
export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL("./simulate.worker.ts", import.meta.url), { name: "parkplan-simulate" });

/** The pane's engine: one pool of workers kept warm between runs (sliders and decision tools run often). */
let sharedEngine: Engine | null = null;
/** Runs wait for the one before (one pool, one run at a time). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run the engine on the pane's worker pool (navigator.hardwareConcurrency workers; the same numbers as
 * one thread). `makeWorker` other than the default gets a pool of its own, closed after the run.
 */
export function runInWorker(
  input: { platforms: Platform[]; scenario: unknown; baseYear: number | null },
  onProgress: (done: number, total: number) => void,
  makeWorker: WorkerFactory = defaultWorkerFactory,
  threads: number = defaultWebThreads(),
): WorkerRun {
  const own = makeWorker !== defaultWorkerFactory;
  const engine = own ? webEngine(makeWorker, threads) : (sharedEngine ??= webEngine(makeWorker, threads));
  let cancelled = false;
  let started = false;
  const result = queue
    .catch(() => undefined)
    .then(() => {
      if (cancelled) throw new SimulationCancelled();
      started = true;
      return engine.simulate(input.platforms, input.scenario, { baseYear: input.baseYear, onProgress });
    })
    .catch((err: unknown) => {
      throw err instanceof CancelledError || cancelled
        ? new SimulationCancelled()
        : err instanceof TrialThreadFailure
          ? new SimulationFailure(err.failure)
          : err;
    })
    .finally(() => {
      if (own) engine.close();
    });
  queue = result;
  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      if (started) engine.cancel();
    },
  };
}
