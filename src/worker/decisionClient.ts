/**
 * The pane's side of a 决策 tool: a Web Worker of its own (the same script as the engine's threads), one
 * request, progress, the outcome. Cancel terminates that worker, as a run's cancel does: nothing to clean
 * up, the workbook is written only when the user asks, from the pane.
 */
import { defaultWorkerFactory, SimulationCancelled, SimulationFailure, type WorkerFactory } from "./client.js";
import type { DecisionMessage, DecisionOutcome, DecisionReply, DecisionRequest } from "./decisionProtocol.js";

export interface DecisionRun {
  result: Promise<DecisionOutcome>;
  cancel(): void;
}

export function runDecisionInWorker(
  request: DecisionRequest,
  onProgress: (done: number, total: number) => void,
  makeWorker: WorkerFactory = defaultWorkerFactory,
): DecisionRun {
  const worker = makeWorker();
  let settle: { resolve(o: DecisionOutcome): void; reject(e: unknown): void } | null = null;
  const result = new Promise<DecisionOutcome>((resolve, reject) => (settle = { resolve, reject }));
  const end = (action: (s: NonNullable<typeof settle>) => void) => {
    const s = settle;
    if (!s) return;
    settle = null;
    worker.terminate();
    action(s);
  };
  worker.onmessage = (event: MessageEvent<DecisionReply>) => {
    const reply = event.data;
    if (reply.type === "decisionProgress") {
      if (settle) onProgress(reply.done, reply.total);
    } else if (reply.type === "decisionDone") end((s) => s.resolve(reply.outcome));
    else if (reply.type === "decisionError") end((s) => s.reject(new SimulationFailure(reply.error)));
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.();
    const message = event.message || "worker error";
    end((s) => s.reject(new SimulationFailure({ name: "Error", message, problems: [{ zh: message, en: message }] })));
  };
  const message: DecisionMessage = { type: "decision", request };
  worker.postMessage(message);
  return {
    result,
    cancel: () => end((s) => s.reject(new SimulationCancelled())),
  };
}
