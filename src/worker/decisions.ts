/**
 * The pane's 决策 tools as the worker runs them, on the platforms and scenario document the pane sends:
 * the same model functions and sheet builders as `parkplan optimize | solve | sensitivity`
 * (src/pipeline/{optimize,solve,sensitivity}.ts), without the workbook (the pane writes the sheet when
 * asked). Pure apart from the LP solver it is given, so tests run it in-process.
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
import { driverSentence, figureStyle, parseFigure, sensitivity } from "../../models/decisions/sensitivity.js";
import { evaluate, maxEvaluations, planSolve, runSteps } from "../../models/decisions/solve.js";
import { CancelledError } from "../../models/montecarlo.js";
import { simulate } from "../../models/simulate.js";
import { buildBackSolveSheet } from "../workbook/results/backSolve.js";
import { buildOptimizationSheet } from "../workbook/results/optimization.js";
import { optimalRunName } from "../pipeline/storedResults.js";
import { buildSensitivitySheet } from "../workbook/results/sensitivity.js";
import type { DecisionOutcome, DecisionRequest, GrantRow, OptimizeSummary } from "./decisionProtocol.js";

export interface DecisionHooks {
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
  /** The LP solver for 最优配置 (the worker loads HiGHS from the bundle's highs.wasm). */
  solver?: () => Promise<LpSolver>;
}

/** Run one tool; model errors (a bad target, lever, figure …) are thrown as the model throws them. */
export async function runDecision(request: DecisionRequest, hooks: DecisionHooks = {}): Promise<DecisionOutcome> {
  const { platforms, baseYear, scenario, params } = request;
  const order = platforms.map((p) => p.name);
  switch (params.tool) {
    case "optimize": {
      const solver = hooks.solver ? await hooks.solver() : await (await import("../engine/lp/highs.js")).loadLpSolver();
      const { plan, prepared } = optimize(platforms, scenario, solver, {
        baseYear,
        overrides: { objective: params.objective, over: params.over },
      });
      // The plan's Monte Carlo, as `parkplan optimize` runs it (strategy optimal with the plan's grants).
      let result = null;
      if (plan.feasible) {
        const run = plannedRun(scenario, plan);
        result = simulate(platforms, run.scenario, {
          baseYear,
          plannedGrants: run.plannedGrants,
          onProgress: hooks.onProgress,
          shouldCancel: hooks.shouldCancel,
        });
      }
      const plannedGrants = plan.feasible ? plannedRun(scenario, plan).plannedGrants : null;
      const storedAs = result ? optimalRunName(prepared.scenario.name) : null;
      const sheet = buildOptimizationSheet({ scenarioName: prepared.scenario.name, plan, result, order, storedAs });
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
    case "solve": {
      const lever = parseLever(params.lever);
      const plan = planSolve(
        { platforms, scenario, baseYear, target: params.target, subject: params.subject, lever, probability: params.probability },
        params.subject,
      );
      const total = maxEvaluations(plan);
      const result = runSteps(
        plan,
        (x) => {
          if (hooks.shouldCancel?.()) throw new CancelledError();
          return evaluate(plan, x);
        },
        hooks.onProgress,
      );
      hooks.onProgress?.(total, total);
      const sheet = buildBackSolveSheet([result], { scenarioName: plan.scenario.name, seed: plan.scenario.monteCarlo.seed });
      return { summary: { tool: "solve", result }, sheet };
    }
    case "sensitivity": {
      const figure = parseFigure(params.figure);
      const result = sensitivity({
        platforms,
        scenario,
        baseYear,
        figure,
        shouldCancel: hooks.shouldCancel,
        onProgress: hooks.onProgress,
      });
      const style = figureStyle(figure);
      return {
        summary: { tool: "sensitivity", result, style, sentence: driverSentence(result, style) },
        sheet: buildSensitivitySheet(result),
      };
    }
  }
}
