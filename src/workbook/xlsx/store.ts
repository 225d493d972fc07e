/**
 * ParkPlan's stored JSON in an .xlsx: a very hidden sheet, one row per key (column A), the text split
 * across the following cells because a cell holds at most 32,767 characters.
 */
import type ExcelJS from "exceljs";
import { STORE_SHEET } from "../results/sheetNames.js";
import { splitChunks } from "../storeChunks.js";

export function readStoreEntries(wb: ExcelJS.Workbook): Map<string, string> {
  const entries = new Map<string, string>();
  const ws = wb.getWorksheet(STORE_SHEET);
  ws?.eachRow((row) => {
    const key = row.getCell(1).value;
    if (typeof key !== "string") return;
    let text = "";
    for (let c = 2; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      if (typeof v === "string") text += v;
    }
    entries.set(key, text);
  });
  return entries;
}

/** Rebuild the store sheet from `entries`, very hidden and last in tab order. */
export function writeStoreEntries(wb: ExcelJS.Workbook, entries: Map<string, string>): void {
  const old = wb.getWorksheet(STORE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  let r = 1;
  for (const [key, text] of entries) {
    const row = ws.getRow(r++);
    row.getCell(1).value = key;
    splitChunks(text).forEach((chunk, k) => {
      row.getCell(k + 2).value = chunk;
    });
  }
  moveStoreLast(wb);
}

/** Keep the store after every other sheet, so sheets added later never follow it. */
export function moveStoreLast(wb: ExcelJS.Workbook): void {
  const ws = wb.getWorksheet(STORE_SHEET) as (ExcelJS.Worksheet & { orderNo: number }) | undefined;
  if (!ws) return;
  const others = wb.worksheets.filter((w) => w !== ws) as (ExcelJS.Worksheet & { orderNo: number })[];
  ws.orderNo = Math.max(ws.orderNo, ...others.map((w) => w.orderNo + 1));
}
