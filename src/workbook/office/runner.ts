/** How the Office adapter reaches Excel: an injectable `Excel.run` and ExcelApi feature detection, so tests pass fakes. */
import { toWorkbookError } from "./officeErrors.js";

/** Runs one batch against a fresh request context with these options, like `Excel.run(options, batch)`. */
export type ExcelRunner = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A runner with ParkPlan's options and error mapping applied: what every port call uses. */
export type Batch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** True when the host supports the ExcelApi requirement set `version` ("1.9", "1.13" …). */
export type ApiSupport = (version: string) => boolean;

/**
 * Wait while the user is typing in a cell instead of failing at once. A host that predates the option
 * ignores it and fails with InvalidOperationInCellEditMode, which is mapped to a message saying what to do.
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export const excelRun: ExcelRunner = (options, batch) => Excel.run(options, batch);

/** Every batch with RUN_OPTIONS, and Excel's refusals turned into bilingual WorkbookErrors. */
export function guardedRun(run: ExcelRunner): Batch {
  return (batch) =>
    run(RUN_OPTIONS, batch).catch((err: unknown) => {
      throw toWorkbookError(err);
    });
}

/** Office's own check; false outside Office (no `Office.context`), so optional features are simply skipped. */
export const officeSupports: ApiSupport = (version) => {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
};
