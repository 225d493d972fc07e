/**
 * The decision tools' fast paths against the plain ones they must equal bit for bit: the one-figure Monte
 * Carlo with its year loop stopped at the figure's year (TrialSetup.lastStep) against the full run; a
 * sensitivity listing each distinct variant once against its tornado and grid evaluated apart.
 */
import { describe, expect, test } from "vitest";
import { checkProbability } from "../../models/decisions/evaluations.js";
import { figureValue, parseFigure, preparedFigure } from "../../models/decisions/figures.js";
import { planSensitivity, sensitivity, type AssumptionId } from "../../models/decisions/sensitivity.js";
import { runMonteCarlo } from "../../models/montecarlo.js";
import { planChecks } from "../../models/trialChecks.js";
import { REGION_NAME } from "../../models/rollup.js";
import { prepareSimulation, simulate } from "../../models/simulate.js";
import { trialColumn } from "../../models/trialRecord.js";
import { scenarioB, syntheticRegion } from "../bench/region.js";

// 2 counties × 10 platforms, merit land, an energy cap, the jiaxing-2020 targets (year 2020) run to 2024.
const region = syntheticRegion("decision-fast-paths", 2, 10);
const scenario = { ...scenarioB(region, 250, "fast"), horizon: [2018, 2020, 2024] };
const full = simulate(region, scenario);
const prepared = prepareSimulation(region, scenario);
const main = region.find((p) => p.status === "main")!;
const kept = region.find((p) => p.status === "kept")!;

describe("the year loop stopped at the figure's year gives the full run's number", () => {
  test("the scenario runs past the figures' years (so the loop is stopped early)", () => {
    expect(prepared.c.steps).toBe(7);
    expect(prepared.checks.some((c) => c.evaluable && c.step < 7)).toBe(true);
  });

  const metrics = [
    `metric:outputPerMu:${REGION_NAME}:2018`,
    `metric:output:${main.name}:2020`,
    `metric:taxPerMu:${main.county}:2020`,
    `metric:land:${kept.name}:2018`,
    `metric:energy:${REGION_NAME}:2024`,
  ];
  test.each(metrics)("%s", (text) => {
    const f = parseFigure(text);
    const expected = figureValue(full, f);
    expect(Number.isFinite(expected)).toBe(true);
    expect(preparedFigure(prepared, f)).toBe(expected);
  });

  test("every evaluable target's probability, and P(met) of its check", () => {
    const evaluable = full.targets.filter((t) => t.evaluable && t.probability !== null);
    expect(evaluable.some((t) => t.probability! > 0 && t.probability! < 1)).toBe(true);
    for (const t of evaluable) {
      expect(preparedFigure(prepared, parseFigure(`target:${t.id}:${t.subject}`)), `${t.id} ${t.subject}`).toBe(t.probability);
      expect(checkProbability(prepared, t.id, t.subject), `${t.id} ${t.subject}`).toBe(t.probability);
    }
  });

  test("a figure that does not resolve throws figureValue's own error", () => {
    for (const text of [`metric:output:无此平台:2020`, `target:JX-7`, `target:无此目标`]) {
      const f = parseFigure(text);
      let expected: unknown;
      try {
        figureValue(full, f);
      } catch (error) {
        expected = error;
      }
      expect(expected).toBeInstanceOf(Error);
      expect(() => preparedFigure(prepared, f)).toThrow((expected as Error).message);
    }
  });
});

describe("TrialSetup.lastStep", () => {
  const setup = prepared.setup!;
  // A check evaluated per trial (not one whose outcome is fixed), in 2020.
  const check = prepared.checks.find((c) => c.step === 3 && planChecks([c]).trial.length === 1)!;

  test("the record at a report step and P(met) of a check at or before lastStep are the full run's", () => {
    const whole = runMonteCarlo({ ...setup, checks: [check], reportSteps: [3] });
    const cut = runMonteCarlo({ ...setup, checks: [check], reportSteps: [3], lastStep: 3 });
    expect(Array.from(cut.output)).toEqual(Array.from(whole.output));
    expect(Array.from(cut.land)).toEqual(Array.from(whole.land));
    expect(Array.from(cut.rollupSums)).toEqual(Array.from(whole.rollupSums));
    expect(Array.from(cut.outputMean)).toEqual(Array.from(whole.outputMean));
    expect(cut.metAtYear[0]).toBe(whole.metAtYear[0]);
    // The first year met needs every step: not counted when the loop stops early.
    expect(whole.firstMet[0].reduce((s, v) => s + v, 0)).toBe(setup.runs);
    expect(cut.firstMet[0].every((v) => v === 0)).toBe(true);
    const column = new Float32Array(setup.runs);
    expect(trialColumn(cut, cut.output, 0, column).some((v) => v > 0)).toBe(true);
  });

  test("a report or check step past lastStep is refused", () => {
    expect(() => runMonteCarlo({ ...setup, checks: [], reportSteps: [5], lastStep: 3 })).toThrow(/lastStep 3/);
    expect(() => runMonteCarlo({ ...setup, checks: [check], reportSteps: [1], lastStep: 2 })).toThrow(/lastStep 2/);
  });
});

describe("sensitivity: each distinct variant evaluated once", () => {
  const figure = `metric:outputPerMu:${REGION_NAME}:2020`;
  const request = { platforms: region, scenario, figure, assumptions: ["growth.mean", "land.quota", "growth.sd"] as AssumptionId[] };
  const both = { ...request, twoWay: ["growth.mean", "land.quota"] as [AssumptionId, AssumptionId] };

  test("the grid's row and column at base are the base and the tornado's bars: 1 + 6 + 25 − 5 evaluations", () => {
    expect(planSensitivity(both).evaluations).toHaveLength(1 + 6 + 25 - 5);
    expect(planSensitivity(request).evaluations).toHaveLength(7);
  });

  test("the same result as the tornado and the grid evaluated apart", () => {
    const together = sensitivity(both);
    const tornado = sensitivity(request);
    const grid = sensitivity({ ...both, assumptions: [] });
    expect(together.rows).toEqual(tornado.rows);
    expect(together.base).toBe(tornado.base);
    expect(together.twoWay).toEqual(grid.twoWay);
    const mean = tornado.rows.find((r) => r.assumption === "growth.mean")!;
    expect(together.twoWay!.values[2][2]).toBe(tornado.base);
    expect(together.twoWay!.values[0][2]).toBe(mean.atLow);
    expect(together.twoWay!.values[4][2]).toBe(mean.atHigh);
  });
});
