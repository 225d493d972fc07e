/**
 * The engine's worker in the single-file page (dist/parkplan.html, webpack `--env single`, which puts
 * this module in place of pageWorker.ts): the worker's bundle is inlined in the page as a script element
 * of a type the browser does not run (#parkplan-worker-source), started as a Blob worker, which a page
 * opened from disk may start. Where even that is refused, the same script runs on the page's thread
 * (mainThreadWorker.ts) with a stand-in `self`, so nothing is bundled twice: its HiGHS is inlined too.
 */
import { mainThreadWorker, type MainThreadScope } from "./mainThreadWorker.js";
import type { WorkerFactory } from "./webWorkers.js";

/** The id of the script element holding the worker's bundle (scripts/inlineHtmlPlugin.js writes it). */
export const WORKER_SOURCE_ID = "parkplan-worker-source";

let source: string | null = null;
let blobUrl: string | null = null;
let refused = false;

const workerSource = (): string => {
  if (source !== null) return source;
  const text = document.getElementById(WORKER_SOURCE_ID)?.textContent;
  if (!text) throw new Error(`#${WORKER_SOURCE_ID} missing from the page`);
  return (source = text);
};

/** The worker's bundle run on this thread: `self` in it is the stand-in scope. */
const runHere = (scope: MainThreadScope) => {
  new Function("self", workerSource())(scope);
};

export const pageWorkerFactory: WorkerFactory = () => {
  if (!refused) {
    try {
      blobUrl ??= URL.createObjectURL(new Blob([workerSource()], { type: "text/javascript" }));
      return new Worker(blobUrl, { name: "parkplan-simulate" });
    } catch {
      refused = true;
    }
  }
  return mainThreadWorker(runHere);
};

/** The single-file page carries everything it needs (HiGHS included), workers or not. */
export const pageWorkerMode = (): "workers" | "file-page" => "workers";
