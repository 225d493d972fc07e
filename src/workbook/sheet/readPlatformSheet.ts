/**
 * A platform sheet as analysts make it → Platform records in canonical units, with every problem reported
 * by sheet and cell in Chinese and English. Pure: takes a SheetGrid, touches no workbook.
 *
 * Three layouts: one year (as ever); wide, with the year in the headers ("2015年规上工业产值", "产值（2016）",
 * "2017年" over "产值 | 用地"); long, with a 年份 column and one row per platform and year. Several years
 * become one panel (panel.ts): the base year's platforms with the earlier years as history.
 */
import { a1, type SheetGrid } from "../grid.js";
import { RowBuilder, type BuiltRow } from "./build.js";
import { cellText, isBlank, parseNumber } from "./cells.js";
import { planColumns, toMapping, type ColumnPlan } from "./columns.js";
import { checkConsistency } from "./consistency.js";
import { FIELD_BY_NAME, PLATFORM_FIELDS, type SheetField } from "./fields.js";
import { IssueList } from "./issues.js";
import { locateHeader, type HeaderColumn, type HeaderMatch } from "./locate.js";
import { titleYear, unitNote, type UnitNote } from "./notes.js";
import { bodyStart } from "./numbering.js";
import { assemblePanel, type YearRead } from "./panel.js";
import { dataRows, type RawRow } from "./rows.js";
import { reportScope, sheetMarks, sheetPrices, type SheetMarks } from "./scope.js";
import { textKey } from "./text.js";
import type { PlatformSheet } from "./types.js";
import { reportModelProblems } from "./modelChecks.js";
import { checkRows } from "./validate.js";
import { GridView } from "./view.js";
import type { AnyUnit } from "../../../models/units.js";

/** Fields a derived column stands in for. */
const DERIVED: Partial<Record<SheetField, SheetField>> = { rdShare: "rd", highTechShare: "highTechValueAdded" };
/** Columns that hold a year's figures: in a wide sheet each carries its year. */
const FIGURE_KINDS = new Set(["money", "area", "energy", "ratio", "count"]);

function missingFields(plans: ColumnPlan[]): string[] {
  const have = new Set<string>(plans.map((p) => DERIVED[p.field] ?? p.field));
  return PLATFORM_FIELDS.filter((f) => !have.has(f));
}

/** The year a 年份 cell names ("2019", 2019, "2019年"), else null. */
function cellYear(raw: RawRow["cells"] extends Map<SheetField, infer C> ? C : never): number | null {
  const n = parseNumber(typeof raw.value === "string" ? raw.value.replace(/年度?\s*$/, "") : raw.value);
  return n.kind === "number" && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2200 ? n.value : null;
}

/** Base year from a 年份/Year column of a single-year sheet: the year every row names. */
function columnYear(rows: RawRow[], plan: ColumnPlan | undefined): number | null {
  if (!plan) return null;
  const years = new Set<number>();
  for (const r of rows) {
    const y = cellYear(r.cells.get("year")!);
    if (y !== null) years.add(y);
  }
  return years.size === 0 ? null : Math.max(...years);
}

/** What every layout shares: where the table is and what the rows around it say. */
interface Frame {
  grid: SheetGrid;
  view: GridView;
  header: HeaderMatch;
  left: number;
  units: Map<number, AnyUnit> | null;
  start: number;
  note: UnitNote;
  marks: SheetMarks;
}

/** A single-year sheet's rows as built, so several sheets (one per year) can form a panel. */
export interface TableRead {
  sheet: PlatformSheet;
  single?: { rows: BuiltRow[]; plans: ColumnPlan[]; issues: IssueList };
}

export function readPlatformSheet(grid: SheetGrid): PlatformSheet {
  return readTable(grid).sheet;
}

export function readTable(grid: SheetGrid): TableRead {
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
      sheet: {
        sheet: grid.sheet,
        platforms: [],
        baseYear: null,
        headerRow: 0,
        columns: [],
        missingFields: [...PLATFORM_FIELDS],
        issues: issues.items,
        fatal: true,
        rows: [],
        prices: null,
      },
    };
  }

  const left = header.table?.left ?? 0;
  const right = header.table?.right ?? view.colCount - 1;
  // A unit row and a column-number row (甲 乙 1 2 3 …) under the header are skipped, in either order.
  const { units, start } = bodyStart(view, header.row + 1, left, right);
  const topRow = header.top;
  const frame: Frame = { grid, view, header, left, units, start, note: unitNote(view, topRow), marks: sheetMarks(view, topRow) };

  const wideYears = [...new Set(header.columns.filter(isYearColumn).map((c) => c.year!))].sort((a, b) => a - b);
  if (wideYears.length >= 2) return { sheet: readWide(frame, wideYears, issues) };

  const plans = planColumns(header.columns, units, frame.note, issues, frame.marks);
  reportScope(plans, issues);
  const rows = dataRows(view, plans, start, header.table, issues);
  const yearPlan = plans.find((p) => p.field === "year");
  if (yearPlan && new Set(rows.map((r) => cellYear(r.cells.get("year")!)).filter((y) => y !== null)).size >= 2) {
    return { sheet: readLong(frame, plans, rows, issues) };
  }

  const builder = new RowBuilder(plans, rows, issues, grid.sheet);
  const built = rows.map((r) => builder.build(r)).filter((b) => b !== null);
  checkRows(built, issues);
  reportModelProblems(built, issues);
  checkConsistency(built, issues);
  const missing = sheetChecks(frame, plans, rows.length, built, issues);

  const headerYear = header.columns.find((c) => c.year !== null)?.year ?? null;
  const baseYear = titleYear(view, topRow) ?? columnYear(rows, yearPlan) ?? headerYear;
  return {
    sheet: {
      sheet: grid.sheet,
      platforms: built.map((b) => b.platform),
      baseYear,
      headerRow: header.row + 1,
      columns: plans.map(toMapping),
      missingFields: missing,
      issues: issues.items,
      fatal: issues.fatal,
      rows: built.map((b) => b.platform.source!.row),
      prices: sheetPrices(plans),
    },
    single: { rows: built, plans, issues },
  };
}

function isYearColumn(c: HeaderColumn): boolean {
  return c.year !== null && FIGURE_KINDS.has(c.spec.kind);
}

/** Checks of the table as a whole: no rows, no land column, columns missing. Returns the missing fields. */
function sheetChecks(frame: Frame, plans: ColumnPlan[], rowCount: number, built: BuiltRow[], issues: IssueList): string[] {
  const { header, left } = frame;
  if (rowCount === 0) {
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
  return missing;
}

/** One year's rows through the builder and the row checks, into that year's own issue list. */
function buildYear(plans: ColumnPlan[], rows: RawRow[], shareRows: RawRow[], sheet: string, issues: IssueList): BuiltRow[] {
  const builder = new RowBuilder(plans, shareRows, issues, sheet);
  return rows.map((r) => builder.build(r)).filter((b) => b !== null);
}

function checkYear(built: BuiltRow[], issues: IssueList, year: number): void {
  checkRows(built, issues);
  reportModelProblems(built, issues);
  checkConsistency(built, issues, year);
}

/** The multi-year PlatformSheet from the panel of a wide or long sheet. */
function panelSheet(frame: Frame, reads: YearRead[], allPlans: ColumnPlan[], rowCount: number, issues: IssueList): PlatformSheet {
  const built = reads.flatMap((r) => r.rows);
  const missing = sheetChecks(frame, allPlans, rowCount, built, issues);
  const assembled = assemblePanel(reads);
  const items = [...issues.items, ...assembled.issues];
  const base = assembled.panel.find((y) => y.year === assembled.baseYear)!;
  return {
    sheet: frame.grid.sheet,
    platforms: assembled.platforms,
    baseYear: assembled.baseYear,
    headerRow: frame.header.row + 1,
    columns: base.columns,
    missingFields: missing,
    issues: items,
    fatal: items.some((i) => i.severity === "error"),
    rows: base.rows,
    prices: sheetPrices(assembled.base.plans),
    panel: assembled.panel,
  };
}

/** Wide: the columns of every year (no year in the header) plus each year's own columns, read year by year. */
function readWide(frame: Frame, years: number[], issues: IssueList): PlatformSheet {
  const { grid, view, header, units, start, note, marks } = frame;
  const reads: YearRead[] = [];
  const allPlans = new Map<string, ColumnPlan>();
  const seen = new Map<string, { name: string; cell: string }>();
  const present = new Set<string>();
  let rowCount = 0;
  for (const year of years) {
    const yearIssues = new IssueList(grid.sheet);
    const columns = header.columns.filter((c) => !isYearColumn(c) || c.year === year);
    const plans = planColumns(columns, units, note, yearIssues, marks, true);
    for (const p of plans) allPlans.set(p.cell, p);
    const rows = dataRows(view, plans, start, header.table, yearIssues);
    rowCount = Math.max(rowCount, rows.length);
    const own = plans.filter((p) => p.year === year);
    const absent = new Map<string, { name: string; cell: string }>();
    const kept = rows.filter((r) => {
      const name = cellText(r.cells.get("name")!.value);
      if (!name || !own.every((p) => isBlank(r.cells.get(p.field)!.value))) return true;
      const cells = own.map((p) => r.cells.get(p.field)!.cell);
      const entry = { name, cell: cells.length > 1 ? `${cells[0]}:${cells[cells.length - 1]}` : cells[0] };
      absent.set(textKey(name), entry);
      seen.set(textKey(name), { name, cell: r.cells.get("name")!.cell });
      return false;
    });
    const built = buildYear(plans, kept, rows, grid.sheet, yearIssues);
    for (const b of built) present.add(textKey(b.platform.name));
    checkYear(built, yearIssues, year);
    reads.push({ year, sheet: grid.sheet, rows: built, plans, issues: yearIssues, absent, wide: true });
  }
  const ordered = [...allPlans.values()].sort((a, b) => a.col - b.col);
  reportScope(ordered, issues);
  // A row with a name but no figure in any year would vanish from the panel: say so.
  for (const [key, { name, cell }] of seen) {
    if (!present.has(key))
      issues.warn("SHEET_EMPTY_ROW", cell, `“${name}”没有任何年份的数据，已跳过`, `"${name}" has no figures in any year; skipped`);
  }
  return panelSheet(frame, reads, ordered, rowCount, issues);
}

/** Long: one row per platform and year; two rows of one platform in one year are an error naming both. */
function readLong(frame: Frame, plans: ColumnPlan[], rows: RawRow[], issues: IssueList): PlatformSheet {
  const sheet = frame.grid.sheet;
  const byYear = new Map<number, RawRow[]>();
  for (const r of rows) {
    const raw = r.cells.get("year")!;
    const year = cellYear(raw);
    if (year === null) {
      issues.warn(
        "SHEET_ROW_WITHOUT_YEAR",
        raw.cell,
        `年份“${cellText(raw.value)}”无效，此行（第 ${r.row + 1} 行）已跳过`,
        `"${cellText(raw.value)}" is not a year; this row (row ${r.row + 1}) is skipped`,
      );
      continue;
    }
    byYear.set(year, [...(byYear.get(year) ?? []), r]);
  }
  const reads: YearRead[] = [...byYear.entries()].map(([year, yearRows]) => {
    const yearIssues = new IssueList(sheet);
    const built = buildYear(plans, yearRows, rows, sheet, yearIssues);
    const first = new Map<string, BuiltRow>();
    const kept = built.filter((b) => {
      const key = textKey(b.platform.name);
      const other = first.get(key);
      if (!other) {
        first.set(key, b);
        return true;
      }
      const [ra, rb] = [other.platform.source!.row, b.platform.source!.row];
      yearIssues.error(
        "SHEET_DUPLICATE_YEAR_ROW",
        b.cells.get("name")!.cell,
        `平台“${b.platform.name}”的 ${year} 年有两行：第 ${ra} 行和第 ${rb} 行`,
        `platform "${b.platform.name}" has two rows for ${year}: rows ${ra} and ${rb}`,
      );
      return false;
    });
    checkYear(kept, yearIssues, year);
    return { year, sheet, rows: kept, plans, issues: yearIssues };
  });
  return panelSheet(frame, reads, plans, rows.length, issues);
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
