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
  /** Values, formats, merges, tables. Throws WorkbookError "sheet-missing" for an unknown sheet. */
  readGrid(sheet: string): Promise<SheetGrid>;
  /** Replace (or add) exactly these sheets, leaving every other sheet untouched. */
  writeSheets(sheets: SheetSpec[]): Promise<void>;
  /** ParkPlan's own stored data (JSON text); null when the key was never written. */
  readStore(key: string): Promise<string | null>;
  writeStore(key: string, json: string): Promise<void>;
}

export type WorkbookErrorCode = "sheet-missing" | "sheet-name" | "duplicate-name" | "overwrite-input" | "not-xlsx" | "bad-chart";

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
