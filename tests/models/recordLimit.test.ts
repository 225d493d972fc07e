/**
 * The Monte Carlo's record limit: runs × report years × (2 × platforms + 8 × roll-ups) values at most
 * MAX_TRIAL_VALUES, refused before anything runs, at monteCarlo.runs, naming the limit and the most runs
 * that fit. Nothing is allocated to check it (prepareSimulation builds no record).
 */
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../models/scenario.js";
import { MAX_TRIAL_VALUES, prepareSimulation } from "../../models/simulate.js";
import { scenarioA, syntheticRegion } from "../bench/region.js";

describe("MAX_TRIAL_VALUES", () => {
  const region = syntheticRegion("limit", 10, 10); // 100 platforms in 10 counties: 10 main, 10 county and 1 region roll-up
  const perRun = 10 * (2 * 100 + 8 * 21); // 10 report years
  const most = Math.floor(MAX_TRIAL_VALUES / perRun);

  it("accepts the most runs that fit", () => {
    expect(perRun).toBe(3680);
    expect(most).toBe(108_695);
    expect(prepareSimulation(region, scenarioA(most)).setup?.runs).toBe(most);
  });

  it("refuses one more run before it starts, in Chinese and English, with the limit and the most runs", () => {
    let error: unknown;
    try {
      prepareSimulation(region, scenarioA(most + 1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issue = (error as ScenarioError).issues[0];
    expect(issue.path).toBe("monteCarlo.runs");
    expect(issue.zh).toContain(`${most + 1} 次模拟需记录 ${(most + 1) * perRun} 个数值`);
    expect(issue.zh).toContain(`请将次数减至 ${most} 以下`);
    expect(issue.en).toContain(`above the limit of ${MAX_TRIAL_VALUES}: use at most ${most} runs`);
  });
});
