/**
 * The pane's 决策 tools (最优配置, 反推, 敏感性): what each is asked, and what comes back — the tool's
 * summary (what the pane shows) and its result sheet (what 写入工作簿 writes). 反推 and 敏感性 run from
 * the pane's thread on the worker pool (decisionClient.ts); 最优配置 sends one request to a Web Worker
 * of its own (HiGHS), which asks the pane to run the plan's Monte Carlo on the pool, then answers with
 * the outcome or the failure in both languages. Everything crosses as plain data.
 */
import type { SheetLanguage } from "../workbook/results/language.js";
import type { ObjectiveKind, ObjectiveSpan } from "../../models/decisions/optimize/settings.js";
import type { AssumptionId, SensitivityResult } from "../../models/decisions/sensitivity.js";
import type { SolveResult } from "../../models/decisions/solveTypes.js";
import type { Platform } from "../../models/platform.js";
import type { Bilingual, SimulationResult } from "../../models/results.js";
import type { AllocationPlan } from "../../models/decisions/optimize/index.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";
import type { NumberStyle } from "../../models/vocabulary.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import type { WorkerFailure } from "./protocol.js";

export type DecisionTool = "optimize" | "solve" | "sensitivity";

/** What each tool is asked (the pane's fields, as the command line's options). */
export type DecisionParams =
  | { tool: "optimize"; objective: ObjectiveKind; over: ObjectiveSpan }
  /** subject null: every evaluable subject of the target, one back-solve each (`parkplan solve` without --subject). */
  | { tool: "solve"; target: string; subject: string | null; lever: string; probability: number }
  /** twoWay: the two assumptions of a two-way table (rows, columns), as `parkplan sensitivity --two-way A,B`. */
  | { tool: "sensitivity"; figure: string; twoWay?: readonly [AssumptionId, AssumptionId] };

export interface DecisionRequest {
  /** The platforms as of the scenario's base year (the pipeline's prepare step in the pane). */
  platforms: Platform[];
  baseYear: number | null;
  /** The form's scenario document. */
  scenario: Record<string, unknown>;
  params: DecisionParams;
  /** The result sheet's language (the command line's --lang; default both). */
  lang?: SheetLanguage;
}

/** One platform's optimal grants: 亩 by year (non-zero years only) and their total. */
export interface GrantRow {
  platform: string;
  years: Record<string, number>;
  total: number;
}

export interface OptimizeSummary {
  tool: "optimize";
  feasible: boolean;
  objective: { kind: ObjectiveKind; over: ObjectiveSpan; years: number[]; value: number | null; baseline: number };
  /** objectiveSentence: the optimum against the scenario's own strategy. */
  sentence: Bilingual;
  /** The shadow prices in words: every year's quota and cap, the platforms' headroom where it is worth something. */
  shadow: Bilingual[];
  /** The constraints that conflict (infeasible only). */
  conflicts: Bilingual[];
  /** Platforms that get land, in sheet order. */
  grants: GrantRow[];
  /** Monte Carlo runs of the plan (0: deterministic, or no feasible plan). */
  runs: number;
}

export interface SolveSummary {
  tool: "solve";
  /** One per subject, in subject order (one when a subject was chosen). */
  results: SolveResult[];
}

export interface SensitivitySummary {
  tool: "sensitivity";
  result: SensitivityResult;
  /** How the figure's values read (a probability as a percentage …). */
  style: NumberStyle;
  /** driverSentence: what moves the figure most. */
  sentence: Bilingual;
}

export type DecisionSummary = OptimizeSummary | SolveSummary | SensitivitySummary;

export interface DecisionOutcome {
  summary: DecisionSummary;
  /** The tool's result sheet (优化配置 / 反推 / 敏感性), built by the same builder as the command line's. */
  sheet: SheetSpec;
  /**
   * 最优配置 with a feasible plan: its Monte Carlo run, to be stored with the sheet as `parkplan optimize --out`
   * stores it (pipeline storedOptimalRun), so PARKPLAN.SCENARIO and reproduce read it.
   */
  optimalRun?: { result: SimulationResult; plannedGrants: PlannedGrants; objective: AllocationPlan["objective"] };
}

/** To the LP's worker: the request, then (when it asked for one) the plan's Monte Carlo, run on the pool. */
export type DecisionMessage = { type: "decision"; request: DecisionRequest } | { type: "decisionSimulated"; result: SimulationResult };

export type DecisionReply =
  | { type: "decisionProgress"; done: number; total: number }
  /** The plan's Monte Carlo, wanted: the request's platforms and base year with this scenario and these grants. */
  | { type: "decisionSimulate"; scenario: unknown; plannedGrants?: PlannedGrants }
  | { type: "decisionDone"; outcome: DecisionOutcome }
  | { type: "decisionError"; error: WorkerFailure };
