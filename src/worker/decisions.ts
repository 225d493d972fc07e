/**
 * The pane's 决策 tools, on the platforms and scenario document the pane sends: the same model functions,
 * engine questions and sheet builders as `parkplan optimize | solve | sensitivity`
 * (src/pipeline/{optimize,solve,sensitivity}.ts), without the workbook (the pane writes the sheet when
 * asked). Where the work runs is given:
 *  - 反推 and 敏感性: their evaluations on an engine (src/engine/decisions.ts solveOnEngine,
 *    sensitivityOnEngine): the pane's worker pool, in tests an in-thread or in-memory engine; the same
 *    numbers bit for bit on any engine (the same seeds, the same points);
 *  - 最优配置: the LP with the solver given (the pane: HiGHS in a worker of its own), then the plan's Monte
 *    Carlo through `simulate` (the pane: back to its thread and onto the pool).
 */
import {
  optimize,
  plannedRun,
  conflictSentence,
  objectiveSentence,
  shadowSentence,
  yearMaps,
} from "../../models/decisions/optimize/index.js";
import type { LpSolver } from "../../models/decisions/optimize/lp.js";
import { parseLever } from "../../models/decisions/levers.js";
import { driverSentence, figureStyle, parseFigure } from "../../models/decisions/sensitivity.js";
import { maxEvaluations, planSolve, targetSubjects, type SolveProblem } from "../../models/decisions/solve.js";
import type { Platform } from "../../models/platform.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";
import type { SimulationResult } from "../../models/results.js";
import type { SimulateOptions } from "../../models/simulate.js";
import { sensitivityOnEngine, solveOnEngine } from "../engine/decisions.js";
import { inThreadEngine, type Engine } from "../engine/engine.js";
import { optimalRunName } from "../pipeline/storedResults.js";
import { buildBackSolveSheet } from "../workbook/results/backSolve.js";
import { buildOptimizationSheet } from "../workbook/results/optimization.js";
import { buildSensitivitySheet } from "../workbook/results/sensitivity.js";
import { words } from "../workbook/results/language.js";
import type { DecisionOutcome, DecisionParams, DecisionRequest, GrantRow, OptimizeSummary } from "./decisionProtocol.js";

/** A simulation somewhere (an engine's simulate, or the pane's pool reached from the LP's worker). */
export type Simulate = (platforms: readonly Platform[], scenario: unknown, options: SimulateOptions) => Promise<SimulationResult>;

export interface DecisionHooks {
  /** Where 反推's and 敏感性's evaluations and 最优配置's Monte Carlo run (default: this thread). */
  engine?: Engine;
  /** 最优配置's Monte Carlo (default: the engine's simulate). */
  simulate?: Simulate;
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
  /** The LP solver for 最优配置 (the worker loads HiGHS from the bundle's highs.wasm; default: HiGHS for Node). */
  solver?: () => Promise<LpSolver>;
}

type ParamsOf<T extends DecisionParams["tool"]> = Extract<DecisionParams, { tool: T }>;
type RequestOf<T extends DecisionParams["tool"]> = DecisionRequest & { params: ParamsOf<T> };

/** Run one tool; model errors (a bad target, lever, figure …) are thrown as the model throws them. */
export function runDecision(request: DecisionRequest, hooks: DecisionHooks = {}): Promise<DecisionOutcome> {
  const { params } = request;
  switch (params.tool) {
    case "optimize":
      return optimizeDecision({ ...request, params }, hooks);
    case "solve":
      return solveDecision({ ...request, params }, hooks);
    case "sensitivity":
      return sensitivityDecision({ ...request, params }, hooks);
  }
}

async function optimizeDecision(request: RequestOf<"optimize">, hooks: DecisionHooks): Promise<DecisionOutcome> {
  const { platforms, baseYear, scenario, params } = request;
  const solver = hooks.solver ? await hooks.solver() : await (await import("../engine/lp/highs.js")).loadLpSolver();
  const { plan, prepared } = optimize(platforms, scenario, solver, {
    baseYear,
    overrides: { objective: params.objective, over: params.over },
  });
  const engine = hooks.engine ?? inThreadEngine;
  const simulate: Simulate = hooks.simulate ?? ((p, s, o) => engine.simulate(p, s, o));
  // The plan's Monte Carlo, as `parkplan optimize` runs it (strategy optimal with the plan's grants).
  let result: SimulationResult | null = null;
  let plannedGrants: PlannedGrants | null = null;
  if (plan.feasible) {
    const run = plannedRun(scenario, plan);
    plannedGrants = run.plannedGrants;
    result = await simulate(platforms, run.scenario, {
      baseYear,
      plannedGrants,
      onProgress: hooks.onProgress,
      shouldCancel: hooks.shouldCancel,
    });
  }
  const order = platforms.map((p) => p.name);
  const storedAs = result ? optimalRunName(prepared.scenario.name) : null;
  const sheet = buildOptimizationSheet({ scenarioName: prepared.scenario.name, plan, result, order, storedAs }, words(request.lang));
  const grants: GrantRow[] = Object.entries(yearMaps(plan, plan.grants, { order })).map(([platform, years]) => ({
    platform,
    years,
    total: Object.values(years).reduce((a, b) => a + b, 0),
  }));
  const summary: OptimizeSummary = {
    tool: "optimize",
    feasible: plan.feasible,
    objective: { ...plan.objective, years: [...plan.objective.years] },
    sentence: objectiveSentence(plan),
    shadow: [
      ...plan.shadow.land.map((p) => shadowSentence(plan, "land", p)),
      ...plan.shadow.energy.map((p) => shadowSentence(plan, "energy", p)),
      // 28 platforms' headroom would drown the rest: only those where one more 亩 is worth something.
      ...plan.shadow.headroom.filter((p) => p.value > 0).map((p) => shadowSentence(plan, "headroom", p)),
    ],
    conflicts: plan.conflicts.map(conflictSentence),
    grants,
    runs: result?.monteCarlo?.runs ?? 0,
  };
  const optimalRun = result && plannedGrants ? { result, plannedGrants, objective: plan.objective } : undefined;
  return { summary, sheet, ...(optimalRun ? { optimalRun } : {}) };
}

async function solveDecision(request: RequestOf<"solve">, hooks: DecisionHooks): Promise<DecisionOutcome> {
  const { platforms, baseYear, scenario, params } = request;
  const problem: SolveProblem = {
    platforms,
    scenario,
    baseYear,
    target: params.target,
    lever: parseLever(params.lever),
    probability: params.probability,
  };
  // Every plan first (as solveWorkbook): a bad subject or lever fails before any run.
  const subjects = params.subject !== null ? [params.subject] : targetSubjects(problem);
  const plans = subjects.map((subject) => planSolve(problem, subject));
  // Progress of the most evaluations the bisections may take (the pipeline's count), complete at the end.
  const total = plans.reduce((sum, plan) => sum + maxEvaluations(plan), 0);
  let done = 0;
  // Several subjects: their bisections at once on the engine's threads, each one point at a time.
  const results = await solveOnEngine(hooks.engine ?? inThreadEngine, plans, {
    onEvaluation: () => hooks.onProgress?.(++done, total),
    shouldCancel: hooks.shouldCancel,
  });
  hooks.onProgress?.(total, total);
  const sheet = buildBackSolveSheet(
    results,
    { scenarioName: plans[0].scenario.name, seed: plans[0].scenario.monteCarlo.seed },
    words(request.lang),
  );
  return { summary: { tool: "solve", results }, sheet };
}

async function sensitivityDecision(request: RequestOf<"sensitivity">, hooks: DecisionHooks): Promise<DecisionOutcome> {
  const { platforms, baseYear, scenario, params } = request;
  const figure = parseFigure(params.figure);
  const result = await sensitivityOnEngine(hooks.engine ?? inThreadEngine, {
    platforms,
    scenario,
    baseYear,
    figure,
    twoWay: params.twoWay,
    shouldCancel: hooks.shouldCancel,
    onProgress: hooks.onProgress,
  });
  const style = figureStyle(figure);
  return {
    summary: { tool: "sensitivity", result, style, sentence: driverSentence(result, style) },
    sheet: buildSensitivitySheet(result, words(request.lang)),
  };
}
