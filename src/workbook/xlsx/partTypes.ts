/** Content types and relationship type names of the spreadsheet parts ParkPlan reads or writes. */
import type { OoxmlNamespaces } from "../package/conformance.js";

export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** Relationship types by their last segment ("worksheet", "table", "styles", "drawing", "chart" …). */
export type RelKind = "worksheet" | "table" | "styles" | "sharedStrings" | "officeDocument" | "extendedProperties" | "drawing" | "chart";

const SEGMENT: Record<RelKind, string> = {
  worksheet: "worksheet",
  table: "table",
  styles: "styles",
  sharedStrings: "sharedStrings",
  officeDocument: "officeDocument",
  extendedProperties: "extended-properties",
  drawing: "drawing",
  chart: "chart",
};

export function relType(ns: OoxmlNamespaces, kind: RelKind): string {
  return ns.relTypeBase + SEGMENT[kind];
}

/** True when `type` is `kind` in either conformance (a package may mix them). */
export function isRelType(type: string, kind: RelKind): boolean {
  return type.endsWith(`/${SEGMENT[kind]}`) || (kind === "extendedProperties" && type.endsWith("/extendedProperties"));
}
