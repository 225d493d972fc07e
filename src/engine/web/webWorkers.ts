/**
 * The engine on Web Workers (the task pane and the standalone page): a pool of
 * navigator.hardwareConcurrency workers, worker 0 preparing the job and assembling the result, so the
 * pane's thread only routes messages and stays responsive.
 */
import { leaderAssembledEngine, type Engine } from "../engine.js";
import type { TrialThread } from "../pool.js";
import type { ThreadReply } from "../protocol.js";

export { isMainThreadWorker } from "./mainThreadWorker.js";

export type WorkerFactory = () => Worker;

/** A worker that died without a message (its script failed to load or ran out of memory). */
const WORKER_FAILED =
  "后台计算线程意外停止（可能内存不足），请重试 / the background worker stopped unexpectedly (perhaps out of memory); try again";

/** At most this many workers, whatever the machine reports (each holds a copy of the compiled model). */
const MAX_WEB_THREADS = 16;

export const defaultWebThreads = (): number =>
  Math.max(1, Math.min(MAX_WEB_THREADS, (typeof navigator !== "undefined" && navigator.hardwareConcurrency) || 2));

export function webThread(makeWorker: WorkerFactory): TrialThread {
  const worker = makeWorker();
  let onReply: (reply: ThreadReply) => void = () => {};
  let failed: (message: string) => void = () => {};
  worker.onmessage = (event: MessageEvent<ThreadReply>) => onReply(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    failed(event.message || WORKER_FAILED);
  };
  return {
    post: (request, transfer) => worker.postMessage(request, transfer ?? []),
    listen(reply, fail) {
      onReply = reply;
      failed = fail;
    },
    terminate: () => worker.terminate(),
  };
}

export function webEngine(makeWorker: WorkerFactory, threads: number = defaultWebThreads()): Engine {
  return leaderAssembledEngine(() => webThread(makeWorker), threads);
}
