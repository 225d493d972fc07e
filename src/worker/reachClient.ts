/**
 * PARKPLAN.PROBABILITY's side of the engine worker: one long-lived worker (a recalculation can ask for
 * many probabilities at once; starting a worker per cell would cost more than the draws), questions
 * queued in order and answered by id. Every promise settles: with the answer, with the worker's error,
 * or after `timeoutMs` — then the worker is terminated (it may be stuck in a long question) and the
 * questions still waiting are sent again to a fresh one.
 */
import type { ReachQuestion } from "../../models/reachProbability.js";
import { defaultWorkerFactory, SimulationFailure, type WorkerFactory } from "./client.js";
import type { ReachMessage, ReachReply } from "./protocol.js";

/** How long one probability may take in the worker (the largest allowed case takes well under a second). */
export const REACH_TIMEOUT_MS = 30_000;

export interface ReachClient {
  probability(question: ReachQuestion, runs: number, seed: string | number): Promise<number>;
  /** Stop the worker; questions still waiting are rejected. */
  close(): void;
}

/** A reach question past its time, with both languages (the functions turn it into #N/A). */
export class ReachTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`达标概率计算超过 ${seconds} 秒，已停止 / the probability took longer than ${seconds} s and was stopped`);
    this.name = "ReachTimeout";
  }
}

interface Pending {
  message: ReachMessage;
  resolve(p: number): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createReachClient(makeWorker: WorkerFactory = defaultWorkerFactory, timeoutMs = REACH_TIMEOUT_MS): ReachClient {
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;

  const settle = (id: number, outcome: number | Error) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (outcome instanceof Error) p.reject(outcome);
    else p.resolve(outcome);
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const started = (): Worker => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event: MessageEvent<ReachReply>) => {
      const reply = event.data;
      settle(reply.id, reply.type === "reach" ? reply.probability : new SimulationFailure(reply.error));
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const message = event.message || "worker error";
      stop();
      for (const id of [...pending.keys()])
        settle(id, new SimulationFailure({ name: "WorkerError", message, problems: [{ zh: message, en: message }] }));
    };
    worker = w;
    return w;
  };
  const timedOut = (id: number) => {
    settle(id, new ReachTimeout(Math.round(timeoutMs / 1000)));
    stop();
    // The others were queued behind it: a fresh worker answers them.
    for (const p of pending.values()) started().postMessage(p.message);
  };

  return {
    probability(question, runs, seed) {
      const id = nextId++;
      const message: ReachMessage = { type: "reach", id, question, runs, seed };
      return new Promise<number>((resolve, reject) => {
        pending.set(id, { message, resolve, reject, timer: setTimeout(() => timedOut(id), timeoutMs) });
        started().postMessage(message);
      });
    },
    close() {
      stop();
      for (const id of [...pending.keys()]) settle(id, new Error("概率计算已停止 / probability worker closed"));
    },
  };
}
