/**
 * The decision tools on an engine's threads (questions.ts), the same numbers bit for bit as in this
 * thread (models/decisions: sensitivity(), solve()):
 *  - a sensitivity analysis asks for all its evaluations at once (the tornado's 2N + 1, the two-way grid)
 *    and combines their values in the order listed;
 *  - back-solves of several subjects run at once, each bisection one point at a time (as in this thread,
 *    so its curve and evaluation count are the same).
 * An input error is that of the first evaluation in list order that fails (as in this thread).
 */
import type { Evaluation } from "../../models/decisions/evaluations.js";
import { planSensitivity, type SensitivityRequest, type SensitivityResult } from "../../models/decisions/sensitivity.js";
import { evaluationAt, runStepsAsync, type SolvePlan, type SolveResult } from "../../models/decisions/solve.js";
import type { Engine } from "./engine.js";

/** Every settled value in order, or the first failure in order (after all have settled, so the error does not depend on timing). */
async function inOrder<T>(work: Promise<T>[], explain: (error: unknown, index: number) => unknown = (e) => e): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const failed = settled.findIndex((s) => s.status === "rejected");
  if (failed >= 0) throw explain((settled[failed] as PromiseRejectedResult).reason, failed);
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** sensitivity() with its evaluations on the engine's threads; onProgress counts evaluations done. */
export async function sensitivityOnEngine(engine: Engine, request: SensitivityRequest): Promise<SensitivityResult> {
  const plan = planSensitivity(request);
  const total = plan.evaluations.length;
  let done = 0;
  const session = engine.question(plan.question, { shouldCancel: request.shouldCancel });
  try {
    const values = await inOrder(
      plan.evaluations.map((e: Evaluation) =>
        session.evaluate(e).then((value) => {
          request.onProgress?.(++done, total);
          return value;
        }),
      ),
      plan.explain,
    );
    return plan.combine(values);
  } finally {
    session.close();
  }
}

export interface SolveOnEngineOptions {
  /** After each evaluation, of any subject. */
  onEvaluation?: () => void;
  shouldCancel?: () => boolean;
}

/** Back-solve every plan (one problem's subjects: the same platforms and base year) at once on the engine's threads; results in plan order. */
export async function solveOnEngine(
  engine: Engine,
  plans: readonly SolvePlan[],
  options: SolveOnEngineOptions = {},
): Promise<SolveResult[]> {
  if (plans.length === 0) return [];
  const session = engine.question(plans[0].problem, { shouldCancel: options.shouldCancel });
  try {
    return await inOrder(
      plans.map((plan) =>
        runStepsAsync(plan, async (x) => {
          const p = await session.evaluate(evaluationAt(plan, x));
          options.onEvaluation?.();
          return p;
        }),
      ),
    );
  } finally {
    session.close();
  }
}
