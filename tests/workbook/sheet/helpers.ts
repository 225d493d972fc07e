/** Small builders for SheetGrids written by hand in tests. */
import type { CellRange, CellValue, SheetGrid } from "../../../src/workbook/grid.js";
import type { PlatformSheet, SheetIssue } from "../../../src/workbook/sheet/index.js";

/** "A1:B2" → 0-based range (test-only; A–Z columns). */
export function range(ref: string): CellRange {
  const [a, b = a] = ref.split(":");
  const at = (s: string) => ({ col: s.charCodeAt(0) - 65, row: Number(s.slice(1)) - 1 });
  const p = at(a),
    q = at(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

export function grid(
  values: CellValue[][],
  opts: { sheet?: string; merges?: string[]; tables?: Record<string, string>; formats?: (string | null)[][] } = {},
): SheetGrid {
  return {
    sheet: opts.sheet ?? "嘉兴表",
    values,
    formats: opts.formats,
    merges: (opts.merges ?? []).map(range),
    tables: Object.entries(opts.tables ?? {}).map(([name, ref]) => ({ name, range: range(ref) })),
  };
}

/** Issues as "CODE@cell" strings, in order. */
export function codes(s: PlatformSheet, severity?: SheetIssue["severity"]): string[] {
  return s.issues.filter((i) => !severity || i.severity === severity).map((i) => `${i.code}@${i.cell}`);
}

export function byName(s: PlatformSheet, name: string) {
  const p = s.platforms.find((q) => q.name === name);
  if (!p) throw new Error(`no platform ${name}`);
  return p;
}
