/**
 * A worksheet part → the grid's values, formats and merges, scanned from the inflated text piece by piece
 * (indexOf over `<row>`, `<c>`, `<v>`, `<f>`, `<is>`; no DOM), so a sheet of any size is never one string.
 * What a cell becomes, as exceljs's reading gave it (toGrid.ts) so the platform reader sees the same grid:
 * a formula its cached result, a shared or inline string its flattened text, `t="b"` a boolean, `t="e"`
 * { error }, a number in a date format a Date (1900 or 1904 system); cells covered by a merge are present
 * and empty. Row shape: a row runs to its last cell that holds a value or a formula or is covered by a
 * merge; a cell with nothing in it (styled or not) does not lengthen it. Cells and rows without `r=` take
 * the next position.
 */
import type { CellRange, CellValue } from "../grid.js";
import { decodeRange } from "../grid.js";
import type { CellFormats } from "./cellFormats.js";
import { serialToDate } from "./cellFormats.js";
import { attributes, childText, columnOf, isSpace } from "./cellXml.js";
import { stringItemText, xmlText } from "./xmlText.js";

export interface SheetContext {
  strings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
}

export interface ReadSheetOptions {
  /** Rows (0-based) to read; the others stay empty. Default: all. */
  keep?: (row: number) => boolean;
  /** No row below this one (0-based) is wanted: their cells are not scanned, only the merges after them. */
  lastRow?: number;
}

export interface SheetCells {
  values: CellValue[][];
  formats: (string | null)[][];
  merges: CellRange[];
}

type Phase = "head" | "rows" | "skip" | "tail";

class SheetScanner implements SheetCells {
  readonly values: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly merges: CellRange[] = [];
  phase: Phase = "head";
  private sheetDataClose = "</sheetData>";
  private row = -1;
  private col = -1;
  private keeping = true;
  private vals: CellValue[] | null = null;
  private fmts: (string | null)[] | null = null;
  /** Styles of cells present in the part with a style and nothing else, and of rows and columns: what a merge's covered cells show. */
  private readonly emptyStyled = new Map<number, number>();
  private readonly rowStyles = new Map<number, number>();
  private readonly colStyles: { min: number; max: number; style: number }[] = [];

  constructor(
    private readonly ctx: SheetContext,
    private readonly options: ReadSheetOptions,
  ) {}

  /** Scan `buf`; returns the offset of the first thing not yet complete (kept for the next piece). */
  feed(buf: string): number {
    let pos = 0;
    for (;;) {
      if (this.phase === "rows") {
        pos = this.scanRows(buf, pos);
        if (this.phase === "rows") return pos;
      } else if (this.phase === "skip") {
        const close = buf.indexOf(this.sheetDataClose, pos);
        if (close < 0) return Math.max(pos, buf.length - this.sheetDataClose.length);
        this.phase = "tail";
        pos = close + this.sheetDataClose.length;
      } else return this.scanTags(buf, pos);
    }
  }

  /** Before and after the rows: `<col>` styles, `<sheetData>`, `<mergeCell>`. */
  private scanTags(buf: string, from: number): number {
    let pos = from;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) return buf.length;
      if (buf.startsWith("<!--", lt)) {
        const end = buf.indexOf("-->", lt + 4);
        if (end < 0) return lt;
        pos = end + 3;
        continue;
      }
      const gt = buf.indexOf(">", lt);
      if (gt < 0) return lt;
      pos = gt + 1;
      const tag = buf.slice(lt, gt + 1);
      const nameEnd = tag.search(/[\s/>]/);
      const qname = tag.slice(1, nameEnd);
      const local = qname.slice(qname.indexOf(":") + 1);
      if (this.phase === "head" && local === "sheetData") {
        if (tag.endsWith("/>")) {
          this.phase = "tail";
          continue;
        }
        this.sheetDataClose = `</${qname}>`;
        this.phase = "rows";
        return this.feed(buf.slice(pos)) + pos;
      }
      if (this.phase === "head" && local === "col") {
        let min = 0;
        let max = 0;
        let style = 0;
        attributes(tag, nameEnd, (n, v) => {
          if (n === "min") min = parseInt(v, 10);
          else if (n === "max") max = parseInt(v, 10);
          else if (n === "style") style = parseInt(v, 10);
        });
        if (style) this.colStyles.push({ min: min - 1, max: max - 1, style });
      }
      if (this.phase === "tail" && local === "mergeCell") {
        attributes(tag, nameEnd, (n, v) => {
          if (n === "ref" && /^[A-Za-z]+\d+(:[A-Za-z]+\d+)?$/.test(v)) this.merges.push(decodeRange(v));
        });
      }
    }
  }

  private scanRows(buf: string, from: number): number {
    let pos = from;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) return buf.length;
      const gt = buf.indexOf(">", lt);
      if (gt < 0) return lt;
      const first = buf.charCodeAt(lt + 1);
      if (first === 47 /* / */) {
        if (buf.startsWith(this.sheetDataClose, lt)) {
          this.endRow();
          this.phase = "tail";
          return gt + 1;
        }
        pos = gt + 1;
        continue;
      }
      if (first === 33 /* ! */ || first === 63 /* ? */) {
        if (buf.startsWith("<!--", lt)) {
          const end = buf.indexOf("-->", lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
        } else pos = gt + 1;
        continue;
      }
      let nameEnd = lt + 1;
      while (nameEnd < gt && !isSpace(buf.charCodeAt(nameEnd)) && buf.charCodeAt(nameEnd) !== 47) nameEnd++;
      let localStart = lt + 1;
      for (let k = lt + 1; k < nameEnd; k++) if (buf.charCodeAt(k) === 58 /* : */) localStart = k + 1;
      const selfClosing = buf.charCodeAt(gt - 1) === 47;
      if (nameEnd - localStart === 1 && buf.charCodeAt(localStart) === 99 /* c */) {
        let end = gt + 1;
        let inner = "";
        if (!selfClosing) {
          const qname = buf.slice(lt + 1, nameEnd);
          const close = buf.indexOf(`</${qname}>`, gt);
          if (close < 0) return lt;
          inner = buf.slice(gt + 1, close);
          end = close + qname.length + 3;
        }
        if (this.keeping) this.cell(buf.slice(lt, gt + 1), nameEnd - lt, inner, buf.slice(lt + 1, localStart));
        else this.col++;
        pos = end;
        continue;
      }
      pos = gt + 1;
      if (nameEnd - localStart === 3 && buf.startsWith("row", localStart)) {
        this.startRow(buf.slice(lt, gt + 1), nameEnd - lt);
        if (this.phase === "skip") return pos;
      }
    }
  }

  private startRow(tag: string, from: number): void {
    this.endRow();
    let r = NaN;
    let s = 0;
    attributes(tag, from, (n, v) => {
      if (n === "r") r = parseInt(v, 10);
      else if (n === "s") s = parseInt(v, 10) || 0;
    });
    this.row = Number.isInteger(r) && r >= 1 ? r - 1 : this.row + 1;
    this.col = -1;
    if (this.options.lastRow !== undefined && this.row > this.options.lastRow) {
      this.phase = "skip";
      return;
    }
    this.keeping = this.options.keep ? this.options.keep(this.row) : true;
    if (s && this.keeping) this.rowStyles.set(this.row, s);
  }

  private endRow(): void {
    this.vals = null;
    this.fmts = null;
  }

  private cell(tag: string, from: number, inner: string, prefix: string): void {
    let ref = "";
    let type = "";
    let style = 0;
    attributes(tag, from, (n, v) => {
      if (n === "r") ref = v;
      else if (n === "t") type = v;
      else if (n === "s") style = parseInt(v, 10) || 0;
    });
    const at = ref ? columnOf(ref) : -1;
    const col = at >= 0 ? at : this.col + 1;
    this.col = col;
    let value: CellValue | undefined;
    let formula = false;
    if (inner) {
      const f = childText(inner, `${prefix}f`);
      formula = f !== null && (f.text !== undefined || / t\s*=/.test(f.tag));
      if (type === "inlineStr") {
        const is = childText(inner, `${prefix}is`);
        const text = is?.text === undefined ? null : stringItemText(is.text);
        value = text === null || text === "" ? undefined : text;
      } else {
        const v = childText(inner, `${prefix}v`)?.text;
        if (v !== undefined) value = this.typed(type, v, style);
      }
    }
    if (formula) value ??= null;
    else if (value === undefined) {
      // Nothing in it: no cell to the grid, but a merge covering a styled one shows its format.
      if (style && this.row >= 0) this.emptyStyled.set(this.row * 16384 + col, style);
      return;
    }
    if (!this.vals) {
      this.vals = this.values[this.row] ??= [];
      this.fmts = this.formats[this.row] ??= [];
    }
    this.vals[col] = value ?? null;
    this.fmts![col] = this.ctx.formats.formatOf(style);
  }

  private typed(type: string, v: string, style: number): CellValue {
    switch (type) {
      case "s":
        return this.ctx.strings[parseInt(v, 10)] ?? null;
      case "str":
        return xmlText(v);
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: xmlText(v) };
      case "d": {
        const date = new Date(xmlText(v).trim());
        return Number.isNaN(date.getTime()) ? xmlText(v) : date;
      }
      default: {
        const n = parseFloat(v);
        return this.ctx.formats.isDate(style) && Number.isFinite(n) ? serialToDate(n, this.ctx.date1904) : n;
      }
    }
  }

  /** Cells covered by merges, holes filled with null. */
  finish(): SheetCells {
    const keep = this.options.keep ?? (() => true);
    const last = this.options.lastRow ?? Infinity;
    for (const m of this.merges) {
      for (let r = m.top; r <= Math.min(m.bottom, last); r++) {
        if (!keep(r)) continue;
        const vals = (this.values[r] ??= []);
        const fmts = (this.formats[r] ??= []);
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          if (vals[c] === undefined) fmts[c] = this.coveredFormat(r, c);
          vals[c] = null;
        }
      }
    }
    for (let r = 0; r < this.values.length; r++) {
      const vals = (this.values[r] ??= []);
      const fmts = (this.formats[r] ??= []);
      for (let c = 0; c < vals.length; c++) {
        if (vals[c] === undefined) {
          vals[c] = null;
          fmts[c] = null;
        } else if (fmts[c] === undefined) fmts[c] = null;
      }
      fmts.length = vals.length;
    }
    return { values: this.values, formats: this.formats, merges: this.merges };
  }

  private coveredFormat(r: number, c: number): string | null {
    const own = this.emptyStyled.get(r * 16384 + c);
    if (own !== undefined) return this.ctx.formats.formatOf(own);
    // A covered cell the part does not hold takes the row's format, else the column's.
    const rowFormat = this.ctx.formats.formatOf(this.rowStyles.get(r) ?? 0);
    if (rowFormat) return rowFormat;
    const col = this.colStyles.find((cs) => c >= cs.min && c <= cs.max);
    return col ? this.ctx.formats.formatOf(col.style) : null;
  }
}

/** Read a worksheet from its text in pieces. */
export async function readSheet(pieces: AsyncIterable<string>, ctx: SheetContext, options: ReadSheetOptions = {}): Promise<SheetCells> {
  const scanner = new SheetScanner(ctx, options);
  let buf = "";
  for await (const piece of pieces) {
    buf = buf ? buf + piece : piece;
    buf = buf.slice(scanner.feed(buf));
  }
  if (buf) scanner.feed(buf);
  return scanner.finish();
}
