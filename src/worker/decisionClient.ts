/**
 * The pane's side of a 决策 tool, with progress and cancel:
 *  - 反推 and 敏感性: planned and combined in the pane's thread (decisions.ts, the model's plan, a few
 *    milliseconds), every evaluation on the pane's worker pool (client.ts onEngine, the engine's
 *    questions), as `parkplan solve | sensitivity` do on Node threads; the same numbers bit for bit;
 *  - 最优配置: the LP in a Web Worker of its own (HiGHS), which asks for the plan's Monte Carlo; that runs
 *    on the pool and its result goes back to the worker, which builds the outcome.
 * Cancel terminates the pool's busy workers (and the LP's worker): nothing to clean up, the workbook is
 * written only when the user asks, from the pane.
 */
import type { SimulationResult } from "../../models/results.js";
import { defaultWorkerFactory, onEngine, SimulationCancelled, SimulationFailure, type PaneJob, type WorkerFactory } from "./client.js";
import type { DecisionMessage, DecisionOutcome, DecisionReply, DecisionRequest } from "./decisionProtocol.js";
import { describeError } from "./protocol.js";

export type DecisionRun = PaneJob<DecisionOutcome>;

/** A model error thrown in this thread (a bad lever, target, figure …) as the pane shows a worker's: both languages. */
const asFailure = (err: unknown): Error =>
  err instanceof SimulationCancelled || err instanceof SimulationFailure ? err : new SimulationFailure(describeError(err));

/** Start a tool: `makeWorker` makes the pool's workers and the LP's (other than the default: a pool of its own, `threads` workers). */
export function startDecision(
  request: DecisionRequest,
  onProgress: (done: number, total: number) => void,
  makeWorker: WorkerFactory = defaultWorkerFactory,
  threads?: number,
): DecisionRun {
  if (request.params.tool === "optimize") return optimizeInWorker(request, onProgress, makeWorker, threads);
  const job = onEngine(
    async (engine, cancelled) => {
      const { runDecision } = await import("./decisions.js");
      return runDecision(request, { engine, onProgress, shouldCancel: cancelled });
    },
    makeWorker,
    threads,
  );
  return {
    result: job.result.catch((err: unknown) => {
      throw asFailure(err);
    }),
    cancel: job.cancel,
  };
}

function optimizeInWorker(
  request: DecisionRequest,
  onProgress: (done: number, total: number) => void,
  makeWorker: WorkerFactory,
  threads?: number,
): DecisionRun {
  const worker = makeWorker();
  let monteCarlo: PaneJob<SimulationResult> | null = null;
  let settle: { resolve(o: DecisionOutcome): void; reject(e: unknown): void } | null = null;
  const result = new Promise<DecisionOutcome>((resolve, reject) => (settle = { resolve, reject }));
  const end = (action: (s: NonNullable<typeof settle>) => void) => {
    const s = settle;
    if (!s) return;
    settle = null;
    worker.terminate();
    monteCarlo?.cancel();
    action(s);
  };
  const post = (message: DecisionMessage) => worker.postMessage(message);
  /** The plan's Monte Carlo on the pool, its result back to the LP's worker. */
  const simulate = (scenario: unknown, plannedGrants: Extract<DecisionReply, { type: "decisionSimulate" }>["plannedGrants"]) => {
    const { platforms, baseYear } = request;
    monteCarlo = onEngine(
      (e) => e.simulate(platforms, scenario, { baseYear, onProgress: (d, t) => settle && onProgress(d, t), plannedGrants }),
      makeWorker,
      threads,
    );
    monteCarlo.result.then(
      (run) => settle && post({ type: "decisionSimulated", result: run }),
      (err: unknown) => end((s) => s.reject(asFailure(err))),
    );
  };
  worker.onmessage = (event: MessageEvent<DecisionReply>) => {
    const reply = event.data;
    if (reply.type === "decisionProgress") {
      if (settle) onProgress(reply.done, reply.total);
    } else if (reply.type === "decisionSimulate") simulate(reply.scenario, reply.plannedGrants);
    else if (reply.type === "decisionDone") end((s) => s.resolve(reply.outcome));
    else if (reply.type === "decisionError") end((s) => s.reject(new SimulationFailure(reply.error)));
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    const message = event.message || "worker error";
    end((s) => s.reject(new SimulationFailure({ name: "Error", message, problems: [{ zh: message, en: message }] })));
  };
  post({ type: "decision", request });
  return {
    result,
    cancel: () => end((s) => s.reject(new SimulationCancelled())),
  };
}
