/**
 * A worksheet as plain data: what every workbook adapter (xlsx file, Office, in memory) hands to the
 * platform-sheet reader. Rows and columns are 0-based here; messages convert to A1 addresses.
 */
export type CellError = { error: string };
export type CellValue = string | number | boolean | Date | null | CellError;

export interface CellRange {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  sheet: string;
  /** Cell values, row-major from A1; rows may differ in length. Formula cells carry their computed result. */
  values: CellValue[][];
  /** Number formats ("0%", "0.00" …) where known, same shape as values. */
  formats?: (string | null)[][];
  merges: CellRange[];
  tables: { name: string; range: CellRange }[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

/** 0-based column index → letters: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based row and column → A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B3" → 0-based row and column (a "$" is ignored); throws a bilingual RangeError for anything else. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/i.exec(address.replace(/\$/g, "").trim());
  if (!m) throw new RangeError(`无效的单元格地址：${address} / invalid cell address: ${address}`);
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** "B3:D5" → 0-based range; a single address is a one-cell range. */
export function decodeRange(ref: string): CellRange {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * Rows header detection needs: row indexes below `rows`, plus each table's header row and the row above it
 * (a two-row header's merged parent). Every adapter's `readGrid(sheet, { rows })` returns this cut.
 */
export function headRows(grid: Pick<SheetGrid, "tables">, rows: number): (r: number) => boolean {
  const extra = new Set(grid.tables.flatMap((t) => [t.range.top - 1, t.range.top]));
  return (r) => r < rows || extra.has(r);
}

/** The head of a full grid (`readGrid(sheet, { rows })`): other rows emptied, trailing empty rows dropped. */
export function headOf(grid: SheetGrid, rows: number): SheetGrid {
  const keep = headRows(grid, rows);
  const cut = <T>(list: T[][]): T[][] => {
    const out = list.map((row, r) => (keep(r) ? row : []));
    while (out.length && out[out.length - 1].length === 0) out.pop();
    return out;
  };
  return { ...grid, values: cut(grid.values), ...(grid.formats ? { formats: cut(grid.formats) } : {}) };
}
