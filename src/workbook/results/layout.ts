/**
 * A small builder for result sheets: title, note, sections and tables stacked top to bottom, with
 * column widths fitted to Chinese text (CJK characters count as two width units).
 */
import type { CellRange } from "../grid.js";
import {
  lazyRows,
  rowSourceOf,
  type CellFormat,
  type CellStyle,
  type ConditionalFormat,
  type RowSource,
  type SheetSpec,
  type SpecCell,
  type SpecTable,
} from "../sheetSpec.js";

/** A text cell. */
export const text = (v: string | null, style?: CellStyle): SpecCell => (style ? { v, style } : { v });
/** A number cell; null or undefined is written empty. */
export const num = (v: number | null | undefined, fmt?: CellFormat): SpecCell => (fmt ? { v: v ?? null, fmt } : { v: v ?? null });

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Display width of text: CJK and full-width characters (and astral ones such as emoji) count 2. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) || ch.length > 1 ? 2 : 1;
  return w;
}

/** Roughly what Excel shows for a cell, to size its column. */
export function shownText(cell: SpecCell): string {
  const { v, fmt } = cell;
  if (v === null) return "";
  if (typeof v !== "number") return String(v);
  if (!Number.isFinite(v)) return "";
  switch (fmt) {
    case "yi":
      return v.toFixed(2);
    case "perMu":
      return v.toFixed(1);
    case "pct":
      return `${(v * 100).toFixed(1)}%`;
    case "int":
      return grouped(Math.round(v));
    case "ratio3":
      return v.toFixed(3);
    default:
      return String(v);
  }
}

/** An integer with thousands separators, as toLocaleString("en-US") writes it (which is much slower). */
function grouped(n: number): string {
  if (Math.abs(n) >= 1e21) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : "");
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const HEADER_HEIGHT = 32;

/**
 * Rows given by item: `rowsOf(item)` rows for each item, in order, each made by `rowOf(item, k)` when it
 * is read (a big table is never held as cell objects). `width` is the longest row's length.
 */
export function itemRows<T>(
  items: readonly T[],
  rowsOf: (item: T) => number,
  rowOf: (item: T, k: number) => SpecCell[],
  width: number,
): RowSource {
  const starts = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i++) starts[i + 1] = starts[i] + rowsOf(items[i]);
  let at = 0; // the last item read: writers read rows in order
  return {
    count: starts[items.length],
    width,
    row(index) {
      if (index < starts[at] || index >= starts[at + 1]) {
        let lo = 0;
        let hi = items.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= index) lo = mid;
          else hi = mid - 1;
        }
        at = lo;
      }
      return rowOf(items[at], index - starts[at]);
    },
  };
}

/** Consecutive rows: plain arrays (appended to) and row sources (made when read). */
type Segment = SpecCell[][] | RowSource;

export class SheetBuilder {
  private readonly segments: Segment[] = [];
  private count = 0;
  private readonly tables: SpecTable[] = [];
  private readonly merges: CellRange[] = [];
  private readonly highlights: ConditionalFormat[] = [];
  private readonly rowHeights: Record<number, number> = {};

  /** Rows so far. */
  get size(): number {
    return this.count;
  }

  /** The rows so far (a lazy view when a table was given as a RowSource). */
  get rows(): SpecCell[][] {
    // Without a RowSource there is one plain segment (row() appends to the last one).
    if (this.segments.every(Array.isArray)) return (this.segments[0] as SpecCell[][] | undefined) ?? [];
    return lazyRows(this.source());
  }

  private source(): RowSource {
    const parts = this.segments.map((s) => (Array.isArray(s) ? rowSourceOf(s) : s));
    return itemRows(
      parts,
      (p) => p.count,
      (p, k) => p.row(k),
      parts.reduce((w, p) => Math.max(w, p.width), 0),
    );
  }

  /** Append a row; returns its 0-based index. */
  row(cells: SpecCell[]): number {
    const last = this.segments[this.segments.length - 1];
    if (Array.isArray(last)) last.push(cells);
    else this.segments.push([cells]);
    return this.count++;
  }

  blank(): void {
    this.row([]);
  }

  /** A title (style title) merged over `span` columns. */
  title(v: string, span: number): number {
    const r = this.row([text(v, "title")]);
    if (span > 1) this.merges.push({ top: r, left: 0, bottom: r, right: span - 1 });
    return r;
  }

  note(v: string): number {
    return this.row([text(v, "note")]);
  }

  /**
   * A header row (style header, two lines high: headers wrap at " / " between Chinese and English)
   * followed by the data rows (given, or a RowSource read when the sheet is written); an Excel table
   * covers both when there is data (a table needs a data row). Returns the data rows' range.
   */
  table(name: string, headers: string[], data: SpecCell[][] | RowSource): { top: number; bottom: number; left: number; right: number } {
    const head = this.row(headers.map((h) => text(h, "header")));
    this.rowHeights[head] = HEADER_HEIGHT;
    const rows = Array.isArray(data) ? data.length : data.count;
    if (Array.isArray(data)) for (const r of data) this.row(r);
    else if (data.count > 0) {
      this.segments.push(data);
      this.count += data.count;
    }
    const range = { top: head + 1, bottom: head + rows, left: 0, right: headers.length - 1 };
    if (rows > 0) this.tables.push({ name, header: true, range: { ...range, top: head } });
    return range;
  }

  highlight(cf: ConditionalFormat): void {
    this.highlights.push(cf);
  }

  /** The finished spec; titles and notes overflow into empty cells, so they do not widen columns. */
  build(name: string, frozenRows: number): SheetSpec {
    const widths: number[] = [];
    // Texts repeat down a big sheet (a platform's name on each of its years): each is measured once.
    const measured = new Map<string, number>();
    const widthOf = (cell: SpecCell): number => {
      // A number is shown in ASCII: its width is its length.
      if (typeof cell.v === "number") return shownText(cell).length;
      const shown = shownText(cell);
      const key = cell.style === "header" ? `h${shown}` : `t${shown}`;
      let w = measured.get(key);
      if (w === undefined) {
        const parts = cell.style === "header" ? shown.split(/ ?\/ /) : [shown];
        w = Math.max(...parts.map(textWidth));
        measured.set(key, w);
      }
      return w;
    };
    const measure = (r: SpecCell[]) => {
      for (let c = 0; c < r.length; c++) {
        const cell = r[c];
        if (cell.style === "title" || cell.style === "note") continue;
        widths[c] = Math.max(widths[c] ?? MIN_WIDTH, Math.min(MAX_WIDTH, widthOf(cell) + 2));
      }
    };
    // Lazy rows are made once here to be measured, and again when written: nothing is kept between.
    for (const s of this.segments) {
      if (Array.isArray(s)) s.forEach(measure);
      else for (let i = 0; i < s.count; i++) measure(s.row(i));
    }
    return {
      name,
      rows: this.rows,
      columnWidths: Array.from(widths, (w) => w ?? MIN_WIDTH),
      rowHeights: this.rowHeights,
      frozen: { rows: frozenRows, cols: 0 },
      tables: this.tables,
      conditionalFormats: this.highlights,
      merges: this.merges,
    };
  }
}

/** "平台优化提升情景模拟 · <scenario name>". */
export const sheetTitle = (scenarioName: string): string => `平台优化提升情景模拟 · ${scenarioName}`;
