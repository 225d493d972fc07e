/**
 * The pane's side of the simulation worker: start a run, get progress, await the result, cancel by
 * terminating the worker (nothing else to clean up: the worker never touches the workbook).
 */
import type { Platform } from "../../models/platform.js";
import type { SimulationResult } from "../../models/results.js";
import type { RunMessage, WorkerFailure, WorkerReply } from "./protocol.js";

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

export interface WorkerRun {
  result: Promise<SimulationResult>;
  cancel(): void;
}

export type WorkerFactory = () => Worker;

/** webpack bundles the worker as its own lazy chunk from this `new URL(…, import.meta.url)` form. */
export const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL("./simulate.worker.ts", import.meta.url), { name: "parkplan-simulate" });

export function runInWorker(
  input: { platforms: Platform[]; scenario: unknown; baseYear: number | null },
  onProgress: (done: number, total: number) => void,
  makeWorker: WorkerFactory = defaultWorkerFactory,
): WorkerRun {
  const worker = makeWorker();
  let settle: { resolve(r: SimulationResult): void; reject(e: Error): void } | null = null;
  const result = new Promise<SimulationResult>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (outcome: SimulationResult | Error) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    worker.terminate();
    if (outcome instanceof Error) s.reject(outcome);
    else s.resolve(outcome);
  };
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.type === "progress") onProgress(reply.done, reply.total);
    else if (reply.type === "done") finish(reply.result);
    else finish(new SimulationFailure(reply.error));
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const message = event.message || "worker error";
    finish(new SimulationFailure({ name: "WorkerError", message, problems: [{ zh: message, en: message }] }));
  };
  const message: RunMessage = { type: "run", ...input };
  worker.postMessage(message);
  return { result, cancel: () => finish(new SimulationCancelled()) };
}
