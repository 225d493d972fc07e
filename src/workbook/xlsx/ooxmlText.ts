/**
 * OOXML reads "_xHHHH_" in cell text as an escaped character (Excel and exceljs decode it on load), but
 * exceljs writes text as is: a name containing "_x0041_" would come back as "A". The fix is the
 * standard escape of the underscore as "_x005F_", applied only while the file is being written.
 */
import type ExcelJS from "exceljs";

const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** @example escapeOoxmlText("园区_x0041_") // => "园区_x005F_x0041_" (read back as "园区_x0041_") */
export function escapeOoxmlText(s: string): string {
  return s.replace(ESCAPE_LIKE, "_x005F_$1");
}

/** Run `write` with every text cell that needs it escaped, then restore the cells (the model keeps real text). */
export async function withEscapedText<T>(wb: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const changed: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged cell's value is its master's: escape the master once.
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        if (typeof v === "string" && escapeOoxmlText(v) !== v) {
          changed.push([cell, v]);
          cell.value = escapeOoxmlText(v);
        } else if (v && typeof v === "object" && "richText" in v && v.richText.some((r) => escapeOoxmlText(r.text) !== r.text)) {
          changed.push([cell, v]);
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: escapeOoxmlText(r.text) })) };
        }
      }),
    );
  }
  try {
    return await write();
  } finally {
    for (const [cell, v] of changed.reverse()) cell.value = v;
  }
}
