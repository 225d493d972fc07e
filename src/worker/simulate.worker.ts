/**
 * Runs the engine off the pane's thread: one "run" message in, progress messages and one "done" or
 * "error" out. Cancelling is terminating this worker, so the engine needs no cancel flag here.
 */
import { simulate } from "../../models/simulate.js";
import { describeError, type RunMessage, type WorkerReply } from "./protocol.js";

const post = (reply: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(reply);

self.onmessage = (event: MessageEvent<RunMessage>) => {
  const { platforms, scenario, baseYear } = event.data;
  // At most ~100 progress messages per run: more only costs the pane re-renders.
  let last = -1;
  const onProgress = (done: number, total: number) => {
    const step = Math.floor((done / Math.max(total, 1)) * 100);
    if (step === last && done !== total) return;
    last = step;
    post({ type: "progress", done, total });
  };
  try {
    post({ type: "done", result: simulate(platforms, scenario, { baseYear, onProgress }) });
  } catch (err) {
    post({ type: "error", error: describeError(err) });
  }
};
