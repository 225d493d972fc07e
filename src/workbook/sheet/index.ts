/** Platform-sheet reader: SheetGrid → Platform records, column mapping and issues. */
export type { SheetIssue, ColumnMapping, PlatformSheet, PanelYear, Scope, PriceBasis } from "./types.js";
export { readPlatformSheet, findPlatformSheets } from "./readPlatformSheet.js";
export { readYearSheets, sheetYear } from "./yearSheets.js";
export { sheetAt, platformsAt } from "./panel.js";
export { acceptOutputScope, OUTPUT_SCOPE_CODE } from "./scope.js";
export { PER_MU_LIMITS, JUMP_FACTOR } from "./consistency.js";
export { formatIssue } from "./issues.js";
export { FIELDS, type FieldSpec, type SheetField } from "./fields.js";
export { cellOf, locateWarnings } from "./cellOf.js";
