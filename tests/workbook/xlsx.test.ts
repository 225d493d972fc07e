import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkbookError, type WorkbookPort } from "../../src/workbook/port.js";
import type { SheetSpec } from "../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { openXlsxFile, saveXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { at, runPortContract, trimmed } from "./contract.js";

/** An xlsx port that saves and reopens itself after every write, so reads see only what survives the file. */
class ReopeningXlsx implements WorkbookPort {
  readonly kind = "xlsx" as const;
  constructor(private inner: XlsxWorkbook) {}
  private async reload(): Promise<void> {
    this.inner = await XlsxWorkbook.open(await this.inner.toBuffer());
  }
  listSheets = () => this.inner.listSheets();
  readGrid = (sheet: string) => this.inner.readGrid(sheet);
  readStore = (key: string) => this.inner.readStore(key);
  async writeSheets(specs: SheetSpec[]): Promise<void> {
    await this.inner.writeSheets(specs);
    await this.reload();
  }
  async writeStore(key: string, json: string): Promise<void> {
    await this.inner.writeStore(key, json);
    await this.reload();
  }
}

runPortContract("xlsx", async () => XlsxWorkbook.create());
runPortContract("xlsx, saved and reopened after each write", async () => new ReopeningXlsx(XlsxWorkbook.create()));

const spec: SheetSpec = {
  name: "预测",
  rows: [
    [{ v: "平台优化提升情景模拟 · 基准方案", style: "title" }],
    [
      { v: "平台 / Platform", style: "header" },
      { v: "产值（亿元）/ Output", style: "header" },
      { v: "亩均税收（万元/亩）/ Tax per mu", style: "header" },
      { v: "达标 / Met", style: "header" },
    ],
    [{ v: "=1+1" }, { v: 123.456, fmt: "yi" }, { v: 31.25, fmt: "perMu" }, { v: "是", style: "met" }],
    [{ v: "平湖" }, { v: NaN, fmt: "yi" }, { v: 0.5, fmt: "pct" }, { v: "否", style: "notMet" }],
  ],
  columnWidths: [18, 14, 16, 8],
  rowHeights: { 1: 32 },
  frozen: { rows: 2, cols: 0 },
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
  tables: [{ name: "PP_Projection", header: true, range: { top: 1, left: 0, bottom: 3, right: 3 } }],
  conditionalFormats: [{ range: { top: 2, left: 0, bottom: 3, right: 3 }, column: 3, equals: "是", style: "met" }],
};

let dir: string;
let input: string;
const sha = async (p: string) =>
  createHash("sha256")
    .update(await readFile(p))
    .digest("hex");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parkplan-xlsx-"));
  // A user's workbook made by another tool: a formula, a date, a table, a hidden sheet.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("平台清单");
  ws.addRow(["平台名称", "产值（万元）", "日期"]);
  ws.addRow(["嘉兴经济技术开发区", 3591500, new Date(Date.UTC(2017, 11, 31))]);
  ws.getCell("B3").value = { formula: "B2*2", result: 7183000 };
  ws.addTable({ name: "Platforms", ref: "E1", headerRow: true, columns: [{ name: "县" }, { name: "数量" }], rows: [["嘉善", 2]] });
  wb.addWorksheet("备注", { state: "hidden" }).getCell("A1").value = "note";
  input = join(dir, "input.xlsx");
  await wb.xlsx.writeFile(input);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function reopen(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("XlsxWorkbook files", () => {
  it("saves formats, widths, frozen panes, merges, tables and highlights that exceljs reads back", async () => {
    const port = XlsxWorkbook.create();
    await port.writeSheets([spec]);
    const out = join(dir, "formats.xlsx");
    await saveXlsxFile(port, out);
    const ws = (await reopen(out)).getWorksheet("预测")!;
    expect(ws.getCell("B3").numFmt).toBe("0.00");
    expect(ws.getCell("B3").value).toBe(123.456);
    expect(ws.getCell("C3").numFmt).toBe("0.0");
    expect(ws.getCell("C4").numFmt).toBe("0.0%");
    expect(ws.getCell("A3").value).toBe("=1+1");
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B4").value).toBeNull();
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("D3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } });
    expect(ws.getCell("D4").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([18, 14, 16, 8]);
    expect(ws.getRow(2).height).toBe(32);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 2, topLeftCell: "A3" });
    expect((ws.model as { merges: string[] }).merges).toEqual(["A1:D1"]);
    const table = ws.getTables()[0] as unknown as { table: { name: string; tableRef: string } };
    expect(table.table.name).toBe("PP_Projection");
    expect(table.table.tableRef).toBe("A2:D4");
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].formulae[0]])).toEqual([["A3:D4", '$D3="是"']]);
  });

  it("adds result sheets after the user's, keeps the user's sheets and never modifies the input", async () => {
    const before = await sha(input);
    const port = await openXlsxFile(input);
    const userBefore = await port.readGrid("平台清单");
    await port.writeStore("scenario", '{"name":"基准方案"}');
    await port.writeSheets([spec, { name: "达标", rows: [[{ v: "x" }]] }]);
    const out = join(dir, "out.xlsx");
    await saveXlsxFile(port, out);
    expect(await sha(input)).toBe(before);

    const wb = await reopen(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["平台清单", "visible"],
      ["备注", "hidden"],
      ["预测", "visible"],
      ["达标", "visible"],
      ["_parkplan", "veryHidden"],
    ]);
    const again = await openXlsxFile(out);
    const userAfter = await again.readGrid("平台清单");
    expect(trimmed(userAfter)).toEqual(trimmed(userBefore));
    expect(at(userAfter, 2, 1)).toBe(7183000);
    expect(at(userAfter, 1, 2)).toEqual(new Date(Date.UTC(2017, 11, 31)));
    expect(userAfter.tables).toEqual([{ name: "Platforms", range: { top: 0, left: 4, bottom: 1, right: 5 } }]);
    expect(wb.getWorksheet("平台清单")!.getCell("B3").formula).toBe("B2*2");
    expect(await again.readStore("scenario")).toBe('{"name":"基准方案"}');
    expect((await again.listSheets()).map((s) => s.name)).toEqual(["平台清单", "备注", "预测", "达标"]);

    // A second run replaces its sheets in place and keeps the store last.
    await again.writeSheets([{ name: "预测", rows: [[{ v: "第二次 / second run" }]] }]);
    const out2 = join(dir, "out2.xlsx");
    await saveXlsxFile(again, out2);
    const wb2 = await reopen(out2);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(["平台清单", "备注", "预测", "达标", "_parkplan"]);
    expect(wb2.getWorksheet("预测")!.getCell("A1").value).toBe("第二次 / second run");
    expect(wb2.getWorksheet("预测")!.getTables()).toEqual([]);
  });

  it("keeps literal _xHHHH_ text through a file, in merged and rich-text cells too, without changing the model", async () => {
    const port = XlsxWorkbook.create();
    const title = "方案_x0041_ · _x005F_";
    await port.writeSheets([
      { name: "标题", rows: [[{ v: title, style: "title" }], [{ v: "a_x0042_b" }]], merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] },
    ]);
    const bytes = await port.toBuffer();
    expect((await port.readGrid("标题")).values[0][0]).toBe(title);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("标题")!;
    expect(ws.getCell("A1").value).toBe(title);
    expect(ws.getCell("A2").value).toBe("a_x0042_b");
    // Written escaped by hand, so the user's file holds the rich text "富_x0043_".
    ws.getCell("A3").value = { richText: [{ text: "富_x005F_x0043_" }] };
    const again = await XlsxWorkbook.open(Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await again.readGrid("标题")).values[2][0]).toBe("富_x0043_");
    const reread = await XlsxWorkbook.open(await again.toBuffer());
    expect((await reread.readGrid("标题")).values[2][0]).toBe("富_x0043_");
  });

  it("keeps control characters and carriage returns through a file (written as OOXML escapes)", async () => {
    const port = XlsxWorkbook.create();
    const text = "a\u0001b\r\nc\u001f";
    await port.writeSheets([{ name: "控制", rows: [[{ v: text }]] }]);
    const again = await XlsxWorkbook.open(await port.toBuffer());
    expect((await again.readGrid("控制")).values[0][0]).toBe(text);
  });

  it("refuses to overwrite the input file, also through a symlink", async () => {
    const port = await openXlsxFile(input);
    await expect(saveXlsxFile(port, input)).rejects.toMatchObject({ code: "overwrite-input" });
    const link = join(dir, "link.xlsx");
    await symlink(input, link);
    await expect(saveXlsxFile(port, link)).rejects.toBeInstanceOf(WorkbookError);
  });

  it("leaves neither a half-written file nor a temp file when saving fails", async () => {
    const port = XlsxWorkbook.create();
    await port.writeSheets([spec]);
    const missing = join(dir, "no-such-folder", "out.xlsx");
    await expect(saveXlsxFile(port, missing)).rejects.toThrow();
    const target = join(dir, "kept.xlsx");
    await writeFile(target, "old");
    // A directory where the file should go makes the rename fail after the temp file is written.
    const blocked = join(dir, "blocked");
    await import("node:fs/promises").then((fs) => fs.mkdir(join(blocked, "out.xlsx"), { recursive: true }));
    await expect(saveXlsxFile(port, join(blocked, "out.xlsx"))).rejects.toThrow();
    expect(await readdir(blocked)).toEqual(["out.xlsx"]);
    await saveXlsxFile(port, target);
    expect((await readFile(target)).subarray(0, 2).toString()).toBe("PK");
  });

  it("reports a file that is not an .xlsx in Chinese and English", async () => {
    const bad = join(dir, "bad.xlsx");
    await writeFile(bad, "not a zip");
    const err = await openXlsxFile(bad).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "not-xlsx" });
    expect((err as Error).message).toMatch(/^无法读取 .*bad\.xlsx.* \/ cannot read /);
  });
});
