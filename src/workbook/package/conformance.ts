/**
 * Transitional and Strict OOXML: the namespaces and relationship types each uses. A package is written in
 * its own conformance; exceljs reads only Transitional, so Strict parts are translated for it when read.
 */

export type Conformance = "transitional" | "strict";

export interface OoxmlNamespaces {
  main: string;
  /** The namespace of r:id attributes. */
  relationships: string;
  /** Relationship types are this plus "worksheet", "styles" … */
  relTypeBase: string;
  /** DrawingML: shapes and text (a:), charts (c:), a worksheet's drawing part (xdr:). */
  drawingMain: string;
  chart: string;
  spreadsheetDrawing: string;
}

export const NAMESPACES: Record<Conformance, OoxmlNamespaces> = {
  transitional: {
    main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    relTypeBase: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
    drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
    chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
    spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  },
  strict: {
    main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
    relTypeBase: "http://purl.oclc.org/ooxml/officeDocument/relationships/",
    drawingMain: "http://purl.oclc.org/ooxml/drawingml/main",
    chart: "http://purl.oclc.org/ooxml/drawingml/chart",
    spreadsheetDrawing: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
  },
};

/** Strict namespace → its Transitional twin (longest first: the relationships prefix also covers every type). */
const STRICT_TO_TRANSITIONAL: [string, string][] = [
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"],
  [
    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  ],
  ["http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"],
  ["http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"],
  ["http://purl.oclc.org/ooxml/drawingml/chart", "http://schemas.openxmlformats.org/drawingml/2006/chart"],
  ["http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"],
];

const STRICT_MARK = "http://purl.oclc.org/ooxml/";

/** The conformance of a package, from its workbook part's text. */
export function conformanceOf(workbookXml: string): Conformance {
  return workbookXml.includes(NAMESPACES.strict.main) ? "strict" : "transitional";
}

/** The text with Strict namespaces replaced by Transitional ones (unchanged when there are none). */
export function toTransitional(xml: string): string {
  if (!xml.includes(STRICT_MARK)) return xml;
  let out = xml;
  for (const [strict, transitional] of STRICT_TO_TRANSITIONAL) out = out.split(strict).join(transitional);
  return out;
}
