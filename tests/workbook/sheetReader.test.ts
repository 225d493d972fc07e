/**
 * The streaming sheet reader against exceljs: for every workbook fixture, hostile workbook and sample,
 * each sheet's grid (and its head) read by XlsxWorkbook equals what exceljs + worksheetToGrid gives. Then
 * hand-written sheet XML for what those files do not hold, each with its expected grid.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { headOf, type SheetGrid } from "../../src/workbook/grid.js";
import { STORE_SHEET } from "../../src/workbook/results/sheetNames.js";
import { loadExcelJs, readPackage } from "../../src/workbook/xlsx/readPackage.js";
import { worksheetToGrid } from "../../src/workbook/xlsx/toGrid.js";
import { readCellFormats } from "../../src/workbook/xlsx/cellFormats.js";
import { readSharedStrings } from "../../src/workbook/xlsx/sharedStringsReader.js";
import { readSheet } from "../../src/workbook/xlsx/sheetReader.js";
import { PackageReader } from "../../src/workbook/xlsx/workbookReader.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { everythingWorkbook, macroWorkbook, strictWorkbook } from "../fixtures/fidelity/make.js";
import { workbookCases } from "../hostile/workbookCases.js";

/** Every sheet (store included) as exceljs reads it. */
async function excelJsGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const wb = await loadExcelJs(readPackage(bytes, "(test)", Number.MAX_SAFE_INTEGER), "(test)");
  return wb.worksheets.map(worksheetToGrid);
}

/** Every sheet (store included) as the streaming reader reads it, whole or its head. */
async function streamedGrids(bytes: Uint8Array, rows?: number): Promise<SheetGrid[]> {
  const reader = PackageReader.open(readPackage(bytes, "(test)", Number.MAX_SAFE_INTEGER));
  return Promise.all(reader.sheets.map((s) => reader.grid(s, rows)));
}

async function expectSameAsExcelJs(bytes: Uint8Array): Promise<void> {
  const expected = await excelJsGrids(bytes);
  expect(await streamedGrids(bytes)).toEqual(expected);
  for (const rows of [1, 3, 20]) expect(await streamedGrids(bytes, rows)).toEqual(expected.map((g) => headOf(g, rows)));
}

const root = await mkdtemp(join(tmpdir(), "parkplan-sheetreader-"));
afterAll(() => rm(root, { recursive: true, force: true }));

async function xlsxFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => /\.xls[xm]$/.test(f)).map((f) => join(dir, f));
}

describe("the streaming reader gives exceljs's grid", async () => {
  const files = [...(await xlsxFilesIn("tests/fixtures/sheets")), ...(await xlsxFilesIn("assets/samples"))];
  it("has the fixtures and samples to compare", () => expect(files.length).toBeGreaterThanOrEqual(6));
  it.each(files)("%s", async (file) => expectSameAsExcelJs(new Uint8Array(await readFile(file))));

  it.each([
    ["everything (fidelity)", everythingWorkbook],
    ["macro-enabled .xlsm", macroWorkbook],
    ["Strict OOXML", strictWorkbook],
  ])("%s", async (_label, make) => expectSameAsExcelJs(await make()));

  it.each(workbookCases.map((c) => [c.id, c] as const))("hostile workbook %s", async (id, c) => {
    const dir = join(root, id);
    await rm(dir, { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(dir));
    await c.setup(dir);
    await expectSameAsExcelJs(new Uint8Array(await readFile(join(dir, "book.xlsx"))));
  });

  it("a workbook ParkPlan wrote: result sheets, tables, merges and the store", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([
      {
        name: "预测",
        rows: [
          [{ v: "标题", style: "title" }],
          [{ v: "平台" }, { v: "产值" }, { v: "占比" }],
          [{ v: "甲" }, { v: 12.5, fmt: "yi" }, { v: 0.25, fmt: "pct" }],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
        tables: [{ name: "PP_T", header: true, range: { top: 1, left: 0, bottom: 2, right: 2 } }],
      },
    ]);
    await book.writeStore("scenario", "x".repeat(70_000));
    const bytes = await book.toBuffer();
    await expectSameAsExcelJs(bytes);
    const again = await XlsxWorkbook.open(bytes);
    expect(await again.readStore("scenario")).toBe("x".repeat(70_000));
    expect((await again.listSheets()).map((s) => s.name)).toEqual(["预测"]);
    expect((await streamedGrids(bytes)).map((g) => g.sheet)).toEqual(["预测", STORE_SHEET]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Hand-written packages.

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

interface Parts {
  sheetData: string;
  /** After </sheetData>: mergeCells … */
  tail?: string;
  /** Before <sheetData>: cols … */
  head?: string;
  strings?: string[];
  /** cellXfs numFmtIds (index 0 first); custom formats as [id, code]. */
  xfs?: number[];
  numFmts?: [number, string][];
  date1904?: boolean;
  strict?: boolean;
  prefix?: string;
}

function handMade(p: Parts): Uint8Array {
  const main = p.strict ? STRICT_MAIN : MAIN;
  const rel = p.strict ? STRICT_REL : REL;
  const relType = (t: string) => `${rel}/${t}`;
  const x = p.prefix ?? "";
  const ns = x ? `xmlns:${x.slice(0, -1)}="${main}"` : `xmlns="${main}"`;
  const xfs = (p.xfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join("");
  const numFmts = (p.numFmts ?? []).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, "&quot;")}"/>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<${x}workbook ${ns} xmlns:r="${rel}"${p.strict ? ' conformance="strict"' : ""}>${p.date1904 ? `<${x}workbookPr date1904="1"/>` : ""}<${x}sheets><${x}sheet name="表" sheetId="1" r:id="rId1"/></${x}sheets></${x}workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType("worksheet")}" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${relType("styles")}" Target="styles.xml"/><Relationship Id="rId3" Type="${relType("sharedStrings")}" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `<styleSheet xmlns="${main}">${numFmts ? `<numFmts count="${p.numFmts!.length}">${numFmts}</numFmts>` : ""}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="${(p.xfs ?? [0]).length}">${xfs}</cellXfs></styleSheet>`,
    ),
    "xl/sharedStrings.xml": strToU8(`<${x}sst ${ns}>${(p.strings ?? []).join("")}</${x}sst>`),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${x}worksheet ${ns} xmlns:r="${rel}">${p.head ?? ""}<${x}sheetData>${p.sheetData}</${x}sheetData>${p.tail ?? ""}</${x}worksheet>`,
    ),
  });
}

async function streamed(p: Parts, rows?: number): Promise<SheetGrid> {
  return (await streamedGrids(handMade(p), rows))[0];
}

describe("hand-written sheet XML", () => {
  it("shared strings with rich runs, phonetic runs, entities and _xHHHH_ escapes", async () => {
    const p: Parts = {
      strings: [
        "<si><t>嘉兴经开区</t></si>",
        '<si><r><rPr><b/></rPr><t>平湖</t></r><r><t xml:space="preserve"> 经开区 </t></r></si>',
        "<si><t>R&amp;D &lt;占比&gt; &#x4E00;&#20108;</t></si>",
        "<si><t>园区_x005F_x0041_ A_x0042_</t><rPh sb='0' eb='1'><t>えん</t></rPh></si>",
        "<si><t/></si>",
      ],
      sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>`,
    };
    const grid = await streamed(p);
    expect(grid.values).toEqual([["嘉兴经开区", "平湖 经开区 ", "R&D <占比> 一二", "园区_x0041_ AB", ""]]);
    expect(grid).toEqual((await excelJsGrids(handMade(p)))[0]);
  });

  it("inline strings (plain, rich, with entities), numbers, booleans, errors, formulas' cached values", async () => {
    const p: Parts = {
      sheetData:
        `<row r="1"><c r="A1" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr/><t>文本</t></r></is></c>` +
        `<c r="C1"><v>3591.5</v></c><c r="D1" t="n"><v>-1.5E-3</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c></row>` +
        `<row r="2"><c r="A2" t="e"><v>#N/A</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2"><f>SUM(C1:D1)</f><v>3591.4985</v></c>` +
        `<c r="D2" t="str"><f>"甲"&amp;"乙"</f><v>甲乙</v></c><c r="E2" t="b"><f>TRUE()</f><v>1</v></c><c r="F2"><f>NOW()</f></c><c r="G2"><f t="shared" ref="G2:G3" si="0">C2*2</f><v>7182.997</v></c></row>` +
        `<row r="3"><c r="G3"><f t="shared" si="0"/><v>14</v></c></row>`,
    };
    const grid = await streamed(p);
    expect(grid.values).toEqual([
      ["内联 & 文本", "富文本", 3591.5, -0.0015, true, false],
      [{ error: "#N/A" }, { error: "#DIV/0!" }, 3591.4985, "甲乙", true, null, 7182.997],
      [null, null, null, null, null, null, 14],
    ]);
    expect(grid).toEqual((await excelJsGrids(handMade(p)))[0]);
  });

  it("dates and percentages from number formats, built-in and custom, in the 1900 and the 1904 system", async () => {
    const p: Parts = {
      xfs: [0, 14, 164, 9, 165, 2],
      numFmts: [
        [164, 'yyyy"年"m"月"d"日"'],
        [165, '0.0"亩"'],
      ],
      sheetData: `<row r="1"><c r="A1" s="1"><v>43100</v></c><c r="B1" s="2"><v>43100.5</v></c><c r="C1" s="3"><v>0.031</v></c><c r="D1" s="4"><v>1500</v></c><c r="E1" s="5"><v>2.5</v></c><c r="F1" s="1"><f>A1+1</f><v>43101</v></c></row>`,
    };
    const grid = await streamed(p);
    expect(grid.values).toEqual([
      [new Date(Date.UTC(2017, 11, 31)), new Date(Date.UTC(2017, 11, 31, 12)), 0.031, 1500, 2.5, new Date(Date.UTC(2018, 0, 1))],
    ]);
    expect(grid.formats).toEqual([["mm-dd-yy", 'yyyy"年"m"月"d"日"', "0%", '0.0"亩"', "0.00", "mm-dd-yy"]]);
    expect(grid).toEqual((await excelJsGrids(handMade(p)))[0]);
    const in1904 = await streamed({ ...p, date1904: true });
    // 1462 days later: four years and a day.
    expect(in1904.values[0][0]).toEqual(new Date(Date.UTC(2022, 0, 1)));
    expect(in1904).toEqual((await excelJsGrids(handMade({ ...p, date1904: true })))[0]);
  });

  it("sparse rows and cells, styled empty cells, cells and rows without r=", async () => {
    const p: Parts = {
      xfs: [0, 2],
      sheetData:
        `<row r="2"><c r="C2"><v>1</v></c><c r="E2" s="1"/><c r="F2" s="1"><v>2</v></c><c r="H2" s="1"/></row>` +
        `<row r="5" spans="1:3"><c r="A5" s="1"/></row><row r="7"><c r="B7" t="inlineStr"><is><t></t></is></c><c r="D7"><v>4</v></c></row>`,
    };
    const grid = await streamed(p);
    expect(grid.values).toEqual([[], [null, null, 1, null, null, 2], [], [], [], [], [null, null, null, 4]]);
    expect(grid.formats).toEqual([[], [null, null, null, null, null, "0.00"], [], [], [], [], [null, null, null, null]]);
    expect(grid).toEqual((await excelJsGrids(handMade(p)))[0]);
    // Without r=: the next row, the next column (exceljs cannot read these).
    const implicit = await streamed({
      sheetData: `<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>`,
    });
    expect(implicit.values).toEqual([
      [1, 2],
      [null, null, 3, 4],
    ]);
  });

  it("merges: the covered cells present and empty, in rows of their own too", async () => {
    const p: Parts = {
      xfs: [0, 9],
      head: `<cols><col min="3" max="3" width="9" style="1"/></cols>`,
      sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" s="1"/></row><row r="2"><c r="A2"><v>1</v></c></row>`,
      tail: `<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A3:B4"/></mergeCells>`,
    };
    const grid = await streamed(p);
    expect(grid.values).toEqual([["标题", null, null], [1], [null, null], [null, null]]);
    expect(grid.formats).toEqual([[null, "0%", "0%"], [null], [null, null], [null, null]]);
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 1 },
    ]);
    expect(grid).toEqual((await excelJsGrids(handMade(p)))[0]);
    expect(await streamed(p, 1)).toEqual(headOf(grid, 1));
  });

  it("line ends, xml:space and comments in the sheet", async () => {
    const p: Parts = {
      strings: ['<si><t xml:space="preserve">  两端空格  </t></si>', "<si><t>一\r\n二&#13;三</t></si>"],
      sheetData: `<!-- a comment <c r="Z9"><v>9</v></c> --><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`,
    };
    const grid = await streamed(p);
    expect(grid.values).toEqual([["  两端空格  ", "一\n二\r三"]]);
    expect(grid).toEqual((await excelJsGrids(handMade(p)))[0]);
  });

  it("Strict OOXML and prefixed element names", async () => {
    const p: Parts = {
      strict: true,
      prefix: "x:",
      strings: ["<x:si><x:t>严格</x:t></x:si>"],
      sheetData: `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>`,
      tail: `<x:mergeCells><x:mergeCell ref="A2:B2"/></x:mergeCells>`,
    };
    const grid = await streamed(p);
    expect(grid.values).toEqual([
      ["严格", 2],
      [null, null],
    ]);
    expect(grid.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
  });

  it("reads the same when the text arrives in pieces of any size", async () => {
    const strings = ["<si><t>甲</t></si>", "<si><r><t>乙</t></r><r><t>丙</t></r></si>"];
    const rows = Array.from(
      { length: 60 },
      (_, r) =>
        `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>平台&amp;${r}</t></is></c><c r="B${r + 1}"><v>${r / 7}</v></c>` +
        `<c r="C${r + 1}" t="s"><v>${r % 2}</v></c><!-- note --></row>`,
    ).join("");
    const sheet = `<worksheet xmlns="${MAIN}"><cols><col min="1" max="1" style="0"/></cols><sheetData>${rows}</sheetData><mergeCells><mergeCell ref="D1:E2"/></mergeCells></worksheet>`;
    const sst = `<sst xmlns="${MAIN}">${strings.join("")}</sst>`;
    const whole = await readSheet(pieces(sheet, sheet.length), {
      strings: await readSharedStrings(pieces(sst, sst.length)),
      formats: readCellFormats(null),
      date1904: false,
    });
    expect(whole.values[0]).toEqual(["平台&0", 0, "甲", null, null]);
    expect(whole.values[59]).toEqual(["平台&59", 59 / 7, "乙丙"]);
    expect(whole.merges).toEqual([{ top: 0, left: 3, bottom: 1, right: 4 }]);
    for (const size of [1, 2, 3, 5, 8, 13, 64]) {
      const strs = await readSharedStrings(pieces(sst, size));
      expect(strs).toEqual(["甲", "乙丙"]);
      expect(await readSheet(pieces(sheet, size), { strings: strs, formats: readCellFormats(null), date1904: false })).toEqual(whole);
    }
  });

  it("a head read stops scanning at the last row it needs and still finds the merges", async () => {
    const rows = Array.from({ length: 1000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("");
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData><mergeCells><mergeCell ref="B2:C2"/></mergeCells></worksheet>`;
    let fed = 0;
    async function* counted() {
      for await (const piece of pieces(sheet, 100)) {
        fed += piece.length;
        yield piece;
      }
    }
    const head = await readSheet(
      counted(),
      { strings: [], formats: readCellFormats(null), date1904: false },
      { keep: (r) => r < 3, lastRow: 2 },
    );
    expect(head.values).toEqual([[0], [1, null, null], [2]]);
    expect(head.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(fed).toBe(sheet.length);
  });
});

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let p = 0; p < text.length; p += size) yield text.slice(p, p + size);
}
