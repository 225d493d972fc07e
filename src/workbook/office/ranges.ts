/** Small helpers for addressing ranges by 0-based CellRange and setting one value over a whole range. */
import type { CellRange } from "../grid.js";

export const rangeAt = (ws: Excel.Worksheet, r: CellRange): Excel.Range =>
  ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

/**
 * Set `numberFormat` (or `values`) to one value for every cell of the range: Excel applies a single value
 * to the whole range, which keeps a 20,000-row column to one short call. The typings only admit 2-D arrays.
 */
export function setAll(range: Excel.Range, property: "numberFormat" | "values", value: string | number): void {
  (range as unknown as Record<string, unknown>)[property] = value;
}
