/** What a SheetSpec looks like once written and read back: the grid every adapter's readGrid returns. */
import type { CellValue, SheetGrid } from "../grid.js";
import { FORMAT_CODES, writableValue, type SheetSpec } from "../sheetSpec.js";

export function specToGrid(spec: SheetSpec): SheetGrid {
  const values: CellValue[][] = spec.rows.map((row) => row.map((cell) => writableValue(cell.v)));
  const formats = spec.rows.map((row) => row.map((cell) => (cell.fmt ? FORMAT_CODES[cell.fmt] : null)));
  return {
    sheet: spec.name,
    values,
    formats,
    merges: (spec.merges ?? []).map((m) => ({ ...m })),
    tables: (spec.tables ?? []).map((t) => ({ name: t.name, range: { ...t.range } })),
  };
}
