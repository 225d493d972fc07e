/** Platform-sheet reader: SheetGrid → Platform records, column mapping and issues. */
export type { SheetIssue, ColumnMapping, PlatformSheet } from "./types.js";
export { readPlatformSheet, findPlatformSheets } from "./readPlatformSheet.js";
export { formatIssue } from "./issues.js";
export { FIELDS, type FieldSpec, type SheetField } from "./fields.js";
export { cellOf, locateWarnings } from "./cellOf.js";
