/**
 * Ratio paths (model.md §2.1), by hand: one platform with no headroom growing 10% a year, so Y(k) = 100 × 1.1^k
 * 亿元, and each ratio moved by change, by path (linear between points, held after the last) or by an
 * expression; the clamps; the rule a platform takes (own, level, region); the base year untouched; bad
 * rules naming their JSON path.
 */
import { describe, expect, it } from "vitest";
import { platform, type Platform } from "../../models/platform.js";
import { ScenarioError, type ScenarioInput } from "../../models/scenario.js";
import { simulate } from "../../models/simulate.js";
import { interpolate, pathPoints } from "../../models/levers/ratioPaths.js";
import { compileRatioExpression, ExpressionProblem } from "../../models/levers/ratioExpression.js";
import { makeTriangularGrowth } from "../../models/distributions/triangular.js";

const BASE = 2020;
// v0 = 20/100 = 0.2, τ0 = 5/100 = 0.05, ρ0 = 2/100 = 0.02, η0 = 8/20 = 0.4, σ0 = 10/100 = 0.1.
const 甲 = platform({
  name: "甲",
  county: "X县",
  status: "main",
  level: "national",
  land: 1000,
  output: 100,
  valueAdded: 20,
  tax: 5,
  rd: 2,
  highTechValueAdded: 8,
  strategicEmergingOutput: 10,
  energy: 10,
});
const 乙 = platform({ ...甲, name: "乙", level: "provincial" });
const 丙 = platform({ ...甲, name: "丙", level: "provincial" });

const run = (ratios: ScenarioInput["ratios"], sheet: Platform[] = [甲], extra: Partial<ScenarioInput> = {}) =>
  simulate(sheet, { baseYear: BASE, horizon: [BASE + 5], growth: { mean: 0.1, sd: 0 }, ratios, ...extra });
const years = (r: ReturnType<typeof run>, name = "甲") => r.platforms.find((p) => p.name === name)!.years;
const Y = (k: number) => 100 * 1.1 ** k;

describe("ratio paths by change, path and expression", () => {
  it("change: ρ_RD(k) = 0.02 + 0.002·k, so R&D(2022) = 0.024 × 121 = 2.904 亿元", () => {
    const y = years(run({ rd: { change: 0.002 } }));
    expect(y[2].rd).toBeCloseTo(0.024 * Y(2), 12);
    expect(y[2].rd).toBeCloseTo(2.904, 12);
    for (let k = 1; k <= 5; k++) expect(y[k].rd / y[k].output).toBeCloseTo(0.02 + 0.002 * k, 14);
  });

  it("path {2022: 0.5, 2024: 0.6}: η 0.45, 0.5, 0.55, 0.6, then held at 0.6", () => {
    const y = years(run({ highTech: { path: { "2022": 0.5, "2024": 0.6 } } }));
    const shares = y.slice(1).map((f) => f.highTechValueAdded / f.valueAdded);
    [0.45, 0.5, 0.55, 0.6, 0.6].forEach((eta, j) => expect(shares[j]).toBeCloseTo(eta, 14));
    expect(y[3].highTechValueAdded).toBeCloseTo(0.55 * 0.2 * Y(3), 12);
  });

  it("expr min(base*1.05^k, 0.06): τ 0.0525, 0.055125, 0.05788125, then 0.06 (0.0607753… capped by min)", () => {
    const y = years(run({ tax: { expr: "min(base*1.05^k, 0.06)" } }));
    const taus = y.slice(1).map((f) => f.tax / f.output);
    [0.0525, 0.055125, 0.05788125, 0.06, 0.06].forEach((tau, j) => expect(taus[j]).toBeCloseTo(tau, 14));
    expect(y[1].taxPerMu).toBeCloseTo((0.0525 * Y(1) * 1e4) / 1000, 10);
  });

  it("expr in t: the value-added ratio 0.2 + 0.01·(t − 2020) moves V, high-tech VA (η·V) and energy (e·V) with it", () => {
    const y = years(run({ valueAdded: { expr: "0.2 + 0.01 * (t - 2020)" } }));
    expect(y[2].valueAdded).toBeCloseTo(0.22 * Y(2), 12);
    expect(y[2].highTechValueAdded).toBeCloseTo(0.4 * 0.22 * Y(2), 12);
    // e(k) = e0 (1 − d)^k with e0 = 10 / 20 = 0.5 吨标煤/万元, d = 0.0343 by default.
    expect(y[2].energy).toBeCloseTo(0.5 * (1 - 0.0343) ** 2 * 0.22 * Y(2), 12);
    expect(y[2].energyIntensity).toBeCloseTo(0.5 * (1 - 0.0343) ** 2, 14);
  });

  it("the base year keeps the sheet's ratios whatever the rule", () => {
    const y = years(run({ rd: { expr: "0.5" }, tax: { change: 0.1 } }));
    expect(y[0].rd).toBe(2);
    expect(y[0].tax).toBe(5);
    expect(y[1].rd / y[1].output).toBeCloseTo(0.5, 14);
  });

  it("shares are clamped to [0, 1], v and τ to ≥ 0", () => {
    const y = years(run({ rd: { change: 0.5 }, strategic: { change: -0.08 }, tax: { expr: "base - 0.03*k" } }));
    expect(y[2].rd / y[2].output).toBe(1);
    expect(y[1].strategicEmergingOutput / y[1].output).toBeCloseTo(0.02, 14);
    expect(y[2].strategicEmergingOutput).toBe(0);
    expect(y[1].tax / y[1].output).toBeCloseTo(0.02, 14);
    expect(y[2].tax).toBe(0);
  });

  it("a platform takes its own rule, else its level's, else the region's", () => {
    const r = run({ rd: { change: 0.001, byLevel: { provincial: { change: 0.002 } }, byPlatform: { 丙: { path: { "2025": 0.07 } } } } }, [
      甲,
      乙,
      丙,
    ]);
    const share = (name: string) => years(r, name)[5].rd / years(r, name)[5].output;
    expect(share("甲")).toBeCloseTo(0.025, 14);
    expect(share("乙")).toBeCloseTo(0.03, 14);
    expect(share("丙")).toBeCloseTo(0.07, 14);
  });

  it("a region rule with only byLevel leaves the other platforms at their base ratio", () => {
    const r = run({ rd: { byLevel: { provincial: { change: 0.002 } } } }, [甲, 乙]);
    expect(years(r, "甲")[5].rd / years(r, "甲")[5].output).toBeCloseTo(0.02, 15);
    expect(years(r, "乙")[5].rd / years(r, "乙")[5].output).toBeCloseTo(0.03, 14);
  });

  it("roll-ups sum each member's moved amounts: the region's high-tech share is Σ η_i V_i / Σ V_i", () => {
    const r = run({ highTech: { byPlatform: { 乙: { change: 0.02 } } } }, [甲, 乙]);
    const region = r.rollups.find((u) => u.kind === "region")!.years[5];
    // 甲 at 0.4, 乙 at 0.4 + 0.1 = 0.5, equal value added: the region at 0.45.
    expect(region.highTechValueAdded / region.valueAdded).toBeCloseTo(0.45, 14);
  });

  it("a share the sheet lacks is not moved, with a warning naming the platform", () => {
    const noRd = platform({ ...乙, rd: null });
    const r = run({ rd: { change: 0.01 } }, [甲, noRd]);
    expect(years(r, "乙")[3].rd).toBe(0);
    const w = r.warnings.find((x) => x.code === "RATIO_LEVER_NO_DATA")!;
    expect(w.zh).toContain("乙");
    expect(w.en).toContain("ratios.rd");
  });

  it("path years at or before the base year are ignored, with a warning", () => {
    const r = run({ rd: { path: { "2019": 0.9, "2025": 0.07 } } });
    expect(years(r)[5].rd / years(r)[5].output).toBeCloseTo(0.07, 14);
    expect(years(r)[1].rd / years(r)[1].output).toBeCloseTo(0.03, 14);
    expect(r.warnings.some((w) => w.code === "RATIO_PATH_BEFORE_BASE" && w.en.includes("ratios.rd.path"))).toBe(true);
  });

  it("with an energy cap the energy bound uses this year's v: Ȳ = c / (e(t)·v(t))", () => {
    // e(1) = 0.5 × (1 − 0.0343); v(1) = 0.3 (from 0.2, change +0.1). Cap 5 万吨标煤 < need e·v·Ŷ = 0.48285 × 0.3 × 110 ≈ 15.9.
    const r = run({ valueAdded: { change: 0.1 } }, [甲], { energy: { cap: 5 } });
    const e1 = 0.5 * (1 - 0.0343);
    expect(years(r)[1].output).toBeCloseTo(5 / (e1 * 0.3), 10);
    expect(years(r)[1].binding).toBe("energy");
  });
});

describe("ratio path helpers", () => {
  it("interpolate: linear from (t0, r0), held after the last point", () => {
    const points = pathPoints({ "2024": 0.6, "2022": 0.5 }, 2020);
    expect(points).toEqual([
      [2022, 0.5],
      [2024, 0.6],
    ]);
    expect(interpolate(points, 2020, 0.4, 2021)).toBeCloseTo(0.45, 15);
    expect(interpolate(points, 2020, 0.4, 2023)).toBeCloseTo(0.55, 15);
    expect(interpolate(points, 2020, 0.4, 2030)).toBe(0.6);
    expect(interpolate([], 2020, 0.4, 2030)).toBe(0.4);
  });

  it("an expression knows whether it reads base; mathjs functions are allowed", () => {
    expect(compileRatioExpression("0.3 + 0.01*k").usesBase).toBe(false);
    const e = compileRatioExpression("max(base, 0.03) + sqrt(k)/100");
    expect(e.usesBase).toBe(true);
    expect(e.evaluate(2024, 4, 0.01)).toBeCloseTo(0.05, 15);
  });
});

describe("bad ratio rules name their JSON path", () => {
  const problem = (ratios: unknown, sheet: Platform[] = [甲]): { path: string; zh: string; en: string }[] => {
    try {
      run(ratios as ScenarioInput["ratios"], sheet);
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return (error as ScenarioError).issues;
    }
    throw new Error("expected a ScenarioError");
  };

  it("an expression naming anything but t, k and base", () => {
    const [i] = problem({ tax: { expr: "base + x" } });
    expect(i.path).toBe("ratios.tax.expr");
    expect(i.en).toContain('"base + x"');
    expect(i.en).toContain("names x");
    expect(i.zh).toContain("使用了 x");
  });

  it("an expression that does not parse", () => {
    const [i] = problem({ rd: { byPlatform: { 甲: { expr: "base +" } } } });
    expect(i.path).toBe("ratios.rd.byPlatform.甲.expr");
    expect(i.en).toContain("does not parse");
  });

  it("an expression giving a non-number (a boolean, a matrix, infinity)", () => {
    expect(problem({ rd: { expr: "base > 0" } })[0].en).toMatch(/gives true .*not a finite number/);
    expect(problem({ rd: { expr: "[base, 1]" } })[0].en).toContain("ArrayNode");
    const [inf] = problem({ highTech: { byLevel: { national: { expr: "base / (k - 1)" } } } });
    expect(inf.path).toBe("ratios.highTech.byLevel.national.expr");
    expect(inf.en).toContain("gives Infinity at t = 2021, k = 1");
    expect(inf.zh).toContain("甲");
  });

  it("functions that alter mathjs, evaluate text or draw random numbers are refused; units are not names", () => {
    expect(problem({ rd: { expr: "random()" } })[0].en).toContain("calls random");
    expect(problem({ rd: { expr: 'evaluate("1")' } })[0].en).toContain("calls evaluate");
    expect(problem({ rd: { expr: "5 cm" } })[0].en).toContain("names cm");
    expect(problem({ rd: { expr: "f(x) = x" } })[0].en).toContain("FunctionAssignmentNode");
  });

  it("every bad expression is reported at once", () => {
    const issues = problem({ rd: { expr: "a" }, tax: { expr: "b" } });
    expect(issues.map((i) => i.path)).toEqual(["ratios.tax.expr", "ratios.rd.expr"]);
  });

  it("schema: two rules at once, an empty platform rule, a share above 1 in a path, an unknown key", () => {
    expect(problem({ rd: { change: 0.01, path: { "2022": 0.03 } } })[0]).toMatchObject({ path: "ratios.rd" });
    expect(problem({ rd: { change: 0.01, path: { "2022": 0.03 } } })[0].en).toContain("only one of change, path or expr");
    expect(problem({ rd: { byPlatform: { 甲: {} } } })[0]).toMatchObject({ path: "ratios.rd.byPlatform.甲" });
    expect(problem({ highTech: { path: { "2022": 45 } } })[0].path).toBe("ratios.highTech.path.2022");
    expect(problem({ rdShare: { change: 0.01 } })[0].path).toBe("ratios");
  });
});

describe("ExpressionProblem", () => {
  it("is bilingual", () => {
    expect(() => compileRatioExpression("q")).toThrow(ExpressionProblem);
    expect(() => compileRatioExpression("q")).toThrow(/names q/);
    let zh = "";
    try {
      compileRatioExpression("q");
    } catch (e) {
      zh = (e as ExpressionProblem).zh;
    }
    expect(zh).toContain("只能使用 t");
  });
});

describe("the second worked example of models/README (a ratio path with a triangular growth)", () => {
  const 例 = platform({ name: "甲", county: "X县", status: "main", land: 1000, output: 100, valueAdded: 20, highTechValueAdded: 8, rd: 2 });
  const scenario = (highTech: ScenarioInput["ratios"]) => ({
    baseYear: BASE,
    horizon: [BASE + 3],
    growth: { distribution: "triangular" as const, low: 0.02, mode: 0.06, high: 0.12 },
    ratios: { ...highTech, rd: { change: 0.005 } },
  });

  it("2021–2023 on the deterministic path", () => {
    const y = simulate([例], scenario({ highTech: { path: { "2022": 0.5 } } })).platforms[0].years;
    expect(y[1].output).toBeCloseTo(106, 12);
    expect(y[1].valueAdded).toBeCloseTo(21.2, 12);
    expect(y[1].highTechValueAdded).toBeCloseTo(9.54, 12);
    expect(y[1].rd).toBeCloseTo(2.65, 12);
    expect(y[2].output).toBeCloseTo(112.36, 11);
    expect(y[2].highTechValueAdded).toBeCloseTo(11.236, 11);
    expect(y[2].rd).toBeCloseTo(3.3708, 11);
    expect(y[3].output).toBeCloseTo(119.1016, 10);
    expect(y[3].valueAdded).toBeCloseTo(23.82032, 10);
    expect(y[3].highTechValueAdded).toBeCloseTo(11.91016, 10);
    expect(y[3].rd).toBeCloseTo(4.168556, 10);
  });

  it("the trial at x = 0.5: g = 7.69741330%, the amounts scale and the share stays 45%", () => {
    const g = makeTriangularGrowth(0.02, 0.06, 0.12)(0.5); // the growth model's x ↦ F⁻¹(Φ(x))
    expect(g).toBeCloseTo(0.076974133, 9);
    const y = 100 * (1 + g);
    expect(y).toBeCloseTo(107.6974133, 7);
    expect(0.45 * 0.2 * y).toBeCloseTo(9.692767197, 8);
  });

  it('the same path as the expression "min(base + 0.05*k, 0.5)"', () => {
    const byPath = simulate([例], scenario({ highTech: { path: { "2022": 0.5 } } })).platforms[0].years;
    const byExpr = simulate([例], scenario({ highTech: { expr: "min(base + 0.05*k, 0.5)" } })).platforms[0].years;
    for (let k = 1; k <= 3; k++) expect(byExpr[k].highTechValueAdded).toBeCloseTo(byPath[k].highTechValueAdded, 12);
  });
});
