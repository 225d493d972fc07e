/**
 * The pane's 决策 tools through their client (decisionClient.ts startDecision) on a pool of fake Web
 * Workers in this process (each runs the real trial-thread handler, or the LP's decision handler, with
 * messages structured-cloned and delayed): on the 嘉兴 sample with few runs, 反推, 敏感性 and 最优配置's
 * plan give exactly the pipeline's numbers (`parkplan solve | sensitivity | optimize`, in this thread);
 * progress is counted to the end; cancel rejects and terminates the busy workers.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { parseLever } from "../../models/decisions/levers.js";
import { planSensitivity } from "../../models/decisions/sensitivity.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { optimizeScenario } from "../../src/pipeline/optimize.js";
import { runSensitivity } from "../../src/pipeline/sensitivity.js";
import { solveWorkbook } from "../../src/pipeline/solve.js";
import { trialThread } from "../../src/engine/trialThread.js";
import type { ThreadRequest } from "../../src/engine/protocol.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { SimulationCancelled } from "../../src/worker/client.js";
import { startDecision } from "../../src/worker/decisionClient.js";
import type { DecisionMessage, DecisionParams, DecisionRequest } from "../../src/worker/decisionProtocol.js";
import { answerDecision } from "../../src/worker/decisionWorker.js";
import { SHEET_NAMES } from "../../src/workbook/results/sheetNames.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE = join(root, "assets", "samples", "jiaxing-2017.xlsx");
const scenario = {
  ...(JSON.parse(readFileSync(join(root, "assets", "samples", "jiaxing-2017.scenario.json"), "utf8")) as Record<string, unknown>),
  monteCarlo: { runs: 60, seed: "pool" },
};

/** Workers made and terminated by one factory. */
interface Fleet {
  made: number;
  terminated: number;
  make(): Worker;
}

/** A fake Worker: trial-thread requests to the real handler, decision messages to the LP's; replies a little later, cloned. */
function fleet(): Fleet {
  const f: Fleet = {
    made: 0,
    terminated: 0,
    make() {
      f.made++;
      let dead = false;
      const worker = {
        onmessage: null as ((e: MessageEvent) => void) | null,
        onerror: null as ((e: ErrorEvent) => void) | null,
        postMessage(message: ThreadRequest | DecisionMessage) {
          const copy = structuredClone(message);
          setTimeout(() => {
            if (dead) return;
            if (copy.type === "decision" || copy.type === "decisionSimulated") void answerDecision(copy, reply);
            else handle(copy);
          }, 1);
        },
        terminate() {
          if (!dead) f.terminated++;
          dead = true;
        },
      };
      const reply = (data: unknown) => {
        const copy = structuredClone(data);
        setTimeout(() => !dead && worker.onmessage?.({ data: copy } as MessageEvent), 1);
      };
      const handle = trialThread(reply);
      return worker as unknown as Worker;
    },
  };
  return f;
}

let request: (params: DecisionParams) => DecisionRequest;
const port = () => openXlsxFile(SAMPLE);

beforeAll(async () => {
  const input = inputFor(await loadPlatforms(await port()), scenario);
  request = (params) => ({ platforms: input.platforms, baseYear: input.baseYear, scenario, params });
});

/** Run a tool on a pool of `threads` fake workers; the progress reports seen. */
async function onPool(params: DecisionParams, threads = 3) {
  const workers = fleet();
  const progress: [number, number][] = [];
  const run = startDecision(
    request(params),
    (done, total) => progress.push([done, total]),
    () => workers.make(),
    threads,
  );
  const outcome = await run.result;
  return { outcome, progress, workers };
}

describe("the 决策 tools on the pane's pool", () => {
  test("反推 JX-7 for 嘉兴港区 by growth: the pipeline's result exactly, progress complete", async () => {
    const { outcome, progress, workers } = await onPool({
      tool: "solve",
      target: "JX-7",
      subject: "嘉兴港区",
      lever: "growth",
      probability: 0.8,
    });
    // The evaluations ran on the pool's three workers (closed after: a pool of the test's own).
    expect([workers.made, workers.terminated]).toEqual([3, 3]);
    const expected = await solveWorkbook(await port(), {
      scenario,
      target: "JX-7",
      subject: "嘉兴港区",
      lever: parseLever("growth"),
      probability: 0.8,
      write: false,
    });
    if (outcome.summary.tool !== "solve") throw new Error(outcome.summary.tool);
    expect(outcome.summary.results).toEqual(expected.results);
    expect(outcome.sheet).toEqual(expected.sheet);
    expect(outcome.sheet.name).toBe(SHEET_NAMES.backSolve);
    const [done, total] = progress[progress.length - 1];
    expect(done).toBe(total);
    expect(total).toBeGreaterThanOrEqual(expected.results[0].evaluations);
  }, 120_000);

  test("反推 JX-7 for every subject: the pipeline's table exactly (every bisection at once on the pool)", async () => {
    const { outcome, progress } = await onPool({ tool: "solve", target: "JX-7", subject: null, lever: "growth", probability: 0.8 });
    const expected = await solveWorkbook(await port(), {
      scenario,
      target: "JX-7",
      lever: parseLever("growth"),
      probability: 0.8,
      write: false,
    });
    if (outcome.summary.tool !== "solve") throw new Error(outcome.summary.tool);
    expect(expected.results.length).toBe(10);
    expect(outcome.summary.results).toEqual(expected.results);
    expect(outcome.sheet).toEqual(expected.sheet);
    const [done, total] = progress[progress.length - 1];
    expect(done).toBe(total);
  }, 120_000);

  test("敏感性 of P(JX-7, 嘉兴港区): the pipeline's tornado exactly, one progress step per evaluation", async () => {
    const figure = "target:JX-7:嘉兴港区";
    const { outcome, progress } = await onPool({ tool: "sensitivity", figure });
    const expected = await runSensitivity(await port(), { scenario, figure, write: false });
    if (outcome.summary.tool !== "sensitivity") throw new Error(outcome.summary.tool);
    expect(outcome.summary.result).toEqual(expected.result);
    expect(outcome.sheet).toEqual(expected.sheet);
    const total = planSensitivity({ ...request({ tool: "sensitivity", figure }), figure }).evaluations.length;
    expect(progress.map(([d]) => d)).toEqual(Array.from({ length: total }, (_, k) => k + 1));
    expect(progress.every(([, t]) => t === total)).toBe(true);
  }, 120_000);

  test("最优配置: the LP in its worker, the plan's Monte Carlo on the pool: the pipeline's plan and run", async () => {
    const { outcome, progress, workers } = await onPool({ tool: "optimize", objective: "output", over: "horizon" });
    // Written (to the sample in memory, never saved), so its sheet names the stored run as the pane's does.
    const expected = await optimizeScenario(await port(), { scenario });
    if (outcome.summary.tool !== "optimize") throw new Error(outcome.summary.tool);
    expect(outcome.summary.objective.value).toBe(expected.optimization.plan.objective.value);
    expect(outcome.optimalRun?.result).toEqual(expected.result);
    expect(outcome.sheet).toEqual(expected.sheet);
    // The Monte Carlo's trials counted (from the pool), to the scenario's runs.
    expect(progress[progress.length - 1]).toEqual([60, 60]);
    // The LP's worker and the pool's three: all ended (the LP's when it answered, the pool's closed after).
    expect(workers.made).toBe(4);
    expect(workers.terminated).toBe(4);
  }, 120_000);

  test("cancel: the run rejects as cancelled and the busy workers are terminated", async () => {
    const workers = fleet();
    let started!: () => void;
    const first = new Promise<void>((r) => (started = r));
    const run = startDecision(
      request({ tool: "sensitivity", figure: "target:JX-7:嘉兴港区" }),
      () => started(),
      () => workers.make(),
      2,
    );
    await first;
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(SimulationCancelled);
    expect(workers.made).toBe(2);
    expect(workers.terminated).toBe(2);
  }, 120_000);
});
