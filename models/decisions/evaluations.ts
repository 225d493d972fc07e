/**
 * One decision evaluation (model.md §2.6): a scenario variant and the one number read from it, as plain
 * data, so that a sensitivity's or a back-solve's evaluations can run in this thread or on the engine's
 * threads (src/engine: the question job) and give the same number bit for bit. Each evaluation is
 * prepareSimulation (compile + deterministic path) and the Monte Carlo of that one figure or check with
 * the scenario's own seed (common random numbers), its year loop stopped at the figure's or check's year.
 */
import { targetChecks } from "../assemble.js";
import { runMonteCarlo, type MonteCarloOptions } from "../montecarlo.js";
import type { Platform } from "../platform.js";
import { prepareSimulation, type PreparedSimulation } from "../simulate.js";
import { preparedFigure, type Figure } from "./figures.js";

/** What an evaluation reads: a sensitivity's figure, or a back-solve's P(met) of one target for one subject. */
export type Measure = { kind: "figure"; figure: Figure } | { kind: "check"; target: string; subject: string };

export interface Evaluation {
  /** The scenario variant (a document or a resolved scenario). */
  scenario: unknown;
  measure: Measure;
}

/** What every evaluation of one decision question shares (sent to each thread once). */
export interface EvaluationQuestion {
  platforms: readonly Platform[];
  baseYear?: number | null;
}

type MeasureOptions = Pick<MonteCarloOptions, "shouldCancel">;

/** P(met) of one check on a prepared simulation: the restricted Monte Carlo of that check, or 0/1 without runs. */
export function checkProbability(prepared: PreparedSimulation, target: string, subject: string, options: MeasureOptions = {}): number {
  const check = prepared.checks.find((c) => c.def.id === target && c.subject === subject)!;
  if (!prepared.setup) return targetChecks(prepared.c, [check], prepared.sums, prepared.statics, null)[0].met ? 1 : 0;
  // The year loop stops at the check's year (causal: the same outcome as the full run's, fewer steps).
  const trials = runMonteCarlo({ ...prepared.setup, checks: [check], reportSteps: [check.step], lastStep: check.step }, options);
  return trials.metAtYear[0] / trials.runs;
}

/** How each kind of measure reads its number from the prepared variant. */
const MEASURES: { [K in Measure["kind"]]: (prepared: PreparedSimulation, m: Extract<Measure, { kind: K }>, o: MeasureOptions) => number } =
  {
    figure: (prepared, m, o) => preparedFigure(prepared, m.figure, o),
    check: (prepared, m, o) => checkProbability(prepared, m.target, m.subject, o),
  };

/** The evaluation's number (input errors of the variant are thrown as prepareSimulation throws them). */
export function measure(question: EvaluationQuestion, evaluation: Evaluation, options: MeasureOptions = {}): number {
  const prepared = prepareSimulation(question.platforms, evaluation.scenario, { baseYear: question.baseYear });
  const m = evaluation.measure;
  return m.kind === "figure" ? MEASURES.figure(prepared, m, options) : MEASURES.check(prepared, m, options);
}
