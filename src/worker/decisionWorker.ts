/**
 * The worker's side of a 决策 tool: run it (decisions.ts) and post progress, the outcome or the failure.
 * Loaded by simulate.worker.ts on the first decision request (a lazy chunk), so the trial threads of a
 * run never load the decision code or HiGHS.
 */
import { loadBrowserLpSolver } from "../engine/lp/browserHighs.js";
import type { DecisionMessage, DecisionReply } from "./decisionProtocol.js";
import { runDecision } from "./decisions.js";
import { describeError } from "./protocol.js";

/** Progress at most every 50 ms: a tornado posts thousands of evaluations otherwise. */
const PROGRESS_MS = 50;

export async function answerDecision(message: DecisionMessage, post: (reply: DecisionReply) => void): Promise<void> {
  let last = 0;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_MS) return;
    last = now;
    post({ type: "decisionProgress", done, total });
  };
  try {
    const outcome = await runDecision(message.request, { onProgress, solver: loadBrowserLpSolver });
    post({ type: "decisionDone", outcome });
  } catch (err) {
    post({ type: "decisionError", error: describeError(err) });
  }
}
