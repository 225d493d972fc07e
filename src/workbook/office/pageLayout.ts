/**
 * Print setup of a sheet (ExcelApi 1.9 page layout): A4 landscape, one page wide, the title in the page
 * header, repeated header rows. The caller checks ExcelApi 1.9 and queues it in a batch of its own, after the
 * content: older hosts skip it and a refusal is a warning; the sheet is complete either way.
 */
import type { PrintSetup } from "../sheetSpec.js";

export function applyPageLayout(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = "Landscape" as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  // One page wide, as many pages tall as it takes.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.top + 1}:$${print.repeatRows.bottom + 1}`);
  layout.headersFooters.defaultForAllPages.centerHeader = print.title.replace(/&/g, "&&");
  layout.headersFooters.defaultForAllPages.centerFooter = "&P / &N";
}
