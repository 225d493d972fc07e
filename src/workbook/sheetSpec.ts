/**
 * A declarative sheet: what ParkPlan writes, as plain data. Every adapter (xlsx, memory, Office) renders
 * the same SheetSpec, so result builders never touch a workbook library.
 */
import type { CellRange } from "./grid.js";

/** Number formats by meaning: 亿元 2 decimals, 万元/亩 1 decimal, percentages, integers, 3-decimal ratios, text. */
export type CellFormat = "yi" | "perMu" | "pct" | "int" | "ratio3" | "text";
/** `wrap`: a long text in a data column, wrapped over lines in a column of capped width (SheetBuilder.table's `wrap`). */
export type CellStyle = "header" | "title" | "met" | "notMet" | "na" | "note" | "wrap";
/** Styles a conditional format may apply. */
export type HighlightStyle = "met" | "notMet" | "na";

export interface SpecCell {
  /** A string is always written as text, never as a formula; NaN and ±Infinity are written as empty. */
  v: number | string | boolean | null;
  fmt?: CellFormat;
  style?: CellStyle;
}

export interface SpecTable {
  /** Unique in the workbook; ASCII keeps every Excel version happy. */
  name: string;
  /** 0-based, inclusive; includes the header row when header is true. */
  range: CellRange;
  header: boolean;
}

/** Highlight every row of `range` whose cell in absolute column `column` equals `equals`. */
export interface ConditionalFormat {
  range: CellRange;
  column: number;
  equals: string;
  style: HighlightStyle;
}

export type ChartType = "line" | "columnClustered" | "area";

/** How one series is drawn when it differs from the chart: a P10–P90 band is two stacked areas, the lower one unfilled. */
export interface ChartSeriesStyle {
  type?: "line" | "columnClustered" | "areaStacked";
  /** "none" (invisible) or a colour "#RRGGBB"; omitted = Excel's default. */
  fill?: string;
}

/**
 * A native chart over a data block of the same sheet. The block's top row holds the series names, its left
 * column the categories, every further column one series. Every adapter draws it: Office through the
 * Excel API, .xlsx as DrawingML chart parts bound to the block (xlsx/chartXml.ts).
 */
export interface ChartSpec {
  /** Unique in the sheet; stable, so a re-run replaces its own chart. */
  name: string;
  title: string;
  type: ChartType;
  /** 0-based, inclusive: header row + category column + series columns. */
  range: CellRange;
  /** Per series (0 = the first column after the categories); missing entries use the chart's type. */
  series?: ChartSeriesStyle[];
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Top-left cell (0-based) and size in pixels. */
  position: { row: number; col: number; width: number; height: number };
}

export interface SheetSpec {
  name: string;
  /**
   * Row-major from A1; rows may differ in length. May be a lazy view (lazyRows): each row is made when it
   * is read, so a million-row sheet is never held as cell objects; writers pull rows through rowSourceOf.
   */
  rows: SpecCell[][];
  /** Column widths in Excel character units, from column A. */
  columnWidths?: number[];
  /** Row heights in points, by 0-based row. */
  rowHeights?: Record<number, number>;
  frozen?: { rows: number; cols: number };
  tables?: SpecTable[];
  conditionalFormats?: ConditionalFormat[];
  merges?: CellRange[];
  charts?: ChartSpec[];
  /** Page setup for printing: A4 landscape, every column on one page width, the title in the header, page numbers in the footer. */
  print?: PrintSetup;
}

export interface PrintSetup {
  orientation: "landscape";
  paper: "A4";
  /** Every column on one page width, as many pages tall as it takes. */
  fitToWidth: true;
  /** The page header's centre (its right holds the sheet's name): the sheet's title with the scenario name. */
  title: string;
  /** The page footer's centre; `{page}` and `{pages}` stand for the page number and the page count (default "{page} / {pages}"). */
  footer?: string;
  /** 0-based rows repeated at the top of every page (e.g. the table header), inclusive. */
  repeatRows?: { top: number; bottom: number };
  /**
   * Only the first `columns` columns print (the print area: those columns, every row); the columns after
   * them (Monte Carlo quantiles, say) stay on screen. Omitted: every column prints.
   */
  columns?: number;
  /** Only the first `rows` rows print (a reference block at the sheet's end, such as the run log's scenario JSON, stays on screen). */
  rows?: number;
}

/**
 * The print area of a sheet whose print setup limits its columns or rows: A1 to the last printed column of
 * the last printed row; null when every cell prints.
 */
export function printArea(spec: Pick<SheetSpec, "rows" | "print" | "columnWidths">): CellRange | null {
  const { columns, rows } = spec.print ?? {};
  if (columns === undefined && rows === undefined) return null;
  const width = columns ?? Math.max(1, spec.columnWidths?.length ?? rowSourceOf(spec.rows).width);
  const height = Math.min(rows ?? Infinity, spec.rows.length);
  return { top: 0, left: 0, bottom: Math.max(0, height - 1), right: width - 1 };
}

/** Margins of a printed sheet, in inches: Excel's "narrow" left and right (more room across), its usual top and bottom. */
export const PRINT_MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/** A header or footer text in Excel's codes (which Office, the .xlsx and LibreOffice share): `&` doubled, `{page}` → &P, `{pages}` → &N. */
export function headerFooterCode(text: string): string {
  return text
    .replace(/&/g, "&&")
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N");
}

/** The code of the sheet's own name in a page header or footer. */
export const SHEET_NAME_CODE = "&A";

/** A print setup's header and footer in Excel's codes: the title centred, the sheet's name at the right; the footer centred. */
export function pageHeaderFooter(print: PrintSetup): { center: string; right: string; footer: string } {
  return { center: headerFooterCode(print.title), right: SHEET_NAME_CODE, footer: headerFooterCode(print.footer ?? "{page} / {pages}") };
}

/** Excel number format code of each CellFormat. */
export const FORMAT_CODES: Record<CellFormat, string> = {
  yi: "0.00",
  perMu: "0.0",
  pct: "0.0%",
  int: "#,##0",
  ratio3: "0.000",
  text: "@",
};

/** The value an adapter writes: non-finite numbers become empty (NaN is not an Excel number). */
export function writableValue(v: SpecCell["v"]): number | string | boolean | null {
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

/**
 * Rows made on demand: `count` rows, none longer than `width`; `row(i)` returns a new array each call
 * (callers must not keep or mutate it as part of the spec).
 */
export interface RowSource {
  readonly count: number;
  readonly width: number;
  row(index: number): SpecCell[];
}

const lazySources = new WeakMap<object, RowSource>();

/** A canonical array index ("0", "17"; not "01", "-1", "1.5"), or -1. */
function arrayIndex(key: string | symbol): number {
  if (typeof key !== "string" || key.length === 0 || key.length > 15) return -1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && String(n) === key ? n : -1;
}

/**
 * A read-only array view of a RowSource, so every reader of `spec.rows` (indexing, length, iteration,
 * map, find …) works unchanged while a writer that asks rowSourceOf gets the source itself. It holds no
 * rows: `rows[i]` makes row i again on every read. structuredClone cannot copy it: see materializeRows.
 */
export function lazyRows(source: RowSource): SpecCell[][] {
  const view = new Proxy<SpecCell[][]>([], {
    get(target, key, receiver) {
      if (key === "length") return source.count;
      const i = arrayIndex(key);
      if (i >= 0) return i < source.count ? source.row(i) : undefined;
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      const i = arrayIndex(key);
      return i >= 0 ? i < source.count : Reflect.has(target, key);
    },
    ownKeys() {
      return [...Array.from({ length: source.count }, (_, i) => String(i)), "length"];
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === "length") return { value: source.count, writable: true, enumerable: false, configurable: false };
      const i = arrayIndex(key);
      if (i >= 0) return i < source.count ? { value: source.row(i), writable: false, enumerable: true, configurable: true } : undefined;
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  lazySources.set(view, source);
  return view;
}

/** The rows as a RowSource: a lazy view's own source, or one over a plain array. */
export function rowSourceOf(rows: SpecCell[][]): RowSource {
  const lazy = lazySources.get(rows);
  if (lazy) return lazy;
  // A loop, not Math.max(...rows): a million-row sheet would overflow the call stack.
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  return { count: rows.length, width, row: (i) => rows[i] };
}

/** True when the rows are a lazy view (lazyRows). */
export const isLazyRows = (rows: SpecCell[][]): boolean => lazySources.has(rows);

/** The spec with its rows as a plain array (for an adapter that copies specs, e.g. with structuredClone). */
export function materializeRows(spec: SheetSpec): SheetSpec {
  if (!isLazyRows(spec.rows)) return spec;
  const source = rowSourceOf(spec.rows);
  return { ...spec, rows: Array.from({ length: source.count }, (_, i) => source.row(i)) };
}
