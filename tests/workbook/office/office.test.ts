import { describe, expect, it } from "vitest";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook.js";
import type { SheetSpec } from "../../../src/workbook/sheetSpec.js";
import { runPortContract, trimmed, userSheet } from "../contract.js";
import { FakeExcel } from "./fakeExcel.js";

const all = () => true;
const officeOver = (fake: FakeExcel, supports: (v: string) => boolean = all) => new OfficeWorkbook(fake.run, supports);

runPortContract("office (fake)", async () => {
  const fake = new FakeExcel();
  // Excel always has a sheet; the contract starts from a workbook without user sheets, so the fake's own is hidden.
  fake.addSheet("Sheet1").visibility = "Hidden";
  return {
    kind: "office",
    listSheets: async () => (await officeOver(fake).listSheets()).filter((s) => s.name !== "Sheet1"),
    readGrid: (s) => officeOver(fake).readGrid(s),
    writeSheets: (specs) => officeOver(fake).writeSheets(specs),
    readStore: (k) => officeOver(fake).readStore(k),
    writeStore: (k, j) => officeOver(fake).writeStore(k, j),
  };
});

const spec: SheetSpec = {
  name: "预测",
  rows: [
    [{ v: "平台优化提升情景模拟 · 基准方案", style: "title" }],
    [
      { v: "平台 / Platform", style: "header" },
      { v: "产值（亿元）/ Output", style: "header" },
      { v: "达标 / Met", style: "header" },
    ],
    [{ v: "=1+1" }, { v: 123.456, fmt: "yi" }, { v: "是", style: "met" }],
    [{ v: "2020年1月" }, { v: NaN, fmt: "yi" }, { v: "否", style: "notMet" }],
  ],
  columnWidths: [18, 14, 14],
  rowHeights: { 1: 32 },
  frozen: { rows: 2, cols: 0 },
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  tables: [{ name: "PP_Projection", header: true, range: { top: 1, left: 0, bottom: 3, right: 2 } }],
  conditionalFormats: [{ range: { top: 2, left: 0, bottom: 3, right: 2 }, column: 2, equals: "是", style: "met" }],
};

describe("OfficeWorkbook over the fake Excel", () => {
  it("renders formats, styles, widths, frozen rows, merges, tables and highlights as Excel objects", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    await officeOver(fake).writeSheets([spec]);
    const s = fake.sheet("预测")!;
    expect(s.rows[2][0]).toMatchObject({ v: "=1+1", quote: true });
    expect(s.rows[2][0]?.formula).toBeUndefined();
    expect(s.rows[3][0]).toMatchObject({ v: "2020年1月", quote: true });
    expect(s.rows[2][1]).toMatchObject({ v: 123.456, fmt: "0.00" });
    expect(s.rows[3][1]?.v ?? null).toBeNull();
    expect(s.rows[0][0]?.style).toMatchObject({ "font.bold": true, "font.size": 14 });
    expect(s.rows[1][2]?.style).toMatchObject({ "fill.color": "#DDEBF7", wrapText: true, "border.EdgeBottom.style": "Continuous" });
    expect(s.rows[2][2]?.style).toMatchObject({ "fill.color": "#C6EFCE", "font.color": "#006100" });
    expect(s.rows[3][2]?.style).toMatchObject({ "fill.color": "#FFC7CE" });
    // 18 characters → (18 × 7 + 5) px × 0.75 = 98.25 pt; 14 → 77.25 pt.
    expect([0, 1, 2].map((c) => s.columnWidths.get(c))).toEqual([98.25, 77.25, 77.25]);
    expect(s.rowHeights.get(1)).toBe(32);
    expect(s.frozen).toEqual({ rows: 2, cols: 0 });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(s.tables).toEqual([
      { name: "PP_Projection", range: { top: 1, left: 0, bottom: 3, right: 2 }, hasHeaders: true, style: "TableStyleLight1" },
    ]);
    expect(s.conditionalFormats).toEqual([
      { range: { top: 2, left: 0, bottom: 3, right: 2 }, type: "Custom", formula: '=$C3="是"', fill: "#C6EFCE", font: "#006100" },
    ]);
    expect(fake.names()).toEqual(["Sheet1", "预测"]);
    expect(fake.suspended.calculation).toBeGreaterThan(0);
    expect(fake.suspended.screen).toBe(1);
  });

  it("skips screen-updating suspension and merge reading where the ExcelApi set is missing", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const old = officeOver(fake, (v) => v === "1.7");
    await old.writeSheets([spec]);
    expect(fake.suspended.screen).toBe(0);
    expect((await old.readGrid("预测")).merges).toEqual([]);
    expect((await officeOver(fake).readGrid("预测")).merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it("reads a user's sheet like the .xlsx adapter: offset used range, errors, dates, formats, table ranges", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("平台清单");
    s.rows[2] = [undefined, { v: "平台名称" }, { v: "产值（万元）" }, { v: "日期" }];
    s.rows[3] = [undefined, { v: "嘉善" }, { v: { error: "#N/A" } }, { v: 43100, fmt: "yyyy/m/d" }];
    s.rows[4] = [undefined, { v: "平湖" }, { v: 12.5, fmt: "0.00" }, { v: null, fmt: "0.00" }];
    s.tables.push({ name: "Platforms", range: { top: 2, left: 1, bottom: 4, right: 3 }, hasHeaders: true });
    s.merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
    const grid = await officeOver(fake).readGrid("平台清单");
    // Row 1 is covered by a merge: its cells are present and empty, as exceljs reports them.
    expect(grid.values).toEqual([
      [null, null, null, null],
      [],
      [null, "平台名称", "产值（万元）", "日期"],
      [null, "嘉善", { error: "#N/A" }, new Date(Date.UTC(2017, 11, 31))],
      [null, "平湖", 12.5],
    ]);
    expect(grid.formats).toEqual([
      [null, null, null, null],
      [],
      [null, null, null, null],
      [null, null, null, "yyyy/m/d"],
      [null, null, "0.00"],
    ]);
    expect(grid.tables).toEqual([{ name: "Platforms", range: { top: 2, left: 1, bottom: 4, right: 3 } }]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });

  it("a failure while writing says which result sheets may be incomplete; the user's sheets stay as they were", async () => {
    const fake = new FakeExcel();
    const port = officeOver(fake);
    await port.writeSheets([userSheet, { ...spec, name: "汇总", tables: [] }]);
    const user = trimmed(await port.readGrid("用户数据"));
    // Three reading syncs (names, sheet details, the search for formulas: 汇总 changes shape), the sync that
    // clears 汇总 and adds 预测, then the first block of values fails.
    fake.failAfter = 5;
    const err = await port.writeSheets([{ ...spec, name: "汇总", tables: [], rows: [[{ v: "第二次" }]] }, spec]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "write-incomplete" });
    expect((err as Error).message).toMatch(
      /与 Excel 的连接中断.*结果表 “汇总”、“预测” 可能不完整，请重新运行；你自己的工作表未被改动 \/ the connection to Excel was lost.*may be incomplete: run again; your own sheets were not changed/,
    );
    // The documented failure mode: 汇总 cleared but not rewritten, 预测 added but empty.
    expect(fake.names()).toEqual(["用户数据", "汇总", "预测"]);
    expect(trimmed(await port.readGrid("汇总"))).toEqual([]);
    expect(trimmed(await port.readGrid("用户数据"))).toEqual(user);
  });

  it("a store written by Excel keeps the very hidden sheet last, also when result sheets are added later", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const port = officeOver(fake);
    await port.writeStore("scenario", "123");
    await port.writeSheets([spec]);
    expect(fake.names()).toEqual(["Sheet1", "预测", "_parkplan"]);
    expect(fake.sheet("_parkplan")!.visibility).toBe("VeryHidden");
    expect(fake.sheet("_parkplan")!.rows[0].map((c) => c?.v)).toEqual(["scenario", "123"]);
    expect(await port.readStore("scenario")).toBe("123");
    await port.writeStore("scenario", "");
    expect(await port.readStore("scenario")).toBe("");
    expect(await port.readGrid("_parkplan").catch((e: { code: string }) => e.code)).toBe("sheet-missing");
  });
});

describe("OfficeWorkbook.selectCell", () => {
  it("activates the sheet and selects the cell a message names", async () => {
    const excel = new FakeExcel();
    excel.addSheet("平台表", [["平台名称", "用地"]]);
    excel.addSheet("其他");
    await new OfficeWorkbook(excel.run).selectCell("平台表", "D7");
    // D7 = row 6, column 3 (0-based)
    expect(excel.selection).toEqual({ sheet: "平台表", range: { top: 6, left: 3, bottom: 6, right: 3 } });
  });

  it("names a sheet that no longer exists in Chinese and English", async () => {
    const excel = new FakeExcel();
    excel.addSheet("其他");
    await expect(new OfficeWorkbook(excel.run).selectCell("平台表", "A1")).rejects.toThrow(/找不到工作表“平台表”.*no sheet named "平台表"/);
    expect(excel.selection).toBeNull();
  });
});

describe("OfficeWorkbook print setup", () => {
  const spec: SheetSpec = {
    name: "情景对比",
    rows: [[{ v: "标题" }], [{ v: "a" }, { v: 1 }]],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, title: "情景对比 & 方案", repeatRows: { top: 0, bottom: 1 } },
  };

  it("applies A4 landscape, one page wide, title rows and the header where ExcelApi 1.9 exists", async () => {
    const excel = new FakeExcel();
    excel.addSheet("用户表");
    await new OfficeWorkbook(excel.run, () => true).writeSheets([spec]);
    expect(excel.sheet("情景对比")!.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      centerHeader: "情景对比 && 方案",
      centerFooter: "&P / &N",
    });
  });

  it("sets the print area of a sheet that prints its first columns only (the .xlsx's _xlnm.Print_Area)", async () => {
    const excel = new FakeExcel();
    excel.addSheet("用户表");
    const keyColumns: SheetSpec = {
      ...spec,
      rows: [...spec.rows, [{ v: "b" }, { v: 2 }, { v: 3 }]],
      print: { ...spec.print!, columns: 2 },
    };
    await new OfficeWorkbook(excel.run, () => true).writeSheets([keyColumns]);
    // Columns A:B of all three rows; column C (the screen-only detail) is outside.
    expect(excel.sheet("情景对比")!.pageLayout?.printArea).toBe("A1:B3");
  });

  it("skips the print setup on hosts without ExcelApi 1.9, writing the sheet all the same", async () => {
    const excel = new FakeExcel();
    excel.addSheet("用户表");
    await new OfficeWorkbook(excel.run, (v) => v !== "1.9").writeSheets([spec]);
    expect(excel.sheet("情景对比")!.pageLayout).toBeUndefined();
    expect(excel.sheet("情景对比")!.rows[1][1]?.v).toBe(1);
  });
});
