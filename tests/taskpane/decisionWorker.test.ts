/**
 * The 决策 tools' worker requests, run in-process through the real worker module (a fake `self`): the
 * outcome is the model's own numbers (the same functions as the command line), progress arrives, a bad
 * request comes back as a bilingual failure; 最优配置 asks for its plan's Monte Carlo (the pane runs it on
 * the pool; here simulate() answers). Cases small enough to check by hand (tests/models/optimize,
 * solve, sensitivity): three platforms and one grant year; one platform with σ = 0.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platform, type Platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { SHEET_NAMES } from "../../src/workbook/results/sheetNames.js";
import type { DecisionReply, DecisionRequest } from "../../src/worker/decisionProtocol.js";

const replies: DecisionReply[] = [];
let onmessage: (event: { data: unknown }) => void;
beforeAll(async () => {
  const fakeSelf = { postMessage: (m: DecisionReply) => replies.push(structuredClone(m)), onmessage: null as unknown };
  (globalThis as { self?: unknown }).self = fakeSelf;
  await import("../../src/worker/simulate.worker.js");
  onmessage = fakeSelf.onmessage as typeof onmessage;
});
afterAll(() => delete (globalThis as { self?: unknown }).self);

const final = (r: DecisionReply) => r.type === "decisionDone" || r.type === "decisionError";

/** Send one decision request and wait for its last reply (done or error), answering a Monte Carlo asked for as the pane does. */
async function ask(request: DecisionRequest): Promise<DecisionReply[]> {
  replies.length = 0;
  let answered = 0;
  onmessage({ data: { type: "decision", request } });
  for (let i = 0; i < 400 && !replies.some(final); i++) {
    const asked = replies.filter((r) => r.type === "decisionSimulate");
    for (const r of asked.slice(answered)) {
      const { platforms, baseYear } = request;
      const result = simulate(platforms, r.scenario, { baseYear, plannedGrants: r.plannedGrants });
      onmessage({ data: { type: "decisionSimulated", result: structuredClone(result) } });
    }
    answered = asked.length;
    await new Promise((r) => setTimeout(r, 25));
  }
  return [...replies];
}
const last = (rs: DecisionReply[]) => rs[rs.length - 1];

// p = 600, 400, 200 万元/亩 on 1000 亩 each; headroom 300, 500, 2000 亩; one grant year of 1000 亩.
const THREE: Platform[] = [
  platform({ name: "A", county: "X县", status: "main", land: 1000, developableLand: 1300, output: 60, valueAdded: 12, energy: 6 }),
  platform({ name: "B", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 40, valueAdded: 8, energy: 2 }),
  platform({ name: "C", county: "X县", status: "kept", land: 1000, developableLand: 3000, output: 20, valueAdded: 4, energy: 1 }),
];
const LP_SCENARIO = {
  name: "三平台",
  baseYear: 2020,
  horizon: [2022],
  growth: { mean: 0, sd: 0 },
  land: { quota: { "2021": 1000 }, lagYears: 1 },
  energy: { intensityDecline: 0 },
  monteCarlo: { runs: 50, seed: "d" },
};

describe("decision requests in the worker", () => {
  test("最优配置: land to the highest 亩均产出 first (A 300, B 500, C 200), 162 against 159 亿元, the quota's price 0.02 亿元/亩", async () => {
    const rs = await ask({
      platforms: THREE,
      baseYear: null,
      scenario: LP_SCENARIO,
      params: { tool: "optimize", objective: "output", over: "horizon" },
    });
    const done = last(rs);
    if (done.type !== "decisionDone") throw new Error(JSON.stringify(done));
    const s = done.outcome.summary;
    if (s.tool !== "optimize") throw new Error(s.tool);
    expect(s.feasible).toBe(true);
    expect(s.objective.value).toBeCloseTo(162, 9);
    expect(s.objective.baseline).toBeCloseTo(159, 9);
    expect(s.grants.map((g) => [g.platform, Math.round(g.total)])).toEqual([
      ["A", 300],
      ["B", 500],
      ["C", 200],
    ]);
    expect(s.sentence.zh).toBe("最优配置下，2022 年规上工业产值 162 亿元，情景原策略 159 亿元（+3 亿元）");
    expect(s.shadow[0].zh).toBe("每增加 1 亩 2021 年新增用地指标，2022 年规上工业产值可增加 0.02 亿元（200 万元）");
    // Headroom: A (0.04) and B (0.02) are worth something, C (0) is left out.
    expect(s.shadow).toHaveLength(3);
    expect(s.conflicts).toEqual([]);
    expect(s.runs).toBe(50);
    expect(done.outcome.sheet.name).toBe(SHEET_NAMES.optimization);
    // The plan's Monte Carlo was asked of the pane once: strategy optimal, the plan's grants.
    const asked = rs.filter((r) => r.type === "decisionSimulate");
    expect(asked).toHaveLength(1);
    if (asked[0].type !== "decisionSimulate") throw new Error(asked[0].type);
    expect((asked[0].scenario as { land: { strategy: string } }).land.strategy).toBe("optimal");
    expect(asked[0].plannedGrants?.land).toEqual({ A: { "2021": 300 }, B: { "2021": 500 }, C: { "2021": 200 } });
    expect(done.outcome.optimalRun?.result.monteCarlo?.runs).toBe(50);
  });

  test("反推: one platform, σ = 0: growth +2.8 points reaches 500 万元/亩 by 2023 (closed form (500/400)^(1/3) − 1.05)", async () => {
    const alone = [platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, output: 40 })];
    const target = { id: "T", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: 500, year: 2023 };
    const scenario = {
      baseYear: 2020,
      horizon: [2023],
      growth: { mean: 0.05, sd: 0 },
      targets: [target],
      monteCarlo: { runs: 0, seed: 1 },
    };
    const rs = await ask({
      platforms: alone,
      baseYear: null,
      scenario,
      params: { tool: "solve", target: "T", subject: "甲", lever: "growth", probability: 0.8 },
    });
    const done = last(rs);
    if (done.type !== "decisionDone" || done.outcome.summary.tool !== "solve") throw new Error(JSON.stringify(done));
    const [r] = done.outcome.summary.results;
    expect([r.status, r.value, r.probability, r.goal]).toEqual(["solved", 0.028, 1, 0.8]);
    expect(r.curve.find((q) => q.x === 0.027)?.p).toBe(0);
    expect(done.outcome.sheet.name).toBe(SHEET_NAMES.backSolve);
    // The last progress is complete: every evaluation the search may take counted as done.
    const progress = rs.flatMap((x) => (x.type === "decisionProgress" ? [[x.done, x.total]] : []));
    const [doneCount, total] = progress[progress.length - 1];
    expect(doneCount).toBe(total);
    expect(total).toBeGreaterThanOrEqual(r.evaluations);
  });

  test("敏感性: output 2023 of 甲 = 100·1.05³ at base; growth mean ± σ swings 100·(1.07³ − 1.03³) and comes first", async () => {
    const sheet = [
      platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, developableLand: 2000, output: 100, rd: 2 }),
      platform({ name: "乙", county: "X", status: "kept", level: "township", land: 500, developableLand: 800, output: 20 }),
    ];
    const scenario = { baseYear: 2020, horizon: [2023], growth: { mean: 0.05, sd: 0.02 }, monteCarlo: { runs: 0, seed: "t" } };
    const rs = await ask({ platforms: sheet, baseYear: null, scenario, params: { tool: "sensitivity", figure: "metric:output:甲:2023" } });
    const done = last(rs);
    if (done.type !== "decisionDone" || done.outcome.summary.tool !== "sensitivity") throw new Error(JSON.stringify(done));
    const { result, style } = done.outcome.summary;
    expect(result.base).toBeCloseTo(100 * 1.05 ** 3, 10);
    expect(result.rows[0].assumption).toBe("growth.mean");
    expect(result.rows[0].swing).toBeCloseTo(100 * (1.07 ** 3 - 1.03 ** 3), 10);
    for (let k = 1; k < result.rows.length; k++) expect(result.rows[k].swing).toBeLessThanOrEqual(result.rows[k - 1].swing);
    expect(style).toBe("yi");
    expect(done.outcome.sheet.name).toBe(SHEET_NAMES.sensitivity);
  });

  test("a bad request (an unknown lever) comes back as a failure naming the lever in Chinese and English", async () => {
    const rs = await ask({
      platforms: THREE,
      baseYear: null,
      scenario: LP_SCENARIO,
      params: { tool: "solve", target: "T", subject: "A", lever: "rain", probability: 0.8 },
    });
    const reply = last(rs);
    if (reply.type !== "decisionError") throw new Error(reply.type);
    expect(reply.error.problems[0].zh).toContain("无法识别杠杆“rain”");
    expect(reply.error.problems[0].en).toContain('unknown lever "rain"');
  });
});
