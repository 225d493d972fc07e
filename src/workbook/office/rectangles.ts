/** Cells grouped into rectangles of one key, so formats go out as a few range calls instead of one per cell. */
import type { CellRange } from "../grid.js";

/**
 * Horizontal runs of equal non-null keys in each row, merged downwards while the run below has the same
 * columns and key. A column of one number format over 20,000 rows is one rectangle. O(cells).
 * @example rectangles([["a", "a"], ["a", "a"], [null, "b"]], (x) => x)
 * // => [{ key: "a", range: { top: 0, left: 0, bottom: 1, right: 1 } }, { key: "b", range: { top: 2, left: 1, bottom: 2, right: 1 } }]
 */
export function rectangles<T>(rows: T[][], keyOf: (cell: T) => string | null | undefined): { key: string; range: CellRange }[] {
  const done: { key: string; range: CellRange }[] = [];
  let open = new Map<string, { key: string; range: CellRange }>();
  rows.forEach((row, r) => {
    const next = new Map<string, { key: string; range: CellRange }>();
    let c = 0;
    while (c < row.length) {
      const key = keyOf(row[c]);
      if (key === null || key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && keyOf(row[end + 1]) === key) end++;
      const id = `${c}:${end}:${key}`;
      const above = open.get(id);
      if (above) {
        above.range.bottom = r;
        open.delete(id);
        next.set(id, above);
      } else next.set(id, { key, range: { top: r, left: c, bottom: r, right: end } });
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}
