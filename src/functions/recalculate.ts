/**
 * After the pane stores a run: forget the stored runs read so far and make Excel re-run the
 * PARKPLAN.SCENARIO cells. Excel never re-calls a non-volatile function whose arguments did not change,
 * so clearing the cache alone leaves the old figure in the cell (see README, "Stored runs").
 *
 * Targeted (ExcelApi 1.9): the Office adapter's recalculateFormulaBlocks re-runs the block of each formula
 * area that holds a SCENARIO call (four syncs whatever the workbook's size). Without ExcelApi 1.9, or when
 * the targeted pass fails (e.g. the formulas pass Excel on the web's response limit), a full
 * recalculation: heavier, but the other PARKPLAN functions answer from their cache. The Excel batches
 * live in src/workbook/office/recalculate.ts; this module decides which cells and what to tell the user.
 */
import { recalculateAll, recalculateFormulaBlocks, type FormulaBlock } from "../workbook/office/recalculate.js";
import { excelRun, guardedRun, officeSupports, type ApiSupport, type Batch } from "../workbook/office/runner.js";
import { WorkbookError } from "../workbook/port.js";
import { forgetStoredRuns } from "./storedRuns.js";
import { ZH_CN } from "./zhCN.js";

/** The Office runner as every port call uses it: waits while a cell is edited, maps Excel's errors. */
const officeBatch = (): Batch => guardedRun(excelRun);

/** A formula calling SCENARIO by its English or Chinese name (a Chinese Excel keeps the Chinese one). */
export const SCENARIO_CALL = new RegExp(`PARKPLAN\\.(?:SCENARIO|${ZH_CN.SCENARIO.name})\\s*\\(`, "iu");

/** What the recalculation did: the SCENARIO cells re-run, a full recalculation, or why neither worked. */
export type Recalculation = { kind: "targeted"; cells: number } | { kind: "full" } | { kind: "failed"; zh: string; en: string };

/** The rows and columns of one formula area holding SCENARIO calls (0-based within the area), and how many. */
export type CallBlock = FormulaBlock;

/** The smallest block of `formulas` holding every SCENARIO call, or null when there is none. */
export function scenarioBlock(formulas: readonly (readonly unknown[])[]): CallBlock | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let calls = 0;
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (typeof f !== "string" || !SCENARIO_CALL.test(f)) return;
      calls++;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  return calls === 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1, calls };
}

/** The reason in both languages: the runner's bilingual advice, else the error's own text. */
function reason(e: unknown): { zh: string; en: string } {
  if (e instanceof WorkbookError) return { zh: e.zh, en: e.en };
  const text = e instanceof Error ? e.message : String(e);
  return { zh: text, en: text };
}

/** Make Excel re-run the SCENARIO cells (targeted when it can, else a full recalculation); never rejects. */
export async function recalculateScenarioCells(run: Batch = officeBatch(), supports: ApiSupport = officeSupports): Promise<Recalculation> {
  if (supports("1.9")) {
    try {
      return { kind: "targeted", cells: await run((context) => recalculateFormulaBlocks(context, scenarioBlock)) };
    } catch {
      // fall through to the full recalculation, which needs no formulas read
    }
  }
  try {
    await run(recalculateAll);
    return { kind: "full" };
  } catch (e) {
    const why = reason(e);
    return {
      kind: "failed",
      zh: `无法刷新 PARKPLAN.情景结果 单元格（${why.zh}），请按 Ctrl+Alt+F9 完全重新计算`,
      en: `could not recalculate the PARKPLAN.SCENARIO cells (${why.en}); press Ctrl+Alt+F9 for a full recalculation`,
    };
  }
}

/** What the pane calls after storing a run: forget the runs read so far, then re-run the SCENARIO cells. */
export function refreshScenarioCells(run: Batch = officeBatch(), supports: ApiSupport = officeSupports): Promise<Recalculation> {
  forgetStoredRuns();
  return recalculateScenarioCells(run, supports);
}
