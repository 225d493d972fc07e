/**
 * Walking the data rows under the header: blank rows are skipped, total and subtotal rows reported and left
 * out, and the table ends at a footnote (注：/说明：/资料来源/Note/Source), two blank rows in a row, or the
 * end of its Excel table.
 */
import { a1, type CellRange, type CellValue } from "../grid.js";
import { cellText, isBlank, isFootnoteText, isTotalText } from "./cells.js";
import type { ColumnPlan } from "./columns.js";
import type { SheetField } from "./fields.js";
import type { IssueList } from "./issues.js";
import type { GridView } from "./view.js";

export interface RawCell {
  value: CellValue;
  format: string | null;
  cell: string;
}

export interface RawRow {
  /** 0-based worksheet row. */
  row: number;
  cells: Map<SheetField, RawCell>;
}

export function dataRows(view: GridView, plans: ColumnPlan[], start: number, table: CellRange | null, issues: IssueList): RawRow[] {
  const left = table ? table.left : 0;
  const right = table ? table.right : view.colCount - 1;
  const last = table ? table.bottom : view.rowCount - 1;
  const rows: RawRow[] = [];
  let blankRun = 0;
  for (let r = start; r <= last; r++) {
    let first = "";
    for (let c = left; c <= right && first === ""; c++) first = cellText(view.shown(r, c));
    if (first === "") {
      blankRun++;
      if (!table && blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    if (isFootnoteText(first)) break;

    const cells = new Map<SheetField, RawCell>();
    for (const p of plans) {
      // Merged cells down a column (one county for several platforms) repeat their value.
      const value = p.field === "county" ? view.shown(r, p.col) : view.value(r, p.col);
      cells.set(p.field, { value, format: view.format(r, p.col), cell: a1(r, p.col) });
    }
    const total = (["name", "county"] as const).map((f) => cells.get(f)).find((c) => c && isTotalText(cellText(c.value)));
    if (total) {
      issues.warn(
        "SHEET_TOTAL_ROW",
        total.cell,
        `“${cellText(total.value)}”为合计/小计行，已跳过`,
        `"${cellText(total.value)}" is a total or subtotal row; skipped`,
      );
      continue;
    }
    if (plans.every((p) => isBlank(cells.get(p.field)!.value))) continue;
    rows.push({ row: r, cells });
  }
  return rows;
}
