/**
 * Edits of workbook.xml: the `<sheet>` list and the print-title defined names, made in the text so every
 * other element (workbook views, calcPr, defined names, extension lists …) stays as it was.
 */
import { appendChildren, attr, escapeAttr, escapeText, findElement, findElements, splice, unescapeXml, withAttr } from "../package/xml.js";

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  state: string | null;
}

export function listWorkbookSheets(xml: string): WorkbookSheet[] {
  const sheets = findElement(xml, "sheets");
  if (!sheets) return [];
  return findElements(sheets.inner, "sheet").map((el) => ({
    name: attr(el.startTag, "name") ?? "",
    sheetId: Number(attr(el.startTag, "sheetId")),
    relId: attr(el.startTag, "id") ?? "",
    state: attr(el.startTag, "state"),
  }));
}

/** Insert a `<sheet>` at tab position `index`, shifting sheet-local defined names at or after it. */
export function insertSheet(xml: string, index: number, sheet: WorkbookSheet, relPrefix: string): string {
  const sheets = findElement(xml, "sheets");
  if (!sheets) throw new Error("workbook part without <sheets>");
  const state = sheet.state ? ` state="${escapeAttr(sheet.state)}"` : "";
  const el = `<${sheets.qname.replace(/sheets$/, "sheet")} name="${escapeAttr(sheet.name)}" sheetId="${sheet.sheetId}"${state} ${relPrefix}id="${escapeAttr(sheet.relId)}"/>`;
  const existing = findElements(sheets.inner, "sheet");
  let out: string;
  if (index >= existing.length) out = appendChildren(xml, sheets, el);
  else {
    const at = sheets.innerStart + existing[index].start;
    out = splice(xml, at, at, el);
  }
  return shiftLocalSheetIds(out, index);
}

/** Set or clear a sheet's `state` attribute. */
export function setSheetState(xml: string, name: string, state: string): string {
  const sheets = findElement(xml, "sheets")!;
  const el = findElements(sheets.inner, "sheet").find((e) => attr(e.startTag, "name") === name);
  if (!el || attr(el.startTag, "state") === state) return xml;
  const at = sheets.innerStart + el.start;
  return splice(xml, at, at + el.startTag.length, withAttr(el.startTag, "state", state));
}

function shiftLocalSheetIds(xml: string, from: number): string {
  const names = findElement(xml, "definedNames");
  if (!names) return xml;
  let inner = names.inner;
  for (const el of findElements(names.inner, "definedName").reverse()) {
    const local = attr(el.startTag, "localSheetId");
    if (local === null || Number(local) < from) continue;
    inner = splice(inner, el.start, el.start + el.startTag.length, withAttr(el.startTag, "localSheetId", String(Number(local) + 1)));
  }
  return splice(xml, names.innerStart, names.innerStart + names.inner.length, inner);
}

/** Sheet-level defined names a sheet's print setup writes (ECMA-376 §18.2.6). */
export type PrintName = "_xlnm.Print_Titles" | "_xlnm.Print_Area";

/** Replace the defined name `name` of sheet `index` (`value` null: remove it). */
export function setSheetName(xml: string, name: PrintName, index: number, value: string | null): string {
  let out = xml;
  const names = findElement(out, "definedNames");
  if (names) {
    const old = findElements(names.inner, "definedName").find(
      (el) => attr(el.startTag, "name") === name && attr(el.startTag, "localSheetId") === String(index),
    );
    if (old) out = splice(out, names.innerStart + old.start, names.innerStart + old.end, "");
  }
  if (value === null) return out;
  const prefix = findElement(out, "sheets")!.qname.replace(/sheets$/, "");
  const el = `<${prefix}definedName name="${name}" localSheetId="${index}">${escapeText(value)}</${prefix}definedName>`;
  const current = findElement(out, "definedNames");
  if (current) return appendChildren(out, current, el);
  // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook order).
  const after = findElement(out, "externalReferences") ?? findElement(out, "functionGroups") ?? findElement(out, "sheets")!;
  return splice(out, after.end, after.end, `<${prefix}definedNames>${el}</${prefix}definedNames>`);
}

/** The text of a defined name's value (for tests and the fidelity check). */
export function definedNames(xml: string): { name: string; localSheetId: string | null; value: string }[] {
  const names = findElement(xml, "definedNames");
  return names
    ? findElements(names.inner, "definedName").map((el) => ({
        name: attr(el.startTag, "name") ?? "",
        localSheetId: attr(el.startTag, "localSheetId"),
        value: unescapeXml(el.inner),
      }))
    : [];
}
