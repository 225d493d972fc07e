/**
 * Runs the engine off the pane's thread: one "run" message in, progress messages and one "done" or
 * "error" out. Cancelling is terminating this worker, so the engine needs no cancel flag here.
 * The worksheet function PARKPLAN.PROBABILITY sends its large cases here too ("reach" messages, each
 * answered by id; see reachClient.ts).
 */
import { reachProbability } from "../../models/reachProbability.js";
import { simulate } from "../../models/simulate.js";
import { describeError, type ReachMessage, type ReachReply, type RunMessage, type WorkerReply } from "./protocol.js";

const post = (reply: WorkerReply | ReachReply) =>
  (self as unknown as { postMessage(m: WorkerReply | ReachReply): void }).postMessage(reply);

function answerReach({ id, question, runs, seed }: ReachMessage): void {
  try {
    post({ type: "reach", id, probability: reachProbability(question, runs, seed) });
  } catch (err) {
    post({ type: "reachError", id, error: describeError(err) });
  }
}

self.onmessage = (event: MessageEvent<RunMessage | ReachMessage>) => {
  if (event.data.type === "reach") return answerReach(event.data);
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
