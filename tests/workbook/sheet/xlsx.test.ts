/** The committed fixture workbooks read through exceljs and worksheetToGrid, then readPlatformSheet. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { findPlatformSheets, readPlatformSheet } from "../../../src/workbook/sheet/index.js";
import { decodeRange, toCellValue, worksheetToGrid } from "../../../src/workbook/xlsx/toGrid.js";
import { byName, codes } from "./helpers.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/sheets");

async function grids(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(fixtures, file));
  return wb.worksheets.map(worksheetToGrid);
}

describe("worksheetToGrid(ws) on the fixtures", () => {
  test("title-note.xlsx: the platform sheet is picked over the notes sheet; units from the note", async () => {
    const all = await grids("title-note.xlsx");
    expect(findPlatformSheets(all).map((r) => [r.sheet, r.score, r.headerRow])).toEqual([
      ["嘉兴平台", 8, 3],
      ["说明", 0, null],
    ]);
    const g = all.find((x) => x.sheet === "嘉兴平台")!;
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
    const s = readPlatformSheet(g);
    expect(s).toMatchObject({ baseYear: 2017, headerRow: 3, rows: [4, 5], fatal: false });
    const a = byName(s, "嘉兴经济技术开发区");
    expect(a).toMatchObject({ county: "南湖区", level: "national", status: "main", output: 350 });
    expect(a.land).toBeCloseTo(30000, 6); // 2000 公顷
    expect(a.tax).toBeCloseTo(0.35, 12); // 3500 万元
    expect(a.energy).toBeCloseTo(0.5, 12); // 5000 吨标煤
    const b = byName(s, "嘉善经济技术开发区");
    expect(b).toMatchObject({ status: "kept", output: 280.5 });
    expect(b.tax).toBeCloseTo(2.8, 12);
    expect(b.energy).toBeCloseTo(12, 12);
    expect(codes(s)).toContain("SHEET_TOTAL_ROW@A6");
  });

  test("merged-headers.xlsx: slave cells of merges are empty and the two-row header is combined", async () => {
    const [g] = await grids("merged-headers.xlsx");
    expect(g.values[2].slice(0, 2)).toEqual([null, null]); // A3:B3 are covered by A2:A3, B2:B3
    const s = readPlatformSheet(g);
    expect(s.headerRow).toBe(3);
    expect(s.columns.map((c) => [c.field, c.cell, c.unit])).toEqual([
      ["name", "A2", null],
      ["county", "B2", null],
      ["developableLand", "C3", "亩"],
      ["land", "D3", "亩"],
      ["output", "E3", "亿元"],
      ["valueAdded", "F3", "亿元"],
    ]);
    expect(s.platforms.map((p) => [p.name, p.county, p.developableLand, p.land, p.output, p.valueAdded])).toEqual([
      ["丽水经济技术开发区", "莲都区", 30000, 18000, 300, 63],
      ["丽缙智能装备高新园", "缙云县", 12000, 6000, 40, 9.5],
    ]);
  });

  test("excel-table.xlsx: the table's range and % formats are read", async () => {
    const [g] = await grids("excel-table.xlsx");
    expect(g.tables).toEqual([{ name: "PlatformTable", range: { top: 2, left: 0, bottom: 4, right: 6 } }]);
    expect(g.formats![3][6]).toBe("0.0%");
    const s = readPlatformSheet(g);
    expect(s.platforms.map((p) => [p.name, p.status, p.mainPlatform])).toEqual([
      ["Pinghu EDZ", "main", null],
      ["Pinghu Park B", "subPark", "Pinghu EDZ"],
    ]);
    const edz = byName(s, "Pinghu EDZ");
    expect(edz.land).toBeCloseTo(27000, 6); // 1800 ha × 15
    expect(edz.rd).toBeCloseTo(13.02, 10); // 3.1% × 420
    expect(s.baseYear).toBe(2020);
    expect(s.fatal).toBe(false);
  });

  test("error-cells.xlsx: formula results and error values", async () => {
    const [g] = await grids("error-cells.xlsx");
    expect(g.values[1][3]).toEqual({ error: "#N/A" });
    expect(g.values[2][2]).toBe(160); // D2*2's cached result
    expect(g.values[2][4]).toEqual({ error: "#DIV/0!" });
    const s = readPlatformSheet(g);
    expect(s.platforms.map((p) => [p.name, p.valueAdded, p.tax, p.output])).toEqual([
      ["台州湾新区", null, 30, 500],
      ["黄岩经济开发区", 40, null, 160],
    ]);
    expect(codes(s, "warning").filter((c) => c.startsWith("SHEET_CELL_ERROR"))).toEqual(["SHEET_CELL_ERROR@D2", "SHEET_CELL_ERROR@E3"]);
    expect(s.fatal).toBe(false);
  });
});

describe("toGrid helpers", () => {
  test("toCellValue flattens rich text, hyperlinks and formulas", () => {
    expect(toCellValue({ richText: [{ text: "嘉兴" }, { text: "经开区" }] })).toBe("嘉兴经开区");
    expect(toCellValue({ text: "Park A", hyperlink: "https://example.org" })).toBe("Park A");
    expect(toCellValue({ formula: "A1*2", result: 4 } as ExcelJS.CellFormulaValue)).toBe(4);
    expect(toCellValue({ formula: "NA()", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue)).toEqual({ error: "#N/A" });
    expect(toCellValue(undefined)).toBeNull();
    const d = new Date(Date.UTC(2020, 11, 31));
    expect(toCellValue(d)).toBe(d);
  });

  test("decodeRange reads A1 ranges with $ and past column Z", () => {
    expect(decodeRange("$B$3:AA10")).toEqual({ top: 2, left: 1, bottom: 9, right: 26 });
    expect(decodeRange("C5")).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
  });
});
