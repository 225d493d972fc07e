/**
 * The 决策 section's view models on results small enough to check by hand (the worker's runDecision
 * in-process): the three-platform LP (land to the highest 亩均产出 first: A 300, B 500, C 200 亩; 162 against
 * 159 亿元), one platform with σ = 0 (growth +2.8 points reaches 500 万元/亩), a tornado where growth's mean
 * dominates; the dropdowns' choices; the job's reducer.
 */
import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { decisionChoices, LEVER_CHOICES } from "../../src/taskpane/hooks/decisionChoices.js";
import { decisionIdle, decisionReducer } from "../../src/taskpane/hooks/decisionState.js";
import { leverValue, optimizeView, sensitivityView, solveRows, solveView } from "../../src/taskpane/hooks/decisionView.js";
import { runDecision } from "../../src/worker/decisions.js";
import type { DecisionOutcome } from "../../src/worker/decisionProtocol.js";

const three = [
  platform({ name: "A", county: "X县", status: "main", land: 1000, developableLand: 1300, output: 60, valueAdded: 12, energy: 6 }),
  platform({ name: "B", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 40, valueAdded: 8, energy: 2 }),
  platform({ name: "C", county: "X县", status: "kept", land: 1000, developableLand: 3000, output: 20, valueAdded: 4, energy: 1 }),
];
const lp = {
  baseYear: 2020,
  horizon: [2022],
  growth: { mean: 0, sd: 0 },
  land: { quota: { "2021": 1000 }, lagYears: 1 },
  energy: { intensityDecline: 0 },
  monteCarlo: { runs: 0, seed: "v" },
};
const alone = [platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, output: 40 })];
const T = { id: "T", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: 500, year: 2023 };
const closed = { baseYear: 2020, horizon: [2023], growth: { mean: 0.05, sd: 0 }, targets: [T], monteCarlo: { runs: 0, seed: 1 } };

describe("最优配置 view", () => {
  test("objective, baseline and gain to 4 significant digits; grants per platform with their year; the sentences", async () => {
    const { summary } = await runDecision({
      platforms: three,
      baseYear: null,
      scenario: lp,
      params: { tool: "optimize", objective: "output", over: "horizon" },
    });
    if (summary.tool !== "optimize") throw new Error(summary.tool);
    const zh = optimizeView(summary, "zh");
    expect([zh.value, zh.baseline, zh.gain]).toEqual(["162", "159", "+3"]);
    expect(zh.grants).toEqual([
      { platform: "A", total: "300", years: "2021 300" },
      { platform: "B", total: "500", years: "2021 500" },
      { platform: "C", total: "200", years: "2021 200" },
    ]);
    // The quota's price is C's p/10⁴ = 0.02 亿元; headroom A 0.04, B 0.02 (C's 0 is not listed).
    expect(zh.shadow).toEqual([
      "每增加 1 亩 2021 年新增用地指标，2022 年规上工业产值可增加 0.02 亿元（200 万元）",
      "A的可开发空间每增加 1 亩，2022 年规上工业产值可增加 0.04 亿元（400 万元）",
      "B的可开发空间每增加 1 亩，2022 年规上工业产值可增加 0.02 亿元（200 万元）",
    ]);
    expect(optimizeView(summary, "en").sentence).toBe(
      "optimal allocation: output in 2022 162 亿元, against 159 亿元 under the scenario's own strategy (+3 亿元)",
    );
  });

  test("an infeasible target: no objective, the conflicting constraints in words", async () => {
    const hard = {
      ...lp,
      targets: [{ id: "Y", level: "region", metric: "output", comparison: ">=", threshold: 500, year: 2022 }],
      optimize: { targets: ["Y"] },
    };
    const { summary } = await runDecision({
      platforms: three,
      baseYear: null,
      scenario: hard,
      params: { tool: "optimize", objective: "output", over: "horizon" },
    });
    if (summary.tool !== "optimize") throw new Error(summary.tool);
    const v = optimizeView(summary, "zh");
    expect(summary.feasible).toBe(false);
    expect([v.value, v.gain]).toEqual([null, null]);
    expect(v.sentence).toBe("无可行配置：约束相互冲突（见下）");
    // The most the quota can give is 162 亿元: 500 − 162 = 338 short.
    expect(v.conflicts[0]).toMatch(/^目标 Y（全市，2022 年产值 ≥ 500 亿元）无法满足，最接近时仍差 338 亿元$/);
  });
});

describe("反推 view", () => {
  test("the sentence, the status and the P curve with x in points of growth; the answer 2.8 meets, 2.7 does not", async () => {
    const { summary } = await runDecision({
      platforms: alone,
      baseYear: null,
      scenario: closed,
      params: { tool: "solve", target: "T", subject: "甲", lever: "growth", probability: 0.8 },
    });
    if (summary.tool !== "solve") throw new Error(summary.tool);
    const v = solveView(summary.results[0], "zh");
    expect(v.status).toBe("已求得");
    expect(v.sentence).toContain("2.8 个百分点");
    expect(v.curve.find((q) => q.x === "+2.8 pp")).toEqual({ x: "+2.8 pp", p: "100.0%", meets: true });
    expect(v.curve.find((q) => q.x === "+2.7 pp")).toEqual({ x: "+2.7 pp", p: "0.0%", meets: false });
    expect(v.curve.length).toBe(summary.results[0].curve.length);
  });

  test("every subject: one row each in sheet order; +2.8 pp for 甲, already met at −5 pp for 乙 (600 万元/亩), 丙 (100) not reachable", async () => {
    const three = [
      ...alone,
      platform({ name: "乙", county: "X", status: "main", level: "national", land: 1000, output: 60 }),
      platform({ name: "丙", county: "X", status: "main", level: "national", land: 1000, output: 10 }),
    ];
    const { summary, sheet } = await runDecision({
      platforms: three,
      baseYear: null,
      scenario: closed,
      params: { tool: "solve", target: "T", subject: null, lever: "growth", probability: 0.8 },
    });
    if (summary.tool !== "solve") throw new Error(summary.tool);
    expect(summary.results.map((r) => [r.subject, r.status, r.value])).toEqual([
      ["甲", "solved", 0.028],
      ["乙", "alreadyMet", -0.05],
      ["丙", "unreachable", null],
    ]);
    expect(solveRows(summary.results, "zh")).toEqual([
      { subject: "甲", value: "+2.8 pp", p: "100.0%", reachable: true },
      { subject: "乙", value: "−5 pp", p: "100.0%", reachable: true },
      { subject: "丙", value: "范围内不可达", p: "0.0%", reachable: false },
    ]);
    expect(solveRows(summary.results, "en")[2].value).toBe("not reachable in the range");
    expect(sheet.name).toBe("反推");
  });

  test("lever values: growth and ratios in points, land and energy as multiples", () => {
    expect([leverValue("growth", 0.028), leverValue("growth", -0.01), leverValue("growth", 0)]).toEqual(["+2.8 pp", "−1 pp", "0 pp"]);
    expect(leverValue("ratio:rd", 0.0025)).toBe("+0.25 pp");
    expect([leverValue("land", 1.85), leverValue("energy", 1)]).toEqual(["1.85×", "1×"]);
  });
});

describe("敏感性 view", () => {
  const sheet = [
    platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, developableLand: 2000, output: 100, rd: 2 }),
    platform({ name: "乙", county: "X", status: "kept", level: "township", land: 500, developableLand: 800, output: 20 }),
  ];
  const scenario = { baseYear: 2020, horizon: [2023], growth: { mean: 0.05, sd: 0.02 }, monteCarlo: { runs: 0, seed: "t" } };

  test("rows by swing; growth's mean first: 3% → 7%, 100·1.03³ = 109.27 to 100·1.07³ = 122.50 亿元; its bar spans the rows' range", async () => {
    const outcome: DecisionOutcome = await runDecision({
      platforms: sheet,
      baseYear: null,
      scenario,
      params: { tool: "sensitivity", figure: "metric:output:甲:2023" },
    });
    if (outcome.summary.tool !== "sensitivity") throw new Error(outcome.summary.tool);
    const v = sensitivityView(outcome.summary, "zh");
    expect(v.base).toBe("115.76");
    const top = v.rows[0];
    expect(top).toMatchObject({ label: "增速均值 μ", range: "3.0% → 7.0%", atLow: "109.27", atHigh: "122.50", swing: "13.23" });
    // Growth's mean moves the figure most of all: its bar is the whole span.
    expect(top.left).toBeCloseTo(0, 9);
    expect(top.width).toBeCloseTo(100, 9);
    for (const r of v.rows) expect(r.left + r.width).toBeLessThanOrEqual(100 + 1e-9);
    expect(v.sentence).toMatch(/^对“产值 · 甲 · 2023”影响最大的是“增速均值 μ”/);
  });
});

describe("the dropdowns' choices", () => {
  test("the scenario's targets with their evaluable subjects; subjects platforms then roll-ups; the horizon; every lever", () => {
    const c = decisionChoices(alone, null, closed);
    expect(c.targets).toEqual([{ id: "T", label: { zh: "T", en: "T" }, subjects: ["甲"] }]);
    expect(c.subjects[0]).toBe("甲");
    expect(c.subjects).toContain("全市");
    expect(c.years).toEqual([2023]);
    expect(c.levers.map((l) => l.value).slice(0, 3)).toEqual(["growth", "land", "energy"]);
    expect(LEVER_CHOICES.filter((l) => l.value.startsWith("ratio:")).length).toBe(5);
  });
});

describe("the job's reducer", () => {
  test("idle → preparing → running (progress) → done → writing → written; another tool clears the result, not while busy", () => {
    let s = decisionReducer(decisionIdle(), { type: "start" });
    expect(s.phase).toBe("preparing");
    s = decisionReducer(s, { type: "running" });
    s = decisionReducer(s, { type: "progress", done: 3, total: 10 });
    expect(s.progress).toEqual({ done: 3, total: 10 });
    expect(decisionReducer(s, { type: "tool", tool: "solve" })).toBe(s);
    const outcome = { summary: { tool: "sensitivity" }, sheet: { name: "敏感性" } } as unknown as DecisionOutcome;
    s = decisionReducer(s, { type: "finished", outcome });
    expect(s.phase).toBe("done");
    s = decisionReducer(decisionReducer(s, { type: "writeStart" }), { type: "written", sheets: ["敏感性"], file: null, warnings: [] });
    expect([s.phase, s.written?.sheets]).toEqual(["written", ["敏感性"]]);
    const other = decisionReducer(s, { type: "tool", tool: "solve" });
    expect([other.tool, other.phase, other.outcome]).toEqual(["solve", "idle", null]);
  });

  test("cancel while running leaves no result; a failed write keeps the result to try again", () => {
    const running = decisionReducer(decisionReducer(decisionIdle(), { type: "start" }), { type: "running" });
    expect(decisionReducer(running, { type: "cancelled" })).toMatchObject({ phase: "cancelled", outcome: null });
    const outcome = { summary: { tool: "optimize" }, sheet: { name: "优化配置" } } as unknown as DecisionOutcome;
    const writing = decisionReducer(decisionReducer(running, { type: "finished", outcome }), { type: "writeStart" });
    const failed = decisionReducer(writing, {
      type: "failed",
      error: { heading: "decision.writeFailed", problems: [{ zh: "x", en: "x" }] },
    });
    expect([failed.phase, failed.outcome]).toEqual(["done", outcome]);
  });
});
