/**
 * The parallel engine gives the one-thread numbers bit for bit: 1, 2 and 4 worker threads, both
 * assemblers (this thread, or thread 0 as in the pane), blocks finishing in any order, shuffled rows,
 * run counts on and off the block size; cancel mid-run with several threads; input errors from threads.
 */
import { afterAll, describe, expect, it } from "vitest";
import { CancelledError } from "../../models/montecarlo.js";
import { simulate } from "../../models/simulate.js";
import { TRIAL_BLOCK } from "../../models/random.js";
import type { SimulationResult } from "../../models/results.js";
import { callerAssembledEngine, leaderAssembledEngine, type Engine } from "../../src/engine/engine.js";
import { nodeEngine, nodeThread } from "../../src/engine/node/nodeThreads.js";
import { TrialThreadFailure } from "../../src/engine/pool.js";
import { memoryThreads } from "./memoryThreads.js";
import { scenarioB, syntheticRegion } from "../bench/region.js";

const region = syntheticRegion("parallel-test", 4, 6);
const scenario = (runs: number) => scenarioB(region, runs, "parallel");
/** Results compared as JSON (every number printed to 17 digits): equal text = equal bits, NaN included. */
const text = (r: SimulationResult) => JSON.stringify(r, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));

const engines: Engine[] = [];
const keep = (e: Engine) => (engines.push(e), e);
afterAll(() => engines.forEach((e) => e.close()));

describe("parallel engine, bit for bit", () => {
  const runs = 3 * TRIAL_BLOCK + 17; // four blocks, the last a short one
  const reference = text(simulate(region, scenario(runs)));

  it.each([2, 4])("nodeEngine(%i) equals simulate() in this thread", async (threads) => {
    const engine = keep(nodeEngine(threads));
    expect(text(await engine.simulate(region, scenario(runs)))).toBe(reference);
  });

  it("the leader assembler on worker threads (the pane's arrangement) equals it too", async () => {
    const engine = keep(leaderAssembledEngine(nodeThread, 2));
    expect(text(await engine.simulate(region, scenario(runs)))).toBe(reference);
  });

  it("blocks finishing in reverse or random order change nothing (both assemblers)", async () => {
    for (const order of ["reverse", "random"] as const) {
      expect(text(await callerAssembledEngine(memoryThreads(order), 3).simulate(region, scenario(runs)))).toBe(reference);
      expect(text(await leaderAssembledEngine(memoryThreads(order), 3).simulate(region, scenario(runs)))).toBe(reference);
    }
  });

  it("shuffled rows give the same numbers for every platform and target", async () => {
    const shuffled = [...region].reverse();
    shuffled.push(...shuffled.splice(3, 5));
    expect(shuffled.length).toBe(region.length);
    const a = simulate(region, scenario(runs));
    const b = await callerAssembledEngine(memoryThreads("random"), 2).simulate(shuffled, scenario(runs));
    for (const p of a.platforms) expect(JSON.stringify(b.platforms.find((q) => q.name === p.name))).toBe(JSON.stringify(p));
    // Targets and roll-ups are listed in sheet order, so they are matched by subject.
    for (const t of a.targets)
      expect(JSON.stringify(b.targets.find((u) => u.id === t.id && u.subject === t.subject))).toBe(JSON.stringify(t));
    for (const u of a.rollups) expect(JSON.stringify(b.rollups.find((v) => v.name === u.name))).toBe(JSON.stringify(u));
    expect(b.targets.length).toBe(a.targets.length);
  });

  it.each([1, TRIAL_BLOCK - 1, TRIAL_BLOCK, TRIAL_BLOCK + 1, 2 * TRIAL_BLOCK])("runs = %i: the same with 3 threads", async (n) => {
    const expected = text(simulate(region, scenario(n)));
    expect(text(await callerAssembledEngine(memoryThreads("reverse"), 3).simulate(region, scenario(n)))).toBe(expected);
    expect(text(await leaderAssembledEngine(memoryThreads("reverse"), 3).simulate(region, scenario(n)))).toBe(expected);
  });

  it("the first m trials of a longer run are the same m trials (blocks do not depend on the run length)", () => {
    const short = simulate(region, scenario(TRIAL_BLOCK));
    const long = simulate(region, scenario(2 * TRIAL_BLOCK));
    // Same first block: the deterministic part is equal and the probabilities differ only through block 2.
    expect(JSON.stringify(long.platforms.map((p) => p.years))).toBe(JSON.stringify(short.platforms.map((p) => p.years)));
    expect(long.platforms[0].stats).not.toEqual(short.platforms[0].stats);
  });
});

describe("cancel and errors across threads", () => {
  it("cancel mid-run with several threads rejects with CancelledError, and the engine runs again afterwards", async () => {
    const engine = keep(nodeEngine(2));
    let progressCalls = 0;
    const cancelled = engine.simulate(region, scenario(20 * TRIAL_BLOCK), {
      onProgress: () => {
        progressCalls++;
        if (progressCalls === 2) engine.cancel();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    const again = await engine.simulate(region, scenario(2 * TRIAL_BLOCK));
    expect(text(again)).toBe(text(simulate(region, scenario(2 * TRIAL_BLOCK))));
  });

  it("shouldCancel stops a leader-assembled run too", async () => {
    let polls = 0;
    const engine = leaderAssembledEngine(memoryThreads("random"), 3);
    await expect(engine.simulate(region, scenario(8 * TRIAL_BLOCK), { shouldCancel: () => ++polls > 3 })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });

  it("an input error found by the leader thread comes back with its bilingual problems", async () => {
    const engine = leaderAssembledEngine(memoryThreads("reverse"), 2);
    const failure = await engine.simulate(region, { ...scenario(10), monteCarlo: { runs: -1 } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TrialThreadFailure);
    expect((failure as TrialThreadFailure).failure.problems[0].zh).toContain("monteCarlo.runs");
  });
});
