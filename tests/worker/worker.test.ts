import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import type { SimulationResult } from "../../models/results.js";
import { runInWorker, SimulationCancelled, SimulationFailure } from "../../src/worker/client.js";
import { describeError, type RunMessage, type WorkerReply } from "../../src/worker/protocol.js";

const platforms = [
  platform({ name: "甲", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 100 }),
  platform({ name: "乙", county: "X县", status: "kept", land: 3000, developableLand: 3050, output: 150 }),
];
const scenario = { baseYear: 2020, horizon: [2021, 2022], land: { quota: 100 }, monteCarlo: { runs: 500, seed: "w" } };

/** The real worker module, loaded with a fake `self`: messages in, replies collected. */
const replies: WorkerReply[] = [];
let onmessage: (event: { data: RunMessage }) => void;
beforeAll(async () => {
  const fakeSelf = { postMessage: (m: WorkerReply) => replies.push(structuredClone(m)), onmessage: null as unknown };
  (globalThis as { self?: unknown }).self = fakeSelf;
  await import("../../src/worker/simulate.worker.js");
  onmessage = fakeSelf.onmessage as typeof onmessage;
});
afterAll(() => delete (globalThis as { self?: unknown }).self);

describe("simulate.worker", () => {
  test("replies with throttled progress, then the same result as simulate() in-process", () => {
    replies.length = 0;
    onmessage({ data: { type: "run", platforms, scenario, baseYear: null } });
    const progress = replies.filter((r) => r.type === "progress");
    const done = replies.filter((r) => r.type === "done");
    expect(done).toHaveLength(1);
    expect(replies[replies.length - 1].type).toBe("done");
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThanOrEqual(101);
    expect(progress[progress.length - 1]).toEqual({ type: "progress", done: 500, total: 500 });
    const result = (done[0] as { result: SimulationResult }).result;
    expect(result).toEqual(simulate(platforms, scenario));
  });

  test("a bad scenario comes back as an error with each field in Chinese and English", () => {
    replies.length = 0;
    onmessage({ data: { type: "run", platforms, scenario: { ...scenario, growth: { correlation: 2 } }, baseYear: null } });
    expect(replies).toHaveLength(1);
    const reply = replies[0] as Extract<WorkerReply, { type: "error" }>;
    expect(reply.error.name).toBe("ScenarioError");
    expect(reply.error.problems).toHaveLength(1);
    expect(reply.error.problems[0].zh).toMatch(/^情景字段 growth\.correlation：/);
    expect(reply.error.problems[0].en).toMatch(/^scenario field growth\.correlation: /);
  });
});

describe("describeError", () => {
  test("platform problems name the platform; plain errors keep their message", () => {
    let thrown: unknown;
    try {
      simulate([platform({ name: "丙", land: 0, output: 5 })], { baseYear: 2020 });
    } catch (e) {
      thrown = e;
    }
    const d = describeError(thrown);
    expect(d.name).toBe("PlatformInputError");
    expect(d.problems).toEqual([{ zh: "平台“丙”有产值但没有用地", en: 'platform "丙": has output but no land' }]);
    expect(describeError(new TypeError("x is undefined"))).toEqual({
      name: "TypeError",
      message: "x is undefined",
      problems: [{ zh: "x is undefined", en: "x is undefined" }],
    });
    expect(describeError("boom").problems).toEqual([{ zh: "boom", en: "boom" }]);
  });
});

/** A Worker stand-in: records what the client posts and lets the test reply. */
class FakeWorker {
  posted: unknown[] = [];
  terminated = 0;
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated++;
  }
  reply(m: WorkerReply) {
    this.onmessage?.({ data: m } as MessageEvent<WorkerReply>);
  }
}

describe("runInWorker", () => {
  const start = () => {
    const fake = new FakeWorker();
    const seen: [number, number][] = [];
    const run = runInWorker(
      { platforms, scenario, baseYear: 2020 },
      (d, t) => seen.push([d, t]),
      () => fake as unknown as Worker,
    );
    return { fake, seen, run };
  };

  test("posts one run message, relays progress, resolves with the result and ends the worker", async () => {
    const { fake, seen, run } = start();
    expect(fake.posted).toEqual([{ type: "run", platforms, scenario, baseYear: 2020 }]);
    fake.reply({ type: "progress", done: 10, total: 500 });
    const result = { engine: { name: "ParkPlan" } } as unknown as SimulationResult;
    fake.reply({ type: "done", result });
    await expect(run.result).resolves.toBe(result);
    expect(seen).toEqual([[10, 500]]);
    expect(fake.terminated).toBe(1);
  });

  test("cancel terminates the worker and rejects with SimulationCancelled; later replies are ignored", async () => {
    const { fake, run } = start();
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(SimulationCancelled);
    fake.reply({ type: "done", result: {} as SimulationResult });
    run.cancel();
    expect(fake.terminated).toBe(1);
  });

  test("an engine error rejects with its bilingual problems; a crashed worker too", async () => {
    const a = start();
    a.fake.reply({ type: "error", error: { name: "ScenarioError", message: "m", problems: [{ zh: "中", en: "en" }] } });
    const err = await a.run.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulationFailure);
    expect((err as SimulationFailure).failure.problems).toEqual([{ zh: "中", en: "en" }]);
    const b = start();
    let prevented = false;
    b.fake.onerror?.({ message: "Uncaught RangeError: out of memory", preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    const crash = await b.run.result.catch((e: unknown) => e);
    expect((crash as SimulationFailure).failure.problems[0].en).toBe("Uncaught RangeError: out of memory");
    expect(prevented).toBe(true);
    expect(b.fake.terminated).toBe(1);
  });
});
