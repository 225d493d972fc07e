/**
 * PARKPLAN.SCENARIO reads stored runs whatever model version made them: a run of engine 0.1.0 (model 1,
 * its scenario without any version 2 field) and a run made now (model 2) of a scenario with a ratio lever.
 * The stored format (STORED_RESULT_VERSION) is what the function checks, not the model version.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { MODEL_VERSION } from "../../models/version.js";
import { scenarioFunction } from "../../src/functions/functions.js";
import { forgetStoredRuns, useWorkbook } from "../../src/functions/storedRuns.js";
import { resultKey, runScenario, type StoredResult } from "../../src/pipeline/index.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const stored = async (book: { readStore(key: string): Promise<string | null> }, name: string): Promise<StoredResult> =>
  JSON.parse((await book.readStore(resultKey(name)))!) as StoredResult;

describe("PARKPLAN.SCENARIO over model versions", () => {
  test("a run stored by engine 0.1.0 (model 1)", async () => {
    const fixture = new URL("../fixtures/engines/jiaxing-2017-engine-0.1.0.xlsx", import.meta.url);
    const book = await XlsxWorkbook.open(new Uint8Array(readFileSync(fixture)), "jiaxing-2017-engine-0.1.0.xlsx");
    const scenario = "嘉兴 2020 攻坚方案";
    const run = await stored(book, scenario);
    expect(run.engine).toEqual({ name: "ParkPlan", version: "0.1.0", model: 1 });
    expect(Object.hasOwn(run.scenario, "ratios")).toBe(false);
    useWorkbook(book);
    // The base year is the sample sheet's figure: 嘉兴经济技术开发区, 728.6 亿元 in 2017.
    expect(await scenarioFunction(scenario, "嘉兴经济技术开发区", "产值", 2017)).toBe(728.6);
    const [p10, p50, p90] = await Promise.all(
      ["p10", "p50", "p90"].map((q) => scenarioFunction(scenario, "嘉兴经济技术开发区", "产值", 2020, q)),
    );
    expect(p10).toBeLessThan(p50);
    expect(p50).toBeLessThan(p90);
  });

  test("a run stored now (model 2) of a scenario moving the tax ratio: τ(2021) = 25/500 + 2 × 0.002", async () => {
    const grid = {
      sheet: "平台",
      values: [
        ["某市工业平台基本情况（2019年）"],
        ["平台名称", "所在县（市、区）", "级别", "整合类型", "整合去向", "工业用地面积", "产值", "税收"],
        ["甲经开区", "南湖区", "国家级", "主平台", null, 10000, 500, 25],
      ],
      merges: [],
      tables: [],
    };
    const book = new MemoryWorkbook([grid]);
    const scenario = { name: "税率杠杆", horizon: [2021], monteCarlo: { runs: 0 }, ratios: { tax: { change: 0.002 } } };
    await runScenario(book, { scenario, inputFile: "t.xlsx", now: () => new Date("2024-05-06T00:00:00Z") });
    const run = await stored(book, "税率杠杆");
    expect(run.engine.model).toBe(MODEL_VERSION);
    expect(run.scenario.ratios.tax?.change).toBe(0.002);
    useWorkbook(book);
    forgetStoredRuns();
    const output = await scenarioFunction("税率杠杆", "甲经开区", "output", 2021);
    const tax = await scenarioFunction("税率杠杆", "甲经开区", "tax", 2021);
    expect(await scenarioFunction("税率杠杆", "甲经开区", "tax", 2019)).toBe(25);
    expect(tax / output).toBeCloseTo(0.054, 12);
  });
});
