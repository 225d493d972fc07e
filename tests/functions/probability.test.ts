/**
 * PARKPLAN.PROBABILITY's routing: small cases inline, large ones through the worker client to the real
 * worker module (src/worker/simulate.worker.ts, loaded with a fake `self` and driven by a fake Worker
 * that delivers messages asynchronously, cloned as postMessage would).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { reachProbability } from "../../models/reachProbability.js";
import { resultCache } from "../../src/functions/cache.js";
import { probabilityFunction } from "../../src/functions/functions.js";
import { INLINE_DRAWS, runsOffThread, useReachEngine } from "../../src/functions/probability.js";
import type { ReachMessage, ReachReply } from "../../src/worker/protocol.js";
import { createReachClient, ReachTimeout } from "../../src/worker/reachClient.js";
import { rejectionOf } from "./cellError.js";

type Handler = (event: { data: ReachMessage }) => void;
const fakeSelf = { postMessage: (_reply: ReachReply) => {}, onmessage: null as Handler | null };
beforeAll(async () => {
  (globalThis as { self?: unknown }).self = fakeSelf;
  await import("../../src/worker/simulate.worker.js");
});

/** A Worker running the real worker module in-process; `silent` ones never answer (a stuck question). */
class InProcessWorker {
  onmessage: ((event: { data: ReachReply }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  posted: ReachMessage[] = [];
  terminated = false;
  constructor(private readonly silent = false) {}

  postMessage(message: ReachMessage): void {
    this.posted.push(message);
    if (this.silent) return;
    const data = structuredClone(message);
    queueMicrotask(() => {
      if (this.terminated) return;
      fakeSelf.postMessage = (reply) => queueMicrotask(() => !this.terminated && this.onmessage?.({ data: structuredClone(reply) }));
      fakeSelf.onmessage!({ data });
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

let workers: InProcessWorker[];
const factory =
  (silentFirst = false) =>
  () => {
    const w = new InProcessWorker(silentFirst && workers.length === 0);
    workers.push(w);
    return w as unknown as Worker;
  };
const messages = () => workers.flatMap((w) => w.posted);

beforeEach(() => {
  workers = [];
  resultCache.clear();
  const client = createReachClient(factory());
  useReachEngine((q, runs, seed) => client.probability(q, runs, seed));
});
afterEach(() => vi.useRealTimers());

describe("where PROBABILITY computes", () => {
  it("inline up to INLINE_DRAWS draws (runs × years, at least one year), in the worker above", () => {
    const at = (runs: number, years: number) => runsOffThread({ question: { base: 1, mean: 0, sd: 0, years, target: 1 }, runs, seed: 1 });
    expect(INLINE_DRAWS).toBe(100_000);
    expect([at(10_000, 10), at(100_000, 1), at(100_000, 0)]).toEqual([false, false, false]);
    expect([at(10_001, 10), at(100_001, 0), at(50_000, 3)]).toEqual([true, true, true]);
  });

  it("sends nothing to the worker for the default case (10,000 runs × 5 years)", async () => {
    expect(await probabilityFunction(100, 0.077, 0.045, 5, 150)).toBe(
      reachProbability({ base: 100, mean: 0.077, sd: 0.045, years: 5, target: 150 }, 10_000, "parkplan"),
    );
    expect(messages()).toEqual([]);
  });

  it("sends a large case to the worker, which gives the very number computed inline", async () => {
    const question = { base: 100, mean: 0.077, sd: 0.045, years: 10, target: 200 };
    const answer = await probabilityFunction(100, 0.077, 0.045, 10, 200, 30_000, 2024);
    expect(messages()).toEqual([{ type: "reach", id: 1, question, runs: 30_000, seed: 2024 }]);
    expect(answer).toBe(reachProbability(question, 30_000, 2024));
    expect(answer).toBeGreaterThan(0);
    expect(answer).toBeLessThan(1);
  });

  it("asks once for identical cells recalculated together, then answers from the cache", async () => {
    const [a, b] = await Promise.all([
      probabilityFunction(50, 0.1, 0.1, 20, 300, 20_000, "s"),
      probabilityFunction(50, 0.1, 0.1, 20, 300, 20_000, "s"),
    ]);
    expect(a).toBe(b);
    expect(await probabilityFunction(50, 0.1, 0.1, 20, 300, 20_000, "s")).toBe(a);
    expect(messages()).toHaveLength(1);
  });

  it("checks the arguments before anything reaches the worker", async () => {
    await rejectionOf(probabilityFunction(100, 0.1, -1, 10, 200, 50_000), "#VALUE!");
    expect(messages()).toEqual([]);
  });
});

describe("createReachClient(makeWorker, timeoutMs)", () => {
  const q = { base: 100, mean: 0.05, sd: 0.1, years: 10, target: 150 };

  it("settles a stuck question after the timeout and re-sends the waiting ones to a fresh worker", async () => {
    vi.useFakeTimers();
    const client = createReachClient(factory(true), 1000);
    const stuck = client.probability(q, 20_000, "a");
    const waiting = client.probability(q, 20_000, "b");
    const timedOut = stuck.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await timedOut).toEqual(new ReachTimeout(1));
    expect(((await timedOut) as Error).message).toBe(
      "达标概率计算超过 1 秒，已停止 / the probability took longer than 1 s and was stopped",
    );
    vi.useRealTimers();
    expect(await waiting).toBe(reachProbability(q, 20_000, "b"));
    expect(workers.map((w) => [w.terminated, w.posted.map((m) => m.seed)])).toEqual([
      [true, ["a", "b"]],
      [false, ["b"]],
    ]);
  });

  it("a timeout reaches the cell as #N/A with its message", async () => {
    useReachEngine(() => Promise.reject(new ReachTimeout(30)));
    const error = await rejectionOf(probabilityFunction(100, 0.05, 0.1, 10, 150, 20_000, "a"), "#N/A");
    expect(error.message).toContain("达标概率计算超过 30 秒");
  });

  it("rejects every waiting question when the worker fails, and starts a new worker for the next", async () => {
    const client = createReachClient(factory(true), 60_000);
    const first = client.probability(q, 20_000, "a");
    const second = client.probability(q, 20_000, "b");
    workers[0].onerror!({ message: "script error", preventDefault: () => {} });
    await expect(first).rejects.toThrow("script error");
    await expect(second).rejects.toThrow("script error");
    expect(await client.probability(q, 20_000, "c")).toBe(reachProbability(q, 20_000, "c"));
    expect(workers).toHaveLength(2);
  });
});
