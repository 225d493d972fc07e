/**
 * compareScenarios over a workbook: what it writes (情景对比, each run's stored result, writtenSheets),
 * that its numbers are the single runs', and that every refusal happens before anything is written.
 */
import { describe, expect, test } from "vitest";
import { ScenarioError } from "../../models/scenario.js";
import { simulate } from "../../models/simulate.js";
import { ComparisonError } from "../../src/compare/index.js";
import { compareScenarios } from "../../src/pipeline/compareScenarios.js";
import {
  InputError,
  reproduce,
  resultKey,
  runScenario,
  storedValue,
  WRITTEN_SHEETS_KEY,
  type StoredResult,
} from "../../src/pipeline/index.js";
import type { SheetGrid } from "../../src/workbook/grid.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, platformGrid } from "../compare/fixture.js";
import { figureAt } from "../workbook/comparisonLookup.js";

const FIXED = new Date("2024-05-06T07:08:09.000Z");
const names = async (port: MemoryWorkbook) => (await port.listSheets()).map((s) => s.name);
const storeKeys = async (port: MemoryWorkbook, keys: string[]) => Promise.all(keys.map((k) => port.readStore(k)));
const KEYS = [WRITTEN_SHEETS_KEY, resultKey("基准"), resultKey("亩均")];

describe("compareScenarios", () => {
  test("writes 情景对比 and each run's stored result; the figures are the single runs'", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    const outcome = await compareScenarios(port, { scenarios: [BASE, MERIT], now: () => FIXED });
    expect(await names(port)).toEqual(["平台", "情景对比"]);
    expect(JSON.parse((await port.readStore(WRITTEN_SHEETS_KEY))!)).toEqual(["情景对比"]);

    const sheet = readPlatformSheet(platformGrid());
    for (const scenario of [BASE, MERIT]) {
      const alone = simulate(sheet.platforms, scenario, { baseYear: 2019 });
      const stored = JSON.parse((await port.readStore(resultKey(scenario.name)))!) as StoredResult;
      const region = alone.rollups.find((u) => u.kind === "region")!;
      expect(storedValue(stored, "全市", "output", 2022)).toBe(region.years.find((y) => y.year === 2022)!.output);
      expect(storedValue(stored, "全市", "output", 2022, "p90")).toBe(region.stats!["2022"].output!.p90);
      expect(stored.finishedAt).toBe(FIXED.toISOString());
      expect(stored.inputHash).toBe(outcome.inputHash);
    }
    // The written sheet is the outcome's sheet, and holds the run's number in the value column.
    const written = port.writtenSpec("情景对比")!;
    expect(written).toEqual(outcome.sheet);
    const value = figureAt(written.rows, 3, "全市产值（亿元）/ Region output (100M yuan)", 1, "数值 / value", 2022) as { v: number };
    expect(value.v).toBe(outcome.results[0].rollups.find((u) => u.kind === "region")!.years.find((y) => y.year === 2022)!.output);
  });

  test("each stored run of a comparison reproduces identically", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    await compareScenarios(port, { scenarios: [BASE, MERIT] });
    for (const name of ["基准", "亩均"])
      expect(await reproduce(port, name)).toMatchObject({ identical: true, inputChanged: false, engineChanged: false });
  });

  test("write: false computes the same model and writes nothing", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    const dry = await compareScenarios(port, { scenarios: [BASE, MERIT], write: false, baseline: "亩均" });
    expect(dry.model.baseline).toBe(1);
    expect(await names(port)).toEqual(["平台"]);
    expect(await storeKeys(port, KEYS)).toEqual([null, null, null]);
  });

  test("a user's own sheet named 情景对比 stops the comparison before anything is written", async () => {
    const own: SheetGrid = { sheet: "情景对比", values: [["我的对比"]], merges: [], tables: [] };
    const port = new MemoryWorkbook([platformGrid(), own]);
    await expect(compareScenarios(port, { scenarios: [BASE, MERIT] })).rejects.toThrow(InputError);
    expect((await port.readGrid("情景对比")).values).toEqual([["我的对比"]]);
    expect(await storeKeys(port, KEYS)).toEqual([null, null, null]);
  });

  test("a later single run keeps 情景对比 recognised as ParkPlan's, so comparing again replaces it", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    await compareScenarios(port, { scenarios: [BASE, MERIT] });
    await runScenario(port, { scenario: BASE });
    expect(JSON.parse((await port.readStore(WRITTEN_SHEETS_KEY))!)).toEqual(["情景对比", "预测", "达标", "汇总", "运行记录"]);
    await compareScenarios(port, { scenarios: [MERIT, BASE] });
    expect(port.writtenSpec("情景对比")!.rows[0][0].v).toBe("平台优化提升情景对比 · 亩均 / 基准");
  });

  test("an invalid scenario, repeated names or an unknown baseline fail before any write", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    await expect(compareScenarios(port, { scenarios: [BASE, { land: { strategy: "lottery" } }] })).rejects.toThrow(ScenarioError);
    await expect(compareScenarios(port, { scenarios: [BASE, { ...MERIT, name: "基准" }] })).rejects.toThrow(ComparisonError);
    await expect(compareScenarios(port, { scenarios: [BASE, MERIT], baseline: "无" })).rejects.toThrow(ComparisonError);
    expect(await names(port)).toEqual(["平台"]);
    expect(await storeKeys(port, KEYS)).toEqual([null, null, null]);
  });
});
