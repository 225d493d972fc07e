/**
 * Back-solve on a workbook (`parkplan solve`): read the platform sheet, check that 反推 may be written,
 * back-solve the target for one subject or for each of its subjects (models/decisions/solve.ts), build the
 * 反推 sheet and write it. Everything that can fail (the sheet, the scenario, the target, the subject, the
 * range, the lever, a user's own sheet named 反推) fails before the first run and before any write.
 *
 * Where P is estimated: each evaluation is the restricted Monte Carlo of the one check. One subject, or
 * an engine of one thread: in this thread, one subject after another. Several subjects on an engine of
 * several threads: a decision question on its threads (src/engine/decisions.ts), the subjects' bisections
 * at once, each one point at a time. Both give the same results bit for bit (the same seed, the same trials, the same points).
 */
import { CancelledError } from "../../models/montecarlo.js";
import {
  evaluate,
  maxEvaluations,
  planSolve,
  runSteps,
  targetSubjects,
  type SolvePlan,
  type SolveProblem,
  type SolveResult,
} from "../../models/decisions/solve.js";
import type { LeverSpec } from "../../models/decisions/levers.js";
import { solveOnEngine } from "../engine/decisions.js";
import type { Engine } from "../engine/engine.js";
import type { WorkbookPort } from "../workbook/port.js";
import { buildBackSolveSheet } from "../workbook/results/backSolve.js";
import { words, type SheetLanguage } from "../workbook/results/language.js";
import { SHEET_NAMES } from "../workbook/results/sheetNames.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { assertOwnSheets, writeOwnSheets } from "./ownSheets.js";
import { inputFor, loadPlatforms } from "./loadPlatforms.js";

export interface SolveRequest {
  /** The platform sheet; absent = detected. */
  sheet?: string;
  /** A scenario document (validated by the model). */
  scenario: unknown;
  target: string;
  /** Absent = every evaluable subject of the target, one back-solve each. */
  subject?: string;
  lever: LeverSpec;
  probability?: number;
  range?: readonly [number, number];
  /** false = compute only, write nothing. */
  write?: boolean;
  /** Evaluations done of the most the back-solves can take. */
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
  /** Where the evaluations run (default: this thread); every engine gives the same numbers. */
  engine?: Engine;
  /** The result sheets' language (--lang; default both: "中文 / English"). */
  lang?: SheetLanguage;
}

export interface SolveOutcome {
  /** One per subject, in subject order. */
  results: SolveResult[];
  /** True when one subject was asked for (or the target has only one): the JSON is one object, not a list. */
  single: boolean;
  sheet: SheetSpec;
  input: PlatformSheet;
}

/** One back-solve in this thread. */
function solveHere(plan: SolvePlan, progress: () => void, shouldCancel?: () => boolean): SolveResult {
  return runSteps(plan, (x) => {
    if (shouldCancel?.()) throw new CancelledError();
    const p = evaluate(plan, x);
    progress();
    return p;
  });
}

export async function solveWorkbook(port: WorkbookPort, request: SolveRequest): Promise<SolveOutcome> {
  const write = request.write !== false;
  const sheet = await loadPlatforms(port, request.sheet);
  if (write) await assertOwnSheets(port, [SHEET_NAMES.backSolve]);
  // A multi-year sheet as of the scenario's baseYear (loadPlatforms.ts inputFor).
  const input = inputFor(sheet, request.scenario);
  const problem: SolveProblem = {
    platforms: input.platforms,
    scenario: request.scenario,
    baseYear: input.baseYear,
    target: request.target,
    lever: request.lever,
    probability: request.probability,
    range: request.range,
  };
  const subjects = request.subject !== undefined ? [request.subject] : targetSubjects(problem);
  // Every plan first: a bad subject, range or lever fails before any run.
  const plans = subjects.map((subject) => planSolve(problem, subject));
  const total = plans.reduce((s, p) => s + maxEvaluations(p), 0);
  let results: SolveResult[];
  // One bisection is sequential: its points stay in this thread (no thread start, no messages); several run at once on the engine.
  const engine = request.engine && request.engine.threads > 1 && plans.length > 1 ? request.engine : null;
  if (engine) {
    let done = 0;
    results = await solveOnEngine(engine, plans, {
      onEvaluation: () => request.onProgress?.(++done, total),
      shouldCancel: request.shouldCancel,
    });
  } else {
    let before = 0;
    results = [];
    for (const plan of plans) {
      let done = 0;
      results.push(solveHere(plan, () => request.onProgress?.(before + ++done, total), request.shouldCancel));
      before += maxEvaluations(plan);
    }
  }
  request.onProgress?.(total, total);
  const spec = buildBackSolveSheet(
    results,
    { scenarioName: plans[0].scenario.name, seed: plans[0].scenario.monteCarlo.seed },
    words(request.lang),
  );
  if (write) {
    await writeOwnSheets(port, [spec]);
  }
  return { results, single: results.length === 1, sheet: spec, input };
}
