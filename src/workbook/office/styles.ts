/** Cell styles and highlight colours in Office terms (the .xlsx adapter uses the same colours in renderSpec.ts). */
import type { CellStyle, HighlightStyle } from "../sheetSpec.js";

/** Apply one CellStyle to a range's format (queued; nothing is loaded). */
export function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  switch (style) {
    case "title":
      format.font.bold = true;
      format.font.size = 14;
      return;
    case "header": {
      format.font.bold = true;
      format.fill.color = "#DDEBF7";
      format.wrapText = true;
      format.verticalAlignment = "Center";
      const edge = format.borders.getItem("EdgeBottom");
      edge.style = "Continuous";
      edge.color = "#8EA9DB";
      return;
    }
    case "wrap":
      // Bottom-aligned (Excel's default), level with the row's other cells.
      format.wrapText = true;
      return;
    case "note":
      format.font.italic = true;
      format.font.color = "#595959";
      return;
    default:
      format.fill.color = HIGHLIGHTS[style].fill;
      format.font.color = HIGHLIGHTS[style].font;
  }
}

/** Excel's own good / bad / neutral colours for met, not met and not evaluable. */
export const HIGHLIGHTS: Record<HighlightStyle, { fill: string; font: string }> = {
  met: { fill: "#C6EFCE", font: "#006100" },
  notMet: { fill: "#FFC7CE", font: "#9C0006" },
  na: { fill: "#EDEDED", font: "#595959" },
};

/** Excel character units → points (Calibri 11: 7 px per digit plus 5 px padding; 0.75 pt per px). */
export const widthToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
