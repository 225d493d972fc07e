/** A figure read from the one-figure Monte Carlo (figures.ts preparedFigure) is the full run's number exactly. */
import { describe, expect, test } from "vitest";
import { figureValue, parseFigure, preparedFigure } from "../../models/decisions/sensitivity.js";
import { REGION_NAME } from "../../models/rollup.js";
import { prepareSimulation, simulate } from "../../models/simulate.js";
import { scenarioB, syntheticRegion } from "../bench/region.js";

// 2 counties × 10 platforms: mains with sub-parks, kept platforms, exits; merit land, an energy cap, the jiaxing-2020 targets.
const region = syntheticRegion("sensitivity-figures", 2, 10);
const scenario = { ...scenarioB(region, 300, "figures"), horizon: [2018, 2020] };
const full = simulate(region, scenario);
const prepared = prepareSimulation(region, scenario);
const main = region.find((p) => p.status === "main")!;
const subPark = region.find((p) => p.status === "subPark")!;
const target = full.targets.find((t) => t.evaluable && t.probability !== null && t.probability > 0 && t.probability < 1);

describe("preparedFigure = figureValue(simulate())", () => {
  const cases = [
    `metric:outputPerMu:${REGION_NAME}:2020`,
    `metric:output:${main.name}:2018`,
    `metric:valueAddedPerMu:${main.county}:2020`,
    `metric:energy:${subPark.name}:2020`,
    `metric:taxPerMu:${subPark.name}:2018`,
  ];
  test.each(cases)("%s", (text) => {
    const f = parseFigure(text);
    const expected = figureValue(full, f);
    expect(Number.isFinite(expected)).toBe(true);
    expect(preparedFigure(prepared, f)).toBe(expected);
  });

  test("a target's probability, strictly between 0 and 1", () => {
    expect(target).toBeDefined();
    const f = parseFigure(`target:${target!.id}:${target!.subject}`);
    expect(preparedFigure(prepared, f)).toBe(target!.probability);
  });

  test("a main platform's figure is its roll-up with its sub-parks, as its targets count it", () => {
    const f = parseFigure(`metric:output:${main.name}:2020`);
    const rollup = full.rollups.find((u) => u.kind === "main" && u.name === main.name)!;
    expect(preparedFigure(prepared, f)).toBe(rollup.stats!["2020"].output!.p50);
    expect(rollup.members.length).toBeGreaterThan(1);
  });
});
