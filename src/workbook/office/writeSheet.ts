/**
 * One SheetSpec onto an empty (new or cleared) worksheet, through a Batcher: values in row blocks of at
 * most ~1 MB of JSON, then number formats and styles as rectangles, widths, heights, merges, frozen panes,
 * highlights, the Excel tables and step 1 of each chart (officeCharts.ts). The caller syncs, adds the
 * charts' series, and applies the page layout in a batch of its own.
 */
import { columnLetters } from "../grid.js";
import { FORMAT_CODES, rowSourceOf, type RowSource, type SheetSpec, type SpecCell } from "../sheetSpec.js";
import { toOfficeValue } from "./cells.js";
import { CHART_CALLS, queueChart, type PendingChart } from "./officeCharts.js";
import { BATCH_BYTES, type Batcher, jsonBytes, OP_BYTES } from "./payload.js";
import { rangeAt, setAll } from "./ranges.js";
import { rectangles } from "./rectangles.js";
import type { ApiSupport } from "./runner.js";
import { applyStyle, HIGHLIGHTS, widthToPoints } from "./styles.js";

type OfficeRow = (string | number | boolean)[];

/** Write rows top to bottom in rectangular blocks (short rows padded with empty cells) of about BATCH_BYTES each. */
async function writeValues(batch: Batcher, ws: Excel.Worksheet, rows: RowSource): Promise<void> {
  let block: OfficeRow[] = [];
  let top = 0;
  let bytes = 0;
  const flush = async () => {
    const width = Math.max(0, ...block.map((r) => r.length));
    if (width > 0) {
      const values = block.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill("")] : r));
      const range = ws.getRangeByIndexes(top, 0, values.length, width);
      await batch.add(jsonBytes(values) + OP_BYTES, () => {
        range.values = values;
      });
    }
    top += block.length;
    block = [];
    bytes = 0;
  };
  // Row by row from the source: a lazy sheet is materialised one batch at a time.
  for (let r = 0; r < rows.count; r++) {
    const out = rows.row(r).map((c) => toOfficeValue(c.v));
    const rowBytes = jsonBytes(out);
    if (block.length > 0 && bytes + rowBytes > BATCH_BYTES * 0.9) await flush();
    block.push(out);
    bytes += rowBytes;
  }
  await flush();
}

export async function writeSheetContent(
  batch: Batcher,
  ws: Excel.Worksheet,
  spec: SheetSpec,
  supports: ApiSupport,
): Promise<PendingChart[]> {
  await writeValues(batch, ws, rowSourceOf(spec.rows));
  for (const { key, range } of rectangles(spec.rows, (c) => (c.fmt ? FORMAT_CODES[c.fmt] : null))) {
    await batch.add(OP_BYTES, () => setAll(rangeAt(ws, range), "numberFormat", key));
  }
  for (const { key, range } of rectangles(spec.rows, (c) => c.style)) {
    await batch.add(OP_BYTES * 4, () => applyStyle(rangeAt(ws, range).format, key as NonNullable<SpecCell["style"]>));
  }
  const widths = spec.columnWidths ?? [];
  for (let c = 0; c < widths.length;) {
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === widths[c]) end++;
    const from = c;
    await batch.add(OP_BYTES, () => {
      ws.getRangeByIndexes(0, from, 1, end - from + 1).format.columnWidth = widthToPoints(widths[from]);
    });
    c = end + 1;
  }
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) {
    await batch.add(OP_BYTES, () => {
      ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
    });
  }
  for (const m of spec.merges ?? []) await batch.add(OP_BYTES, () => rangeAt(ws, m).merge(false));
  const { rows = 0, cols = 0 } = spec.frozen ?? {};
  if (rows > 0 || cols > 0) {
    await batch.add(OP_BYTES, () => {
      if (cols === 0) ws.freezePanes.freezeRows(rows);
      else if (rows === 0) ws.freezePanes.freezeColumns(cols);
      else ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    });
  }
  for (const cf of spec.conditionalFormats ?? []) {
    const formula = `=$${columnLetters(cf.column)}${cf.range.top + 1}="${cf.equals.replace(/"/g, '""')}"`;
    await batch.add(OP_BYTES * 4 + jsonBytes(formula), () => {
      const rule = rangeAt(ws, cf.range).conditionalFormats.add("Custom");
      rule.custom.rule.formula = formula;
      rule.custom.format.fill.color = HIGHLIGHTS[cf.style].fill;
      rule.custom.format.font.color = HIGHLIGHTS[cf.style].font;
    });
  }
  for (const t of spec.tables ?? []) {
    await batch.add(OP_BYTES * 3 + jsonBytes(t.name), () => {
      const table = ws.tables.add(rangeAt(ws, t.range), t.header);
      table.name = t.name;
      table.style = "TableStyleLight1";
    });
  }
  const charts: PendingChart[] = [];
  for (const chart of spec.charts ?? []) {
    await batch.add(OP_BYTES * CHART_CALLS + jsonBytes(chart), () => void charts.push(queueChart(ws, chart, supports)));
  }
  return charts;
}
