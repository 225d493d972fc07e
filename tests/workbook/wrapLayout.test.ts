/**
 * Issue 15.2, the handout: long text columns wrap at a capped width (style wrap) and their rows grow; a
 * one-language header may take three lines; a sheet may print only its first columns or rows (the print
 * area). Hand-computed widths and heights: a CJK character is 2 width units, a column of w units has w − 1
 * of room, a line is 15 pt and a wrapped row 2 pt more.
 */
import { describe, expect, it } from "vitest";
import { headerLines, headerWidth, itemRows, SheetBuilder, text, wrappedWidth } from "../../src/workbook/results/layout.js";
import { printScale, printSetup } from "../../src/workbook/results/print.js";
import { words } from "../../src/workbook/results/language.js";
import { printArea, type SpecCell } from "../../src/workbook/sheetSpec.js";

const zh = words("zh");
const HASH = "0123456789abcdef".repeat(4); // 64 characters, no break
const LONG = "甲".repeat(30); // 60 units

describe("wrapped text columns", () => {
  it("caps the column, marks the cells wrap and makes each row as high as its lines", () => {
    const b = new SheetBuilder();
    b.table(
      "T",
      ["编号", "目标"],
      [
        [text("A"), text(LONG)],
        [text("B"), text("短")],
        [text("C"), text(HASH)],
      ],
      { wrap: { 1: 20 } },
    );
    const spec = b.build("S", 1, printSetup(zh, "t"));
    // 60 units at a cap of 20: the column is 22 wide, 21 of room → 10 characters a line → 3 lines, 47 pt.
    expect(spec.columnWidths).toEqual([6, 22]);
    expect(spec.rows.map((r) => r[1].style)).toEqual(["header", "wrap", "wrap", "wrap"]);
    expect(spec.rows[1][0].style).toBeUndefined();
    // The 64-character hash is broken between characters: 21 + 21 + 21 + 1 → 4 lines, 62 pt; "短" is one line.
    expect(spec.rowHeights).toEqual({ 1: 47, 3: 62 });
    expect(headerLines(HASH, 22)).toBe(4);
  });

  it("a lazy table stays lazy and gets the same heights", () => {
    const items = [LONG, "短", HASH];
    const lazy = new SheetBuilder();
    lazy.table(
      "T",
      ["编号", "目标"],
      itemRows(
        items,
        () => 1,
        (t): SpecCell[] => [text("x"), text(t)],
        2,
      ),
      { wrap: { 1: 20 } },
    );
    const spec = lazy.build("S", 1, printSetup(zh, "t"));
    expect(spec.rowHeights).toEqual({ 1: 47, 3: 62 });
    expect(spec.rows[1][1]).toEqual({ v: LONG, style: "wrap" });
  });

  it("stacked tables share a column's cap (wrapAt); a cell a table gave a style keeps it", () => {
    const b = new SheetBuilder();
    b.table("A", ["名称"], [[text("乙".repeat(15))]], { wrap: { 0: 20 } });
    b.row([text("丙".repeat(12), "wrap")]); // a plain row's own wrapped cell, under the same cap
    b.table("B", ["名称"], [[text("达标", "met")]], { wrap: { 0: 20 } });
    const spec = b.build("S", 0, printSetup(zh, "t"));
    expect(spec.columnWidths).toEqual([22]);
    // 15 characters: 10 + 5 → 2 lines (32 pt); 12: 10 + 2 → 2 lines.
    expect(spec.rowHeights).toEqual({ 1: 32, 2: 32 });
    expect(spec.rows[4][0].style).toBe("met");
  });

  it("a title row is 20 pt high (its 14-pt text), a wrapped row as high as its lines", () => {
    const b = new SheetBuilder();
    b.title("标题", 2);
    b.row([text("小节", "title")]);
    b.table("T", ["目标"], [[text(LONG)]], { wrap: { 0: 20 } });
    expect(b.build("S", 0, printSetup(zh, "t")).rowHeights).toEqual({ 0: 20, 1: 20, 3: 47 });
  });

  it("the .xlsx writes a wrapped cell bottom-aligned (level with its row), a header centred", async () => {
    const { StyleBook } = await import("../../src/workbook/xlsx/stylesXml.js");
    const book = new StyleBook(
      '<styleSheet><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
    );
    const wrap = book.cellXf("wrap", undefined);
    const header = book.cellXf("header", undefined);
    const xfs = [...book.text().matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    expect(xfs[wrap]).toContain('<alignment wrapText="1"/>');
    expect(xfs[header]).toContain('<alignment vertical="center" wrapText="1"/>');
  });

  it("wrappedWidth: the text's width up to the cap", () => {
    expect(wrappedWidth("短文本", 20)).toBe(6);
    expect(wrappedWidth(LONG, 20)).toBe(20);
    expect(wrappedWidth(HASH, 40)).toBe(40);
  });
});

describe("headers on three lines in a one-language sheet", () => {
  it("a one-language header asks a third of its width, a bilingual one half of each language's", () => {
    // 高新技术产业增加值（亿元）: 13 characters, 26 units → 9 (three lines); bilingual: 26 / 2 = 13 and the
    // English "High-tech value added (100M yuan)" 34 / 2 = 17 → 17.
    expect(headerWidth("高新技术产业增加值（亿元）")).toBe(9);
    expect(headerWidth("高新技术产业增加值（亿元） / High-tech value added (100M yuan)")).toBe(17);
    // Its longest word still fits: "Strategic" (9) in an English header of 10 words.
    expect(headerWidth("Strategic emerging industry output (100M yuan)")).toBe(16);
    expect(headerLines("高新技术产业增加值（亿元）", 11)).toBe(3);
  });
});

describe("the print area", () => {
  const rows = [[text("a"), text("b"), text("c")], [text("d")], [text("e")]];
  it("the first columns of every row, or every column of the first rows; none when all prints", () => {
    const print = printSetup(zh, "t");
    expect(printArea({ rows, print })).toBeNull();
    expect(printArea({ rows, print: { ...print, columns: 2 } })).toEqual({ top: 0, left: 0, bottom: 2, right: 1 });
    expect(printArea({ rows, columnWidths: [6, 6, 6], print: { ...print, rows: 2 } })).toEqual({ top: 0, left: 0, bottom: 1, right: 2 });
    // More rows asked than there are: the sheet's.
    expect(printArea({ rows, print: { ...print, columns: 1, rows: 10 } })).toEqual({ top: 0, left: 0, bottom: 2, right: 0 });
  });

  it("printScale counts the printed columns only", () => {
    // 30 columns of 10 units are 1,687.5 pt (0.47); the first 12 are 675 pt, within the 805.89 pt of an A4 landscape page.
    const columnWidths = Array<number>(30).fill(10);
    expect(printScale({ columnWidths, print: printSetup(zh, "t") })).toBe(0.47);
    expect(printScale({ columnWidths, print: printSetup(zh, "t", undefined, { columns: 12 }) })).toBe(1);
  });
});
