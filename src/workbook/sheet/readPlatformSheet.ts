/**
 * A platform sheet as analysts make it → Platform records in canonical units, with every problem reported
 * by sheet and cell in Chinese and English. Pure: takes a SheetGrid, touches no workbook.
 */
import { a1, type SheetGrid } from "../grid.js";
import { RowBuilder } from "./build.js";
import { parseNumber } from "./cells.js";
import { planColumns, toMapping, type ColumnPlan } from "./columns.js";
import { FIELD_BY_NAME, PLATFORM_FIELDS, type SheetField } from "./fields.js";
import { IssueList } from "./issues.js";
import { locateHeader } from "./locate.js";
import { titleYear, unitNote } from "./notes.js";
import { bodyStart } from "./numbering.js";
import { dataRows, type RawRow } from "./rows.js";
import type { PlatformSheet } from "./types.js";
import { reportModelProblems } from "./modelChecks.js";
import { checkRows } from "./validate.js";
import { GridView } from "./view.js";

/** Fields a derived column stands in for. */
const DERIVED: Partial<Record<SheetField, SheetField>> = { rdShare: "rd", highTechShare: "highTechValueAdded" };

function missingFields(plans: ColumnPlan[]): string[] {
  const have = new Set<string>(plans.map((p) => DERIVED[p.field] ?? p.field));
  return PLATFORM_FIELDS.filter((f) => !have.has(f));
}

/** Base year from a 年份/Year column: the latest year named, with a warning when rows differ. */
function columnYear(rows: RawRow[], issues: IssueList, plan: ColumnPlan | undefined): number | null {
  if (!plan) return null;
  const years = new Set<number>();
  for (const r of rows) {
    const raw = r.cells.get("year")!;
    const n = parseNumber(typeof raw.value === "string" ? raw.value.replace(/年度?\s*$/, "") : raw.value);
    if (n.kind === "number" && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2200) years.add(n.value);
  }
  if (years.size === 0) return null;
  const latest = Math.max(...years);
  if (years.size > 1) {
    issues.warn(
      "SHEET_MIXED_YEARS",
      plan.cell,
      `年份列含多个年份（${[...years].join("、")}），基准年取 ${latest}`,
      `the year column holds several years (${[...years].join(", ")}); base year taken as ${latest}`,
    );
  }
  return latest;
}

export function readPlatformSheet(grid: SheetGrid): PlatformSheet {
  const view = new GridView(grid);
  const issues = new IssueList(grid.sheet);
  const header = locateHeader(view);
  if (!header) {
    issues.error(
      "SHEET_NO_TABLE",
      null,
      "前 20 行中未找到平台表（需要“平台名称”及“工业用地面积”或“产值”等表头）",
      "no platform table in the first 20 rows (needs a platform name header and land in use or output)",
    );
    return {
      sheet: grid.sheet,
      platforms: [],
      baseYear: null,
      headerRow: 0,
      columns: [],
      missingFields: [...PLATFORM_FIELDS],
      issues: issues.items,
      fatal: true,
      rows: [],
    };
  }

  const left = header.table?.left ?? 0;
  const right = header.table?.right ?? view.colCount - 1;
  // A unit row and a column-number row (甲 乙 1 2 3 …) under the header are skipped, in either order.
  const { units, start } = bodyStart(view, header.row + 1, left, right);
  const topRow = header.top;
  const plans = planColumns(header.columns, units, unitNote(view, topRow), issues);
  const rows = dataRows(view, plans, start, header.table, issues);

  const builder = new RowBuilder(plans, rows, issues, grid.sheet);
  const built = rows.map((r) => builder.build(r)).filter((b) => b !== null);
  checkRows(built, issues);
  reportModelProblems(built, issues);

  if (rows.length === 0) {
    issues.error("SHEET_NO_ROWS", a1(header.row, left), "表头下没有平台数据", "no platform rows under the header");
  }
  const hasLand = plans.some((p) => p.field === "land");
  if (!hasLand && built.some((b) => b.platform.output > 0)) {
    issues.error(
      "SHEET_NO_LAND_COLUMN",
      a1(header.row, left),
      "表中没有工业用地面积列，无法计算亩均",
      "the table has no land-in-use column; per-mu figures cannot be computed",
    );
  }
  const missing = missingFields(plans);
  if (missing.length > 0) {
    const zh = missing.map((f) => FIELD_BY_NAME.get(f as SheetField)!.zh).join("、");
    const en = missing.map((f) => FIELD_BY_NAME.get(f as SheetField)!.en).join(", ");
    issues.warn(
      "SHEET_MISSING_COLUMNS",
      null,
      `缺少以下列，相关目标无法评估：${zh}`,
      `these columns are missing; targets needing them cannot be evaluated: ${en}`,
    );
  }

  const headerYear = header.columns.find((c) => c.year !== null)?.year ?? null;
  const baseYear =
    titleYear(view, topRow) ??
    columnYear(
      rows,
      issues,
      plans.find((p) => p.field === "year"),
    ) ??
    headerYear;
  return {
    sheet: grid.sheet,
    platforms: built.map((b) => b.platform),
    baseYear,
    headerRow: header.row + 1,
    columns: plans.map(toMapping),
    missingFields: missing,
    issues: issues.items,
    fatal: issues.fatal,
    rows: built.map((b) => b.platform.source!.row),
  };
}

/**
 * Rank sheets by how much they look like a platform table: score = number of platform fields recognised in
 * the best header row (0 when there is none), highest first; ties keep workbook order.
 */
export function findPlatformSheets(grids: SheetGrid[]): { sheet: string; score: number; headerRow: number | null }[] {
  return grids
    .map((g) => {
      const h = locateHeader(new GridView(g));
      return { sheet: g.sheet, score: h?.score ?? 0, headerRow: h ? h.row + 1 : null };
    })
    .sort((a, b) => b.score - a.score);
}
