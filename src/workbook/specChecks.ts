/** Checks every adapter runs before writing sheets, so a bad spec fails before the workbook changes. */
import { checkCharts } from "./chartChecks.js";
import { WorkbookError } from "./port.js";
import { STORE_SHEET } from "./results/sheetNames.js";
import type { SheetSpec } from "./sheetSpec.js";

/** Excel compares sheet and table names case-insensitively. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Throws WorkbookError when a sheet name breaks Excel's rules (1–31 characters, none of : \ / ? * [ ]),
 * is the store sheet or repeats; when a table name repeats (within the specs or in `keptTables`, the
 * tables of sheets that stay); or when a table's header cells are not distinct non-empty text
 * (Excel repairs a table whose column names differ from its header cells); or when a chart spec is bad
 * (chartChecks.ts).
 */
export function checkSpecs(specs: SheetSpec[], keptTables: string[] = []): void {
  const names = new Set<string>();
  const tables = new Set(keptTables.map((t) => t.toLowerCase()));
  for (const spec of specs) {
    const { name, rows, tables: specTables = [] } = spec;
    if (name.length === 0 || name.length > 31)
      throw new WorkbookError("sheet-name", `工作表名称“${name}”须为 1–31 个字符`, `sheet name "${name}" must be 1–31 characters`);
    if (/[:\\/?*[\]]/.test(name))
      throw new WorkbookError(
        "sheet-name",
        `工作表名称“${name}”含有非法字符 : \\ / ? * [ ]`,
        `sheet name "${name}" contains one of : \\ / ? * [ ]`,
      );
    if (sameName(name, STORE_SHEET))
      throw new WorkbookError(
        "sheet-name",
        `“${STORE_SHEET}”是 ParkPlan 的存储表，不能写入`,
        `"${STORE_SHEET}" is ParkPlan's store sheet and cannot be written`,
      );
    if (names.has(name.toLowerCase())) throw new WorkbookError("duplicate-name", `工作表“${name}”重复`, `sheet "${name}" appears twice`);
    names.add(name.toLowerCase());
    for (const t of specTables) {
      if (tables.has(t.name.toLowerCase()))
        throw new WorkbookError("duplicate-name", `表格名称“${t.name}”重复`, `table name "${t.name}" appears twice`);
      tables.add(t.name.toLowerCase());
      if (!t.header) continue;
      const seen = new Set<string>();
      for (let c = t.range.left; c <= t.range.right; c++) {
        const v = rows[t.range.top]?.[c]?.v;
        if (typeof v !== "string" || v.trim() === "" || seen.has(v.toLowerCase())) {
          throw new WorkbookError(
            "duplicate-name",
            `表格“${t.name}”的标题须为不重复的文字`,
            `table "${t.name}" needs distinct text headers`,
          );
        }
        seen.add(v.toLowerCase());
      }
    }
    checkCharts(spec);
  }
}
