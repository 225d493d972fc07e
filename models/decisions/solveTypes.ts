/**
 * The back-solve's input, plan and result (solve.ts), and its input error.
 */
import type { Platform } from "../platform.js";
import type { Bilingual } from "../results.js";
import { ScenarioError, type Scenario } from "../scenario.js";
import type { Check } from "../targets.js";
import type { LeverSpec } from "./levers.js";

export const DEFAULT_PROBABILITY = 0.8;

/** A back-solve's input error, naming the command line option (or pane field) it is about. */
export class SolveInputError extends ScenarioError {
  constructor(
    readonly option: string,
    zh: string,
    en: string,
  ) {
    super([{ path: option, zh, en }]);
    this.message = `选项 ${option}：${zh} / option ${option}: ${en}`;
    this.name = "SolveInputError";
  }
}

export interface SolveProblem {
  platforms: readonly Platform[];
  /** The scenario document (validated here). */
  scenario: unknown;
  /** Base year when the scenario does not set one. */
  baseYear?: number | null;
  /** A target id of the scenario (or a preset's target id, which is then added to its targets). */
  target: string;
  /** The subject (a platform, county or 全市); absent = every evaluable subject of the target (solveAll). */
  subject?: string;
  lever: LeverSpec;
  /** p*, in (0, 1]. */
  probability?: number;
  /** [lo, hi]; default the lever's (levers.ts search.range). */
  range?: readonly [number, number];
  /** Grid step; default the lever's (levers.ts search.tolerance). */
  tolerance?: number;
}

export type SolveStatus = "solved" | "alreadyMet" | "unreachable";

export interface CurvePoint {
  x: number;
  p: number;
}

export interface SolveResult {
  /** "growth", "land", "energy", "ratio:NAME". */
  lever: string;
  /** The smallest grid x with P ≥ p*; null when not reachable in the range. */
  value: number | null;
  /** P at `value` (not reachable: P at hi). */
  probability: number;
  reachable: boolean;
  /** Points evaluated, sorted by x. */
  curve: CurvePoint[];
  target: string;
  subject: string;
  year: number;
  range: [number, number];
  tolerance: number;
  /** p*. */
  goal: number;
  status: SolveStatus;
  /** P of the scenario as it is, and the lever's x that gives it back (null when none does: a ratio on a path). */
  base: { x: number | null; p: number };
  /** Growth: the platforms shifted (null = every platform); other levers null. */
  platforms: string[] | null;
  /** Monte Carlo runs of each evaluation (0 = the deterministic path). */
  runs: number;
  evaluations: number;
  /** Whether P never fell as x rose over the points evaluated (bisection assumes it does not). */
  monotone: boolean;
  /** The answer in a sentence. */
  sentence: Bilingual;
}

/** A back-solve set up: the scenario, the check, the search; `scenarioAt(x)` is the scenario with the lever at x. */
export interface SolvePlan {
  problem: SolveProblem;
  scenario: Scenario;
  subject: string;
  check: Check;
  lever: LeverSpec;
  range: [number, number];
  tolerance: number;
  goal: number;
  runs: number;
  /** null = the scenario as it is. */
  scenarioAt(x: number | null): Scenario;
}
