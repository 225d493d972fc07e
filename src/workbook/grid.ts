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
