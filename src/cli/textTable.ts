/** Plain-text tables for the terminal; CJK characters take two columns. */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Printable ASCII only: one column a character (the fast path). */
const ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

/** Rows of cells → aligned lines; columns listed in `numeric` are right-aligned. */
export function textTable(header: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  // A loop, not Math.max(...rows): `check` lists every platform, and 100,000 arguments overflow the stack.
  const widths = header.map(displayWidth);
  for (const r of rows) header.forEach((_, j) => (widths[j] = Math.max(widths[j], displayWidth(r[j] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => pad(c, widths[j], numeric.has(j)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)].join("\n");
}

/** A number for the terminal: fixed decimals, "—" for missing or undefined values. */
export function fmt(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? "—"
    : value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
