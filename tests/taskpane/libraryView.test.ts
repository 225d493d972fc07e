import { describe, expect, test } from "vitest";
import { parseScenario } from "../../models/scenario.js";
import {
  canCompare,
  chooseBaseline,
  comparedEntries,
  NO_SELECTION,
  pruneSelection,
  runCandidates,
  saveTarget,
  toggleSelected,
} from "../../src/taskpane/hooks/libraryView.js";
import { formFromDocument, fractionToPercent } from "../../src/taskpane/hooks/formFromDocument.js";
import { percentToFraction, toScenarioDocument } from "../../src/taskpane/hooks/scenarioForm.js";

const entries = [
  { id: "s1", name: "嘉兴 2020 攻坚方案" },
  { id: "s2", name: "亩均论英雄" },
  { id: "s3", name: "保守" },
];

describe("library selection", () => {
  test("ticked entries compare in library order; the baseline defaults to the first and follows unticking", () => {
    let sel = toggleSelected(toggleSelected(NO_SELECTION, "s3"), "s1");
    expect(canCompare(sel)).toBe(true);
    expect(comparedEntries(entries, sel)).toEqual({ entries: [entries[0], entries[2]], baseline: 0 });
    sel = chooseBaseline(sel, "s3");
    expect(comparedEntries(entries, sel).baseline).toBe(1);
    expect(chooseBaseline(sel, "s2")).toBe(sel); // not ticked: refused
    sel = toggleSelected(sel, "s3");
    expect(sel).toEqual({ selected: ["s1"], baseline: null });
    expect(canCompare(sel)).toBe(false);
  });

  test("a reload forgets deleted ids", () => {
    const sel = { selected: ["s1", "s9"], baseline: "s9" };
    expect(pruneSelection(sel, entries)).toEqual({ selected: ["s1"], baseline: null });
  });

  test("save replaces the entry of the same (trimmed) name, else adds", () => {
    expect(saveTarget(entries, " 亩均论英雄 ")).toBe("s2");
    expect(saveTarget(entries, "新方案")).toBeUndefined();
  });

  test("stored-run candidates: the last run first, then library names, each once", () => {
    expect(runCandidates(["a", "b"], "b")).toEqual(["b", "a"]);
    expect(runCandidates(["a"], null)).toEqual(["a"]);
  });
});

describe("formFromDocument", () => {
  const label = (k: string) => k;
  test("the sample scenario round-trips: form → document gives the same numbers", () => {
    const doc = {
      name: "嘉兴 2020 攻坚方案",
      baseYear: 2017,
      horizon: [2018, 2019, 2020],
      targets: "jiaxing-2020",
      growth: { mean: 0.077, sd: 0.045, correlation: 0.5, byLevel: { national: { mean: 0.09, sd: 0.05 } } },
      land: { quota: 6000, strategy: "merit", lagYears: 1 },
      energy: { intensityDecline: 0.0366, cap: 950, strategy: "main-only" },
      exits: { relocationShare: 0.5 },
      monteCarlo: { runs: 1000, seed: "jiaxing" },
    };
    const { form, dropped } = formFromDocument(doc, null);
    expect(dropped).toEqual([]);
    expect(form).toMatchObject({
      preset: "jiaxing-2020",
      endYear: "2020",
      growthMean: "7.7",
      energyDecline: "3.66",
      landStrategy: "merit",
      energyCap: "950",
      seed: "jiaxing",
    });
    expect(toScenarioDocument(form, label).document).toEqual(doc);
  });

  test("fractions come back as the percentages that give the same fraction", () => {
    for (const x of [0.077, 0.045, 0.0343, 0.0366, 0.5, 0.1, 0.07, -0.02]) expect(percentToFraction(fractionToPercent(x))).toBe(x);
  });

  test("a resolved scenario (as a stored run keeps it) names only what the form never held, not version 2's defaults; version 2 values are named", () => {
    const resolved = parseScenario({ name: "存档", baseYear: 2017, horizon: [2018, 2019], monteCarlo: { runs: 10, seed: "s" } });
    expect(formFromDocument(resolved as unknown as Record<string, unknown>, null).dropped).toEqual([
      "defaults",
      "evaluation",
      "land.classWeights",
      "energy.classWeights",
    ]);
    const v2 = {
      name: "v2",
      baseYear: 2017,
      horizon: [2018],
      growth: { distribution: "pert", low: 0, mode: 0.05, high: 0.1, persistence: 0.3 },
      prices: { inflation: 0.02 },
      exits: { mode: "phased", landReturnShare: 0.5 },
    };
    // The form holds the 低/中/高 guess, persistence and the exit fields; inflation (real growth) it does not.
    const loaded = formFromDocument(v2, null);
    expect(loaded.dropped).toEqual(["prices"]);
    expect(loaded.form).toMatchObject({
      growthDistribution: "pert",
      growthLow: "0",
      growthMode: "5",
      growthHigh: "10",
      persistence: "0.3",
      exitMode: "phased",
      landReturn: "50",
    });
  });

  test("what the form cannot hold is named, not lost silently; missing fields take the defaults", () => {
    const { form, dropped } = formFromDocument(
      { name: "x", baseYear: 2017, horizon: [2020], targets: [{ id: "T1" }], monteCarlo: { seed: 7 }, extra: 1 },
      2015,
    );
    expect(dropped).toEqual(["extra", "horizon", "targets", "monteCarlo.seed"]);
    expect(form).toMatchObject({ name: "x", baseYear: "2017", endYear: "2020", preset: "", seed: "7", growthMean: "7.7", runs: "1000" });
  });
});
