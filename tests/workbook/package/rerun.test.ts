/**
 * Issue 16 through the package writer: a re-run rewrites ParkPlan's result sheet in place — same part,
 * same sheetId, same relationship, same tab position — so a formula the analyst wrote into 预测 after
 * the first run still names a sheet that is there, and the analyst's sheet holding it comes out byte for
 * byte, even when the new result has another shape.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { OpcPackage } from "../../../src/workbook/package/opcPackage.js";
import type { SheetSpec } from "../../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook.js";
import { everythingWorkbook, PLATFORM_SHEET } from "../../fixtures/fidelity/make.js";
import { sheetPart } from "../../fixtures/fidelity/parts.js";

/** A 预测 sheet with `rows` data rows: output 100, 200, … in column B. */
const projection = (rows: number): SheetSpec => ({
  name: "预测",
  rows: [
    [
      { v: "平台 / Platform", style: "header" },
      { v: "产值（亿元）/ Output", style: "header" },
    ],
    ...Array.from({ length: rows }, (_, k) => [{ v: `平台${k + 1}` }, { v: 100 * (k + 1), fmt: "yi" as const }]),
  ],
  tables: [{ name: "PP_Projection", header: true, range: { top: 0, left: 0, bottom: rows, right: 1 } }],
});

async function run(bytes: Uint8Array, rows: number): Promise<Uint8Array> {
  const book = await XlsxWorkbook.open(bytes);
  await book.writeSheets([projection(rows)]);
  return book.toBuffer();
}

const read = (bytes: Uint8Array) => OpcPackage.read(bytes, Number.MAX_SAFE_INTEGER);

/** The <sheet> element of `name` in workbook.xml: its sheetId and r:id. */
function sheetEntry(bytes: Uint8Array, name: string): string {
  const xml = read(bytes).text("xl/workbook.xml");
  const entry = xml.match(new RegExp(`<sheet [^>]*name="${name}"[^>]*/>`));
  if (!entry) throw new Error(`no sheet ${name}`);
  return entry[0];
}

const tabs = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
};

describe("a re-run through the package writer", () => {
  it("keeps 预测's part, sheetId, relationship and tab, and the analyst's formula into it", async () => {
    const first = await run(await everythingWorkbook(), 3);
    // The analyst adds a sheet whose formula reads 预测!B3 (a save by exceljs stands in for Excel's).
    const edited = await tabs(first);
    const mine = edited.addWorksheet("我的分析");
    mine.getCell("A1").value = { formula: "预测!B3", result: 200 };
    const withFormula = new Uint8Array(await edited.xlsx.writeBuffer());

    const second = await run(withFormula, 5);
    expect(sheetEntry(second, "预测")).toBe(sheetEntry(withFormula, "预测"));
    expect(sheetPart(read(second), "预测")).toBe(sheetPart(read(withFormula), "预测"));
    // The analyst's sheet is copied byte for byte, its formula untouched.
    const part = sheetPart(read(withFormula), "我的分析");
    expect(Buffer.from(read(second).bytes(part)).equals(Buffer.from(read(withFormula).bytes(part)))).toBe(true);

    const out = await tabs(second);
    expect((out.getWorksheet("我的分析")!.getCell("A1").value as { formula: string }).formula).toBe("预测!B3");
    // 预测 holds the new, longer result where the formula points, at the same tab position.
    expect(out.getWorksheet("预测")!.getCell("B3").value).toBe(200);
    expect(out.getWorksheet("预测")!.getCell("B6").value).toBe(500);
    const order = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ws.name);
    expect(order(out).indexOf("预测")).toBe(order(edited).indexOf("预测"));
    expect(order(out)).toContain(PLATFORM_SHEET);
  });
});
