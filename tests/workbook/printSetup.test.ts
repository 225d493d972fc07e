/**
 * Issue 15.2: every result sheet prints — A4 landscape (paperSize 9), one page wide (fitToWidth 1,
 * fitToHeight 0), narrow side margins, the sheet's title (with the scenario's name) centred in the page
 * header and the sheet's name at its right, page numbers in the footer, the main table's header rows as
 * print titles. Checked on the specs and on the .xlsx XML written from them, parsed back.
 */
import { describe, expect, it } from "vitest";
import { columnLetters } from "../../src/workbook/grid.js";
import { OpcPackage } from "../../src/workbook/package/opcPackage.js";
import { findElement } from "../../src/workbook/package/xml.js";
import { buildResultSheets } from "../../src/workbook/results/index.js";
import { printScale } from "../../src/workbook/results/print.js";
import { headerFooterCode, type SheetSpec } from "../../src/workbook/sheetSpec.js";
import { definedNames } from "../../src/workbook/xlsx/workbookXml.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { sheetPart } from "../fixtures/fidelity/parts.js";
import { makeResult, runContext } from "./resultFixture.js";

const sheets = buildResultSheets(makeResult(), runContext);
const FOOTER = "第 {page} 页，共 {pages} 页 / Page {page} of {pages}";
/** The rows each sheet repeats: its one table's header (预测, 达标), none for stacked tables (汇总, 运行记录). */
const REPEAT: Record<string, { top: number; bottom: number } | undefined> = {
  预测: { top: 2, bottom: 2 },
  达标: { top: 7, bottom: 7 }, // under the summary lines
  汇总: undefined,
  运行记录: undefined,
};
/** The header texts of a sheet's first table. */
const headersOf = (s: SheetSpec) => s.rows[s.tables![0].range.top].map((c) => String(c.v));
/**
 * What each sheet prints: 预测 and 汇总 their columns before the Monte Carlo quantiles (which stay on
 * screen), 运行记录 its rows above the scenario's JSON; 达标 all of it.
 */
const beforeQuantiles = (s: SheetSpec) => {
  const headers = headersOf(s);
  const first = headers.findIndex((h) => h.startsWith("产值 P10"));
  return { columns: first >= 0 ? first : headers.length };
};
const AREA: Record<string, (s: SheetSpec) => { columns?: number; rows?: number }> = {
  预测: beforeQuantiles,
  达标: () => ({}),
  汇总: beforeQuantiles,
  运行记录: (s) => ({ rows: s.rows.findIndex((r) => String(r[0]?.v ?? "").startsWith("情景（JSON")) }),
};
const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

describe("page setup of every result sheet", () => {
  it("the specs: A4 landscape, one page wide, the title with the scenario's name, page numbers, repeated header rows", () => {
    for (const s of sheets) {
      expect(s.print, s.name).toEqual({
        orientation: "landscape",
        paper: "A4",
        fitToWidth: true,
        title: "平台优化提升情景模拟 · 测试方案",
        footer: FOOTER,
        ...(REPEAT[s.name] ? { repeatRows: REPEAT[s.name] } : {}),
        ...AREA[s.name](s),
      });
      // The repeated rows are the header row of the sheet's table.
      if (REPEAT[s.name]) expect(s.tables?.[0].range.top).toBe(REPEAT[s.name]!.top);
    }
    // 预测 prints 5 label columns, 12 figures and 约束 (A:R), 汇总 4 and 12 (A:P; the fixture's roll-ups have no quantiles).
    expect(sheets.map((s) => s.print?.columns)).toEqual([18, undefined, 16, undefined]);
    expect(sheets[3].print?.rows).toBeGreaterThan(10);
  });

  it("header codes: a literal & doubled, {page} and {pages} as &P and &N", () => {
    expect(headerFooterCode("R&D · 第 {page} 页，共 {pages} 页")).toBe("R&&D · 第 &P 页，共 &N 页");
  });

  it("the written .xlsx: pageSetup, fitToPage, margins, header and footer, print titles", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets(sheets);
    const pkg = OpcPackage.read(await book.toBuffer(), Number.MAX_SAFE_INTEGER);
    const names = definedNames(pkg.text("xl/workbook.xml"));
    sheets.forEach((s: SheetSpec, index) => {
      const xml = pkg.text(sheetPart(pkg, s.name));
      expect(attrs(findElement(xml, "pageSetUpPr")!.startTag)).toEqual({ fitToPage: "1" });
      expect(attrs(findElement(xml, "pageSetup")!.startTag)).toEqual({
        paperSize: "9",
        orientation: "landscape",
        fitToWidth: "1",
        fitToHeight: "0",
      });
      expect(attrs(findElement(xml, "pageMargins")!.startTag)).toEqual({
        left: "0.25",
        right: "0.25",
        top: "0.75",
        bottom: "0.75",
        header: "0.3",
        footer: "0.3",
      });
      expect(findElement(xml, "oddHeader")!.inner).toBe("&amp;C平台优化提升情景模拟 · 测试方案&amp;R&amp;A");
      expect(findElement(xml, "oddFooter")!.inner).toBe("&amp;C第 &amp;P 页，共 &amp;N 页 / Page &amp;P of &amp;N");
      const titles = names.find((n) => n.name === "_xlnm.Print_Titles" && n.localSheetId === String(index));
      const rr = REPEAT[s.name];
      expect(titles?.value ?? null, s.name).toBe(rr ? `'${s.name}'!$${rr.top + 1}:$${rr.bottom + 1}` : null);
      // The print area: the printed columns of every row, or every column of the printed rows.
      const area = names.find((n) => n.name === "_xlnm.Print_Area" && n.localSheetId === String(index));
      const { columns, rows } = AREA[s.name](s);
      const expected =
        columns !== undefined
          ? `'${s.name}'!$A$1:$${columnLetters(columns - 1)}$${s.rows.length}`
          : rows !== undefined
            ? `'${s.name}'!$A$1:$${columnLetters(s.columnWidths!.length - 1)}$${rows}`
            : null;
      expect(area?.value ?? null, s.name).toBe(expected);
    });
  });

  it("printScale: 100 % for a narrow sheet, the page width over the columns' for a wide one", () => {
    expect(printScale({ columnWidths: [10, 10] })).toBe(1);
    // 100 columns of 10 units: 100 × (75 px × 0.75) = 5,625 pt across; A4 landscape less 0.5 in of margins = 805.89 pt.
    expect(printScale({ columnWidths: Array(100).fill(10) })).toBe(0.14);
    // Only the printed columns count: the first 10 of them are 10 × 56.25 = 562.5 pt, within the page.
    const print = { ...sheets[0].print!, columns: 10 };
    expect(printScale({ columnWidths: Array(100).fill(10), print })).toBe(1);
    expect(printScale({ columnWidths: Array(100).fill(10), print: { ...print, columns: 20 } })).toBe(0.71);
  });
});
