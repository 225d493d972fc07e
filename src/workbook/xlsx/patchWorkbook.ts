/**
 * Write ParkPlan's sheets into an OPC package by patching it: each written sheet becomes a worksheet part
 * generated from its SheetSpec (a replaced sheet keeps its part name, sheetId, relationship id and tab
 * position), with its table parts and its charts (chartParts.ts); styles and shared strings are appended to the package's own parts;
 * workbook.xml, its rels, [Content_Types].xml and docProps/app.xml are edited. The parts the replaced
 * sheets reached and nothing else does (their old tables, drawings, charts …) are removed. Every other part is untouched.
 */
import { conformanceOf, NAMESPACES, type OoxmlNamespaces } from "../package/conformance.js";
import { CONTENT_TYPES_PART, contentTypeOf, ensureOverride, removeOverride } from "../package/contentTypes.js";
import { reachableParts, referenceCounts, removeOrphans, targetsOf } from "../package/graph.js";
import type { OpcPackage } from "../package/opcPackage.js";
import { addRel, EMPTY_RELS, freeRelId, parseRels, relativeTarget, relsPartOf, resolveTarget } from "../package/rels.js";
import { attr, findElement } from "../package/xml.js";
import { STORE_SHEET } from "../results/sheetNames.js";
import type { SheetSpec } from "../sheetSpec.js";
import { sameName } from "../specChecks.js";
import { addSheetTitles } from "./appXml.js";
import { reusableCharts, writeChartParts, type ReusableCharts } from "./chartParts.js";
import { CONTENT_TYPES, isRelType, relType } from "./partTypes.js";
import { SharedStrings } from "./sharedStrings.js";
import { printAreaName, printTitles, sheetXml } from "./sheetXml.js";
import { StyleBook } from "./stylesXml.js";
import { tableXml } from "./tableXml.js";
import { insertSheet, listWorkbookSheets, setSheetName, setSheetState, type WorkbookSheet } from "./workbookXml.js";

/** What a patch did, for the fidelity check. */
export interface PatchReport {
  workbookPart: string;
  /** Parts written by the patch (new or replaced). */
  written: string[];
  /** Input parts edited in place (workbook.xml, rels, content types, styles, shared strings, app.xml). */
  edited: string[];
  removed: string[];
}

/** The main workbook part, from the package's root relationships. */
export function workbookPartOf(pkg: OpcPackage): string {
  const root = pkg.has("_rels/.rels") ? parseRels(pkg.text("_rels/.rels")) : [];
  const rel = root.find((r) => isRelType(r.type, "officeDocument"));
  if (!rel) throw new Error("package without an officeDocument relationship");
  return resolveTarget("", rel.target);
}

/** The prefix ("r:") bound to the relationships namespace in the workbook's root. */
function relPrefix(xml: string, ns: OoxmlNamespaces): string {
  const m = new RegExp(`xmlns:([A-Za-z0-9_.-]+)="${ns.relationships}"`).exec(xml);
  if (!m) throw new Error("workbook part without a relationships namespace");
  return `${m[1]}:`;
}

function freePart(pkg: OpcPackage, pattern: (n: number) => string, taken: Set<string>): string {
  let n = 1;
  while (pkg.has(pattern(n)) || taken.has(pattern(n))) n++;
  taken.add(pattern(n));
  return pattern(n);
}

/** Table ids are unique in the workbook: the next one after every table part in the package. */
function nextTableId(pkg: OpcPackage): number {
  let max = 0;
  for (const name of pkg.names()) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
    const el = findElement(pkg.text(name), "table");
    max = Math.max(max, Number(el ? attr(el.startTag, "id") : 0) || 0);
  }
  return max + 1;
}

/** Text parts above this many characters are deflated in pieces (outputs below it are unchanged). */
const STREAMED_TEXT_CHARS = 16 * 1024 * 1024;
const TEXT_PIECE_CHARS = 1 << 20;

/** A long text in pieces of about a megabyte, never splitting a surrogate pair (each piece is encoded alone). */
export function* textPieces(text: string, size = TEXT_PIECE_CHARS): Generator<string> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(at, end);
    at = end;
  }
}

/** `specs` in tab order for new ones; the store (very hidden, kept last) is one of them when given. */
export function patchWorkbook(pkg: OpcPackage, specs: SheetSpec[], store: SheetSpec | null): PatchReport {
  const before = reachableParts(pkg);
  const references = referenceCounts(pkg);
  const workbookPart = workbookPartOf(pkg);
  const wbRelsPart = relsPartOf(workbookPart);
  let wbXml = pkg.text(workbookPart);
  let wbRels = pkg.has(wbRelsPart) ? pkg.text(wbRelsPart) : EMPTY_RELS;
  let types = pkg.text(CONTENT_TYPES_PART);
  const ns = NAMESPACES[conformanceOf(wbXml)];
  const rPrefix = relPrefix(wbXml, ns);
  const rels = parseRels(wbRels);
  const partOfRel = (id: string) => resolveTarget(workbookPart, rels.find((r) => r.id === id)?.target ?? "");
  const written: string[] = [];
  const edited = new Set<string>([workbookPart, wbRelsPart, CONTENT_TYPES_PART]);

  const relOf = (kind: "styles" | "sharedStrings") => rels.find((r) => isRelType(r.type, kind));
  const ensureWorkbookPart = (kind: "styles" | "sharedStrings", fallback: string, contentType: string): string => {
    const rel = relOf(kind);
    if (rel) return resolveTarget(workbookPart, rel.target);
    const id = freeRelId(wbRels);
    wbRels = addRel(wbRels, { id, type: relType(ns, kind), target: relativeTarget(workbookPart, fallback), external: false });
    rels.push({ id, type: relType(ns, kind), target: relativeTarget(workbookPart, fallback), external: false });
    types = ensureOverride(types, fallback, contentType);
    return fallback;
  };
  const stylesPart = relOf("styles") ? resolveTarget(workbookPart, relOf("styles")!.target) : null;
  const styles = new StyleBook(stylesPart ? pkg.text(stylesPart) : minimalStyles(ns.main));
  const stringsRel = relOf("sharedStrings");
  const stringsPart = stringsRel ? resolveTarget(workbookPart, stringsRel.target) : null;
  const strings = new SharedStrings(stringsPart && pkg.has(stringsPart) ? pkg.text(stringsPart) : null);

  const taken = new Set<string>();
  const droppedRels: string[] = [];
  let tableId = nextTableId(pkg);
  const newTitles: string[] = [];
  for (const spec of store ? [...specs, store] : specs) {
    const sheets = listWorkbookSheets(wbXml);
    let index = sheets.findIndex((s) => sameName(s.name, spec.name));
    let part: string;
    // A replaced sheet's table parts are rewritten in place (same names, same ids) before new ones are made.
    let reusable: string[] = [];
    let charts: ReusableCharts = { drawing: null, charts: [] };
    if (index >= 0) {
      part = partOfRel(sheets[index].relId);
      reusable = targetsOf(pkg, part).filter((t) => pkg.has(t) && contentTypeOf(types, t) === CONTENT_TYPES.table);
      charts = reusableCharts(pkg, types, part, references);
    } else {
      part = freePart(pkg, (n) => `xl/worksheets/sheet${n}.xml`, taken);
      const relId = freeRelId(wbRels);
      wbRels = addRel(wbRels, { id: relId, type: relType(ns, "worksheet"), target: relativeTarget(workbookPart, part), external: false });
      rels.push({ id: relId, type: relType(ns, "worksheet"), target: relativeTarget(workbookPart, part), external: false });
      const storeLast = spec !== store && sheets.length > 0 && sheets[sheets.length - 1].name === STORE_SHEET;
      index = storeLast ? sheets.length - 1 : sheets.length;
      const sheet: WorkbookSheet = {
        name: spec.name,
        sheetId: Math.max(0, ...sheets.map((s) => s.sheetId)) + 1,
        relId,
        state: spec === store ? "veryHidden" : null,
      };
      wbXml = insertSheet(wbXml, index, sheet, rPrefix);
      if (spec !== store) newTitles.push(spec.name);
    }
    if (spec === store) wbXml = setSheetState(wbXml, spec.name, "veryHidden");
    wbXml = setSheetName(wbXml, "_xlnm.Print_Titles", index, printTitles(spec));
    wbXml = setSheetName(wbXml, "_xlnm.Print_Area", index, printAreaName(spec));

    // The sheet's own rels hold only its tables and drawing: whatever else the old part linked to is dropped (see removeOrphans).
    const sheetRelsPart = relsPartOf(part);
    let sheetRels = EMPTY_RELS;
    const tableRelIds: string[] = [];
    for (const table of spec.tables ?? []) {
      const tablePart = reusable.shift() ?? freePart(pkg, (n) => `xl/tables/table${n}.xml`, taken);
      const oldId = pkg.has(tablePart) ? Number(attr(findElement(pkg.text(tablePart), "table")?.startTag ?? "", "id")) : NaN;
      const id = freeRelId(sheetRels);
      sheetRels = addRel(sheetRels, { id, type: relType(ns, "table"), target: relativeTarget(part, tablePart), external: false });
      tableRelIds.push(id);
      pkg.set(tablePart, tableXml(spec, table, Number.isInteger(oldId) && oldId > 0 ? oldId : tableId++, ns.main));
      types = ensureOverride(types, tablePart, CONTENT_TYPES.table);
      written.push(tablePart);
    }
    const drawn = writeChartParts(pkg, spec, charts, ns, types, (kind) =>
      kind === "drawing"
        ? freePart(pkg, (n) => `xl/drawings/drawing${n}.xml`, taken)
        : freePart(pkg, (n) => `xl/charts/chart${n}.xml`, taken),
    );
    types = drawn.types;
    written.push(...drawn.written);
    droppedRels.push(...drawn.removed);
    let drawingRelId: string | null = null;
    if (drawn.drawing) {
      drawingRelId = freeRelId(sheetRels);
      sheetRels = addRel(sheetRels, {
        id: drawingRelId,
        type: relType(ns, "drawing"),
        target: relativeTarget(part, drawn.drawing),
        external: false,
      });
    }
    pkg.set(part, sheetXml(spec, { mainNs: ns.main, relNs: ns.relationships, styles, strings, tableRelIds, drawingRelId }));
    types = ensureOverride(types, part, CONTENT_TYPES.worksheet);
    written.push(part);
    if (tableRelIds.length || drawingRelId) {
      pkg.set(sheetRelsPart, sheetRels);
      written.push(sheetRelsPart);
    } else if (pkg.has(sheetRelsPart)) {
      pkg.remove(sheetRelsPart);
      droppedRels.push(sheetRelsPart);
    }
  }

  const record = (target: string, existed: boolean) => (existed ? edited.add(target) : written.push(target));
  if (styles.text() !== (stylesPart ? pkg.text(stylesPart) : null)) {
    const target = ensureWorkbookPart("styles", "xl/styles.xml", CONTENT_TYPES.styles);
    pkg.set(target, styles.text());
    record(target, stylesPart !== null);
  }
  if (strings.changed()) {
    const target = ensureWorkbookPart("sharedStrings", "xl/sharedStrings.xml", CONTENT_TYPES.sharedStrings);
    const text = strings.text(ns.main);
    // A province's table (100,000 names, the stored roll-ups) is deflated like a sheet, a megabyte at a time.
    pkg.set(target, text.length > STREAMED_TEXT_CHARS ? textPieces(text) : text);
    record(target, stringsPart !== null && stringsPart === target);
  }
  pkg.set(workbookPart, wbXml);
  pkg.set(wbRelsPart, wbRels);
  const app = "docProps/app.xml";
  if (newTitles.length && pkg.has(app)) {
    const text = addSheetTitles(pkg.text(app), newTitles);
    if (text !== pkg.text(app)) {
      pkg.set(app, text);
      edited.add(app);
    }
  }
  const removed = [...removeOrphans(pkg, before), ...droppedRels];
  for (const part of removed) types = removeOverride(types, part);
  pkg.set(CONTENT_TYPES_PART, types);
  return { workbookPart, written, edited: [...edited].filter((p) => !written.includes(p)), removed };
}

/** A styles part with what every workbook needs (one font, the two reserved fills, one border, one xf). */
export function minimalStyles(mainNs: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNs}">` +
    `<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`
  );
}
