/**
 * exceljs worksheet → SheetGrid, as the adapter read sheets before its own streaming reader
 * (workbookReader.ts); kept as the reference the contract test (tests/workbook/sheetReader.test.ts) and
 * the read benchmark compare that reader with. Nothing in src/ reads through it. Formula cells give their
 * cached result, rich text is flattened, error cells become { error: "#N/A" }, merged cells keep their value
 * in the top-left cell only (as Excel's own range.values does), number formats are kept per cell.
 */
import ExcelJS from "exceljs";
import { decodeRange, type CellRange, type CellValue, type SheetGrid } from "../grid.js";

export { decodeRange };

type Raw = ExcelJS.CellValue | undefined;

/** One exceljs value → a grid value. */
export function toCellValue(v: Raw): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v) return { error: String(v.error) };
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) return toCellValue((v as { result?: Raw }).result);
    if ("text" in v) return toCellValue((v as { text: Raw }).text);
  }
  return null;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const merges: CellRange[] = ((ws.model as { merges?: string[] }).merges ?? []).map(decodeRange);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Cells covered by a merge repeat the master's value in exceljs; Excel shows it once.
      const slave = cell.isMerged && cell.master !== cell;
      vals[c] = slave ? null : toCellValue(cell.value);
      fmts[c] = cell.numFmt ?? null;
    });
    values[r] = Array.from(vals, (v) => v ?? null);
    formats[r] = Array.from(fmts, (f) => f ?? null);
  });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formats[r] ??= [];
  }
  const tables = ws.getTables().map((t) => {
    // Tables read from a file carry tableRef (header to totals); ones built in code compute it on creation.
    const model = (t as unknown as { table: { name: string; ref: string; tableRef?: string } }).table;
    return { name: model.name, range: decodeRange(model.tableRef ?? model.ref) };
  });
  return { sheet: ws.name, values, formats, merges, tables };
}
