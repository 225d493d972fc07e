/**
 * classOdds: each platform's share of Monte Carlo trials in each 亩均 evaluation class in the last report
 * year (models/classOdds.ts), on hand-checked platforms.
 */
import { describe, expect, it } from "vitest";
import { platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { TRIAL_BLOCK } from "../../models/random.js";
import { callerAssembledEngine } from "../../src/engine/engine.js";
import { memoryThreads } from "../engine/memoryThreads.js";

// Five platforms scored on 亩均税收 alone (the sheet has tax and nothing else the evaluation reads):
// tax / land × 10^4 = 50, 40, 30, 20, 10 万元/亩. Default cuts A 20%, B 60%, C 15%, D 5% of 5 platforms:
// ranks below round(1) = 1 are A, below round(4) = 4 B, below round(4.75) = 5 C: A, B, B, B, C.
const taxes = [5, 4, 3, 2, 1];
const platforms = taxes.map((tax, i) => platform({ name: `P${i}`, county: "X县", status: "main", land: 1000, output: 50, tax }));
const scenario = { baseYear: 2020, horizon: [2021, 2022, 2023], land: { quota: 0 }, energy: { intensityDecline: 0 } };

describe("classOdds", () => {
  it("with σ = 0 every trial is the deterministic path: shares 0 or 1, the base year's classes (uniform growth keeps the order); three blocks, the last short", () => {
    const r = simulate(platforms, { ...scenario, growth: { mean: 0.1, sd: 0 }, monteCarlo: { runs: 2 * TRIAL_BLOCK + 5, seed: 1 } });
    expect(r.evaluation.platforms.map((p) => [p.name, p.class])).toEqual([
      ["P0", "A"],
      ["P1", "B"],
      ["P2", "B"],
      ["P3", "B"],
      ["P4", "C"],
    ]);
    expect(r.classOdds?.year).toBe(2023);
    expect(r.classOdds?.platforms.map((p) => [p.name, p.classes, p.unclassified])).toEqual([
      ["P0", { A: 1, B: 0, C: 0, D: 0 }, 0],
      ["P1", { A: 0, B: 1, C: 0, D: 0 }, 0],
      ["P2", { A: 0, B: 1, C: 0, D: 0 }, 0],
      ["P3", { A: 0, B: 1, C: 0, D: 0 }, 0],
      ["P4", { A: 0, B: 0, C: 1, D: 0 }, 0],
    ]);
  });

  it("with independent growth the classes spread, yet each trial has exactly one A, three B and one C; each platform's shares add up to 1", () => {
    const r = simulate(platforms, { ...scenario, growth: { mean: 0.05, sd: 0.3, correlation: 0 }, monteCarlo: { runs: 400, seed: 7 } });
    const odds = r.classOdds!.platforms;
    const total = (cls: "A" | "B" | "C" | "D") => odds.reduce((s, p) => s + p.classes[cls], 0);
    expect(total("A")).toBeCloseTo(1, 12);
    expect(total("B")).toBeCloseTo(3, 12);
    expect(total("C")).toBeCloseTo(1, 12);
    expect(total("D")).toBe(0);
    for (const p of odds) expect(p.classes.A + p.classes.B + p.classes.C + p.classes.D + p.unclassified).toBeCloseTo(1, 12);
    // Spread: the leader is not A in every trial, the last not C in every trial; the leader is A more often than the last.
    expect(odds[0].classes.A).toBeGreaterThan(0);
    expect(odds[0].classes.A).toBeLessThan(1);
    expect(odds[4].classes.C).toBeLessThan(1);
    expect(odds[0].classes.A).toBeGreaterThan(odds[4].classes.A);
  });

  it("a platform that exits before the last report year is unclassified in every trial; the rest share the classes of four", () => {
    const withExit = platforms.map((p, i) => (i === 2 ? { ...p, status: "exit" as const, exitYear: 2022 } : p));
    const r = simulate(withExit, { ...scenario, growth: { mean: 0.1, sd: 0 }, monteCarlo: { runs: 10, seed: 1 } });
    const odds = r.classOdds!.platforms;
    expect(odds[2]).toEqual({ name: "P2", classes: { A: 0, B: 0, C: 0, D: 0 }, unclassified: 1 });
    // Four eligible: A below round(0.8) = 1, B below round(3.2) = 3, C below round(3.8) = 4: A, B, B, C.
    expect([0, 1, 3, 4].map((i) => odds[i].classes)).toEqual([
      { A: 1, B: 0, C: 0, D: 0 },
      { A: 0, B: 1, C: 0, D: 0 },
      { A: 0, B: 1, C: 0, D: 0 },
      { A: 0, B: 0, C: 1, D: 0 },
    ]);
  });

  it("without trials there are none; in the sheet's order; the same when blocks come from threads in any order", async () => {
    expect(simulate(platforms, { ...scenario, growth: { mean: 0.1, sd: 0 } }).classOdds).toBeNull();
    const reversed = [...platforms].reverse();
    const run = { ...scenario, growth: { mean: 0.05, sd: 0.3, correlation: 0.2 }, monteCarlo: { runs: 2 * TRIAL_BLOCK + 5, seed: 3 } };
    const one = simulate(reversed, run);
    expect(one.classOdds!.platforms.map((p) => p.name)).toEqual(["P4", "P3", "P2", "P1", "P0"]);
    const threaded = await callerAssembledEngine(memoryThreads("random"), 2).simulate(reversed, run);
    expect(threaded.classOdds).toEqual(one.classOdds);
  });
});
