/** Read access to a SheetGrid that understands merged cells (the value sits in the top-left cell only). */
import type { CellRange, CellValue, SheetGrid } from "../grid.js";

export class GridView {
  private readonly mergeAt = new Map<string, CellRange>();
  readonly rowCount: number;
  readonly colCount: number;

  constructor(readonly grid: SheetGrid) {
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeAt.set(`${r},${c}`, m);
    }
    this.rowCount = grid.values.length;
    this.colCount = grid.values.reduce((n, row) => Math.max(n, row.length), 0);
  }

  value(r: number, c: number): CellValue {
    return this.grid.values[r]?.[c] ?? null;
  }

  format(r: number, c: number): string | null {
    return this.grid.formats?.[r]?.[c] ?? null;
  }

  /** The merge holding (r, c), if any. */
  merge(r: number, c: number): CellRange | undefined {
    return this.mergeAt.get(`${r},${c}`);
  }

  /** Value shown at (r, c): the merge's top-left value when (r, c) is inside a merge. */
  shown(r: number, c: number): CellValue {
    const m = this.merge(r, c);
    return m ? this.value(m.top, m.left) : this.value(r, c);
  }
}
