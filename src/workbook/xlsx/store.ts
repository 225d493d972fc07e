/**
 * ParkPlan's stored JSON in an .xlsx: a very hidden sheet, one row per key (column A), the text split
 * across the following cells because a cell holds at most 32,767 characters.
 */
import type ExcelJS from "exceljs";
import { STORE_SHEET } from "../results/sheetNames.js";
import type { SheetSpec } from "../sheetSpec.js";
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

/** The store sheet holding `entries` (the package writer makes it very hidden and keeps it last). */
export function storeSpec(entries: Map<string, string>): SheetSpec {
  return { name: STORE_SHEET, rows: [...entries].map(([key, text]) => [{ v: key }, ...splitChunks(text).map((v) => ({ v }))]) };
}
