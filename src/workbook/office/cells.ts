/** Cell values between SpecCell / SheetGrid and Excel's `range.values`, both ways. */
import type { CellValue } from "../grid.js";
import { writableValue, type SpecCell } from "../sheetSpec.js";

/**
 * What goes into `range.values` for a spec cell. Excel parses written strings as if typed: "=…" becomes a
 * formula, "001" a number, "TRUE" a boolean, "2020年1月" a date. A leading apostrophe keeps any string
 * text (Excel stores the apostrophe as the cell's quote prefix and reads the text back without it), so
 * every non-empty string gets one. Empty, NaN and ±Infinity clear the cell.
 */
export function toOfficeValue(v: SpecCell["v"]): string | number | boolean {
  const w = writableValue(v);
  if (w === null || w === "") return "";
  return typeof w === "string" ? `'${w}` : w;
}

/** exceljs's test for a date format: y, m, d, h, s or b outside quoted text and [brackets]. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Excel serial day (1900 date system) → Date in UTC, as exceljs converts date cells. */
export const serialToDate = (serial: number): Date => new Date(Math.round((serial - 25569) * 86_400_000));

/**
 * One value from `range.values` with its `valueTypes` entry and number format → a grid value, the same
 * as the .xlsx adapter gives: empty → null, errors → { error }, numbers in a date format → Date.
 */
export function fromOfficeValue(value: unknown, type: string, format: string | null): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      return isDateFormat(format) ? serialToDate(Number(value)) : Number(value);
    default:
      return value === "" || value === null || value === undefined ? null : String(value);
  }
}

/** "General" is Excel's absence of a format; the grid says null, as for an .xlsx cell without numFmt. */
export const gridFormat = (format: unknown): string | null =>
  typeof format === "string" && format !== "General" && format !== "" ? format : null;
