/**
 * reproduce(): an untouched workbook reproduces bit for bit (in memory and through an .xlsx file), a
 * changed input cell is detected with its differences, a changed engine version is reported, and a
 * missing or damaged run record is a clear input error. Nothing is written.
 */
import { describe, expect, test } from "vitest";
import { InputError, reproduce, resultKey, runScenario, type StoredResult } from "../../src/pipeline/index.js";
import type { CellValue } from "../../src/workbook/grid.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import type { WorkbookPort } from "../../src/workbook/port.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { BASE, platformGrid, ROWS } from "../compare/fixture.js";

const FIXED = new Date("2024-05-06T07:08:09.000Z");

async function ranWorkbook(): Promise<MemoryWorkbook> {
  const port = new MemoryWorkbook([platformGrid()]);
  await runScenario(port, { scenario: BASE, now: () => FIXED });
  return port;
}

/** Replace the platform sheet with the same table but one changed cell, through the port. */
async function changeCell(port: WorkbookPort, row: number, col: number, value: CellValue): Promise<void> {
  const rows = ROWS.map((r) => [...r]);
  rows[row][col] = value;
  const grid = platformGrid(rows);
  await port.writeSheets([{ name: grid.sheet, rows: grid.values.map((r) => r.map((v) => ({ v: v as string | number | null }))) }]);
}

describe("reproduce", () => {
  test("an untouched workbook reproduces identically, with the recorded seed and runs", async () => {
    const port = await ranWorkbook();
    const report = await reproduce(port, "基准");
    expect(report).toMatchObject({ identical: true, inputChanged: false, engineChanged: false, differences: [], differenceCount: 0 });
    expect(report.stored).toMatchObject({ seed: "t", runs: 40, sheet: "平台", finishedAt: FIXED.toISOString() });
    expect(report.now.inputHash).toBe(report.stored.inputHash);
  });

  test("the same through an .xlsx saved and reopened", async () => {
    const book = XlsxWorkbook.create();
    const grid = platformGrid();
    await book.writeSheets([{ name: grid.sheet, rows: grid.values.map((r) => r.map((v) => ({ v: v as string | number | null }))) }]);
    await runScenario(book, { scenario: BASE, now: () => FIXED });
    const reopened = await XlsxWorkbook.open(await book.toBuffer());
    expect(await reproduce(reopened, "基准")).toMatchObject({ identical: true, inputChanged: false, engineChanged: false });
  });

  test("a changed input cell: inputChanged, and the differences name the platform, metric, year and statistic", async () => {
    const port = await ranWorkbook();
    await changeCell(port, 0, 7, 850); // 甲经开区 产值 800 → 850
    const before = await port.readStore(resultKey("基准"));
    const report = await reproduce(port, "基准", { limit: 5 });
    expect(report.identical).toBe(false);
    expect(report.inputChanged).toBe(true);
    expect(report.engineChanged).toBe(false);
    expect(report.differences).toHaveLength(5);
    expect(report.differenceCount).toBeGreaterThan(5);
    expect(report.differences[0]).toEqual({ subject: "甲经开区", metric: "output", year: 2019, statistic: "value", stored: 800, now: 850 });
    // Land is shared out by land in use, and each platform has its own random stream: 丙区 and 丁园 are untouched.
    const all = await reproduce(port, "基准", { limit: 100_000 });
    expect(all.differences).toHaveLength(all.differenceCount);
    const subjects = new Set(all.differences.map((d) => d.subject));
    expect(subjects.has("甲经开区") && subjects.has("全市") && subjects.has("南湖区")).toBe(true);
    expect(subjects.has("丙区") || subjects.has("丁园") || subjects.has("秀洲区")).toBe(false);
    // reproduce writes nothing.
    expect(await port.readStore(resultKey("基准"))).toBe(before);
  });

  test("a change outside the platform table's figures (a note cell) is not an input change", async () => {
    const port = await ranWorkbook();
    const grid = platformGrid();
    const rows = grid.values.map((r) => r.map((v) => ({ v: v as string | number | null })));
    rows.push([], [{ v: "注：数据为估算" }]);
    await port.writeSheets([{ name: grid.sheet, rows }]);
    expect(await reproduce(port, "基准")).toMatchObject({ identical: true, inputChanged: false });
  });

  test("a run made by another engine version is reported as engineChanged", async () => {
    const port = await ranWorkbook();
    const stored = JSON.parse((await port.readStore(resultKey("基准")))!) as StoredResult;
    await port.writeStore(resultKey("基准"), JSON.stringify({ ...stored, engine: { ...stored.engine, version: "0.0.9" } }));
    const report = await reproduce(port, "基准");
    expect(report).toMatchObject({ engineChanged: true, identical: true, inputChanged: false });
    expect(report.stored.engine.version).toBe("0.0.9");
  });

  test("a tampered stored figure shows as a difference with its stored and new values", async () => {
    const port = await ranWorkbook();
    const stored = JSON.parse((await port.readStore(resultKey("基准")))!) as StoredResult;
    const row = stored.rollups["全市"].output!["2022"];
    const p90 = row[4];
    row[4] = 1;
    await port.writeStore(resultKey("基准"), JSON.stringify(stored));
    const report = await reproduce(port, "基准");
    expect(report.differences).toEqual([{ subject: "全市", metric: "output", year: 2022, statistic: "p90", stored: 1, now: p90 }]);
    expect(report.inputChanged).toBe(false);
  });

  test("no stored run, or a damaged one, is an InputError in both languages", async () => {
    const port = await ranWorkbook();
    await expect(reproduce(port, "没有运行过")).rejects.toThrow(InputError);
    await expect(reproduce(port, "没有运行过")).rejects.toThrow(/没有情景“没有运行过”的运行记录.*no stored run/);
    await port.writeStore(resultKey("坏"), "{not json");
    await expect(reproduce(port, "坏")).rejects.toThrow(/已损坏.*damaged/);
  });
});
