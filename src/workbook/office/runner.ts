/** How the Office adapter reaches Excel: an injectable `Excel.run` and ExcelApi feature detection, so tests pass fakes. */

/** Runs one batch against a fresh request context, like `Excel.run`. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** True when the host supports the ExcelApi requirement set `version` ("1.9", "1.13" …). */
export type ApiSupport = (version: string) => boolean;

export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

/** Office's own check; false outside Office (no `Office.context`), so optional features are simply skipped. */
export const officeSupports: ApiSupport = (version) => {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
};
