/** Public result types of the platform-sheet reader. */
import type { HistoryYear } from "../../../models/history/panel.js";
import type { Platform } from "../../../models/platform.js";

/** 统计口径 of a money column: 规模以上 enterprises only, or all of industry (全口径). */
export type Scope = "规上" | "全口径";
/** Price basis of money figures: 现价 (current prices) or 可比价 (comparable, constant prices). */
export type PriceBasis = "现价" | "可比价";

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
  /** 口径 of a money column (from its header or the sheet's note); null when not stated or not money. */
  scope: Scope | null;
  /** 现价 / 可比价 of a money column (from its header or the sheet's note); null when not stated or not money. */
  prices: PriceBasis | null;
  /** The year a multi-year sheet's column holds ("2016年产值"); absent on single-year sheets and for columns of every year. */
  year?: number;
}

/** One year of a multi-year sheet: its platforms as that year's figures give them (no history). */
export interface PanelYear {
  year: number;
  /** The sheet the year was read from (one sheet per year: that year's sheet). */
  sheet: string;
  platforms: Platform[];
  /** Each platform's figures of that year as a history entry (same order as platforms). */
  figures: HistoryYear[];
  /** 1-based worksheet row of each platform, same order. */
  rows: number[];
  /** The columns that year was read from (the columns of every year included). */
  columns: ColumnMapping[];
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
  /**
   * Price basis of the money figures: the output column's, else the sheet's note ("（可比价）"); null when the
   * sheet does not say (the scenario's prices.basis applies).
   */
  prices: PriceBasis | null;
  /**
   * Every year of a multi-year sheet (wide, long, or one sheet per year), oldest first; absent on a
   * single-year sheet. `platforms` are the base year's, with the earlier years as their history; sheetAt
   * (panel.ts) gives the sheet as of another year.
   */
  panel?: PanelYear[];
}
