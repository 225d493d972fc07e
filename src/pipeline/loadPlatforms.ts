/**
 * Read the platform table from a workbook through the port: the named sheet, or the sheet that looks
 * most like a platform table. Fatal sheet problems stop here, before anything runs or is written.
 *
 * One sheet per year: when the sheet read is a single-year sheet with a year (its title, 年份 column or
 * header, else a year in its name), every other user sheet that is a platform table with name, land and
 * output columns, a year of its own and at least half of the platforms of the smaller sheet is read with it,
 * and the set becomes one multi-year sheet (readYearSheets). A sheet of a year already taken is left out with a warning. Naming any sheet of the set
 * reads the set (the scenario's baseYear picks the year).
 */
import type { WorkbookPort } from "../workbook/port.js";
import type { SheetGrid } from "../workbook/grid.js";
import {
  acceptOutputScope,
  findPlatformSheets,
  readPlatformSheet,
  readYearSheets,
  sheetAt,
  sheetYear,
  type PlatformSheet,
  type SheetIssue,
} from "../workbook/sheet/index.js";
import { isParkPlanSheet } from "../workbook/results/index.js";
import { InputError } from "./errors.js";
import { HEADER_SCAN_ROWS, locateHeader } from "../workbook/sheet/locate.js";
import { textKey } from "../workbook/sheet/text.js";
import { GridView } from "../workbook/sheet/view.js";

export async function loadPlatforms(port: WorkbookPort, sheet?: string): Promise<PlatformSheet> {
  const name = sheet ?? (await pickPlatformSheet(port));
  const grid = await port.readGrid(name);
  const single = readPlatformSheet(grid);
  const parsed = await withYearSheets(port, grid, single);
  if (parsed.fatal) throw new InputError(parsed.issues.filter((i) => i.severity === "error"));
  return parsed;
}

/** Does a sheet's header name the platform, its land and its output (what a year of a per-year set needs)? */
function isYearTable(grid: SheetGrid): boolean {
  const fields = new Set(locateHeader(new GridView(grid))?.columns.map((c) => c.spec.field) ?? []);
  return fields.has("name") && fields.has("land") && fields.has("output");
}

/** Two sheets are years of one table when at least half of the smaller one's platform names are in the other. */
function samePlatforms(a: PlatformSheet, b: PlatformSheet): boolean {
  const names = new Set(a.platforms.map((p) => textKey(p.name)));
  const shared = b.platforms.filter((p) => names.has(textKey(p.name))).length;
  return shared > 0 && shared * 2 >= Math.min(a.platforms.length, b.platforms.length);
}

/** The sheet read, or the set of one sheet per year it belongs to (see the module comment). */
async function withYearSheets(port: WorkbookPort, grid: SheetGrid, single: PlatformSheet): Promise<PlatformSheet> {
  const year = sheetYear(single);
  if (year === null || single.fatal || !isYearTable(grid)) return single;
  const others = (await port.listSheets()).map((s) => s.name).filter((n) => n !== grid.sheet && !isParkPlanSheet(n));
  const heads = await Promise.all(others.map((n) => port.readGrid(n, { rows: HEADER_SCAN_ROWS })));
  const candidates = heads.filter(isYearTable).map((h) => h.sheet);
  if (candidates.length === 0) return single;
  const grids = [grid];
  const years = new Map<number, string>([[year, grid.sheet]]);
  const skipped: SheetIssue[] = [];
  for (const n of candidates) {
    const g = await port.readGrid(n);
    const s = readPlatformSheet(g);
    const y = sheetYear(s);
    if (y === null || !samePlatforms(single, s)) continue;
    if (years.has(y)) {
      skipped.push({
        code: "SHEET_YEAR_SHEET_SKIPPED",
        severity: "warning",
        sheet: n,
        cell: null,
        zh: `${n}：与工作表“${years.get(y)}”同为 ${y} 年，未作为逐年数据读取`,
        en: `${n}: same year (${y}) as sheet "${years.get(y)}"; not read as one of the yearly sheets`,
      });
      continue;
    }
    years.set(y, n);
    grids.push(g);
  }
  if (grids.length === 1) return single;
  const set = readYearSheets(grids);
  return { ...set, issues: [...set.issues, ...skipped] };
}

/**
 * The sheet a scenario runs on: as of the scenario's baseYear when that is another year of a multi-year
 * sheet (sheetAt), without the 全口径 notes when the scenario accepts them (inputs.outputScope "accept").
 * A scenario document that is not an object is left to the model's own validation.
 */
export function inputFor(sheet: PlatformSheet, scenario: unknown): PlatformSheet {
  const doc = (scenario !== null && typeof scenario === "object" ? scenario : {}) as {
    baseYear?: unknown;
    inputs?: { outputScope?: unknown };
  };
  const at = sheetAt(sheet, typeof doc.baseYear === "number" ? doc.baseYear : null);
  return doc.inputs?.outputScope === "accept" ? { ...at, issues: acceptOutputScope(at.issues) } : at;
}

/** The user's sheet that looks most like a platform table; ParkPlan's own sheets are never candidates. */
export async function pickPlatformSheet(port: WorkbookPort): Promise<string> {
  const names = (await port.listSheets()).map((s) => s.name).filter((n) => !isParkPlanSheet(n));
  const grids = await Promise.all(names.map((n) => port.readGrid(n, { rows: HEADER_SCAN_ROWS })));
  const best = findPlatformSheets(grids).find((c) => c.score > 0);
  if (!best) {
    throw new InputError([
      {
        code: "SHEET_NO_TABLE",
        severity: "error",
        sheet: names.join("、"),
        cell: null,
        zh: `工作簿中没有找到平台表（已查看工作表：${names.join("、") || "无"}；需要含“平台名称”及“用地面积”或“产值”列的表头）`,
        en: `no platform table found in the workbook (sheets looked at: ${names.join(", ") || "none"}; a header row with a platform name and land or output columns is needed)`,
      },
    ]);
  }
  return best.sheet;
}
