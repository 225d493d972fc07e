/** The package of a workbook made from scratch (`XlsxWorkbook.create()`): a workbook part, styles, nothing else. */
import { NAMESPACES } from "../package/conformance.js";
import { OpcPackage } from "../package/opcPackage.js";
import { RELS_NS } from "../package/rels.js";
import { CONTENT_TYPES, relType } from "./partTypes.js";
import { minimalStyles } from "./patchWorkbook.js";

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export function templatePackage(): Uint8Array {
  const ns = NAMESPACES.transitional;
  const pkg = OpcPackage.empty();
  pkg.set(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CONTENT_TYPES.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPES.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPES.styles}"/></Types>`,
  );
  pkg.set(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${relType(ns, "officeDocument")}" Target="xl/workbook.xml"/></Relationships>`,
  );
  pkg.set(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${ns.main}" xmlns:r="${ns.relationships}"><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029"/></workbook>`,
  );
  pkg.set(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${relType(ns, "styles")}" Target="styles.xml"/></Relationships>`,
  );
  pkg.set("xl/styles.xml", minimalStyles(ns.main));
  return pkg.toBytes();
}
