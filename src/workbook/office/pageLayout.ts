/**
 * Print setup of a sheet (ExcelApi 1.9 page layout): A4 landscape, one page wide, narrow side margins, the
 * title in the page header's centre and the sheet's name at its right, page numbers in the footer, repeated
 * header rows, the print area of a sheet that prints only some of its cells — the same codes and area the
 * .xlsx writer writes (sheetSpec.ts pageHeaderFooter, printArea). The caller checks ExcelApi 1.9 and queues it in a batch of its own, after the content: older hosts skip it and a refusal is
 * a warning; the sheet is complete either way.
 */
import { a1, type CellRange } from "../grid.js";
import { pageHeaderFooter, PRINT_MARGINS, type PrintSetup } from "../sheetSpec.js";

const POINTS_PER_INCH = 72;

/** `area`: the sheet's print area (sheetSpec.ts printArea), null when every cell prints. */
export function applyPageLayout(ws: Excel.Worksheet, print: PrintSetup, area: CellRange | null): void {
  const layout = ws.pageLayout;
  layout.orientation = "Landscape" as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  // One page wide, as many pages tall as it takes.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.leftMargin = PRINT_MARGINS.left * POINTS_PER_INCH;
  layout.rightMargin = PRINT_MARGINS.right * POINTS_PER_INCH;
  layout.topMargin = PRINT_MARGINS.top * POINTS_PER_INCH;
  layout.bottomMargin = PRINT_MARGINS.bottom * POINTS_PER_INCH;
  layout.headerMargin = PRINT_MARGINS.header * POINTS_PER_INCH;
  layout.footerMargin = PRINT_MARGINS.footer * POINTS_PER_INCH;
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.top + 1}:$${print.repeatRows.bottom + 1}`);
  if (area) layout.setPrintArea(`${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`);
  const hf = pageHeaderFooter(print);
  const page = layout.headersFooters.defaultForAllPages;
  page.centerHeader = hf.center;
  page.rightHeader = hf.right;
  page.centerFooter = hf.footer;
}
