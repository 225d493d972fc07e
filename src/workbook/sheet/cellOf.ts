/**
 * Where a platform's field sits in the sheet it was read from, for messages made after reading (the
 * pipeline knows the base year only once the scenario is resolved). Works on the plain PlatformSheet data
 * (columns and rows), so it survives a copy into React state or JSON.
 */
import type { ModelWarning } from "../../../models/results.js";
import type { SheetField } from "./fields.js";
import { DERIVED_FROM } from "./modelChecks.js";
import type { PlatformSheet } from "./types.js";

/** The A1 address of `field` in `platform`'s row, or null when the sheet has no such platform or column. */
export function cellOf(sheet: Pick<PlatformSheet, "platforms" | "columns" | "rows">, platform: string, field: SheetField): string | null {
  const index = sheet.platforms.findIndex((p) => p.name === platform);
  const derived = DERIVED_FROM[field];
  const column = sheet.columns.find((c) => c.field === field) ?? (derived ? sheet.columns.find((c) => c.field === derived) : undefined);
  if (index < 0 || !column) return null;
  return `${column.cell.replace(/\d+$/, "")}${sheet.rows[index]}`;
}

/** The cells a model warning is about, by code, best first (the first column the sheet has is named). */
const WARNING_FIELDS: Partial<Record<string, SheetField[]>> = {
  EXIT_BEFORE_BASE: ["exitYear", "status", "name"],
  EXIT_NO_RECEIVER: ["mainPlatform", "status", "name"],
};

/** The model's warnings with the sheet cell in front of those about one platform's field. */
export function locateWarnings(warnings: readonly ModelWarning[], sheet: PlatformSheet): ModelWarning[] {
  return warnings.map((w) => {
    const fields = WARNING_FIELDS[w.code];
    if (!fields || w.platform === null) return w;
    const cell = fields.map((f) => cellOf(sheet, w.platform!, f)).find((c) => c !== null);
    if (!cell) return w;
    const where = `${sheet.sheet}!${cell}`;
    return { ...w, zh: `${where}：平台“${w.platform}”${w.zh}`, en: `${where}: platform "${w.platform}": ${w.en}` };
  });
}
