/**
 * The engine's worker on the page's own thread (src/engine/web/mainThreadWorker.ts), the fallback of a
 * page where the browser refuses workers: the real worker handler behind a Worker's interface. Node has
 * no Worker, so the pane's default factory takes that fallback here, as a file:// page does.
 */
import { describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { reachProbability } from "../../models/reachProbability.js";
import { simulate } from "../../models/simulate.js";
import { isMainThreadWorker, mainThreadWorker } from "../../src/engine/web/mainThreadWorker.js";
import { pageWorkerFactory } from "../../src/engine/web/pageWorker.js";
import { defaultWorkerFactory, runInWorker, SimulationCancelled, SimulationFailure } from "../../src/worker/client.js";
import { serveWorker } from "../../src/worker/workerScope.js";
import type { ReachReply } from "../../src/worker/protocol.js";

const platforms = [
  platform({ name: "甲", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 100 }),
  platform({ name: "乙", county: "X县", status: "kept", land: 3000, developableLand: 3050, output: 150 }),
];
const scenario = { baseYear: 2020, horizon: [2021, 2022], land: { quota: 100 }, monteCarlo: { runs: 700, seed: "m" } };

describe("the worker on the page's thread", () => {
  test("without Worker (a refused worker) the default factory gives the stand-in, which runs the real worker code", () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
    expect(defaultWorkerFactory).toBe(pageWorkerFactory);
    const worker = defaultWorkerFactory();
    expect(isMainThreadWorker(worker)).toBe(true);
    worker.terminate();
  });

  test("a run on the default factory equals simulate(), with progress up to the total, on one thread", async () => {
    const seen: [number, number][] = [];
    const run = runInWorker({ platforms, scenario, baseYear: 2020 }, (d, t) => seen.push([d, t]));
    expect(await run.result).toEqual(simulate(platforms, scenario));
    expect(seen[seen.length - 1]).toEqual([700, 700]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });

  test("one thread for the stand-in; cancel between two blocks stops the run there, nothing queued runs after", async () => {
    const made: Worker[] = [];
    const factory = () => {
      const w = mainThreadWorker((scope) => serveWorker(scope));
      made.push(w);
      return w;
    };
    const long = { ...scenario, monteCarlo: { runs: 256 * 40, seed: "m" } };
    const seen: number[] = [];
    const run = runInWorker(
      { platforms, scenario: long, baseYear: 2020 },
      (done) => {
        seen.push(done);
        if (done >= 256 * 3) run.cancel();
      },
      factory,
      4,
    );
    await expect(run.result).rejects.toBeInstanceOf(SimulationCancelled);
    await new Promise((r) => setTimeout(r, 0));
    expect(made).toHaveLength(1);
    expect(Math.max(...seen)).toBeLessThan(256 * 5);
  });

  test("a bad scenario rejects with the engine's bilingual problems", async () => {
    const run = runInWorker({ platforms, scenario: { ...scenario, growth: { correlation: 2 } }, baseYear: 2020 }, () => {});
    const err = await run.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulationFailure);
    expect((err as SimulationFailure).failure.problems[0].zh).toMatch(/^情景字段 growth\.correlation：/);
    expect((err as SimulationFailure).failure.problems[0].en).toMatch(/^scenario field growth\.correlation: /);
  });

  test("messages are cloned as a worker's are, and a handler that fails to load is an error event in both languages", async () => {
    const question = { base: 100, target: 150, mean: 0.1, sd: 0.05, years: 4 };
    const worker = mainThreadWorker((scope) => serveWorker(scope));
    const reply = await new Promise<ReachReply>((resolve) => {
      worker.onmessage = (e: MessageEvent<ReachReply>) => resolve(e.data);
      worker.postMessage({ type: "reach", id: 7, question, runs: 2000, seed: "r" });
    });
    expect(reply).toEqual({ type: "reach", id: 7, probability: reachProbability(question, 2000, "r") });
    expect(question).toEqual({ base: 100, target: 150, mean: 0.1, sd: 0.05, years: 4 });
    const broken = mainThreadWorker(() => Promise.reject(new Error("chunk failed")));
    const message = await new Promise<string>((resolve) => (broken.onerror = (e: ErrorEvent) => resolve(e.message)));
    expect(message).toBe("页面内计算出错：chunk failed / the computation on the page's thread failed: chunk failed");
  });
});
