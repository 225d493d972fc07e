/**
 * Reading the 情景对比 sheet as a person does: find the block's heading, then the scenario's rows under it
 * ("2 · 亩均" in the first column), then the measure ("数值 / value", "P50", "差值 / diff") in the second,
 * then the year's column by its header. Works on a spec's rows and on the grid read back from a file.
 */
type Cell = unknown;

const valueOf = (c: Cell): unknown => (c !== null && typeof c === "object" && "v" in c ? (c as { v: unknown }).v : c);

export interface ComparisonGrid {
  rows: readonly (readonly Cell[])[];
}

/** The row index of the first row at or after `from` whose first cell is `label`. */
export function rowOf(rows: readonly (readonly Cell[])[], label: string, from = 0): number {
  for (let r = from; r < rows.length; r++) if (valueOf(rows[r]?.[0]) === label) return r;
  throw new Error(`no row "${label}" from row ${from}`);
}

/** A block's rows: from its heading (its first line) to the row before the next heading or the table's end. */
function blockRows(rows: readonly (readonly Cell[])[], heading: string): number[] {
  const start = rowOf(rows, heading);
  const out: number[] = [];
  for (let r = start + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const [a, b] = [valueOf(row[0]), valueOf(row[1])];
    // A heading line (or the table's end) holds its text alone: no measure, no value beside it.
    if (b === null || b === undefined || b === "") {
      if (a === null || a === undefined || a === "") break;
      if (out.length > 0) break;
      continue; // the heading's second line (its English)
    }
    out.push(r);
  }
  return out;
}

/** The row of `scenario`'s (1-based number) `measure` in the block under `heading`; for a target block, measure is ignored. */
export function measureRow(rows: readonly (readonly Cell[])[], heading: string, scenario: number, measure?: string): number {
  const block = blockRows(rows, heading);
  const first = block.findIndex((r) => String(valueOf(rows[r][0]) ?? "").startsWith(`${scenario} · `));
  if (first < 0) throw new Error(`no scenario ${scenario} under "${heading}"`);
  if (measure === undefined) return block[first];
  for (let j = first; j < block.length; j++) {
    if (j > first && String(valueOf(rows[block[j]][0]) ?? "").match(/^\d+ · /)) break;
    if (valueOf(rows[block[j]][1]) === measure) return block[j];
  }
  throw new Error(`no ${measure} of scenario ${scenario} under "${heading}"`);
}

/** The cell of `scenario`'s `measure` in `year`'s column (the header row is the one whose cells include the year). */
export function figureAt(
  rows: readonly (readonly Cell[])[],
  header: number,
  heading: string,
  scenario: number,
  measure: string,
  year: number,
): Cell {
  const col = rows[header].findIndex((c) => String(valueOf(c)) === String(year));
  if (col < 0) throw new Error(`no column ${year}`);
  return rows[measureRow(rows, heading, scenario, measure)][col];
}
