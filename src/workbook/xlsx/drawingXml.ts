/**
 * A worksheet's drawing part (`xl/drawings/drawingN.xml`, xdr:wsDr): one graphic frame per chart, anchored
 * at its top-left cell with its size in EMU (xdr:oneCellAnchor: the chart moves with its cell and keeps its
 * size). A two-cell anchor would fix the size through column widths, which each application measures with
 * its own fonts: LibreOffice drew a 560 px chart 705 px wide from one. `chartExtent` gives the cell where
 * the chart ends in Excel's measure, for checks that charts do not cover data.
 */
import type { OoxmlNamespaces } from "../package/conformance.js";
import { escapeAttr } from "../package/xml.js";
import type { ChartSpec, SheetSpec } from "../sheetSpec.js";

/** Pixels of a digit of the default font (Calibri / 等线 11 pt): the unit of Excel's column widths. */
const DIGIT_PX = 7;
/** A column without a width: the standard width of 8.43 characters. */
export const DEFAULT_COLUMN_PX = 64;
/** A row without a height: the sheet's default 15 pt. */
export const DEFAULT_ROW_PX = 20;
export const EMU_PER_PX = 9525;

/** A column's width in pixels, by Excel's rule for a width in characters (padding included, as stored). */
export function columnPixels(width: number | undefined): number {
  if (width === undefined) return DEFAULT_COLUMN_PX;
  return Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
}

/** A row's height in pixels (points at 96 dpi). */
export const rowPixels = (points: number | undefined): number => (points === undefined ? DEFAULT_ROW_PX : Math.round((points * 96) / 72));

/** A cell corner: 0-based column and row, offsets in EMU inside them. */
export interface AnchorPoint {
  col: number;
  colOff: number;
  row: number;
  rowOff: number;
}

/** The cell `length` pixels after the start of cell `start`, along columns or rows of the given sizes. */
function walk(start: number, length: number, size: (k: number) => number): { at: number; offset: number } {
  let at = start;
  let left = length;
  while (left >= size(at)) {
    left -= size(at);
    at++;
  }
  return { at, offset: Math.round(left * EMU_PER_PX) };
}

/** The cell under the chart's bottom-right corner (0-based), in Excel's measure of this sheet's columns and rows. */
export function chartExtent(spec: SheetSpec, chart: ChartSpec): AnchorPoint {
  const { row, col, width, height } = chart.position;
  const cols = walk(col, width, (c) => columnPixels(spec.columnWidths?.[c]));
  const rows = walk(row, height, (r) => rowPixels(spec.rowHeights?.[r]));
  return { col: cols.at, colOff: cols.offset, row: rows.at, rowOff: rows.offset };
}

/** The drawing part: `chartRelIds[k]` is the drawing's relationship to the part of `spec.charts[k]`. */
export function drawingXml(spec: SheetSpec, chartRelIds: string[], ns: OoxmlNamespaces): string {
  const anchors = (spec.charts ?? []).map((chart, k) => {
    const { row, col, width, height } = chart.position;
    const cx = Math.round(width * EMU_PER_PX);
    const cy = Math.round(height * EMU_PER_PX);
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${escapeAttr(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${ns.chart}"><c:chart xmlns:c="${ns.chart}" r:id="${escapeAttr(chartRelIds[k])}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${ns.spreadsheetDrawing}" xmlns:a="${ns.drawingMain}" xmlns:r="${ns.relationships}">${anchors.join("")}</xdr:wsDr>`
  );
}
