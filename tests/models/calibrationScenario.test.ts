/** growth.fromHistory as the scenario gives it: the parsed shape, ρ's source, and errors naming the JSON path. */
import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioError, type ScenarioIssue } from "../../models/scenario.js";

const issues = (growth: unknown): ScenarioIssue[] => {
  try {
    parseScenario({ growth });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error("parseScenario accepted an invalid growth");
};

describe("growth.fromHistory parsed", () => {
  it("is absent when off, and growth.correlation keeps its default 0.5 in its place", () => {
    const growth = parseScenario({}).growth;
    expect(growth.fromHistory).toBeUndefined();
    expect(growth.correlation).toBe(0.5);
    expect(Object.keys(growth).slice(0, 4)).toEqual(["distribution", "mean", "sd", "correlation"]);
    expect(parseScenario({ growth: { fromHistory: false } }).growth.fromHistory).toBeUndefined();
  });

  it("true: every platform, ρ fitted; with growth.correlation written, ρ is the scenario's", () => {
    expect(parseScenario({ growth: { fromHistory: true } }).growth.fromHistory).toEqual({ correlation: "fitted" });
    const given = parseScenario({ growth: { fromHistory: true, correlation: 0.3 } }).growth;
    expect(given.fromHistory).toEqual({ correlation: "scenario" });
    expect(given.correlation).toBe(0.3);
  });

  it("keeps the levels and platforms it names, and its own correlation over the inference", () => {
    const growth = parseScenario({
      growth: { correlation: 0.2, fromHistory: { byLevel: { provincial: true }, byPlatform: { 甲: false }, correlation: "fitted" } },
    }).growth;
    expect(growth.fromHistory).toEqual({ byLevel: { provincial: true }, byPlatform: { 甲: false }, correlation: "fitted" });
  });

  it("parses its own output to the same scenario (a stored scenario runs again the same way)", () => {
    const once = parseScenario({ growth: { fromHistory: { byPlatform: { 甲: true } } } });
    expect(parseScenario(JSON.parse(JSON.stringify(once)))).toEqual(once);
    const written = parseScenario({ growth: { correlation: 0.3, fromHistory: true } });
    expect(parseScenario(JSON.parse(JSON.stringify(written)))).toEqual(written);
  });
});

describe("growth.fromHistory errors name the JSON path", () => {
  it("an unknown level", () => {
    const [issue] = issues({ fromHistory: { byLevel: { city: true } } });
    expect(issue.path).toBe("growth.fromHistory.byLevel");
    expect(issue.en).toContain("city");
  });

  it("an unknown key of the object", () => {
    const [issue] = issues({ fromHistory: { levels: { provincial: true } } });
    expect(issue.path).toBe("growth.fromHistory");
    expect(issue.en).toContain("levels");
  });

  it("a value that is neither true/false nor the object", () => {
    expect(issues({ fromHistory: "yes" }).map((i) => i.path)).toEqual(["growth.fromHistory"]);
    expect(issues({ fromHistory: { correlation: "mine" } })[0].path).toMatch(/^growth\.fromHistory/);
    expect(issues({ fromHistory: { byPlatform: { 甲: 1 } } })[0].path).toMatch(/^growth\.fromHistory/);
  });
});
