/** Public result types of the platform-sheet reader. */
import type { Platform } from "../../../models/platform.js";

export interface SheetIssue {
  /** Stable machine code, e.g. SHEET_NEGATIVE_LAND. */
  code: string;
  severity: "error" | "warning";
  sheet: string;
  /** A1 address of the cell at fault, or null for sheet-wide issues. */
  cell: string | null;
  /** Chinese message, prefixed with sheet!cell. */
  zh: string;
  /** English message, prefixed with sheet!cell. */
  en: string;
}

export interface ColumnMapping {
  /** A Platform field, or a derived input: "rdShare", "highTechShare", "year". */
  field: string;
  /** Header text as written (parent + child for two-row headers). */
  header: string;
  /** A1 address of the header cell. */
  cell: string;
  /** Unit the column was read in ("万元", "公顷", "%" …); null for text and counts. */
  unit: string | null;
}

export interface PlatformSheet {
  sheet: string;
  platforms: Platform[];
  baseYear: number | null;
  /** 1-based row of the (last) header row; 0 when no table was found. */
  headerRow: number;
  columns: ColumnMapping[];
  /** Platform fields with no column: targets needing them become not evaluable. */
  missingFields: string[];
  issues: SheetIssue[];
  /** true when an error-severity issue exists: nothing may be run or written. */
  fatal: boolean;
  /** 1-based worksheet row of each platform, same order. */
  rows: number[];
}
