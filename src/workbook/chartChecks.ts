/** Checks of a sheet's chart specs, run with the other spec checks so a bad chart fails before anything is written. */
import { WorkbookError } from "./port.js";
import type { SheetSpec } from "./sheetSpec.js";

const bad = (sheet: string, chart: string, zh: string, en: string) =>
  new WorkbookError("bad-chart", `工作表“${sheet}”的图表“${chart}”${zh}`, `chart "${chart}" on sheet "${sheet}" ${en}`);

/**
 * Throws WorkbookError "bad-chart" when a chart name is empty or repeats in its sheet (compared
 * case-insensitively, as Excel does), when its data block has no series (fewer than 2 rows or 2 columns)
 * or starts before A1, when it styles more series than the block holds, or when its position is negative.
 */
export function checkCharts(spec: SheetSpec): void {
  const names = new Set<string>();
  for (const chart of spec.charts ?? []) {
    const { name, range: r, position: p } = chart;
    if (name.trim() === "") throw bad(spec.name, name, "名称为空", "has an empty name");
    if (names.has(name.toLowerCase())) throw bad(spec.name, name, "重复", "appears twice");
    names.add(name.toLowerCase());
    if (r.top < 0 || r.left < 0 || r.bottom <= r.top || r.right <= r.left) {
      throw bad(spec.name, name, "的数据区须至少 2 行 2 列", "needs a data block of at least 2 rows and 2 columns");
    }
    if ((chart.series?.length ?? 0) > r.right - r.left)
      throw bad(spec.name, name, "的系列样式多于数据列", "styles more series than its block holds");
    if (p.row < 0 || p.col < 0 || !(p.width > 0) || !(p.height > 0))
      throw bad(spec.name, name, "的位置或大小无效", "has an invalid position or size");
  }
}
