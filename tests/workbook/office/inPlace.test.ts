/**
 * Re-runs rewrite result sheets in place, so the user's references into them survive; a change of shape
 * names the formulas that may now point elsewhere. And reading only a sheet's head for header detection.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headOf } from "../../../src/workbook/grid.js";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook.js";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook.js";
import { nextBlockRows, READ_TARGET_BYTES } from "../../../src/workbook/office/readGrid.js";
import { referencesSheet } from "../../../src/workbook/office/references.js";
import { guardedRun } from "../../../src/workbook/office/runner.js";
import type { SheetSpec } from "../../../src/workbook/sheetSpec.js";
import { findPlatformSheets } from "../../../src/workbook/sheet/index.js";
import { HEADER_SCAN_ROWS } from "../../../src/workbook/sheet/locate.js";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook.js";
import { FakeExcel } from "./fakeExcel.js";

const all = () => true;
/** 预测 with a header, `rows` platform rows (output 100 × run + k) and a chart-free table, frozen header. */
const projection = (rows: number, run: number): SheetSpec => ({
  name: "预测",
  rows: [
    [{ v: "平台" }, { v: "产值" }],
    ...Array.from({ length: rows }, (_, k) => [{ v: `平台${k + 1}` }, { v: 100 * run + k, fmt: "yi" as const }]),
  ],
  frozen: { rows: 1, cols: 0 },
  merges: [],
  tables: [{ name: "PP_Projection", header: true, range: { top: 0, left: 0, bottom: rows, right: 1 } }],
  conditionalFormats: [{ range: { top: 1, left: 0, bottom: rows, right: 1 }, column: 1, equals: "x", style: "met" }],
  columnWidths: [run === 1 ? 30 : 12],
});

/** A user's sheet whose A1 reads 预测!B3 and whose A2 reads a sheet that is not a result. */
function withUserFormulas(fake: FakeExcel): void {
  const user = fake.addSheet("我的分析");
  user.rows[0] = [{ v: 0, formula: "=预测!B3" }];
  user.rows[1] = [{ v: 0, formula: "=其他!A1" }];
  fake.addSheet("其他", [[7]]);
}

describe("result sheets rewritten in place", () => {
  it("a re-run keeps =预测!B3 valid and reading the new figure; the sheet is the same object, cleared of the old run", async () => {
    const fake = new FakeExcel();
    withUserFormulas(fake);
    const port = new OfficeWorkbook(fake.run, all);
    await port.writeSheets([projection(4, 1)]);
    const sheet = fake.sheet("预测")!;
    // B3 = the second platform's output: 100 × 1 + 1.
    expect((await port.readGrid("我的分析")).values[0]).toEqual([101]);
    const report = await port.writeSheets([projection(4, 2)]);
    expect(report.warnings).toEqual([]);
    expect(fake.sheet("预测")).toBe(sheet);
    expect(fake.sheet("我的分析")!.rows[0][0]?.formula).toBe("=预测!B3");
    expect((await port.readGrid("我的分析")).values).toEqual([[201], [7]]);
    // Cleared, then written: one table, one conditional format, the new width, no stale frozen panes stacking.
    expect(sheet.tables.map((t) => t.name)).toEqual(["PP_Projection"]);
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.columnWidths.get(0)).toBe(66.75); // 12 characters → (12 × 7 + 5) px × 0.75
    expect(sheet.frozen).toEqual({ rows: 1, cols: 0 });
  });

  it("the test has teeth: deleting and re-adding 预测 (a staged swap) turns the user's formula into #REF! for good", async () => {
    const fake = new FakeExcel();
    withUserFormulas(fake);
    const port = new OfficeWorkbook(fake.run, all);
    await port.writeSheets([projection(4, 1)]);
    await guardedRun(fake.run)(async (context) => {
      const staged = context.workbook.worksheets.add("_pp_staging_1");
      context.workbook.worksheets.getItemOrNullObject("预测").delete();
      staged.name = "预测";
      await context.sync();
    });
    expect(fake.sheet("我的分析")!.rows[0][0]?.formula).toBe("=#REF!B3");
    expect((await port.readGrid("我的分析")).values[0]).toEqual([{ error: "#REF!" }]);
  });

  it("a result with more rows names each user formula referencing it, with its sheet and cell", async () => {
    const fake = new FakeExcel();
    withUserFormulas(fake);
    const port = new OfficeWorkbook(fake.run, all);
    await port.writeSheets([projection(4, 1)]);
    const report = await port.writeSheets([projection(6, 2)]);
    expect(report.warnings).toEqual([
      {
        code: "references-may-move",
        sheet: "我的分析",
        cell: "A1",
        zh: "“我的分析”!A1 的公式 =预测!B3 引用结果表“预测”，该表由 5 行 × 2 列 变为 7 行 × 2 列，引用可能已指向别处，请检查",
        en: 'the formula =预测!B3 in "我的分析"!A1 references result sheet "预测", which changed from 5 rows × 2 columns to 7 rows × 2 columns: it may now point elsewhere, please check it',
      },
    ]);
    // The formula itself is still valid.
    expect((await port.readGrid("我的分析")).values[0]).toEqual([201]);
  });

  it("without ExcelApi 1.9 the formulas cannot be searched, and the warning says so", async () => {
    const fake = new FakeExcel();
    withUserFormulas(fake);
    const port = new OfficeWorkbook(fake.run, (v) => v !== "1.9");
    await port.writeSheets([projection(4, 1)]);
    const report = await port.writeSheets([projection(2, 2)]);
    expect(report.warnings.map((w) => [w.code, w.sheet])).toEqual([["references-unchecked", "预测"]]);
    expect(report.warnings[0].zh).toContain("此版本的 Excel 无法查找公式");
  });

  it("referencesSheet matches plain, quoted and embedded references, and not other sheets", () => {
    expect(referencesSheet("=预测!B5", "预测")).toBe(true);
    expect(referencesSheet("=SUM(预测!B5:B9)*2", "预测")).toBe(true);
    expect(referencesSheet("='预测 2'!B5", "预测 2")).toBe(true);
    expect(referencesSheet("='it''s'!A1", "it's")).toBe(true);
    expect(referencesSheet("=旧预测!B5", "预测")).toBe(false);
    expect(referencesSheet("=达标!B5", "预测")).toBe(false);
  });
});

describe("reading only a sheet's head", () => {
  /** A 5,000-row platform sheet with title rows, and an Excel table further down. */
  function bigSheet(fake: FakeExcel) {
    const rows = [
      ["平台基本情况表"],
      ["单位：亿元、亩"],
      ["平台名称", "用地面积", "产值"],
      ...Array.from({ length: 5000 }, (_, k) => [`平台${k}`, 1000 + k, 50 + k]),
    ];
    const s = fake.addSheet("平台表", rows);
    s.rows[5100] = [{ v: "名称" }, { v: "值" }];
    s.rows[5101] = [{ v: "a" }, { v: 1 }];
    s.tables.push({ name: "Notes", range: { top: 5100, left: 0, bottom: 5101, right: 1 }, hasHeaders: true });
    return s;
  }

  it("Office reads the first rows and each table's header, equal to the head of the full grid, in a few small syncs", async () => {
    const fake = new FakeExcel();
    bigSheet(fake);
    const port = new OfficeWorkbook(fake.run, all);
    const full = await port.readGrid("平台表");
    const from = fake.syncs.length;
    const head = await port.readGrid("平台表", { rows: 30 });
    expect(head).toEqual(headOf(full, 30));
    expect(head.values).toHaveLength(5101);
    expect(head.values[29]).toEqual(["平台26", 1026, 76]);
    expect(head.values[30]).toEqual([]);
    expect(head.values[5100]).toEqual(["名称", "值"]);
    // Exists, used range + tables, table ranges, the first 30 rows, the table's two rows.
    expect(fake.since(from)).toHaveLength(5);
    expect(Math.max(...fake.since(from).map((s) => s.responseBytes))).toBeLessThan(5_000);
  });

  it("memory gives the same head as Office", async () => {
    const fake = new FakeExcel();
    bigSheet(fake);
    const full = await new OfficeWorkbook(fake.run, all).readGrid("平台表");
    const memory = new MemoryWorkbook([full]);
    expect(await memory.readGrid("平台表", { rows: 30 })).toEqual(await new OfficeWorkbook(fake.run, all).readGrid("平台表", { rows: 30 }));
  });
});

describe("candidate detection on the head alone", () => {
  it("finds the same platform sheets with the same scores and header rows in both samples", async () => {
    for (const file of ["assets/samples/jiaxing-2017.xlsx", "assets/samples/lishui-2020.xlsx"]) {
      const book = await XlsxWorkbook.open(readFileSync(file), file);
      const names = (await book.listSheets()).map((s) => s.name);
      const full = await Promise.all(names.map((n) => book.readGrid(n)));
      const candidates = findPlatformSheets(full);
      expect(candidates[0].score).toBeGreaterThan(0);
      expect(findPlatformSheets(full.map((g) => headOf(g, HEADER_SCAN_ROWS)))).toEqual(candidates);
    }
  });
});

describe("read blocks sized from the last response", () => {
  it("nextBlockRows aims at READ_TARGET_BYTES and grows at most fourfold", () => {
    expect(READ_TARGET_BYTES).toBe(900_000);
    // 1,000 rows took 450 kB: 450 bytes a row → 2,000 rows fill 900 kB.
    expect(nextBlockRows(1000, 450_000)).toBe(2000);
    // 1,000 rows took 1.8 MB → 500 rows.
    expect(nextBlockRows(1000, 1_800_000)).toBe(500);
    // Tiny rows: 10 rows of 100 bytes would allow 90,000, capped at 40.
    expect(nextBlockRows(10, 100)).toBe(40);
    expect(nextBlockRows(1, 5_000_000)).toBe(1);
  });
});
