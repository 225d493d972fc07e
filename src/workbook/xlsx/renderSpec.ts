/** Render a SheetSpec onto an empty exceljs worksheet: values, formats, styles, layout, tables, highlights. */
import type ExcelJS from "exceljs";
import { a1, columnLetters, type CellRange } from "../grid.js";
import { FORMAT_CODES, writableValue, type CellStyle, type PrintSetup, type SheetSpec } from "../sheetSpec.js";

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } });

/** Cell styles; met / not met / not evaluable use Excel's own good / bad / neutral colours. */
const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  header: {
    font: { bold: true },
    fill: solid("FFDDEBF7"),
    alignment: { wrapText: true, vertical: "middle" },
    border: { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } },
  },
  met: { fill: solid("FFC6EFCE"), font: { color: { argb: "FF006100" } } },
  notMet: { fill: solid("FFFFC7CE"), font: { color: { argb: "FF9C0006" } } },
  na: { fill: solid("FFEDEDED"), font: { color: { argb: "FF595959" } } },
  note: { font: { italic: true, color: { argb: "FF595959" } } },
};

const rangeRef = (r: CellRange): string => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

export function renderSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const target = ws.getCell(r + 1, c + 1);
      // A string is assigned as a plain string: exceljs writes it as text, never as a formula.
      target.value = writableValue(cell.v);
      if (cell.style) Object.assign(target, structuredClone(STYLES[cell.style]));
      if (cell.fmt) target.numFmt = FORMAT_CODES[cell.fmt];
    });
  });
  spec.columnWidths?.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  const { rows = 0, cols = 0 } = spec.frozen ?? {};
  if (rows > 0 || cols > 0) ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: a1(rows, cols) }];
  for (const m of spec.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const t of spec.tables ?? []) {
        // The table re-stores its cells: give it exactly what was written above.
    const cells = (r: number) => Array.from({ length: t.range.right - t.range.left + 1 }, (_, k) => ws.getCell(r + 1, t.range.left + k + 1).value);
    const first = t.header ? t.range.top + 1 : t.range.top;
    ws.addTable({
      name: t.name,
      ref: a1(t.range.top, t.range.left),
      headerRow: t.header,
      style: { theme: "TableStyleLight1", showRowStripes: true },
      columns: t.header ? cells(t.range.top).map((h) => ({ name: String(h), filterButton: true })) : cells(first).map((_, k) => ({ name: `Column${k + 1}` })),
      rows: Array.from({ length: t.range.bottom - first + 1 }, (_, k) => cells(first + k)),
    });
  }
  if (spec.print) applyPrint(ws, spec.print);
  spec.conditionalFormats?.forEach((cf, k) => {
    const style = STYLES[cf.style];
    const key = `$${columnLetters(cf.column)}${cf.range.top + 1}`;
    ws.addConditionalFormatting({
      ref: rangeRef(cf.range),
      rules: [
        {
          type: "expression",
          priority: k + 1,
          formulae: [`${key}="${cf.equals.replace(/"/g, '""')}"`],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: (style.fill as ExcelJS.FillPattern).fgColor }, font: { color: style.font?.color } },
        },
      ],
    });
  });
}

/** A4 landscape, all columns on one page width (as many pages down as needed), title in the header, page numbers below. */
function applyPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    paperSize: 9, // A4
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.top + 1}:${print.repeatRows.bottom + 1}` } : {}),
  };
  // "&" starts a header code in Excel; a literal one is written "&&".
  ws.headerFooter = { ...ws.headerFooter, oddHeader: `&C${print.title.replace(/&/g, "&&")}`, oddFooter: "&C&P / &N" };
}
