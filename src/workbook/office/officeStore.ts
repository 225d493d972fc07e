/**
 * ParkPlan's stored JSON in Excel: the very hidden sheet `_parkplan`, laid out as the .xlsx adapter
 * writes it (xlsx/store.ts): one row per key in column A, the text in ≤ 30,000-unit chunks in B, C …
 * A workbook written by the command line and opened in Excel reads the same store, and back.
 */
import { STORE_SHEET } from "../results/sheetNames.js";
import { splitChunks } from "../storeChunks.js";
import { toOfficeValue } from "./cells.js";
import { Batcher, jsonBytes, OP_BYTES } from "./payload.js";

/** Chunks per read request: 10 × 30,000 units stays under ~2 MB even for CJK text with escapes. */
const READ_CHUNKS = 10;

interface StoreRow {
  ws: Excel.Worksheet;
  /** 0-based row of the key, or the first free row when the key is new. */
  row: number;
  found: boolean;
  /** Columns in use (key included), to clear a shorter rewrite and bound reads. */
  width: number;
}

/** Find `key`'s row; null when there is no store sheet. Three syncs. */
async function locate(context: Excel.RequestContext, key: string): Promise<StoreRow | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "rowCount", "columnIndex", "columnCount"]);
  await context.sync();
  if (used.isNullObject) return { ws, row: 0, found: false, width: 0 };
  const keys = ws.getRangeByIndexes(0, 0, used.rowIndex + used.rowCount, 1);
  keys.load("values");
  await context.sync();
  const at = keys.values.findIndex((r) => r[0] === key);
  const end = used.rowIndex + used.rowCount;
  return { ws, row: at >= 0 ? at : end, found: at >= 0, width: used.columnIndex + used.columnCount };
}

export async function readStoreValue(context: Excel.RequestContext, key: string): Promise<string | null> {
  const place = await locate(context, key);
  if (!place?.found) return null;
  let text = "";
  for (let col = 1; col < place.width; col += READ_CHUNKS) {
    const block = place.ws.getRangeByIndexes(place.row, col, 1, Math.min(READ_CHUNKS, place.width - col));
    block.load("values");
    // A block of chunks per sync keeps each response under ~2 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const v of block.values[0]) if (typeof v === "string") text += v;
  }
  return text;
}

export async function writeStoreValue(context: Excel.RequestContext, key: string, json: string): Promise<void> {
  let place = await locate(context, key);
  if (!place) {
    // Added last and only then very hidden; never moved or deleted afterwards (Excel refuses to delete a
    // very hidden sheet, and result sheets are inserted before it instead of moving it).
    const ws = context.workbook.worksheets.add(STORE_SHEET);
    ws.visibility = "VeryHidden";
    place = { ws, row: 0, found: false, width: 0 };
  }
  const { ws, row, found, width } = place;
  if (found && width > 1) ws.getRangeByIndexes(row, 1, 1, width - 1).clear("Contents");
  const cells = [key, ...splitChunks(json)].map(toOfficeValue);
  const batch = new Batcher(context);
  for (let col = 0; col < cells.length;) {
    let end = col;
    let bytes = jsonBytes(cells[col]);
    while (end + 1 < cells.length && bytes + jsonBytes(cells[end + 1]) < 900_000) bytes += jsonBytes(cells[++end]);
    const range = ws.getRangeByIndexes(row, col, 1, end - col + 1);
    const values = [cells.slice(col, end + 1)];
    await batch.add(bytes + OP_BYTES, () => {
      range.values = values;
    });
    col = end + 1;
  }
  await batch.flush();
  await context.sync();
}
