/**
 * What the engine's worker does with its messages, given the scope it answers through: a Web Worker's
 * `self` (simulate.worker.ts), or a stand-in scope on the page's own thread when the browser refuses
 * workers (src/engine/web/mainThreadWorker.ts). One trial thread of the pane's engine pool
 * (src/engine/trialThread.ts), PARKPLAN.PROBABILITY's reach questions ("reach", answered by id, see
 * reachClient.ts) and the 最优配置 tool's "decision" messages (decisionClient.ts; its code, HiGHS
 * included, loaded on that message only).
 */
import { reachProbability } from "../../models/reachProbability.js";
import type { ThreadReply, ThreadRequest } from "../engine/protocol.js";
import { trialThread } from "../engine/trialThread.js";
import type { DecisionMessage, DecisionReply } from "./decisionProtocol.js";
import { describeError, type ReachMessage, type ReachReply } from "./protocol.js";

export type WorkerRequest = ThreadRequest | ReachMessage | DecisionMessage;
export type WorkerReply = ThreadReply | ReachReply | DecisionReply;

/** The part of a worker's global scope the engine's worker uses. */
export interface WorkerScope {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

/** Answer the engine's messages arriving at `scope`. */
export function serveWorker(scope: WorkerScope): void {
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => scope.postMessage(reply, transfer);
  const handleTrials = trialThread(post);

  const answerReach = ({ id, question, runs, seed }: ReachMessage): void => {
    try {
      post({ type: "reach", id, probability: reachProbability(question, runs, seed) });
    } catch (err) {
      post({ type: "reachError", id, error: describeError(err) });
    }
  };

  const answerDecision = (message: DecisionMessage): void => {
    import("./decisionWorker.js").then(
      (m) => m.answerDecision(message, post),
      (err: unknown) => post({ type: "decisionError", error: describeError(err) }),
    );
  };

  scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
    const data = event.data;
    if (data.type === "reach") return answerReach(data);
    if (data.type === "decision" || data.type === "decisionSimulated") return answerDecision(data);
    handleTrials(data);
  };
}
