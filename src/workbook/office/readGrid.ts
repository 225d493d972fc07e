/**
 * Excel worksheet → SheetGrid, in a bounded number of syncs: (1) does the sheet exist; (2) its used range,
 * tables, table ranges and merged areas; (3…) values, value types and number formats in row blocks, each
 * block sized from the measured response of the one before (aiming at READ_TARGET_BYTES, far under Excel on
 * the web's 5 MB cap). With `head`, only the rows header detection needs (`headRows` in grid.ts).
 */
import { headOf, headRows, type CellRange, type CellValue, type SheetGrid } from "../grid.js";
import { WorkbookError } from "../port.js";
import { STORE_SHEET } from "../results/sheetNames.js";
import { sameName } from "../specChecks.js";
import { fromOfficeValue, gridFormat } from "./cells.js";
import { jsonBytes } from "./payload.js";
import type { ApiSupport } from "./runner.js";

/** Cells in the first read block: about 30 bytes each (value, type, format; measured on the fake) ≈ 0.9 MB. */
export const READ_CELLS = 30_000;
/** What the next block aims at, measured as the UTF-8 JSON of the last block's values, types and formats. */
export const READ_TARGET_BYTES = 900_000;

/** Rows of the next block: as many as fit READ_TARGET_BYTES at the last block's bytes per row, at most 4× more. */
export function nextBlockRows(lastRows: number, lastBytes: number): number {
  const perRow = Math.max(1, lastBytes / Math.max(1, lastRows));
  return Math.max(1, Math.min(lastRows * 4, Math.floor(READ_TARGET_BYTES / perRow)));
}

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

/** Contiguous runs [from, to) of the rows in [from, to) that `keep` accepts. */
function runs(from: number, to: number, keep: (r: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let r = from; r < to; r++) {
    if (!keep(r)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else out.push([r, r + 1]);
  }
  return out;
}

/** Rows [top, bottom) of `used` in adaptively sized blocks, appended into row-major arrays from A1. */
async function readRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  used: { columnIndex: number; columnCount: number },
  span: [number, number],
  into: { values: CellValue[][]; formats: (string | null)[][] },
): Promise<void> {
  const { columnIndex, columnCount } = used;
  let step = Math.max(1, Math.floor(READ_CELLS / columnCount));
  for (let top = span[0]; top < span[1];) {
    const rows = Math.min(step, span[1] - top);
    const block = ws.getRangeByIndexes(top, columnIndex, rows, columnCount);
    block.load(["values", "valueTypes", "numberFormat"]);
    // One sync per block is the point: each response stays far under the 5 MB cap.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const types = block.valueTypes;
    const numberFormats = block.numberFormat;
    block.values.forEach((row, i) => {
      const vals: CellValue[] = Array(columnIndex).fill(null);
      const fmts: (string | null)[] = Array(columnIndex).fill(null);
      row.forEach((v, j) => {
        const format = gridFormat(numberFormats[i][j]);
        const value = fromOfficeValue(v, String(types[i][j]), format);
        vals.push(value);
        fmts.push(value === null ? null : format);
      });
      into.values[top + i] = vals;
      into.formats[top + i] = fmts;
    });
    step = nextBlockRows(rows, jsonBytes(block.values) + jsonBytes(types) + jsonBytes(numberFormats));
    top += rows;
  }
}

export async function readSheetGrid(context: Excel.RequestContext, sheet: string, supports: ApiSupport, head?: number): Promise<SheetGrid> {
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

  const tableRanges = ws.tables.items.map((t) => {
    const range = t.getRange();
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return { name: t.name, range };
  });
  const areas = merged && !merged.isNullObject ? merged.areas : null;
  areas?.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
  // The head needs the table ranges before choosing rows; a full read loads them with its first block.
  let synced = used.isNullObject || (head !== undefined && tableRanges.length > 0);
  if (synced) await context.sync();
  const tables = () => tableRanges.map((t) => ({ name: t.name, range: rangeOf(t.range) }));

  const into = { values: [] as CellValue[][], formats: [] as (string | null)[][] };
  if (!used.isNullObject) {
    const end = used.rowIndex + used.rowCount;
    const keep = head === undefined ? () => true : headRows({ tables: tables() }, head);
    const last = head === undefined ? end : Math.min(end, Math.max(head, ...tables().map((t) => t.range.top + 1)));
    for (const span of runs(used.rowIndex, last, keep)) {
      await readRows(context, ws, used, span, into);
      synced = true;
    }
  }
  // A head below every kept row reads no block: the table ranges and merges still need their sync.
  if (!synced) await context.sync();
  const { values, formats } = into;
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formats[r] ??= [];
  }
  const merges = areas ? areas.items.map(rangeOf) : [];
  trimRows(values, formats, merges);
  const grid: SheetGrid = { sheet: ws.name, values, formats, merges, tables: tables() };
  return head === undefined ? grid : headOf(grid, head);
}
