/**
 * The engine's worker for the pane and the standalone page (client.ts defaultWorkerFactory). webpack
 * bundles the worker as its own lazy chunk from the `new URL(…, import.meta.url)` form below. Where the
 * browser refuses a worker (the page opened from disk: a file:// page may not start a worker from a
 * file), the same worker code runs on the page's thread instead (mainThreadWorker.ts), loaded lazily.
 * The single-file page (webpack `--env single`) replaces this module with pageWorker.single.ts.
 */
import type { WorkerScope } from "../../worker/workerScope.js";
import { mainThreadWorker } from "./mainThreadWorker.js";
import type { WorkerFactory } from "./webWorkers.js";

const onThisThread = () =>
  mainThreadWorker((scope: WorkerScope) => import("../../worker/workerScope.js").then((m) => m.serveWorker(scope)));

export const pageWorkerFactory: WorkerFactory = () => {
  try {
    return new Worker(new URL("../../worker/simulate.worker.ts", import.meta.url), { name: "parkplan-simulate" });
  } catch {
    // SecurityError from a file:// page (or no Worker at all): no thread of our own, the page's then.
    return onThisThread();
  }
};

/**
 * How this page runs the engine: "file-page" when it was opened from disk, where workers are refused and
 * the separate HiGHS file cannot be fetched (the pane says so and points at the single-file page), else "workers".
 */
export const pageWorkerMode = (): "workers" | "file-page" =>
  typeof location !== "undefined" && location.protocol === "file:" ? "file-page" : "workers";
