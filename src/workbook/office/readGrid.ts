/**
 * Excel worksheet → SheetGrid, in a bounded number of syncs: (1) does the sheet exist; (2) its used range,
 * tables and merged areas; (3…) values, value types and number formats in row blocks (each response
 * under Excel on the web's 5 MB cap), with the table ranges and merge areas loaded alongside the first block.
 */
import type { CellRange, CellValue, SheetGrid } from "../grid.js";
import { WorkbookError } from "../port.js";
import { STORE_SHEET } from "../results/sheetNames.js";
import { sameName } from "../specChecks.js";
import { fromOfficeValue, gridFormat } from "./cells.js";
import type { ApiSupport } from "./runner.js";

/** Cells per read block: about 30 bytes each (value, type, format; measured on the fake) keeps a response under 1 MB. */
export const READ_CELLS = 30_000;

const missing = (sheet: string) => new WorkbookError("sheet-missing", `找不到工作表“${sheet}”`, `no sheet named "${sheet}"`);

const rangeOf = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): CellRange => ({
  top: r.rowIndex,
  left: r.columnIndex,
  bottom: r.rowIndex + r.rowCount - 1,
  right: r.columnIndex + r.columnCount - 1,
});

/**
 * Row-major values from A1, each row cut after its last non-empty cell, as the .xlsx adapter reports —
 * except that cells covered by a merge count as present there (exceljs keeps them, empty).
 */
function trimRows(values: CellValue[][], formats: (string | null)[][], merges: CellRange[]): void {
  for (let r = 0; r < values.length; r++) {
    let end = values[r].length;
    while (end > 0 && values[r][end - 1] === null) end--;
    values[r].length = end;
    formats[r].length = end;
  }
  while (values.length && values[values.length - 1].length === 0) {
    values.pop();
    formats.pop();
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      while (values.length <= r) {
        values.push([]);
        formats.push([]);
      }
      while (values[r].length <= m.right) {
        values[r].push(null);
        formats[r].push(null);
      }
    }
  }
}

export async function readSheetGrid(context: Excel.RequestContext, sheet: string, supports: ApiSupport): Promise<SheetGrid> {
  if (sameName(sheet, STORE_SHEET)) throw missing(sheet);
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load("name");
  await context.sync();
  if (ws.isNullObject) throw missing(sheet);

  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  ws.tables.load("items/name");
  const merged = supports("1.13") ? ws.getRange().getMergedAreasOrNullObject() : null;
  merged?.load("areaCount");
  await context.sync();

  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const tableRanges = ws.tables.items.map((t) => {
    const range = t.getRange();
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return { name: t.name, range };
  });
  const areas = merged && !merged.isNullObject ? merged.areas : null;
  areas?.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
  if (!used.isNullObject) {
    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    for (let r = 0; r < rowIndex; r++) {
      values.push([]);
      formats.push([]);
    }
    const step = Math.max(1, Math.floor(READ_CELLS / columnCount));
    for (let top = 0; top < rowCount; top += step) {
      const block = ws.getRangeByIndexes(rowIndex + top, columnIndex, Math.min(step, rowCount - top), columnCount);
      block.load(["values", "valueTypes", "numberFormat"]);
      await context.sync();
      block.values.forEach((row, i) => {
        const vals: CellValue[] = Array(columnIndex).fill(null);
        const fmts: (string | null)[] = Array(columnIndex).fill(null);
        row.forEach((v, j) => {
          const format = gridFormat(block.numberFormat[i][j]);
          const value = fromOfficeValue(v, String(block.valueTypes[i][j]), format);
          vals.push(value);
          fmts.push(value === null ? null : format);
        });
        values.push(vals);
        formats.push(fmts);
      });
    }
  } else await context.sync();
  const merges = areas ? areas.items.map(rangeOf) : [];
  trimRows(values, formats, merges);
  return {
    sheet: ws.name,
    values,
    formats,
    merges,
    tables: tableRanges.map((t) => ({ name: t.name, range: rangeOf(t.range) })),
  };
}
