/**
 * The engine's Web Worker: one trial thread of the pane's engine pool, so the model runs off the pane's
 * thread on every core; also PARKPLAN.PROBABILITY's large cases and the 最优配置 tool's LP (workerScope.ts).
 * Cancelling is terminating the workers, so the engine needs no cancel flag here.
 */
import { serveWorker, type WorkerScope } from "./workerScope.js";

serveWorker(self as unknown as WorkerScope);
