/**
 * Print setup of a sheet (ExcelApi 1.9 page layout): A4 landscape, one page wide, the title in the page
 * header, repeated header rows. Older hosts skip it: the sheet is still complete, only unformatted for print.
 */
import type { PrintSetup } from "../sheetSpec.js";
import type { ApiSupport } from "./runner.js";

export function applyPageLayout(ws: Excel.Worksheet, print: PrintSetup, supports: ApiSupport): void {
  if (!supports("1.9")) return;
  const layout = ws.pageLayout;
  layout.orientation = "Landscape" as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  // One page wide, as many pages tall as it takes.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.top + 1}:$${print.repeatRows.bottom + 1}`);
  layout.headersFooters.defaultForAllPages.centerHeader = print.title.replace(/&/g, "&&");
  layout.headersFooters.defaultForAllPages.centerFooter = "&P / &N";
}
