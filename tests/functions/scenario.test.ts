import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scenarioFunction, SCENARIO_TIMEOUT_MS } from "../../src/functions/functions.js";
import { forgetStoredRuns, useWorkbook } from "../../src/functions/storedRuns.js";
import { resultKey, STORED_RESULT_VERSION, type StoredResult } from "../../src/pipeline/storedResults.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import type { WorkbookPort } from "../../src/workbook/port.js";
import { OMITTED, rejectionOf } from "./cellError.js";

/** A stored run by hand: one platform and one roll-up, 2017 deterministic only, 2020 with statistics. */
function stored(outputPerMu2020: number): StoredResult {
  return {
    version: STORED_RESULT_VERSION,
    engine: { name: "parkplan", version: "test", model: 1 } as unknown as StoredResult["engine"],
    scenario: { name: "基准方案" } as unknown as StoredResult["scenario"],
    inputHash: "x",
    sheet: "平台",
    finishedAt: "2026-11-01T00:00:00.000Z",
    platforms: {
      嘉兴经开区: {
        outputPerMu: { "2017": [300, null, null, null, null], "2020": [outputPerMu2020, 401, 350, 398, 450] },
        output: { "2017": [600, null, null, null, null] },
      },
    },
    rollups: { 全市: { output: { "2020": [5000, 5100, 4800, 5050, 5400] } } },
  };
}

let workbook: MemoryWorkbook;
let reads: number;

beforeEach(async () => {
  workbook = new MemoryWorkbook();
  await workbook.writeStore(resultKey("基准方案"), JSON.stringify(stored(400)));
  reads = 0;
  useWorkbook(() => {
    const counting: WorkbookPort = Object.create(workbook) as WorkbookPort;
    counting.readStore = (key: string) => {
      reads++;
      return workbook.readStore(key);
    };
    return counting;
  });
});

afterEach(() => vi.useRealTimers());

describe("PARKPLAN.SCENARIO(scenario, platform, metric, year, [statistic])", () => {
  it("reads a stored figure by metric key, Chinese label or English label", async () => {
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "outputPerMu", 2020)).toBe(400);
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2020, OMITTED)).toBe(400);
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "Output per mu", 2017)).toBe(300);
    expect(await scenarioFunction("基准方案", "全市", "产值", 2020)).toBe(5000);
  });

  it("reads statistics by name: mean, p10, P50 (中位数), p90", async () => {
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2020, "均值")).toBe(401);
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2020, "p10")).toBe(350);
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2020, "中位数")).toBe(398);
    expect(await scenarioFunction("基准方案", "全市", "output", 2020, "P90")).toBe(5400);
  });

  it("reads the store once for many calls, also concurrent ones", async () => {
    await Promise.all([2017, 2020].map((y) => scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", y)));
    await scenarioFunction("基准方案", "全市", "产值", 2020);
    expect(reads).toBe(1);
  });

  it("keeps the run it read until forgetStoredRuns()", async () => {
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2020)).toBe(400);
    await workbook.writeStore(resultKey("基准方案"), JSON.stringify(stored(420)));
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2020)).toBe(400);
    forgetStoredRuns();
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2020)).toBe(420);
  });

  it("is #N/A with a Chinese message when nothing is stored, and finds a run stored afterwards", async () => {
    const e = await rejectionOf(scenarioFunction("规划方案", "嘉兴经开区", "产值", 2020), "#N/A");
    expect(e.message).toContain("没有情景“规划方案”的运行结果");
    await workbook.writeStore(resultKey("规划方案"), JSON.stringify(stored(410)));
    expect(await scenarioFunction("规划方案", "嘉兴经开区", "亩均产出", 2020)).toBe(410);
  });

  it("is #N/A for a platform, year or statistic the run lacks", async () => {
    await rejectionOf(scenarioFunction("基准方案", "海宁经开区", "产值", 2020), "#N/A");
    await rejectionOf(scenarioFunction("基准方案", "constructor", "产值", 2020), "#N/A");
    await rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "产值", 2030), "#N/A");
    await rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "亩均产出", 2017, "p50"), "#N/A");
  });

  it("is #VALUE! for an unknown metric or statistic and a blank name, before reading the store", async () => {
    await rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "利润", 2020), "#VALUE!");
    await rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "产值", 2020, "p75"), "#VALUE!");
    await rejectionOf(scenarioFunction("", "嘉兴经开区", "产值", 2020), "#VALUE!");
    await rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "产值", 2020.5), "#VALUE!");
    expect(reads).toBe(0);
  });

  it("is #N/A for a damaged or foreign-version stored run", async () => {
    await workbook.writeStore(resultKey("坏"), "{not json");
    await rejectionOf(scenarioFunction("坏", "嘉兴经开区", "产值", 2017), "#N/A");
    await workbook.writeStore(resultKey("旧"), JSON.stringify({ ...stored(1), version: 0 }));
    await rejectionOf(scenarioFunction("旧", "嘉兴经开区", "产值", 2017), "#N/A");
  });

  it("settles as #N/A when the workbook cannot be opened or read, and tries again next time", async () => {
    let fail = true;
    useWorkbook(() => {
      if (fail) throw new Error("no Excel here");
      return workbook;
    });
    expect((await rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "产值", 2017), "#N/A")).message).toContain("no Excel here");
    fail = false;
    expect(await scenarioFunction("基准方案", "嘉兴经开区", "产值", 2017)).toBe(600);

    const broken = Object.create(workbook) as WorkbookPort;
    broken.readStore = () => Promise.reject(new Error("store unreadable"));
    useWorkbook(broken);
    await rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "产值", 2017), "#N/A");
  });

  it("settles as #N/A when the store never answers", async () => {
    vi.useFakeTimers();
    const hanging = Object.create(workbook) as WorkbookPort;
    hanging.readStore = () => new Promise<string | null>(() => {});
    useWorkbook(hanging);
    const result = rejectionOf(scenarioFunction("基准方案", "嘉兴经开区", "产值", 2017), "#N/A");
    await vi.advanceTimersByTimeAsync(SCENARIO_TIMEOUT_MS);
    expect((await result).message).toContain("超时");
  });
});
