/**
 * Finding the header row: the row among the first 20 (or an Excel table's header row) that names the most
 * platform fields, with name and land or output among them. Two-row headers with a merged parent
 * ("用地（亩）" over "可开发空间 | 已用地") are read as parent + child.
 */
import { unitKind, type AnyUnit } from "../../../models/units.js";
import { a1, type CellRange } from "../grid.js";
import { cellText } from "./cells.js";
import { matchField, type FieldSpec } from "./fields.js";
import { parseHeader } from "./header.js";
import type { GridView } from "./view.js";

export const HEADER_SCAN_ROWS = 20;

export interface HeaderColumn {
  col: number;
  spec: FieldSpec;
  /** Synonym rank: lower is a better name for the field. */
  rank: number;
  unit: AnyUnit | null;
  header: string;
  cell: string;
  otherBrackets: string[];
  year: number | null;
  /** The match used a merged parent header in the row above. */
  usesParent: boolean;
}

export interface HeaderMatch {
  /** 0-based row of the (last) header row. */
  row: number;
  /** 0-based first header row: row − 1 when a merged parent header was used. */
  top: number;
  columns: HeaderColumn[];
  /** Number of distinct fields recognised. */
  score: number;
  /** The Excel table whose header row this is, if any. */
  table: CellRange | null;
}

/** A horizontal merge in the row above that does not reach this row: a parent header. */
function parentText(view: GridView, r: number, c: number): string {
  if (r === 0) return "";
  const own = view.merge(r, c);
  if (own && own.top < r) return "";
  const p = view.merge(r - 1, c);
  if (!p || p.right === p.left || p.bottom !== r - 1) return "";
  return cellText(view.value(p.top, p.left));
}

/** Header text of column c in row r: a vertical merge's value; a horizontal merge counts in its first column only. */
function ownText(view: GridView, r: number, c: number): { text: string; cell: string } {
  const m = view.merge(r, c);
  if (m && m.left !== c) return { text: "", cell: a1(r, c) };
  return m ? { text: cellText(view.value(m.top, m.left)), cell: a1(m.top, m.left) } : { text: cellText(view.value(r, c)), cell: a1(r, c) };
}

/** Does a unit measure what the field holds? */
function fits(unit: AnyUnit, spec: FieldSpec): boolean {
  return unitKind(unit) === spec.kind;
}

function readColumn(view: GridView, r: number, c: number): HeaderColumn | undefined {
  const own = ownText(view, r, c);
  const parent = parentText(view, r, c);
  const child = parseHeader(own.text);
  const p = parseHeader(parent);
  const both = own.text ? `${parent} ${own.text}` : parent;
  // [label, header text, uses the parent]: parent + child, child alone, parent alone.
  const tries: [string, string, boolean][] = parent
    ? [
        ...(p.label ? [[p.label + child.label, both, true] as [string, string, boolean]] : []),
        ...(own.text ? [[child.label, own.text, false] as [string, string, boolean]] : []),
        ...(p.label ? [[p.label, both, true] as [string, string, boolean]] : []),
      ]
    : own.text
      ? [[child.label, own.text, false]]
      : [];
  for (const [label, text, usesParent] of tries) {
    const m = matchField(label);
    if (!m) continue;
    // A parent's unit ("用地（亩）") applies to its children when it measures what they hold.
    const inherited = !child.unit && p.unit && fits(p.unit, m.spec) ? p.unit : null;
    // A parent naming a year ("2017年" over "产值 | 用地"): the children are that year's columns.
    const parentYear = child.year === null && parent && !usesParent ? p.year : null;
    const cell = own.text || !parent ? own.cell : a1(r - 1, c);
    return {
      col: c,
      spec: m.spec,
      rank: m.rank,
      unit: child.unit ?? inherited,
      header: inherited || parentYear !== null ? both : text,
      cell,
      otherBrackets: child.otherBrackets,
      year: child.year ?? parentYear ?? (usesParent ? p.year : null),
      usesParent: usesParent || inherited !== null || parentYear !== null,
    };
  }
  return undefined;
}

function readRow(view: GridView, r: number, left: number, right: number, table: CellRange | null): HeaderMatch {
  const columns: HeaderColumn[] = [];
  for (let c = left; c <= right; c++) {
    const col = readColumn(view, r, c);
    if (col) columns.push(col);
  }
  const fields = new Set(columns.map((c) => c.spec.field));
  const usable = fields.has("name") && (fields.has("land") || fields.has("output"));
  const top = columns.some((c) => c.usesParent) ? r - 1 : r;
  return { row: r, top, columns, score: usable ? fields.size : 0, table };
}

/** The best header row of the sheet, or null when no row names a platform and its land or output. */
export function locateHeader(view: GridView): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const consider = (m: HeaderMatch) => {
    if (m.score > 0 && (!best || m.score > best.score)) best = m;
  };
  for (const t of view.grid.tables) consider(readRow(view, t.range.top, t.range.left, t.range.right, t.range));
  const last = Math.min(HEADER_SCAN_ROWS, view.rowCount) - 1;
  for (let r = 0; r <= last; r++) consider(readRow(view, r, 0, view.colCount - 1, null));
  const found = best as HeaderMatch | null;
  if (found && !found.table) {
    // A scanned header that is an Excel table's header row still takes the table's range.
    const nameCol = found.columns.find((c) => c.spec.field === "name")!.col;
    const t = view.grid.tables.find((t) => t.range.top === found.row && t.range.left <= nameCol && nameCol <= t.range.right);
    if (t) return readRow(view, found.row, t.range.left, t.range.right, t.range);
  }
  return found;
}
