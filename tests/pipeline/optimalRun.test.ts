/**
 * The optimal plan's run as a stored run: `optimizeScenario` (parkplan optimize --out) stores the plan's
 * Monte Carlo as "<scenario> · 最优配置" with the grants it ran and the LP's objective, beside (not over) the
 * scenario's own run; reproduce re-runs it with those grants bit for bit, also through an .xlsx file; the
 * record without its grants cannot be re-run (why they are stored); a run stored without planned grants
 * (every other run, and runs stored before the field) reads and reproduces as before.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { plannedRun, type LpSolver } from "../../models/decisions/optimize/index.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";
import { optimizeScenario } from "../../src/pipeline/optimize.js";
import { reproduce, resultKey, runScenario, type StoredResult } from "../../src/pipeline/index.js";
import { optimalRunName, storedResult } from "../../src/pipeline/storedResults.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import type { WorkbookPort } from "../../src/workbook/port.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { BASE, platformGrid } from "../compare/fixture.js";

const FIXED = new Date("2024-05-06T07:08:09.000Z");
/**
 * 500 亩 a year, less than 甲经开区's headroom (12000 − 10000): the LP gives all of it to the highest 亩均产出,
 * 甲经开区 (800/10000 = 0.08 亿元/亩, against 0.03 for 乙园 and 丙区, 0.02 for 丁园), in the grant years 2020
 * and 2021 (lag 1: land granted in 2022 would produce after the horizon).
 */
const SCENARIO = { ...BASE, name: "优化", land: { quota: 500, strategy: "proportional" } };
const NAME = optimalRunName(SCENARIO.name);

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

async function storedOf(port: WorkbookPort, name: string): Promise<StoredResult> {
  return JSON.parse((await port.readStore(resultKey(name)))!) as StoredResult;
}

async function optimized(port: WorkbookPort = new MemoryWorkbook([platformGrid()])) {
  const outcome = await optimizeScenario(port, { scenario: SCENARIO, solver, now: () => FIXED });
  return { port, outcome };
}

describe("the optimal plan's stored run", () => {
  test("is stored as '<scenario> · 最优配置' with the plan's grants, strategy optimal and the LP's objective", async () => {
    const { port, outcome } = await optimized();
    const { plan } = outcome.optimization;
    expect(NAME).toBe("优化 · 最优配置");
    expect(outcome.storedAs).toBe(NAME);
    const stored = await storedOf(port, NAME);
    // The grants are those the plan's run was given (plannedRun's), through JSON unchanged, and by hand.
    expect(stored.plannedGrants).toEqual(plannedRun(SCENARIO, plan).plannedGrants);
    expect(stored.plannedGrants).toEqual({ land: { 甲经开区: { "2020": 500, "2021": 500 } } });
    expect(stored.scenario.land.strategy).toBe("optimal");
    expect(stored.scenario.name).toBe(SCENARIO.name);
    expect(stored.scenario.land.quota).toBe(500);
    expect(stored.optimization).toEqual({
      objective: { kind: "output", over: "horizon", years: [2022], value: plan.objective.value, baseline: plan.objective.baseline },
    });
    // Proportional would give 甲经开区 only its share of the 500 亩.
    expect(stored.optimization!.objective.value).toBeGreaterThan(stored.optimization!.objective.baseline);
    // Its figures are the plan's run: region output in 2022 on the deterministic path is the LP's objective.
    expect(stored.rollups["全市"].output!["2022"][0]).toBeCloseTo(plan.objective.value!, 6);
    expect(stored.rollups["全市"].output!["2022"][3]).toBe(
      outcome.result!.rollups.find((u) => u.name === "全市")!.stats!["2022"].output!.p50,
    );
    expect(stored.finishedAt).toBe(FIXED.toISOString());
    // The 优化配置 sheet says where the run is.
    const notes = outcome.sheet.rows.flat().map((c) => c.v);
    expect(notes).toContain(
      '最优配置的蒙特卡洛 40 次，种子 t；已保存为运行记录“优化 · 最优配置”（PARKPLAN.SCENARIO 可读，parkplan reproduce 可复现） / the optimal grants\' Monte Carlo: 40 runs, seed t; stored as run "优化 · 最优配置" (read by PARKPLAN.SCENARIO, re-run by parkplan reproduce)',
    );
  });

  test("leaves the scenario's own stored run as it was", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    await runScenario(port, { scenario: SCENARIO, now: () => FIXED });
    const own = await port.readStore(resultKey(SCENARIO.name));
    await optimized(port);
    expect(await port.readStore(resultKey(SCENARIO.name))).toBe(own);
    expect((await storedOf(port, SCENARIO.name)).scenario.land.strategy).toBe("proportional");
  });

  test("reproduces identically with its grants, in memory and through an .xlsx saved and reopened", async () => {
    const { port } = await optimized();
    const report = await reproduce(port, NAME);
    expect(report).toMatchObject({ identical: true, inputChanged: false, engineChanged: false, differenceCount: 0 });
    expect(report.stored).toMatchObject({ seed: "t", runs: 40, plannedGrants: true, finishedAt: FIXED.toISOString() });
    expect(report.stored.optimization).toEqual((await storedOf(port, NAME)).optimization);

    const book = XlsxWorkbook.create();
    const grid = platformGrid();
    await book.writeSheets([{ name: grid.sheet, rows: grid.values.map((r) => r.map((v) => ({ v: v as string | number | null }))) }]);
    await optimized(book);
    const reopened = await XlsxWorkbook.open(await book.toBuffer());
    expect(await reproduce(reopened, NAME)).toMatchObject({ identical: true, inputChanged: false, differenceCount: 0 });
  });

  test("without its grants the record cannot be re-run: strategy optimal needs them", async () => {
    const { port } = await optimized();
    const { plannedGrants, ...rest } = await storedOf(port, NAME);
    expect(plannedGrants).toBeDefined();
    await port.writeStore(resultKey(NAME), JSON.stringify(rest));
    await expect(reproduce(port, NAME)).rejects.toThrow(/本次运行未给出/);
  });

  test("changed grants show as differences (the stored grants are what is re-run)", async () => {
    const { port } = await optimized();
    const stored = await storedOf(port, NAME);
    stored.plannedGrants = { land: { 甲经开区: { "2020": 400, "2021": 500 } } };
    await port.writeStore(resultKey(NAME), JSON.stringify(stored));
    const report = await reproduce(port, NAME, { limit: 1000 });
    expect(report.identical).toBe(false);
    // 100 亩 less land granted in 2020, in use from 2021 (lag 1); the platforms not granted land are untouched.
    const land2021 = stored.platforms["甲经开区"].land!["2021"][0]!;
    expect(land2021).toBe(10500);
    expect(report.differences.find((d) => d.metric === "land")).toEqual({
      subject: "甲经开区",
      metric: "land",
      year: 2021,
      statistic: "value",
      stored: land2021,
      now: land2021 - 100,
    });
    expect(report.differences.some((d) => ["乙园", "丙区", "丁园"].includes(d.subject))).toBe(false);
  });

  test("nothing is stored when nothing is written", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    const outcome = await optimizeScenario(port, { scenario: SCENARIO, solver, write: false });
    expect(outcome.storedAs).toBeNull();
    expect(await port.readStore(resultKey(NAME))).toBeNull();
    expect(outcome.sheet.rows.flat().map((c) => c.v)).toContain(
      "最优配置的蒙特卡洛 40 次，种子 t / the optimal grants' Monte Carlo: 40 runs, seed t",
    );
  });
});

describe("a run stored without planned grants", () => {
  test("has no plannedGrants or optimization keys, and reproduces reporting neither", async () => {
    const port = new MemoryWorkbook([platformGrid()]);
    await runScenario(port, { scenario: BASE, now: () => FIXED });
    const stored = await storedOf(port, BASE.name);
    expect("plannedGrants" in stored || "optimization" in stored).toBe(false);
    const report = await reproduce(port, BASE.name);
    expect(report).toMatchObject({ identical: true, differenceCount: 0 });
    expect(report.stored).toMatchObject({ plannedGrants: false, optimization: null });
  });

  test("storedResult keeps given grants through JSON and adds nothing without them", async () => {
    const { outcome } = await optimized();
    const ctx = { inputHash: "h", sheet: "平台", finishedAt: FIXED };
    const grants = { land: { 甲经开区: { "2020": 1234.5 }, 丙区: 7 }, energy: { 丙区: { "2021": 0.25 } } };
    const withGrants = JSON.parse(JSON.stringify(storedResult(outcome.result!, { ...ctx, plannedGrants: grants }))) as StoredResult;
    expect(withGrants.plannedGrants).toEqual(grants);
    expect(withGrants.optimization).toBeUndefined();
    const plain = storedResult(outcome.result!, ctx);
    expect(Object.keys(plain)).toEqual(["version", "engine", "scenario", "inputHash", "sheet", "finishedAt", "platforms", "rollups"]);
  });
});
