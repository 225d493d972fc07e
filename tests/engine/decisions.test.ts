/**
 * Decision questions on the engine (src/engine/questions.ts, decisions.ts) give the in-thread numbers bit
 * for bit: a tornado with a two-way grid and a per-subject back-solve on 1, 2 and 4 Node threads and on
 * in-process threads finishing in scrambled order; input errors are the in-thread ones; cancel (engine
 * or shouldCancel) rejects with CancelledError, terminates the pool's threads, and the engine works again.
 */
import { afterAll, describe, expect, it } from "vitest";
import { planSensitivity, sensitivity, type SensitivityRequest } from "../../models/decisions/sensitivity.js";
import { planSolve, solveAll, targetSubjects, type SolveProblem } from "../../models/decisions/solve.js";
import { CancelledError } from "../../models/montecarlo.js";
import { ScenarioError } from "../../models/scenario.js";
import { sensitivityOnEngine, solveOnEngine } from "../../src/engine/decisions.js";
import { callerAssembledEngine, leaderAssembledEngine, type Engine } from "../../src/engine/engine.js";
import { nodeEngine, nodeThread } from "../../src/engine/node/nodeThreads.js";
import type { TrialThreadFactory } from "../../src/engine/pool.js";
import { memoryThreads } from "./memoryThreads.js";
import { BASE_YEAR, scenarioB, syntheticRegion } from "../bench/region.js";

const region = syntheticRegion("decisions-test", 3, 5);
const YEAR = BASE_YEAR + 3;
const scenario = (runs: number) => ({ ...scenarioB(region, runs, "decisions"), horizon: [BASE_YEAR + 1, BASE_YEAR + 2, YEAR] });
/** Every number at 17 digits, NaN and infinities as text: equal text = equal bits. */
const text = (r: unknown) => JSON.stringify(r, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));

const engines: Engine[] = [];
const keep = (e: Engine) => (engines.push(e), e);
afterAll(() => engines.forEach((e) => e.close()));

const tornado: SensitivityRequest = {
  platforms: region,
  scenario: scenario(300),
  figure: `metric:outputPerMu:全市:${YEAR}`,
  assumptions: ["growth.mean", "growth.sd", "land.quota", "land.lagYears", "energy.cap"],
  twoWay: ["growth.mean", "land.quota"],
};
const main = region.find((p) => p.status === "main")!;
const solveProblem: SolveProblem = {
  platforms: region,
  scenario: {
    ...scenario(200),
    targets: [{ id: "T1", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: 520, year: YEAR }],
  },
  target: "T1",
  lever: { kind: "growth" },
  range: [-0.05, 0.2],
  tolerance: 0.005,
};
const plans = () => targetSubjects(solveProblem).map((subject) => planSolve(solveProblem, subject));

describe("decision questions, bit for bit", () => {
  const tornadoHere = text(sensitivity(tornado));
  const solveHere = text(solveAll(solveProblem));

  it("the cases are real: 5 assumptions at low and high, a 5 × 5 grid, several subjects with bisections", () => {
    // The grid's row and column at base are the base and the tornado's bars of growth.mean and land.quota: listed once.
    expect(planSensitivity(tornado).evaluations).toHaveLength(1 + 2 * 5 + 25 - 5);
    const results = JSON.parse(solveHere) as { subject: string; evaluations: number }[];
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.map((r) => r.subject)).toContain(main.name);
    expect(results.every((r) => r.evaluations >= 3)).toBe(true);
  });

  it.each([1, 2, 4])("a tornado with a two-way grid on nodeEngine(%i) equals sensitivity() in this thread", async (threads) => {
    const engine = keep(nodeEngine(threads));
    const done: number[] = [];
    const r = await sensitivityOnEngine(engine, { ...tornado, onProgress: (d) => done.push(d) });
    expect(text(r)).toBe(tornadoHere);
    expect(done).toEqual(Array.from({ length: 31 }, (_, k) => k + 1));
  });

  it.each([1, 2, 4])("a per-subject back-solve on nodeEngine(%i) equals solveAll() in this thread", async (threads) => {
    const engine = keep(nodeEngine(threads));
    let evaluations = 0;
    const r = await solveOnEngine(engine, plans(), { onEvaluation: () => evaluations++ });
    expect(text(r)).toBe(solveHere);
    expect(evaluations).toBe(r.reduce((s, x) => s + x.evaluations, 0));
  });

  it.each(["reverse", "random"] as const)("evaluations finishing in %s order change nothing (both assemblers' pools)", async (order) => {
    for (const make of [callerAssembledEngine, leaderAssembledEngine]) {
      const engine = keep(make(memoryThreads(order, `decisions-${order}`), 3));
      expect(text(await sensitivityOnEngine(engine, tornado))).toBe(tornadoHere);
      expect(text(await solveOnEngine(engine, plans()))).toBe(solveHere);
    }
  });

  it("an input error from a thread is the in-thread error, naming the assumption and its value", async () => {
    const bad = {
      ...tornado,
      twoWay: undefined,
      scenario: { ...scenario(300), sensitivity: { assumptions: { "growth.correlation": { low: -0.5, high: 0.5 } } } },
      assumptions: ["growth.mean", "growth.correlation"] as const,
    };
    let here: unknown;
    try {
      sensitivity(bad);
    } catch (error) {
      here = error;
    }
    expect(here).toBeInstanceOf(ScenarioError);
    const engine = keep(nodeEngine(2));
    const there = await sensitivityOnEngine(engine, bad).catch((e: unknown) => e);
    expect(there).toBeInstanceOf(ScenarioError);
    expect((there as ScenarioError).issues).toEqual((here as ScenarioError).issues);
    expect((there as ScenarioError).message).toMatch(/growth\.correlation = -0\.5/);
    // An unknown subject (read in the thread, on the base) keeps its path "figure", which the command line names as --figure.
    const missing = await sensitivityOnEngine(engine, { ...tornado, figure: `metric:output:丙:${YEAR}` }).catch((e: unknown) => e);
    expect((missing as ScenarioError).issues[0].path).toBe("figure");
    // The engine answers again after errors.
    expect(text(await sensitivityOnEngine(engine, tornado))).toBe(tornadoHere);
  });
});

describe("cancel stops the pool", () => {
  /** Node threads that count their terminations. */
  const counted = (): { factory: TrialThreadFactory; made: () => number; terminated: () => number } => {
    let made = 0;
    let terminated = 0;
    const factory: TrialThreadFactory = () => {
      const t = nodeThread();
      made++;
      return { ...t, terminate: () => (terminated++, t.terminate()) };
    };
    return { factory, made: () => made, terminated: () => terminated };
  };
  const long: SensitivityRequest = { ...tornado, scenario: scenario(4000) };

  it("engine.cancel() after the first evaluation rejects with CancelledError and terminates every thread; the engine works again", async () => {
    const threads = counted();
    const engine = keep(callerAssembledEngine(threads.factory, 2));
    let done = 0;
    const run = sensitivityOnEngine(engine, { ...long, onProgress: () => ++done === 1 && engine.cancel() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(done).toBe(1);
    expect(threads.made()).toBe(2);
    expect(threads.terminated()).toBe(2);
    expect(text(await sensitivityOnEngine(engine, tornado))).toBe(text(sensitivity(tornado)));
    expect(threads.made()).toBe(4); // fresh threads
  });

  it("shouldCancel, polled while evaluations run, rejects a back-solve with CancelledError and terminates the threads", async () => {
    const threads = counted();
    const engine = keep(callerAssembledEngine(threads.factory, 2));
    let evaluations = 0;
    const run = solveOnEngine(engine, plans(), { onEvaluation: () => evaluations++, shouldCancel: () => evaluations >= 2 });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(threads.terminated()).toBe(2);
    expect(text(await solveOnEngine(engine, plans()))).toBe(text(solveAll(solveProblem)));
  });
});
