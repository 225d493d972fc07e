/**
 * Recalculation batches for the custom functions (which may not write the workbook, but may ask Excel to
 * recalculate): re-run the formula cells a caller picks, or everything.
 *
 * Targeted (ExcelApi 1.9): one batch finds the formula cells of every sheet
 * (Range.getSpecialCellsOrNullObject("Formulas")), reads only their formulas, and calls Range.calculate()
 * on the block of each formula area that `pick` returns; Excel then updates whatever depends on those
 * cells. Four syncs whatever the workbook's size.
 */
import type { Batch } from "./runner.js";

type Context = Parameters<Parameters<Batch>[0]>[0];

/** A block of one formula area (0-based within the area) and how many of the wanted cells it holds. */
export interface FormulaBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
  calls: number;
}

/** Re-run, on every sheet, the block of each formula area that `pick` chooses; the number of cells it counted. */
export async function recalculateFormulaBlocks(
  context: Context,
  pick: (formulas: readonly (readonly unknown[])[]) => FormulaBlock | null,
): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const found = sheets.items.map((sheet) => sheet.getRange().getSpecialCellsOrNullObject("Formulas"));
  for (const cells of found) cells.load("isNullObject");
  await context.sync();
  const withFormulas = found.filter((cells) => !cells.isNullObject);
  for (const cells of withFormulas) cells.areas.load("items/formulas");
  await context.sync();
  let calls = 0;
  for (const cells of withFormulas) {
    for (const area of cells.areas.items) {
      const block = pick(area.formulas);
      if (!block) continue;
      area
        .getCell(block.row, block.column)
        .getResizedRange(block.rows - 1, block.columns - 1)
        .calculate();
      calls += block.calls;
    }
  }
  if (calls > 0) await context.sync();
  return calls;
}

/** A full recalculation (Application.calculate("Full")). */
export async function recalculateAll(context: Context): Promise<void> {
  context.workbook.application.calculate("Full");
  await context.sync();
}
