/** The decision tools' levers (models/decisions/levers.ts): each moves exactly its field, x at neutral changes nothing. */
import { describe, expect, test } from "vitest";
import { LEVER_RULES, parseLever, withLever } from "../../models/decisions/levers.js";
import { platform } from "../../models/platform.js";
import { parseScenario, ScenarioError } from "../../models/scenario.js";
import { simulate } from "../../models/simulate.js";

const sheet = [
  platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, developableLand: 2000, output: 100, rd: 2 }),
  platform({ name: "乙", county: "X", status: "kept", level: "township", land: 500, developableLand: 800, output: 20 }),
];
const base = parseScenario({
  baseYear: 2020,
  horizon: [2023],
  growth: { mean: 0.05, sd: 0, byLevel: { township: { mean: 0.03 } } },
  land: { quota: { "2021": 100, "2022": 50 } },
});

describe("levers", () => {
  test("growth +0.01 for all: region and level means shift; for one platform only its own entry", () => {
    const all = withLever(base, { kind: "growth" }, 0.01, sheet);
    expect(all.growth.mean).toBeCloseTo(0.06, 15);
    expect(all.growth.byLevel.township?.mean).toBeCloseTo(0.04, 15);
    const one = withLever(base, { kind: "growth", platform: "乙" }, 0.01, sheet);
    expect(one.growth.mean).toBe(0.05);
    expect(one.growth.byPlatform.乙).toEqual({ distribution: "normal", mean: 0.04, sd: 0 });
    const r = simulate(sheet, one);
    expect(r.platforms[1].years[1].output).toBeCloseTo(20 * 1.04, 12);
    expect(r.platforms[0].years[1].output).toBeCloseTo(100 * 1.05, 12);
  });

  test("land × 2 doubles every year of the quota; energy without a cap names energy.cap", () => {
    expect(withLever(base, { kind: "land" }, 2, sheet).land.quota).toEqual({ "2021": 200, "2022": 100 });
    expect(() => withLever(base, { kind: "energy" }, 1.1, sheet)).toThrow(ScenarioError);
  });

  test("ratio:rd sets the region's annual change", () => {
    expect(withLever(base, parseLever("ratio:rd"), 0.002, sheet).ratios.rd).toEqual({ change: 0.002, byLevel: {}, byPlatform: {} });
  });

  test("at the neutral value every lever leaves the numbers as they were", () => {
    const before = JSON.stringify(simulate(sheet, base).platforms);
    for (const spec of [{ kind: "growth" as const }, { kind: "land" as const }]) {
      const s = withLever(base, spec, LEVER_RULES[spec.kind].neutral, sheet);
      expect(JSON.stringify(simulate(sheet, s).platforms)).toBe(before);
    }
  });

  test("parseLever names the choices", () => {
    expect(parseLever("growth", "甲")).toEqual({ kind: "growth", platform: "甲" });
    expect(() => parseLever("ratio:nope")).toThrow(/ratio:highTech/);
  });
});
