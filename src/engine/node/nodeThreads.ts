/**
 * The engine on Node worker_threads (the command line and the pipeline in Node). The thread script is
 * dist-cli/trialThread.mjs beside the bundled command line, or, running from the TypeScript sources
 * (tests, tsx), trialThreadFromSources.mjs, which loads trialThread.ts through tsx.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { callerAssembledEngine, type Engine } from "../engine.js";
import type { TrialThread } from "../pool.js";
import type { ThreadReply } from "../protocol.js";

/** All cores, as `--threads` defaults to. */
export const defaultThreads = (): number => availableParallelism();

/** Beside this module when it runs from src/ (never in dist-cli/, which has trialThread.mjs). */
const FROM_SOURCES = "trialThreadFromSources.mjs";

const threadScript = (): URL =>
  import.meta.url.endsWith(".ts") ? new URL(FROM_SOURCES, import.meta.url) : new URL("./trialThread.mjs", import.meta.url);

export function nodeThread(): TrialThread {
  const worker = new Worker(threadScript(), { name: "parkplan-trials" });
  let onReply: (reply: ThreadReply) => void = () => {};
  let failed: (message: string) => void = () => {};
  let terminated = false;
  worker.on("message", (reply: ThreadReply) => onReply(reply));
  worker.on("error", (error) => failed(error instanceof Error ? error.message : String(error)));
  worker.on("exit", (code) => {
    if (!terminated && code !== 0) failed(`计算线程意外退出（代码 ${code}）/ a trial thread exited with code ${code}`);
  });
  worker.unref();
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(reply, fail) {
      onReply = reply;
      failed = fail;
    },
    hold: (active) => (active ? worker.ref() : worker.unref()),
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
}

/** The engine with its trials on `threads` worker threads (1 = in this thread). */
export function nodeEngine(threads: number = defaultThreads()): Engine {
  return callerAssembledEngine(nodeThread, threads);
}
