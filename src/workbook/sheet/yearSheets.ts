/**
 * A workbook with one platform sheet per year ("2015", "2016", "2017", or sheets titled "…（2016年）"): each
 * sheet read as a single-year sheet, then combined into one panel (panel.ts) like a wide or long sheet.
 * Which sheets form the set is the loader's rule (src/pipeline/loadPlatforms.ts, src/workbook/README.md).
 */
import type { SheetGrid } from "../grid.js";
import { yearInText } from "./notes.js";
import { assemblePanel, type YearRead } from "./panel.js";
import { readTable } from "./readPlatformSheet.js";
import type { PlatformSheet } from "./types.js";

/** The year a single-year sheet holds: its own (title, 年份 column, header), else a year in the sheet's name. */
export function sheetYear(sheet: Pick<PlatformSheet, "baseYear" | "sheet" | "panel">): number | null {
  if (sheet.panel) return null;
  return sheet.baseYear ?? yearInText(sheet.sheet);
}

/**
 * Sheets of distinct years → one PlatformSheet with a panel. The sheets must each be single-year with a
 * year (sheetYear); the result names the base year's sheet, its header row, columns and rows.
 */
export function readYearSheets(grids: readonly SheetGrid[]): PlatformSheet {
  const tables = grids.map((g) => readTable(g));
  const reads: YearRead[] = [];
  for (const t of tables) {
    const year = sheetYear(t.sheet);
    if (!t.single || year === null || reads.some((r) => r.year === year)) {
      throw new Error(`readYearSheets: sheet ${t.sheet.sheet} is not a single-year sheet of its own year`);
    }
    reads.push({ year, sheet: t.sheet.sheet, rows: t.single.rows, plans: t.single.plans, issues: t.single.issues });
  }
  const assembled = assemblePanel(reads);
  const base = tables.find((t) => t.sheet.sheet === assembled.base.sheet)!.sheet;
  const at = assembled.panel.find((y) => y.year === assembled.baseYear)!;
  return {
    ...base,
    baseYear: assembled.baseYear,
    platforms: assembled.platforms,
    issues: assembled.issues,
    fatal: assembled.issues.some((i) => i.severity === "error"),
    rows: at.rows,
    columns: at.columns,
    panel: assembled.panel,
  };
}
