/**
 * The LP's worker side of a 决策 tool: run it (decisions.ts) and post progress, the outcome or the
 * failure. 最优配置's Monte Carlo is not run here: the worker posts "decisionSimulate" and the pane runs
 * it on its worker pool, answering with "decisionSimulated". Loaded by simulate.worker.ts on the first
 * decision message (a lazy chunk), so the trial threads of a run never load the decision code or HiGHS.
 */
import { loadBrowserLpSolver } from "../engine/lp/browserHighs.js";
import type { SimulationResult } from "../../models/results.js";
import type { DecisionMessage, DecisionReply } from "./decisionProtocol.js";
import { runDecision, type Simulate } from "./decisions.js";
import { describeError } from "./protocol.js";

/** Progress at most every 50 ms: a tornado posts thousands of evaluations otherwise. */
const PROGRESS_MS = 50;

/** The Monte Carlo asked of the pane and not answered yet (a worker answers one request). */
let awaiting: ((result: SimulationResult) => void) | null = null;

export async function answerDecision(message: DecisionMessage, post: (reply: DecisionReply) => void): Promise<void> {
  if (message.type === "decisionSimulated") {
    const resolve = awaiting;
    awaiting = null;
    resolve?.(message.result);
    return;
  }
  let last = 0;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_MS) return;
    last = now;
    post({ type: "decisionProgress", done, total });
  };
  // The platforms and base year are the request's; only the variant and its grants travel back.
  const simulate: Simulate = (_platforms, scenario, options) =>
    new Promise<SimulationResult>((resolve) => {
      awaiting = resolve;
      post({ type: "decisionSimulate", scenario, ...(options.plannedGrants ? { plannedGrants: options.plannedGrants } : {}) });
    });
  try {
    const outcome = await runDecision(message.request, { onProgress, solver: loadBrowserLpSolver, simulate });
    post({ type: "decisionDone", outcome });
  } catch (err) {
    post({ type: "decisionError", error: describeError(err) });
  }
}
