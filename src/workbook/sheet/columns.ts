/**
 * Choosing one column per field and the unit to read it in: the header's own unit, else a unit row under
 * the header, else the note above the table ("单位：…"), else the canonical unit (亿元, 亩, 万吨标煤).
 */
import { CANONICAL, unitKind, type AnyUnit } from "../../../models/units.js";
import type { FieldSpec, SheetField } from "./fields.js";
import type { IssueList } from "./issues.js";
import type { HeaderColumn } from "./locate.js";
import type { UnitNote } from "./notes.js";
import { columnPrices, columnScope, type SheetMarks } from "./scope.js";
import type { ColumnMapping, PriceBasis, Scope } from "./types.js";

export interface ColumnPlan {
  field: SheetField;
  spec: FieldSpec;
  col: number;
  /** Unit of amounts (money, area, energy) and "%" for percentage columns; null otherwise. */
  unit: AnyUnit | null;
  header: string;
  cell: string;
  /** 口径 and price basis of a money column (scope.ts); null for other columns or when not stated. */
  scope: Scope | null;
  prices: PriceBasis | null;
  /** The year a multi-year sheet's column holds; null for a column of every year (and on single-year sheets). */
  year: number | null;
}

const CONVERTED = new Set(["money", "area", "energy"]);

/** Keep the best-named column of each field (then the leftmost); report the others. */
function pickColumns(columns: HeaderColumn[], issues: IssueList): HeaderColumn[] {
  const best = new Map<SheetField, HeaderColumn>();
  for (const c of columns) {
    const prev = best.get(c.spec.field);
    if (!prev || c.rank < prev.rank) best.set(c.spec.field, c);
  }
  for (const c of columns) {
    const kept = best.get(c.spec.field)!;
    if (kept === c) continue;
    issues.warn(
      "SHEET_DUPLICATE_COLUMN",
      c.cell,
      `列“${c.header}”与列“${kept.header}”（${kept.cell}）同为${c.spec.zh}，已忽略此列`,
      `column "${c.header}" is also ${c.spec.en} (as "${kept.header}" in ${kept.cell}); this column is ignored`,
    );
  }
  return [...best.values()].sort((a, b) => a.col - b.col);
}

function resolveUnit(c: HeaderColumn, rowUnit: AnyUnit | undefined, note: UnitNote, issues: IssueList): AnyUnit | null {
  const kind = c.spec.kind;
  if (kind === "ratio") return c.unit === "%" || rowUnit === "%" ? "%" : null;
  if (!CONVERTED.has(kind)) return null;
  for (const u of [c.unit, rowUnit]) {
    if (!u) continue;
    if (unitKind(u) === kind) return u;
    issues.warn(
      "SHEET_UNIT_MISMATCH",
      c.cell,
      `列“${c.header}”的单位“${u}”不适用于${c.spec.zh}，已改用默认单位`,
      `unit "${u}" of column "${c.header}" does not fit ${c.spec.en}; the default unit is used`,
    );
  }
  const unit = note[kind as "money"] ?? CANONICAL[kind as "money"];
  if (c.otherBrackets.length > 0) {
    issues.warn(
      "SHEET_UNKNOWN_UNIT",
      c.cell,
      `无法识别列“${c.header}”括号中的单位，按${unit}读取`,
      `the unit in brackets of column "${c.header}" is not recognised; read as ${unit}`,
    );
  }
  return unit;
}

export function planColumns(
  columns: HeaderColumn[],
  unitRow: Map<number, AnyUnit> | null,
  note: UnitNote,
  issues: IssueList,
  marks: SheetMarks = { scope: null, prices: null },
  /** Multi-year sheets: keep each column's year (single-year sheets leave it null). */
  keepYears = false,
): ColumnPlan[] {
  return pickColumns(columns, issues).map((c) => ({
    field: c.spec.field,
    spec: c.spec,
    col: c.col,
    unit: resolveUnit(c, unitRow?.get(c.col), note, issues),
    header: c.header,
    cell: c.cell,
    scope: columnScope(c.spec, c.header, marks),
    prices: columnPrices(c.spec, c.header, marks),
    year: keepYears ? c.year : null,
  }));
}

export function toMapping(p: ColumnPlan): ColumnMapping {
  return {
    field: p.field,
    header: p.header,
    cell: p.cell,
    unit: p.unit,
    scope: p.scope,
    prices: p.prices,
    ...(p.year !== null ? { year: p.year } : {}),
  };
}
