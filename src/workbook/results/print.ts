/**
 * How a result sheet prints: every result sheet is A4 landscape, one page wide, with its title (and so the
 * scenario's name) in the page header, its name at the header's right and the page numbers in the footer;
 * a sheet with one main table repeats that table's header row on every page. `printScale` estimates the
 * size the fit-to-width scaling prints at, for the layouts that must stay readable (情景对比 ≥ 8 pt).
 */
import { PRINT_MARGINS, type PrintSetup, type SheetSpec } from "../sheetSpec.js";
import type { Words } from "./language.js";

/** A4 in points (297 × 210 mm). */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 } as const;
/** The workbook font's size (Calibri 11, whose digit is 7 px wide at 96 dpi: what column widths count in). */
export const BODY_FONT_PT = 11;

/** "第 1 页，共 3 页 / Page 1 of 3", in the sheet's language ({page} and {pages} are filled in when printed). */
export const pageNumbers = (w: Words): string => w("第 {page} 页，共 {pages} 页", "Page {page} of {pages}");

/**
 * A result sheet's page setup: `title` in the header, page numbers in the footer, `repeatRows` on every
 * page, and with `area` only the first `columns` columns (the key columns of a wide sheet) or the first
 * `rows` rows printed.
 */
export function printSetup(
  w: Words,
  title: string,
  repeatRows?: { top: number; bottom: number },
  area: Pick<PrintSetup, "columns" | "rows"> = {},
): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    title,
    footer: pageNumbers(w),
    ...(repeatRows ? { repeatRows } : {}),
    ...(area.columns !== undefined ? { columns: area.columns } : {}),
    ...(area.rows !== undefined ? { rows: area.rows } : {}),
  };
}

/** Width units a platform's name takes before it wraps (ten Chinese characters a line). */
export const NAME_WRAP = 20;

/** The smallest print scale a handout keeps: 11 pt text prints at 8 pt or more (issue 15: readable on A4). */
export const HANDOUT_SCALE = 0.73;

/** A column of `chars` Excel width units in points (7 px per digit plus 5 px of padding, 0.75 pt per px). */
export const columnPoints = (chars: number): number => Math.trunc(chars * 7 + 5) * 0.75;

/** Points across an A4 landscape page between the margins. */
export const PRINTABLE_WIDTH = A4_LANDSCAPE.width - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72;

/**
 * The scale fit-to-width prints a sheet at (Excel's whole percent, at most 100 %), from the widths of the
 * columns it prints (all, or its print setup's first `columns`): what `BODY_FONT_PT` × scale says about the
 * printed text size. Charts are not counted (each sits within the printed columns' width).
 */
export function printScale(spec: Pick<SheetSpec, "columnWidths" | "print">): number {
  const printed = (spec.columnWidths ?? []).slice(0, spec.print?.columns);
  const width = printed.reduce((sum, w) => sum + columnPoints(w), 0);
  if (width <= PRINTABLE_WIDTH) return 1;
  return Math.floor((PRINTABLE_WIDTH / width) * 100) / 100;
}
