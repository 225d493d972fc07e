/**
 * Which of the user's formulas may point elsewhere after a result sheet changes shape. A re-run rewrites
 * 预测 in place, so `=预测!B5` stays valid — but when the new result has more or fewer rows or columns,
 * B5 may now hold another platform-year. Formula cells are found with ExcelApi 1.9
 * (`getSpecialCellsOrNullObject("Formulas")`); a sheet with very many formulas is not scanned (its
 * formulas would cost megabytes to load) and the warning says the references were not checked.
 */
import { a1, decodeRange } from "../grid.js";
import type { WorkbookWarning } from "../port.js";
import type { ApiSupport } from "./runner.js";

export interface ShapeChange {
  sheet: string;
  before: { rows: number; cols: number };
  after: { rows: number; cols: number };
}

/** Formula cells loaded per user sheet at most: about 100 bytes each keeps the response far under 5 MB. */
export const MAX_SCANNED_FORMULAS = 20_000;
/** Formulas named one by one; the rest are counted in one more warning. */
export const MAX_LISTED = 20;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does the formula text reference `sheet` (`预测!B5`, `'预 测'!B5`, `SUM(预测!B5:B9)`)? Case-insensitive, like Excel. */
export function referencesSheet(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return new RegExp(`(^|[^\\p{L}\\p{N}_.'])(${escapeRegExp(sheet)}|${escapeRegExp(quoted)})!`, "iu").test(formula);
}

const shape = (s: { rows: number; cols: number }) => ({ zh: `${s.rows} 行 × ${s.cols} 列`, en: `${s.rows} rows × ${s.cols} columns` });

function unchecked(change: ShapeChange, why: { zh: string; en: string }): WorkbookWarning {
  const [b, a] = [shape(change.before), shape(change.after)];
  return {
    code: "references-unchecked",
    sheet: change.sheet,
    cell: null,
    zh: `结果表“${change.sheet}”由 ${b.zh} 变为 ${a.zh}；${why.zh}，引用此表的公式可能指向了别处，请检查`,
    en: `result sheet "${change.sheet}" changed from ${b.en} to ${a.en}; ${why.en}, so formulas referencing it may now point elsewhere: please check them`,
  };
}

/** Warnings for the user's formulas that reference a changed sheet; reads only (two syncs). */
export async function referenceWarnings(
  context: Excel.RequestContext,
  userSheets: Excel.Worksheet[],
  names: string[],
  changes: ShapeChange[],
  supports: ApiSupport,
): Promise<WorkbookWarning[]> {
  if (changes.length === 0) return [];
  if (!supports("1.9")) {
    return changes.map((c) => unchecked(c, { zh: "此版本的 Excel 无法查找公式", en: "this Excel cannot search formulas" }));
  }
  const found = userSheets.map((ws) => {
    const areas = ws.getRange().getSpecialCellsOrNullObject("Formulas");
    areas.load("cellCount");
    return areas;
  });
  await context.sync();
  const warnings: WorkbookWarning[] = [];
  const loaded: { sheet: string; areas: Excel.RangeAreas }[] = [];
  found.forEach((areas, k) => {
    if (areas.isNullObject) return;
    if (areas.cellCount > MAX_SCANNED_FORMULAS) {
      const why = {
        zh: `工作表“${names[k]}”的公式过多（${areas.cellCount} 个），未逐一检查`,
        en: `sheet "${names[k]}" has too many formulas (${areas.cellCount}) to check one by one`,
      };
      warnings.push(...changes.map((c) => ({ ...unchecked(c, why), sheet: names[k] })));
      return;
    }
    areas.areas.load("items/address,items/formulas");
    loaded.push({ sheet: names[k], areas });
  });
  if (loaded.length > 0) await context.sync();
  const hits: WorkbookWarning[] = [];
  for (const { sheet, areas } of loaded) {
    for (const area of areas.areas.items) {
      const at = decodeRange(area.address.slice(area.address.lastIndexOf("!") + 1));
      area.formulas.forEach((row, i) =>
        row.forEach((f, j) => {
          if (typeof f !== "string" || !f.startsWith("=")) return;
          for (const change of changes.filter((c) => referencesSheet(f, c.sheet))) {
            const cell = a1(at.top + i, at.left + j);
            const [b, a] = [shape(change.before), shape(change.after)];
            hits.push({
              code: "references-may-move",
              sheet,
              cell,
              zh: `“${sheet}”!${cell} 的公式 ${f} 引用结果表“${change.sheet}”，该表由 ${b.zh} 变为 ${a.zh}，引用可能已指向别处，请检查`,
              en: `the formula ${f} in "${sheet}"!${cell} references result sheet "${change.sheet}", which changed from ${b.en} to ${a.en}: it may now point elsewhere, please check it`,
            });
          }
        }),
      );
    }
  }
  warnings.push(...hits.slice(0, MAX_LISTED));
  if (hits.length > MAX_LISTED) {
    const more = hits.length - MAX_LISTED;
    warnings.push({
      code: "references-may-move",
      sheet: hits[MAX_LISTED].sheet,
      cell: null,
      zh: `另有 ${more} 个公式引用了行列数已变的结果表，请一并检查`,
      en: `${more} more formulas reference result sheets whose shape changed: please check them too`,
    });
  }
  return warnings;
}
