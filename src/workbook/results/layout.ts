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
  type PrintSetup,
  type RowSource,
  type SheetSpec,
  type SpecCell,
  type SpecTable,
} from "../sheetSpec.js";
import { words, type Words } from "./language.js";

/** A text cell. */
export const text = (v: string | null, style?: CellStyle): SpecCell => (style ? { v, style } : { v });
/** A number cell; null or undefined is written empty. */
export const num = (v: number | null | undefined, fmt?: CellFormat): SpecCell => (fmt ? { v: v ?? null, fmt } : { v: v ?? null });

/** CJK and full-width characters: two width units each, and a line may break between any two. */
const CJK = "\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6";
const WIDE = new RegExp(`[${CJK}]`, "u");
/** Wrapping units: one CJK character, a run of other non-space characters (a word), or spaces. */
const TOKENS = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, "gu");

/** `s` in wrapping units (TOKENS): where a wrapped line may break. */
export const wrapUnits = (s: string): string[] => s.match(TOKENS) ?? [];

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
/** Points per line of 11-pt text (Calibri's line height, with room for CJK glyphs): wrapped headers and cells. */
const LINE_HEIGHT = 15;
/** Points of a title row (14-pt bold text). */
const TITLE_HEIGHT = 20;

/** The longest run a line cannot break inside: an English word, or two CJK characters (with their punctuation). */
const longestWord = (s: string): number =>
  Math.max(0, ...s.split(/\s+/).map((word) => (WIDE.test(word) ? Math.min(textWidth(word), 4) : textWidth(word))));

/** A header's parts: its Chinese and its English (split at " / "), or the one text of a one-language header. */
const languageParts = (header: string): string[] => header.split(/ ?\/ /);

/**
 * The width a header asks of its column: each language's part (split at " / ") on at most two lines, a
 * one-language header on at most three — Chinese breaks anywhere, English at spaces —, never narrower
 * than its longest word. So a bilingual header is about as wide as its Chinese, not as its two halves side
 * by side, and the header row grows instead (headerLines); a zh or en sheet (the print variants, --lang)
 * has narrower number columns under three-line headers, so its printed text is larger.
 */
export function headerWidth(header: string): number {
  const parts = languageParts(header);
  const lines = parts.length > 1 ? 2 : 3;
  return Math.max(...parts.map((part) => Math.max(longestWord(part), Math.ceil(textWidth(part) / lines))));
}

/** The width a wrapped cell (style wrap) asks of its column: its text on lines of at most `cap` units (a longer word is broken). */
export const wrappedWidth = (shown: string, cap: number): number => Math.min(cap, textWidth(shown));

/** Lines a header takes in a column of `width` units: each part wrapped on its own (Chinese anywhere, English at spaces). */
export function headerLines(header: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const part of languageParts(header)) {
    lines++;
    let line = 0;
    for (const token of wrapUnits(part)) {
      if (/^\s/.test(token)) {
        if (line > 0) line++;
        continue;
      }
      const w = textWidth(token);
      if (line > 0 && line + w > room) {
        lines++;
        line = 0;
      }
      line += w;
      // A word wider than the column is broken between characters (as Excel and LibreOffice wrap it).
      for (; line > room; line -= room) lines++;
    }
  }
  return lines;
}

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
  /** Plain cells that overflow into the empty cells to their right (line()): not measured, like titles. */
  private readonly overflowing = new WeakSet<SpecCell>();
  /** Width caps of the columns whose text wraps (table's `wrap`), by 0-based column. */
  private readonly wrapCaps = new Map<number, number>();

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
   * A line of plain text alone in its row (a summary line): it overflows into the empty cells to its
   * right, so, like a title or a note, it does not widen its column (a printed sheet would shrink).
   */
  line(v: string): number {
    const cell = text(v);
    this.overflowing.add(cell);
    return this.row([cell]);
  }

  /**
   * A header row (style header; headers wrap, and build() makes the row as high as its longest header)
   * followed by the data rows (given, or a RowSource read when the sheet is written); an Excel table
   * covers both when there is data (a table needs a data row). `wrap` caps long text columns (column →
   * width units): their plain text cells wrap (style wrap) and build() makes each row as high as its most
   * lines. Returns the data rows' range.
   */
  table(
    name: string,
    headers: string[],
    given: SpecCell[][] | RowSource,
    options: { wrap?: Record<number, number> } = {},
  ): { top: number; bottom: number; left: number; right: number } {
    const head = this.row(headers.map((h) => text(h, "header")));
    const data = options.wrap ? this.wrapping(given, options.wrap) : given;
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

  /**
   * Cap column `column` at `cap` width units for its wrapped cells (style wrap), in every table of the sheet
   * (stacked tables share their columns: the widest cap wins).
   */
  wrapAt(column: number, cap: number): void {
    this.wrapCaps.set(column, Math.max(cap, this.wrapCaps.get(column) ?? 0));
  }

  /** The rows with the plain text cells of the capped columns in style wrap (a RowSource stays lazy). */
  private wrapping(data: SpecCell[][] | RowSource, caps: Record<number, number>): SpecCell[][] | RowSource {
    for (const [c, cap] of Object.entries(caps)) this.wrapAt(Number(c), cap);
    const wrapRow = (row: SpecCell[]): SpecCell[] =>
      row.map((cell, c) => (caps[c] !== undefined && !cell.style && typeof cell.v === "string" ? { ...cell, style: "wrap" } : cell));
    if (Array.isArray(data)) return data.map(wrapRow);
    return { count: data.count, width: data.width, row: (i) => wrapRow(data.row(i)) };
  }

  highlight(cf: ConditionalFormat): void {
    this.highlights.push(cf);
  }

  /**
   * The finished spec with its page setup; titles and notes overflow into empty cells, so they do not
   * widen columns. Columns fit their data and their headers (headerWidth), and every row holding a header
   * is as high as its header of the most lines.
   */
  build(name: string, frozenRows: number, print: PrintSetup): SheetSpec {
    const widths: number[] = [];
    // Texts repeat down a big sheet (a platform's name on each of its years): each is measured once.
    const measured = new Map<string, number>();
    const widthOf = (cell: SpecCell, c: number): number => {
      // A number is shown in ASCII: its width is its length.
      if (typeof cell.v === "number") return shownText(cell).length;
      const shown = shownText(cell);
      const key = `${cell.style === "header" ? "h" : cell.style === "wrap" ? `w${this.wrapCaps.get(c)}|` : "t"}${shown}`;
      let w = measured.get(key);
      if (w === undefined) {
        w =
          cell.style === "header"
            ? headerWidth(shown)
            : cell.style === "wrap"
              ? wrappedWidth(shown, this.wrapCaps.get(c) ?? MAX_WIDTH)
              : textWidth(shown);
        measured.set(key, w);
      }
      return w;
    };
    // A wrapped cell's lines at its column's cap (the width it asks at most): a row of more than one is made taller.
    const wrappedLines = new Map<string, number>();
    const linesOf = (cell: SpecCell, c: number): number => {
      const shown = shownText(cell);
      const width = Math.min(MAX_WIDTH, (this.wrapCaps.get(c) ?? MAX_WIDTH) + 2);
      const key = `${width}|${shown}`;
      let n = wrappedLines.get(key);
      if (n === undefined) wrappedLines.set(key, (n = headerLines(shown, width)));
      return n;
    };
    const tall: Record<number, number> = {};
    const measure = (r: SpecCell[], at: number) => {
      let lines = 1;
      let titled = false;
      for (let c = 0; c < r.length; c++) {
        const cell = r[c];
        titled ||= cell.style === "title";
        if (cell.style === "title" || cell.style === "note" || this.overflowing.has(cell)) continue;
        widths[c] = Math.max(widths[c] ?? MIN_WIDTH, Math.min(MAX_WIDTH, widthOf(cell, c) + 2));
        if (cell.style === "wrap" && typeof cell.v === "string") lines = Math.max(lines, linesOf(cell, c));
      }
      if (lines > 1) tall[at] = headerHeight(lines);
      // A 14-pt title needs a taller row than the default (LibreOffice keeps the default height otherwise).
      else if (titled) tall[at] = TITLE_HEIGHT;
    };
    // Lazy rows are made once here to be measured, and again when written: nothing is kept between.
    let at = 0;
    for (const s of this.segments) {
      if (Array.isArray(s)) for (const r of s) measure(r, at++);
      else for (let i = 0; i < s.count; i++) measure(s.row(i), at++);
    }
    const columnWidths = Array.from(widths, (w) => w ?? MIN_WIDTH);
    return {
      name,
      rows: this.rows,
      columnWidths,
      rowHeights: { ...tall, ...this.headerHeights(columnWidths), ...this.rowHeights },
      frozen: { rows: frozenRows, cols: 0 },
      tables: this.tables,
      conditionalFormats: this.highlights,
      merges: this.merges,
      print,
    };
  }

  /** The height of each row holding header cells (only plain rows: a RowSource holds data). */
  private headerHeights(widths: readonly number[]): Record<number, number> {
    const heights: Record<number, number> = {};
    let at = 0;
    for (const s of this.segments) {
      if (!Array.isArray(s)) {
        at += s.count;
        continue;
      }
      for (const row of s) {
        let lines = 0;
        row.forEach((cell, c) => {
          if (cell.style === "header" && typeof cell.v === "string") lines = Math.max(lines, headerLines(cell.v, widths[c] ?? MIN_WIDTH));
        });
        if (lines > 1) heights[at] = headerHeight(lines);
        at++;
      }
    }
    return heights;
  }
}

/** Points for a header (or a wrapped cell) of `lines` lines. */
export const headerHeight = (lines: number): number => lines * LINE_HEIGHT + 2;

/** "平台优化提升情景模拟 · <scenario name>" ("Platform upgrading scenario · <name>" in an English sheet). */
export const sheetTitle = (scenarioName: string, w: Words = words()): string =>
  `${w.lang === "en" ? "Platform upgrading scenario" : "平台优化提升情景模拟"} · ${scenarioName}`;
