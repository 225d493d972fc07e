import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { runInWorker, SimulationCancelled, SimulationFailure } from "../../src/worker/client.js";
import type { ThreadReply, ThreadRequest } from "../../src/engine/protocol.js";
import { trialThread } from "../../src/engine/trialThread.js";
import { describeError, type ReachReply } from "../../src/worker/protocol.js";
import { LpSolverUnavailable } from "../../src/engine/lp/browserHighs.js";

const platforms = [
  platform({ name: "甲", county: "X县", status: "main", land: 1000, developableLand: 1500, output: 100 }),
  platform({ name: "乙", county: "X县", status: "kept", land: 3000, developableLand: 3050, output: 150 }),
];
const scenario = { baseYear: 2020, horizon: [2021, 2022], land: { quota: 100 }, monteCarlo: { runs: 500, seed: "w" } };

/** The real worker module, loaded with a fake `self`: messages in, replies collected. */
const replies: (ThreadReply | ReachReply)[] = [];
let onmessage: (event: { data: ThreadRequest }) => void;
beforeAll(async () => {
  const fakeSelf = { postMessage: (m: ThreadReply) => replies.push(structuredClone(m)), onmessage: null as unknown };
  (globalThis as { self?: unknown }).self = fakeSelf;
  await import("../../src/worker/simulate.worker.js");
  onmessage = fakeSelf.onmessage as typeof onmessage;
});
afterAll(() => delete (globalThis as { self?: unknown }).self);

describe("simulate.worker (a trial thread)", () => {
  test("as the leader: prepares, runs the block it is sent with progress, places it and answers with simulate()'s result", () => {
    replies.length = 0;
    onmessage({ data: { type: "job", run: 1, job: { platforms, scenario, baseYear: null }, leader: true } });
    expect(replies).toEqual([{ type: "ready", run: 1, blocks: 2, trials: 500 }]);
    for (const block of [1, 0]) {
      replies.length = 0;
      onmessage({ data: { type: "block", run: 1, block } });
      const done = replies.filter((r) => r.type === "block");
      expect(done).toHaveLength(1);
      const progress = replies.filter((r) => r.type === "progress");
      expect(progress[progress.length - 1]).toEqual({ type: "progress", run: 1, block, trials: block === 0 ? 256 : 244 });
      onmessage({ data: { type: "place", run: 1, block: (done[0] as Extract<ThreadReply, { type: "block" }>).block } });
    }
    replies.length = 0;
    onmessage({ data: { type: "finish", run: 1 } });
    expect(replies).toHaveLength(1);
    expect((replies[0] as Extract<ThreadReply, { type: "result" }>).result).toEqual(simulate(platforms, scenario));
  });

  test("ignores requests of another run, and a bad scenario comes back as an error with each field in Chinese and English", () => {
    replies.length = 0;
    onmessage({ data: { type: "block", run: 99, block: 0 } });
    expect(replies).toHaveLength(0);
    onmessage({
      data: {
        type: "job",
        run: 2,
        job: { platforms, scenario: { ...scenario, growth: { correlation: 2 } }, baseYear: null },
        leader: true,
      },
    });
    expect(replies).toHaveLength(1);
    const reply = replies[0] as Extract<ThreadReply, { type: "error" }>;
    expect(reply.run).toBe(2);
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

  test("a solver that cannot load says so in both languages, with the way out, not the raw fetch error", () => {
    const d = describeError(new LpSolverUnavailable("Failed to fetch"));
    expect(d.name).toBe("LpSolverUnavailable");
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0].zh).toMatch(/^无法加载线性规划求解器 HiGHS.*parkplan\.html.*（Failed to fetch）$/);
    expect(d.problems[0].en).toMatch(/^The linear-programming solver HiGHS .*parkplan\.html.*\(Failed to fetch\)$/);
  });
});

/**
 * A Worker stand-in that runs the real trial-thread handler in this process (replies structured-cloned,
 * asynchronously, as a worker's are), counts terminations, and can be made to crash.
 */
class FakeWorker {
  terminated = 0;
  onmessage: ((e: MessageEvent<ThreadReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  private readonly handle = trialThread((reply) => {
    const copy = structuredClone(reply);
    setTimeout(() => this.terminated === 0 && this.onmessage?.({ data: copy } as MessageEvent<ThreadReply>), 0);
  });
  postMessage(m: ThreadRequest) {
    const copy = structuredClone(m);
    setTimeout(() => this.terminated === 0 && this.handle(copy), 0);
  }
  terminate() {
    this.terminated++;
  }
}

describe("runInWorker (the pane's pool)", () => {
  const start = (
    threads: number,
    input: { platforms: typeof platforms; scenario: unknown; baseYear: number } = { platforms, scenario, baseYear: 2020 },
  ) => {
    const fakes: FakeWorker[] = [];
    const seen: [number, number][] = [];
    const run = runInWorker(
      input,
      (d, t) => seen.push([d, t]),
      () => {
        const fake = new FakeWorker();
        fakes.push(fake);
        return fake as unknown as Worker;
      },
      threads,
    );
    return { fakes, seen, run };
  };

  test("runs the blocks on every worker, relays progress up to the total, resolves with simulate()'s result and ends its workers", async () => {
    const { fakes, seen, run } = start(3);
    const result = await run.result;
    expect(result).toEqual(simulate(platforms, { ...scenario, baseYear: 2020 }));
    expect(fakes).toHaveLength(3);
    expect(seen[seen.length - 1]).toEqual([500, 500]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
    expect(fakes.every((f) => f.terminated === 1)).toBe(true);
  });

  test("cancel terminates every worker and rejects with SimulationCancelled", async () => {
    const { fakes, run } = start(2, { platforms, scenario: { ...scenario, monteCarlo: { runs: 5000, seed: "w" } }, baseYear: 2020 });
    await new Promise((r) => setTimeout(r, 20));
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(SimulationCancelled);
    expect(fakes.every((f) => f.terminated >= 1)).toBe(true);
  });

  test("an engine error rejects with its bilingual problems; a crashed worker too", async () => {
    const a = start(2, { platforms, scenario: { ...scenario, growth: { correlation: 2 } }, baseYear: 2020 });
    const err = await a.run.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulationFailure);
    expect((err as SimulationFailure).failure.problems[0].zh).toMatch(/^情景字段 growth\.correlation：/);
    const b = start(2);
    await new Promise((r) => setTimeout(r, 0)); // the pool starts its workers once the run is out of the queue
    let prevented = false;
    b.fakes[0].onerror?.({
      message: "Uncaught RangeError: out of memory",
      preventDefault: () => (prevented = true),
    } as unknown as ErrorEvent);
    const crash = await b.run.result.catch((e: unknown) => e);
    expect((crash as SimulationFailure).failure.problems[0].en).toBe("Uncaught RangeError: out of memory");
    expect(prevented).toBe(true);
    expect(b.fakes.every((f) => f.terminated >= 1)).toBe(true);
  });
});
