/**
 * Several years of one platform table (a wide sheet, a long sheet, or one sheet per year) → one panel: the
 * base year's platforms with the earlier years as their history (models/history/panel.ts), every year kept
 * for re-basing (sheetAt), and a warning for each gap, each platform missing in a year, each year with a
 * different set of columns, and each jump of output or land (consistency.ts).
 *
 * The base year is the latest complete year: the latest year in which every platform of the table (every
 * name any year gives) has a number for both land and output. When no year is complete, the year with the
 * most such platforms (the latest of those tied), with a warning. Years after the base year are kept in the
 * panel (a scenario's baseYear may pick them) and reported as not used.
 */
import { HISTORY_FIELDS, type HistoryField, type HistoryYear } from "../../../models/history/panel.js";
import type { Platform } from "../../../models/platform.js";
import type { BuiltRow } from "./build.js";
import { parseNumber } from "./cells.js";
import { toMapping, type ColumnPlan } from "./columns.js";
import { checkJumps, type YearFigure } from "./consistency.js";
import { FIELD_BY_NAME, type SheetField } from "./fields.js";
import { IssueList } from "./issues.js";
import { DERIVED_FROM, rowCell } from "./modelChecks.js";
import { textKey } from "./text.js";
import type { PanelYear, PlatformSheet, SheetIssue } from "./types.js";

/** One year as read: its rows (platforms present that year), the columns read and that year's issues. */
export interface YearRead {
  year: number;
  sheet: string;
  rows: BuiltRow[];
  plans: ColumnPlan[];
  issues: IssueList;
  /** Wide sheets: platforms whose cells of this year are all blank, by name key, with those cells ("C5:E5"). */
  absent?: Map<string, { name: string; cell: string }>;
  /** Wide sheets: a figure column without a year is not that year's figure, so it stays out of the history. */
  wide?: boolean;
}

export interface Assembled {
  baseYear: number;
  base: YearRead;
  platforms: Platform[];
  panel: PanelYear[];
  issues: SheetIssue[];
}

/** Issues of a year other than the base year that the panel's own warnings replace (a blank there is a gap, not a 0). */
const REPLACED = new Set(["SHEET_MISSING_VALUE", "SHEET_MISSING_OUTPUT", "SHEET_MISSING_LAND", "SHEET_MISSING_COLUMNS"]);

/** The history fields each sheet field gives (a share column gives its amount). */
function historyField(field: SheetField): HistoryField | null {
  const own = (HISTORY_FIELDS as readonly string[]).includes(field) ? (field as HistoryField) : null;
  if (own) return own;
  const derived = (Object.entries(DERIVED_FROM) as [HistoryField, SheetField][]).find(([, share]) => share === field);
  return derived ? derived[0] : null;
}

const hasNumber = (row: BuiltRow, field: SheetField): boolean => {
  const raw = row.cells.get(field);
  return raw !== undefined && parseNumber(raw.value, raw.format).kind === "number";
};

const isBlankCell = (row: BuiltRow, field: SheetField): boolean => {
  const raw = row.cells.get(field);
  if (!raw) return false;
  const kind = parseNumber(raw.value, raw.format).kind;
  return kind === "blank" || kind === "dash";
};

/**
 * A row's figures of its year as a history entry, "sheet!A1" cells; land and output only when the cell holds
 * a number; on a wide sheet only figures of the year's own columns (a column of every year is not history).
 */
function historyYear(row: BuiltRow, read: YearRead): HistoryYear {
  const { year, sheet } = read;
  const figures: Partial<Record<HistoryField, number>> = {};
  const cells: Partial<Record<HistoryField, string>> = {};
  const yearly = (field: HistoryField) => {
    const plan = read.plans.find((p) => p.field === field) ?? read.plans.find((p) => p.field === DERIVED_FROM[field]);
    return !read.wide || plan?.year === year;
  };
  for (const field of HISTORY_FIELDS) {
    const value = row.platform[field];
    const cell = rowCell(row, field);
    if (value === null || cell === null || !yearly(field)) continue;
    if ((field === "land" || field === "output") && !hasNumber(row, field)) continue;
    figures[field] = value;
    cells[field] = `${sheet}!${cell}`;
  }
  return { year, figures, cells };
}

/** The platforms of `at` with the earlier years of the panel as their history (absent when there is none). */
function withHistory(panel: readonly PanelYear[], at: PanelYear): Platform[] {
  const earlier = panel
    .filter((y) => y.year < at.year)
    .map((y) => ({ y, index: new Map(y.platforms.map((p, i) => [textKey(p.name), i])) }));
  return at.platforms.map((p) => {
    const key = textKey(p.name);
    const history = earlier
      .map(({ y, index }) => (index.has(key) ? y.figures[index.get(key)!] : undefined))
      .filter((h): h is HistoryYear => h !== undefined && Object.keys(h.figures).length > 0);
    return history.length > 0 ? { ...p, history } : p;
  });
}

/**
 * The sheet as of `year`: that year's platforms with the years before it as history, its rows and columns.
 * A single-year sheet, a year the sheet does not hold, or null: the sheet as read (a scenario's baseYear then
 * only labels the figures, as for any single-year sheet).
 */
export function sheetAt(sheet: PlatformSheet, year: number | null | undefined): PlatformSheet {
  if (!sheet.panel || year === null || year === undefined || year === sheet.baseYear) return sheet;
  const at = sheet.panel.find((y) => y.year === year);
  if (!at) return sheet;
  return { ...sheet, sheet: at.sheet, baseYear: year, platforms: withHistory(sheet.panel, at), rows: at.rows, columns: at.columns };
}

/** The platforms as of `year` (see sheetAt). */
export function platformsAt(sheet: PlatformSheet, year: number | null | undefined): Platform[] {
  return sheetAt(sheet, year).platforms;
}

const fieldZh = (f: SheetField) => FIELD_BY_NAME.get(f)!.zh;
const fieldEn = (f: SheetField) => FIELD_BY_NAME.get(f)!.en;
const splitCell = (at: string): [string, string] => {
  const k = at.lastIndexOf("!");
  return [at.slice(0, k), at.slice(k + 1)];
};

/** Same code, cell and words: a static column's issue repeated once per year is kept once. */
function dedupe(items: SheetIssue[]): SheetIssue[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.code}|${i.sheet}|${i.cell}|${i.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function assemblePanel(reads: YearRead[]): Assembled {
  const years = [...reads].sort((a, b) => a.year - b.year);
  const extra = new Map<string, IssueList>();
  const listFor = (sheet: string) => extra.get(sheet) ?? extra.set(sheet, new IssueList(sheet)).get(sheet)!;

  // Every platform any year names, in the order first seen (latest year first, so the base year's order wins).
  const names = new Map<string, { name: string; where: string }>();
  const keyed = years.map((y) => new Map(y.rows.map((r) => [textKey(r.platform.name), r])));
  for (let k = years.length - 1; k >= 0; k--) {
    for (const r of years[k].rows) {
      const key = textKey(r.platform.name);
      if (!names.has(key)) names.set(key, { name: r.platform.name, where: `${years[k].sheet}!${r.cells.get("name")!.cell}` });
    }
  }

  // What each year lacks for completeness: a platform missing, or its land or output not a number.
  const lacking = years.map((y, k) => {
    const missing: { name: string; cell: string | null; what: SheetField[] }[] = [];
    for (const [key, { name }] of names) {
      const row = keyed[k].get(key);
      if (!row) {
        missing.push({ name, cell: y.absent?.get(key)?.cell ?? null, what: [] });
        continue;
      }
      const what = (["land", "output"] as const).filter((f) => !hasNumber(row, f));
      if (what.length > 0) missing.push({ name, cell: row.cells.get(what[0])?.cell ?? row.cells.get("name")!.cell, what });
    }
    return missing;
  });
  const completeIndex = years.map((_, k) => k).filter((k) => lacking[k].length === 0);
  let baseIndex: number;
  if (completeIndex.length > 0) {
    baseIndex = completeIndex[completeIndex.length - 1];
  } else {
    baseIndex = 0;
    years.forEach((_, k) => {
      if (lacking[k].length <= lacking[baseIndex].length) baseIndex = k;
    });
  }
  const base = years[baseIndex];
  const describe = (m: (typeof lacking)[number][number]) => ({
    zh: m.what.length === 0 ? `“${m.name}”无该年数据` : `“${m.name}”缺${m.what.map(fieldZh).join("、")}${m.cell ? `（${m.cell}）` : ""}`,
    en:
      m.what.length === 0
        ? `"${m.name}" has no row`
        : `"${m.name}" lacks ${m.what.map(fieldEn).join(" and ")}${m.cell ? ` (${m.cell})` : ""}`,
  });
  if (completeIndex.length === 0) {
    const list = lacking[baseIndex].map(describe);
    listFor(base.sheet).warn(
      "SHEET_NO_COMPLETE_YEAR",
      null,
      `没有一个年份所有平台都有用地和产值；基准年取平台最全的 ${base.year} 年（${list.map((d) => d.zh).join("；")}）`,
      `no year gives land and output for every platform; base year taken as ${base.year}, the most complete (${list.map((d) => d.en).join("; ")})`,
    );
  }
  for (let k = baseIndex + 1; k < years.length; k++) {
    const y = years[k];
    const list = lacking[k].map(describe);
    listFor(y.sheet).warn(
      "SHEET_INCOMPLETE_YEAR",
      lacking[k].find((m) => m.cell !== null)?.cell ?? null,
      `${y.year} 年数据不完整（${list.map((d) => d.zh).join("；")}），基准年取 ${base.year} 年；${y.year} 年不参与模拟（情景的 baseYear 可选该年）`,
      `${y.year} is incomplete (${list.map((d) => d.en).join("; ")}); base year taken as ${base.year}, ${y.year} is not simulated (a scenario's baseYear may pick it)`,
    );
  }

  // A platform missing in a year: named with that year's blank cells (wide) or its row in another year.
  years.forEach((y, k) => {
    for (const [key, { name, where }] of names) {
      if (keyed[k].has(key)) continue;
      const blank = y.absent?.get(key)?.cell ?? null;
      const notRun = k === baseIndex ? "，未计入模拟" : "";
      const notRunEn = k === baseIndex ? "; it is not simulated" : "";
      listFor(y.sheet).warn(
        "SHEET_YEAR_MISSING",
        blank,
        `平台“${name}”没有 ${y.year} 年的数据${blank ? "（该年各列为空）" : `（该平台见 ${where}）`}${notRun}`,
        `platform "${name}" has no figures for ${y.year}${blank ? " (that year's cells are blank)" : ` (the platform is at ${where})`}${notRunEn}`,
      );
    }
  });

  // Columns one year has and another lacks.
  const fieldsOf = (y: YearRead) => {
    const m = new Map<HistoryField, ColumnPlan>();
    for (const p of y.plans) {
      const f = historyField(p.field);
      if (f && !m.has(f)) m.set(f, p);
    }
    return m;
  };
  const fieldSets = years.map(fieldsOf);
  years.forEach((y, k) => {
    for (const field of HISTORY_FIELDS) {
      if (fieldSets[k].has(field)) continue;
      const other = fieldSets.findIndex((s) => s.has(field));
      if (other < 0) continue;
      const plan = fieldSets[other].get(field)!;
      const at = `${years[other].sheet}!${plan.cell}`;
      listFor(y.sheet).warn(
        "SHEET_YEAR_COLUMNS",
        null,
        `${y.year} 年没有${fieldZh(field)}列（${years[other].year} 年有，见 ${at}），该年此项缺失`,
        `${y.year} has no ${fieldEn(field)} column (${years[other].year} has one, at ${at}); that figure is missing for the year`,
      );
    }
  });

  // Blank cells of a year other than the base year: gaps in the history (or in a later year), by platform.
  const baseCells = new Set(base.rows.flatMap((r) => [...r.cells.values()].map((c) => `${base.sheet}!${c.cell}`)));
  years.forEach((y, k) => {
    if (k === baseIndex) return;
    for (const row of y.rows) {
      const blanks = y.plans.filter(
        (p) => historyField(p.field) !== null && isBlankCell(row, p.field) && !baseCells.has(`${y.sheet}!${row.cells.get(p.field)!.cell}`),
      );
      if (blanks.length === 0) continue;
      const cells = blanks.map((p) => row.cells.get(p.field)!.cell);
      listFor(y.sheet).warn(
        "SHEET_HISTORY_GAP",
        cells[0],
        `平台“${row.platform.name}”${y.year} 年的${blanks.map((p) => p.spec.zh).join("、")}为空（${cells.join("、")}），该年此项缺失`,
        `platform "${row.platform.name}": ${blanks.map((p) => p.spec.en).join(", ")} blank for ${y.year} (${cells.join(", ")}); missing for that year`,
      );
    }
  });

  const panel: PanelYear[] = years.map((y) => ({
    year: y.year,
    sheet: y.sheet,
    platforms: y.rows.map((r) => r.platform),
    figures: y.rows.map((r) => historyYear(r, y)),
    rows: y.rows.map((r) => r.platform.source!.row),
    columns: y.plans.map(toMapping),
  }));

  // Jumps of output and land between successive years a platform has.
  for (const [key, { name }] of names) {
    for (const field of ["output", "land"] as const) {
      const series: YearFigure[] = [];
      panel.forEach((y) => {
        const i = y.platforms.findIndex((p) => textKey(p.name) === key);
        const v = i < 0 ? undefined : y.figures[i].figures[field];
        if (v !== undefined) series.push({ year: y.year, value: v, cell: y.figures[i].cells?.[field] ?? null });
      });
      checkJumps(name, field, series, (year, at, zh, en) => {
        const y = panel.find((p) => p.year === year)!;
        const [sheet, cell] = at ? splitCell(at) : [y.sheet, null];
        listFor(sheet).warn("SHEET_YEAR_JUMP", cell, zh, en);
      });
    }
  }

  const issues = dedupe([
    ...years.flatMap((y, k) => (k === baseIndex ? y.issues.items : y.issues.items.filter((i) => !REPLACED.has(i.code)))),
    ...[...extra.values()].flatMap((l) => l.items),
  ]);
  return { baseYear: base.year, base, platforms: withHistory(panel, panel[baseIndex]), panel, issues };
}
