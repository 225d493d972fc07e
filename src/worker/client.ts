/**
 * The pane's side of the engine: start a run on the pool of workers, get progress, await the result,
 * cancel by terminating the workers (nothing else to clean up: workers never touch the workbook).
 */
import type { Platform } from "../../models/platform.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";
import type { SimulationResult } from "../../models/results.js";
import type { Engine } from "../engine/engine.js";
import { pageWorkerFactory } from "../engine/web/pageWorker.js";
import type { WorkerFactory } from "../engine/web/webWorkers.js";
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

/**
 * The engine's worker (src/engine/web/pageWorker.ts: its own lazy chunk; the single-file page's inlined
 * Blob worker), or, where the browser refuses workers (a page opened from disk), the same code on the
 * page's thread.
 */
export const defaultWorkerFactory: WorkerFactory = pageWorkerFactory;

/** The pane's engine: one pool of workers kept warm between runs (sliders and decision tools run often). */
let sharedEngine: Promise<Engine> | null = null;
/** Runs wait for the one before (one pool, one run at a time). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The engine's code is a lazy chunk: the pane's first load carries none of the model. The first worker
 * is made here: when it is a stand-in on the page's thread (workers refused), the pool gets one thread.
 */
const makeEngine = (makeWorker: WorkerFactory, threads?: number) =>
  import("../engine/web/webWorkers.js").then(({ webEngine, defaultWebThreads, isMainThreadWorker }) => {
    let first: Worker | null = makeWorker();
    const onPage = isMainThreadWorker(first);
    const factory: WorkerFactory = () => {
      const worker = first ?? makeWorker();
      first = null;
      return worker;
    };
    return webEngine(factory, onPage ? 1 : (threads ?? defaultWebThreads()));
  });

/** Errors of the engine by name (instanceof would load the model's classes into the first load). */
const isCancel = (err: unknown) => err instanceof Error && err.name === "CancelledError";
const threadFailure = (err: unknown): WorkerFailure | null =>
  err instanceof Error && "failure" in err ? (err as Error & { failure: WorkerFailure }).failure : null;

/** Work on the pane's engine, its cancel, and the engine errors mapped to the pane's (cancelled, a bilingual failure). */
export interface PaneJob<T> {
  result: Promise<T>;
  cancel(): void;
}

/**
 * Some work on the pane's worker pool (navigator.hardwareConcurrency workers unless `threads`), after the
 * work before it (one pool, one job at a time): a run (runInWorker) or a 决策 tool's evaluations
 * (decisionClient.ts). Cancel cancels the engine's run or question, which terminates its workers.
 * `makeWorker` other than the default gets a pool of its own, closed after.
 */
export function onEngine<T>(
  work: (engine: Engine, cancelled: () => boolean) => Promise<T>,
  makeWorker: WorkerFactory = defaultWorkerFactory,
  threads?: number,
): PaneJob<T> {
  const own = makeWorker !== defaultWorkerFactory;
  const engine = own ? makeEngine(makeWorker, threads) : (sharedEngine ??= makeEngine(makeWorker, threads));
  let cancelled = false;
  let started: Engine | null = null;
  const result = queue
    .catch(() => undefined)
    .then(() => engine)
    .then((e) => {
      if (cancelled) throw new SimulationCancelled();
      started = e;
      return work(e, () => cancelled);
    })
    .catch((err: unknown) => {
      if (isCancel(err) || cancelled) throw new SimulationCancelled();
      const failure = threadFailure(err);
      throw failure ? new SimulationFailure(failure) : err;
    })
    .finally(() => {
      if (own)
        void engine.then(
          (e) => e.close(),
          () => undefined,
        );
    });
  queue = result;
  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      started?.cancel();
    },
  };
}

/** Run the engine on the pane's worker pool (the same numbers as one thread). */
export function runInWorker(
  input: { platforms: Platform[]; scenario: unknown; baseYear: number | null; plannedGrants?: PlannedGrants },
  onProgress: (done: number, total: number) => void,
  makeWorker: WorkerFactory = defaultWorkerFactory,
  threads?: number,
): WorkerRun {
  // Planned grants: a stored optimal run re-run as it was made (strategy optimal, models/policy/plannedGrants.ts).
  return onEngine(
    (e) => e.simulate(input.platforms, input.scenario, { baseYear: input.baseYear, onProgress, plannedGrants: input.plannedGrants }),
    makeWorker,
    threads,
  );
}
