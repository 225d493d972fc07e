/**
 * The pane's 最优配置, written: the sheet and, as `parkplan optimize --out` does, the plan's Monte Carlo run
 * stored under "<scenario> · 最优配置" with its grants, so reproduce re-runs it identically (the pane's
 * reproduce passes the grants: rerunOptions) and a user's own sheet named 优化配置 is refused.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { compareWithStored, readStoredRun, rerunOptions } from "../../src/pipeline/reproduceSteps.js";
import { optimalRunName } from "../../src/pipeline/storedResults.js";
import { writeDecisionSheet } from "../../src/taskpane/workbookService.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { SHEET_NAMES } from "../../src/workbook/results/sheetNames.js";
import type { SheetGrid } from "../../src/workbook/grid.js";
import { runDecision } from "../../src/worker/decisions.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";

const grid = (name: string, rows: (string | number | null)[][]): SheetGrid =>
  ({ sheet: name, values: rows, merges: [], tables: [] }) as SheetGrid;
const SHEET = grid("平台表", [
  ["平台名称", "整合类型", "工业用地面积", "可开发空间", "产值"],
  ["A", "主平台", 1000, 1300, 60],
  ["B", "主平台", 1000, 1500, 40],
  ["C", "保留", 1000, 3000, 20],
]);
const SCENARIO = {
  name: "三平台",
  baseYear: 2020,
  horizon: [2022],
  growth: { mean: 0.02, sd: 0.03 },
  land: { quota: { "2021": 1000 }, lagYears: 1 },
  monteCarlo: { runs: 64, seed: "store" },
};

describe("writing the pane's 最优配置", () => {
  test("stores the plan's run; reproduce with its grants is identical; a user's 优化配置 is refused", async () => {
    const port = new MemoryWorkbook([SHEET]);
    const input = readPlatformSheet(await port.readGrid("平台表"));
    expect(input.fatal).toBe(false);
    const outcome = await runDecision({
      platforms: input.platforms,
      baseYear: 2020,
      scenario: SCENARIO,
      params: { tool: "optimize", objective: "output", over: "horizon" },
    });
    expect(outcome.optimalRun).toBeDefined();
    const { sheets } = await writeDecisionSheet(port, outcome.sheet, { run: outcome.optimalRun!, input });
    expect(sheets).toEqual([SHEET_NAMES.optimization]);

    const run = await readStoredRun(port, optimalRunName("三平台"));
    // The highest 亩均产出 first: A 300 亩 (its headroom), B 500, C the remaining 200.
    expect(run.stored.plannedGrants?.land).toEqual({ A: { "2021": 300 }, B: { "2021": 500 }, C: { "2021": 200 } });
    const again = simulate(run.input.platforms, run.stored.scenario, rerunOptions(run));
    expect(compareWithStored(run, again).identical).toBe(true);

    const foreign = new MemoryWorkbook([SHEET, grid(SHEET_NAMES.optimization, [["我的表"]])]);
    await expect(writeDecisionSheet(foreign, outcome.sheet)).rejects.toThrow(/优化配置/);
  });
});
