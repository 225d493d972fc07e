/**
 * A SheetSpec as worksheet XML, produced in pieces (a row at a time) so a big sheet can be streamed into
 * the package writer. Cell formats come from the StyleBook, text from the shared-string table; the order
 * of elements is the schema's (CT_Worksheet): the charts' `<drawing r:id>` after the page setup, before `<tableParts>`.
 */
import { a1, columnLetters, type CellRange } from "../grid.js";
import { escapeAttr, escapeText } from "../package/xml.js";
import {
  pageHeaderFooter,
  PRINT_MARGINS,
  printArea,
  rowSourceOf,
  writableValue,
  type RowSource,
  type SheetSpec,
  type SpecCell,
} from "../sheetSpec.js";
import type { SharedStrings } from "./sharedStrings.js";
import type { StyleBook } from "./stylesXml.js";

export interface SheetXmlContext {
  mainNs: string;
  relNs: string;
  styles: StyleBook;
  strings: SharedStrings;
  /** Relationship ids of the sheet's table parts, in the order of spec.tables. */
  tableRelIds: string[];
  /** Relationship id of the sheet's drawing part (its charts), when it has one. */
  drawingRelId?: string | null;
}

const rangeRef = (r: CellRange): string => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

function paneXml(rows: number, cols: number): string {
  const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const x = cols > 0 ? ` xSplit="${cols}"` : "";
  const y = rows > 0 ? ` ySplit="${rows}"` : "";
  return `<pane${x}${y} topLeftCell="${a1(rows, cols)}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
}

function* rowsXml(spec: SheetSpec, rows: RowSource, ctx: SheetXmlContext): Generator<string> {
  const heights = spec.rowHeights ?? {};
  const last = Math.max(rows.count - 1, ...Object.keys(heights).map(Number));
  // Column letters and ` s="…"` attributes made once, not per cell (a million-row sheet has 17 million cells).
  const letters: string[] = [];
  const styleAttrs = new Map<string | undefined, Map<string | undefined, string>>();
  const styleAttr = (style: SpecCell["style"], fmt: SpecCell["fmt"]): string => {
    let byFmt = styleAttrs.get(style);
    if (!byFmt) styleAttrs.set(style, (byFmt = new Map()));
    let attr = byFmt.get(fmt);
    if (attr === undefined) {
      const s = ctx.styles.cellXf(style, fmt);
      byFmt.set(fmt, (attr = s ? ` s="${s}"` : ""));
    }
    return attr;
  };
  for (let r = 0; r <= last; r++) {
    let cells = "";
    // Pulled while writing: a lazy sheet's rows are made here, one at a time.
    const row = r < rows.count ? rows.row(r) : [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const v = writableValue(cell.v);
      const s = styleAttr(cell.style, cell.fmt);
      if (v === null && s === "") continue;
      const ref = `r="${(letters[c] ??= columnLetters(c))}${r + 1}"${s}`;
      if (v === null) cells += `<c ${ref}/>`;
      else if (typeof v === "number") cells += `<c ${ref}><v>${v}</v></c>`;
      else if (typeof v === "boolean") cells += `<c ${ref} t="b"><v>${v ? 1 : 0}</v></c>`;
      else cells += `<c ${ref} t="s"><v>${ctx.strings.of(v)}</v></c>`;
    }
    const h = heights[r];
    if (cells === "" && h === undefined) continue;
    yield `<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cells}</row>`;
  }
}

export function* sheetXml(spec: SheetSpec, ctx: SheetXmlContext): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ctx.mainNs}" xmlns:r="${ctx.relNs}">`;
  if (spec.print) yield `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  const source = rowSourceOf(spec.rows);
  const width = Math.max(1, source.width);
  yield `<dimension ref="${source.count ? rangeRef({ top: 0, left: 0, bottom: source.count - 1, right: width - 1 }) : "A1"}"/>`;
  const { rows = 0, cols = 0 } = spec.frozen ?? {};
  yield `<sheetViews><sheetView workbookViewId="0">${rows > 0 || cols > 0 ? paneXml(rows, cols) : ""}</sheetView></sheetViews>`;
  yield `<sheetFormatPr defaultRowHeight="15"/>`;
  const widths = (spec.columnWidths ?? []).flatMap((w, c) =>
    w === undefined ? [] : [`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`],
  );
  if (widths.length) yield `<cols>${widths.join("")}</cols>`;
  yield "<sheetData>";
  yield* rowsXml(spec, source, ctx);
  yield "</sheetData>";
  const merges = spec.merges ?? [];
  if (merges.length)
    yield `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>`;
  for (const [k, cf] of (spec.conditionalFormats ?? []).entries()) {
    const formula = `$${a1(cf.range.top, cf.column).replace(/\d+$/, "")}${cf.range.top + 1}="${cf.equals.replace(/"/g, '""')}"`;
    yield `<conditionalFormatting sqref="${rangeRef(cf.range)}"><cfRule type="expression" dxfId="${ctx.styles.dxf(cf.style)}" priority="${k + 1}"><formula>${escapeText(formula)}</formula></cfRule></conditionalFormatting>`;
  }
  const m = spec.print ? PRINT_MARGINS : { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  yield `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (spec.print) {
    yield `<pageSetup paperSize="9" orientation="${spec.print.orientation}" fitToWidth="1" fitToHeight="0"/>`;
    // "&" starts a header code in Excel; a literal one is written "&&" (pageHeaderFooter).
    const hf = pageHeaderFooter(spec.print);
    yield `<headerFooter><oddHeader>${escapeText(`&C${hf.center}&R${hf.right}`)}</oddHeader><oddFooter>${escapeText(`&C${hf.footer}`)}</oddFooter></headerFooter>`;
  }
  if (ctx.drawingRelId) yield `<drawing r:id="${escapeAttr(ctx.drawingRelId)}"/>`;
  if (ctx.tableRelIds.length) {
    yield `<tableParts count="${ctx.tableRelIds.length}">${ctx.tableRelIds.map((id) => `<tablePart r:id="${escapeAttr(id)}"/>`).join("")}</tableParts>`;
  }
  yield "</worksheet>";
}

const quotedName = (spec: SheetSpec): string => `'${spec.name.replace(/'/g, "''")}'`;

/** The `_xlnm.Print_Titles` value for a spec's repeated rows ('预测'!$2:$3), or null. */
export function printTitles(spec: SheetSpec): string | null {
  const rr = spec.print?.repeatRows;
  return rr ? `${quotedName(spec)}!$${rr.top + 1}:$${rr.bottom + 1}` : null;
}

/** The `_xlnm.Print_Area` value for a spec that prints some of its columns ('预测'!$A$1:$R$115), or null. */
export function printAreaName(spec: SheetSpec): string | null {
  const area = printArea(spec);
  return area ? `${quotedName(spec)}!${absoluteRef(area)}` : null;
}

const absoluteRef = (r: CellRange): string => `$${columnLetters(r.left)}$${r.top + 1}:$${columnLetters(r.right)}$${r.bottom + 1}`;
