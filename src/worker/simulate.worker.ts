/**
 * The engine's Web Worker: one trial thread of the pane's engine pool (src/engine/trialThread.ts: job,
 * block, place and finish requests), so the model runs off the pane's thread on every core. Cancelling
 * is terminating the workers, so the engine needs no cancel flag here. The worksheet function
 * PARKPLAN.PROBABILITY sends its large cases here too ("reach" messages, each answered by id; see
 * reachClient.ts). The pane's 最优配置 gets a worker of its own and sends one "decision" message
 * (decisionClient.ts; later "decisionSimulated", the plan's Monte Carlo run on the pool); their code,
 * HiGHS included, is loaded on that message only.
 */
import { reachProbability } from "../../models/reachProbability.js";
import type { ThreadReply, ThreadRequest } from "../engine/protocol.js";
import { trialThread } from "../engine/trialThread.js";
import type { DecisionMessage, DecisionReply } from "./decisionProtocol.js";
import { describeError, type ReachMessage, type ReachReply } from "./protocol.js";

const post = (reply: ThreadReply | ReachReply, transfer: ArrayBuffer[] = []) =>
  (self as unknown as { postMessage(m: ThreadReply | ReachReply, transfer: ArrayBuffer[]): void }).postMessage(reply, transfer);
const handleTrials = trialThread(post);

function answerReach({ id, question, runs, seed }: ReachMessage): void {
  try {
    post({ type: "reach", id, probability: reachProbability(question, runs, seed) });
  } catch (err) {
    post({ type: "reachError", id, error: describeError(err) });
  }
}

function answerDecision(message: DecisionMessage): void {
  const postDecision = (reply: DecisionReply) => (self as unknown as { postMessage(m: DecisionReply): void }).postMessage(reply);
  import("./decisionWorker.js").then(
    (m) => m.answerDecision(message, postDecision),
    (err: unknown) => postDecision({ type: "decisionError", error: describeError(err) }),
  );
}

self.onmessage = (event: MessageEvent<ThreadRequest | ReachMessage | DecisionMessage>) => {
  if (event.data.type === "reach") return answerReach(event.data);
  if (event.data.type === "decision" || event.data.type === "decisionSimulated") return answerDecision(event.data);
  handleTrials(event.data);
};
