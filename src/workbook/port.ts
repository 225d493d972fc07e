/**
 * The workbook port: everything ParkPlan does with a workbook, implemented over an .xlsx file
 * (xlsx/), in memory (memory/) and over office-js. Whole sheets per call, so the Office adapter can
 * batch each call into one sync.
 */
import type { SheetGrid } from "./grid.js";
import type { SheetSpec } from "./sheetSpec.js";

export interface WorkbookPort {
  readonly kind: "xlsx" | "memory" | "office";
  /** Visible and hidden sheets in tab order, with their Excel table names; ParkPlan's store sheet is left out. */
  listSheets(): Promise<{ name: string; tables: string[] }[]>;
  /**
   * Values, formats, merges, tables. Throws WorkbookError "sheet-missing" for an unknown sheet. With
   * `rows`, only what header detection needs (`headOf` in grid.ts): an adapter may read less, never other cells.
   */
  readGrid(sheet: string, options?: ReadOptions): Promise<SheetGrid>;
  /**
   * Replace (or add) exactly these sheets, leaving every other sheet untouched. A replaced sheet is
   * rewritten in place (the same sheet), so references into it survive; warnings say what may need a look.
   */
  writeSheets(sheets: SheetSpec[]): Promise<WriteReport | void>;
  /** ParkPlan's own stored data (JSON text); null when the key was never written. */
  readStore(key: string): Promise<string | null>;
  writeStore(key: string, json: string): Promise<void>;
}

export interface ReadOptions {
  /** Read only the first `rows` rows from row 1, plus each Excel table's header row and the row above it. */
  rows?: number;
}

export type WorkbookWarningCode = "references-may-move" | "references-unchecked" | "print-setup-skipped";

/** Something a write did that the user should know, but that lost no result. */
export interface WorkbookWarning {
  code: WorkbookWarningCode;
  sheet: string;
  /** A1 cell the warning is about, when there is one. */
  cell: string | null;
  zh: string;
  en: string;
}

export interface WriteReport {
  warnings: WorkbookWarning[];
}

export type WorkbookErrorCode =
  | "sheet-missing"
  | "sheet-name"
  | "duplicate-name"
  | "overwrite-input"
  | "not-xlsx"
  /** A package (or one of its parts) inflates past the size limit: refused before reading. */
  | "too-large"
  | "bad-chart"
  /** Excel refused an operation (an OfficeExtension.Error, mapped in office/officeErrors.ts). */
  | "office"
  /** The workbook's structure or a result sheet is protected: nothing was written. */
  | "protected"
  /** A write failed part-way: a ParkPlan sheet is incomplete (the user's sheets were not touched). */
  | "write-incomplete";

/** A workbook failure with its message in Simplified Chinese, then English. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "WorkbookError";
  }
}
