/**
 * OOXML reads "_xHHHH_" in shared-string text as an escaped character (Excel and exceljs decode it on
 * load): a name containing "_x0041_" written as is would come back as "A". The fix is the standard
 * escape of the underscore as "_x005F_", applied by the writer (sharedStrings.ts).
 */

const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** @example escapeOoxmlText("园区_x0041_") // => "园区_x005F_x0041_" (read back as "园区_x0041_") */
export function escapeOoxmlText(s: string): string {
  return s.replace(ESCAPE_LIKE, "_x005F_$1");
}
