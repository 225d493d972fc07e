/**
 * The model's own checks (models/validate.ts) run on the rows read, each problem named by the cell it
 * came from: the reader knows every platform's row and every field's column. A problem at a cell that
 * already has an error of the reader's own (a negative number, land 0 beside output …) is left out, so a
 * cell is not reported twice; so is one about a field the sheet has no column for (the reader's default).
 */
import type { PlatformField } from "../../../models/platform.js";
import { platformProblems } from "../../../models/validate.js";
import type { BuiltRow } from "./build.js";
import type { SheetField } from "./fields.js";
import type { IssueList } from "./issues.js";

/** Fields the reader may derive from another column: R&D spend from R&D占比, high-tech VA from its share. */
export const DERIVED_FROM: Partial<Record<SheetField, SheetField>> = { rd: "rdShare", highTechValueAdded: "highTechShare" };

/** The A1 cell a row's field was read from (its share column for a derived field), else null. */
export function rowCell(row: BuiltRow, field: SheetField): string | null {
  const derived = DERIVED_FROM[field];
  return (row.cells.get(field) ?? (derived ? row.cells.get(derived) : undefined))?.cell ?? null;
}

export function reportModelProblems(rows: BuiltRow[], issues: IssueList): void {
  const taken = new Set(issues.items.filter((i) => i.severity === "error" && i.cell !== null).map((i) => i.cell!));
  for (const problem of platformProblems(rows.map((r) => r.platform))) {
    // The list as a whole (no platforms) is the reader's SHEET_NO_ROWS.
    if (problem.index < 0) continue;
    const row = rows[problem.index];
    const cell = rowCell(row, problem.field as PlatformField);
    // No column: the value is the reader's default (land 0 …), reported sheet-wide (SHEET_NO_LAND_COLUMN).
    if (cell === null || taken.has(cell)) continue;
    const other = problem.related ? rowCell(row, problem.related) : null;
    const zh = other ? `${problem.zh}（对照 ${issues.sheet}!${other}）` : problem.zh;
    const en = other ? `${problem.en} (see ${issues.sheet}!${other})` : problem.en;
    issues.add(`SHEET_${problem.code}`, problem.severity, cell, zh, en);
  }
}
