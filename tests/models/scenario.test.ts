import { describe, expect, it } from "vitest";
import {
  ALLOCATION_STRATEGIES,
  CLASSES,
  DEFAULT_WEIGHTS,
  INDICATORS,
  ScenarioError,
  horizonYears,
  parseScenario,
  yearlyValue,
  type ScenarioIssue,
} from "../../models/scenario.js";

/** The issues parseScenario throws for `doc` (fails the test if it does not throw a ScenarioError). */
function issuesOf(doc: unknown): ScenarioIssue[] {
  try {
    parseScenario(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error(`parseScenario accepted ${JSON.stringify(doc)}`);
}

const HAN = /\p{Script=Han}/u;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe("parseScenario({})", () => {
  const s = parseScenario({});

  it("fills the documented growth, land, energy and exit defaults", () => {
    expect(s.name).toBe("基准方案");
    expect(s.targets).toEqual([]);
    expect(s.baseYear).toBeUndefined();
    expect(s.horizon).toBeUndefined();
    expect(s.growth).toEqual({
      distribution: "normal",
      mean: 0.077,
      sd: 0.045,
      correlation: 0.5,
      persistence: 0,
      basis: "nominal",
      byLevel: {},
      byPlatform: {},
    });
    expect(s.prices).toEqual({ inflation: 0 });
    expect(s.land).toEqual({ strategy: "proportional", lagYears: 1, classWeights: { A: 1.5, B: 1, C: 0.5, D: 0 }, manual: {} });
    expect(s.land.quota).toBeUndefined();
    expect(s.energy).toEqual({
      intensityDecline: 0.0343,
      strategy: "proportional",
      classWeights: { A: 1.5, B: 1, C: 0.5, D: 0 },
      manual: {},
    });
    expect(s.energy.cap).toBeUndefined();
    expect(s.exits).toEqual({ relocationShare: 0.5, mode: "immediate", landReturnShare: 0, landReturnLag: 1 });
  });

  it("fills the regional default ratios 0.204 / 0.05 / 0.385", () => {
    expect(s.defaults).toEqual({ valueAddedRatio: 0.204, taxRatio: 0.05, energyIntensity: 0.385 });
  });

  it("fills evaluation weights 30/20/20/10/10/10 and class cuts 0.2/0.6/0.15/0.05", () => {
    expect(s.evaluation.weights).toEqual({
      taxPerMu: 30,
      valueAddedPerMu: 20,
      valueAddedPerEnergy: 20,
      valueAddedPerEmission: 10,
      laborProductivity: 10,
      rdShare: 10,
    });
    expect(s.evaluation.benchmarks).toEqual({});
    expect(s.evaluation.itemCap).toBeUndefined();
    expect(s.evaluation.classCuts).toEqual({ A: 0.2, B: 0.6, C: 0.15, D: 0.05 });
  });

  it('fills Monte Carlo runs 0 and seed "parkplan"', () => {
    expect(s.monteCarlo).toEqual({ runs: 0, seed: "parkplan" });
  });

  it("parseScenario(undefined) and parseScenario(null) equal parseScenario({})", () => {
    expect(parseScenario(undefined)).toEqual(s);
    expect(parseScenario(null)).toEqual(s);
  });

  it("exports the indicator, class and strategy lists in their documented order", () => {
    expect(INDICATORS).toEqual([
      "taxPerMu",
      "valueAddedPerMu",
      "valueAddedPerEnergy",
      "valueAddedPerEmission",
      "laborProductivity",
      "rdShare",
    ]);
    expect(CLASSES).toEqual(["A", "B", "C", "D"]);
    expect(ALLOCATION_STRATEGIES).toEqual(["proportional", "merit", "main-only", "manual", "optimal"]);
    expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe("parseScenario(document)", () => {
  it("keeps given fields and fills the siblings of a partial object", () => {
    const doc = deepFreeze({
      growth: { mean: 0.1 },
      land: { quota: { "2019": 500, "2020": 600 }, strategy: "merit", classWeights: { D: 0.2 } },
      evaluation: { weights: { rdShare: 0 }, itemCap: 1.5 },
      monteCarlo: { runs: 1000, seed: 42 },
    });
    const s = parseScenario(doc);
    expect(s.growth).toEqual({
      distribution: "normal",
      mean: 0.1,
      sd: 0.045,
      correlation: 0.5,
      persistence: 0,
      basis: "nominal",
      byLevel: {},
      byPlatform: {},
    });
    expect(s.land.quota).toEqual({ "2019": 500, "2020": 600 });
    expect(s.land.strategy).toBe("merit");
    expect(s.land.lagYears).toBe(1);
    expect(s.land.classWeights).toEqual({ A: 1.5, B: 1, C: 0.5, D: 0.2 });
    expect(s.evaluation.weights).toEqual({ ...DEFAULT_WEIGHTS, rdShare: 0 });
    expect(s.evaluation.itemCap).toBe(1.5);
    expect(s.evaluation.classCuts).toEqual({ A: 0.2, B: 0.6, C: 0.15, D: 0.05 });
    expect(s.monteCarlo).toEqual({ runs: 1000, seed: 42 });
  });

  it("accepts class cuts that add up to 1 up to rounding (0.1 + 0.7 + 0.15 + 0.05)", () => {
    expect(parseScenario({ evaluation: { classCuts: { A: 0.1, B: 0.7 } } }).evaluation.classCuts).toEqual({
      A: 0.1,
      B: 0.7,
      C: 0.15,
      D: 0.05,
    });
  });
});

describe("parseScenario(invalid) throws ScenarioError", () => {
  it("names land.strategy for an unknown strategy, in Chinese and in English", () => {
    const issues = issuesOf({ land: { strategy: "random" } });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe("land.strategy");
    expect(issues[0].en).toMatch(/proportional/);
    expect(issues[0].zh).toMatch(HAN);
    expect(issues[0].zh).not.toBe(issues[0].en);
  });

  it("names growth.sd for a negative standard deviation", () => {
    const [issue] = issuesOf({ growth: { sd: -1 } });
    expect(issue.path).toBe("growth.sd");
    expect(issue.zh).toMatch(HAN);
    expect(issue.zh).not.toBe(issue.en);
  });

  it("names monteCarlo.runs for a fractional or negative number of runs", () => {
    for (const runs of [1.5, -1]) {
      const [issue] = issuesOf({ monteCarlo: { runs } });
      expect(issue.path).toBe("monteCarlo.runs");
      expect(issue.zh).toMatch(HAN);
      expect(issue.zh).not.toBe(issue.en);
    }
  });

  it("names an unknown key in the message, at the path of the object holding it", () => {
    const [root] = issuesOf({ foo: 1 });
    expect(root.path).toBe("");
    expect(root.en).toContain("foo");
    expect(root.zh).toContain("foo");
    expect(root.zh).toMatch(HAN);
    expect(root.zh).not.toBe(root.en);

    const [nested] = issuesOf({ land: { speed: 2 } });
    expect(nested.path).toBe("land");
    expect(nested.en).toContain("speed");
  });

  it("reports every invalid field, and the Error message carries each path in both languages", () => {
    let error: ScenarioError | undefined;
    try {
      parseScenario({ growth: { sd: -1 }, land: { lagYears: 11 }, horizon: 1800 });
    } catch (e) {
      error = e as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error!.name).toBe("ScenarioError");
    expect(error!.issues.map((i) => i.path).sort()).toEqual(["growth.sd", "horizon", "land.lagYears"]);
    expect(error!.message).toContain("情景字段 growth.sd");
    expect(error!.message).toContain("scenario field land.lagYears");
  });

  it("names the root for a document that is not an object", () => {
    const [issue] = issuesOf(5);
    expect(issue.path).toBe("");
    expect(new ScenarioError([issue]).message).toContain("(根)");
    expect(new ScenarioError([issue]).message).toContain("(root)");
  });

  it("rejects a yearly map with keys that are not 4-digit years", () => {
    expect(issuesOf({ land: { quota: { "19": 3 } } })[0].path).toBe("land.quota");
  });

  it("rejects class cuts that do not add up to 1, at evaluation.classCuts", () => {
    // 0.3 + 0.6 + 0.15 + 0.05 = 1.1.
    const issues = issuesOf({ evaluation: { classCuts: { A: 0.3 } } });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe("evaluation.classCuts");
    expect(issues[0].en).toMatch(/1\.0999|1\.1/);
  });

  it("gives the class-cuts issue a Chinese message too", () => {
    // Regression: the custom issue once carried one English message in both languages.
    const [issue] = issuesOf({ evaluation: { classCuts: { A: 0.3 } } });
    expect(issue.zh).toMatch(HAN);
    expect(issue.zh).not.toBe(issue.en);
  });

  it("does not modify a frozen document", () => {
    const doc = deepFreeze({ land: { strategy: "random", manual: { 嘉善: 10 } } });
    expect(() => parseScenario(doc)).toThrow(ScenarioError);
    expect(doc).toEqual({ land: { strategy: "random", manual: { 嘉善: 10 } } });
  });
});

describe("yearlyValue(field, year)", () => {
  it("is 0 for an absent field", () => {
    expect(yearlyValue(undefined, 2020)).toBe(0);
  });

  it("is the number itself in every year", () => {
    expect(yearlyValue(500, 2019)).toBe(500);
    expect(yearlyValue(500, 2035)).toBe(500);
  });

  it("reads a year map and gives 0 for years it lacks", () => {
    const field = Object.freeze({ "2019": 500, "2021": 650 });
    expect(yearlyValue(field, 2019)).toBe(500);
    expect(yearlyValue(field, 2020)).toBe(0);
    expect(yearlyValue(field, 2021)).toBe(650);
  });
});

describe("horizonYears(scenario, baseYear)", () => {
  it("sorts and deduplicates a horizon list, dropping years not after the base year", () => {
    const s = parseScenario({ horizon: [2025, 2020, 2025, 2016, 2017, 2022] });
    expect(horizonYears(s, 2017)).toEqual([2020, 2022, 2025]);
    expect(s.horizon).toEqual([2025, 2020, 2025, 2016, 2017, 2022]); // the scenario is left as written
  });

  it("turns a single horizon year into a one-year list", () => {
    expect(horizonYears(parseScenario({ horizon: 2030 }), 2020)).toEqual([2030]);
  });

  it("defaults to baseYear + 5", () => {
    expect(horizonYears(parseScenario({}), 2017)).toEqual([2022]);
  });

  it("is empty when no horizon year is after the base year", () => {
    expect(horizonYears(parseScenario({ horizon: 2020 }), 2020)).toEqual([]);
  });
});
