/** Relationship parts (`_rels/*.rels`): read, add and remove relationships by editing the text. */
import { appendChildren, attr, escapeAttr, findElement, findElements, rootPrefix, splice } from "./xml.js";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part: ("xl/workbook.xml", "worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml". */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return decodeURI(base.join("/"));
}

/** The target to write in `sourcePart`'s rels for `part`, relative like Excel writes it. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

export function parseRels(xml: string): Relationship[] {
  return findElements(xml, "Relationship").map((el) => ({
    id: attr(el.startTag, "Id") ?? "",
    type: attr(el.startTag, "Type") ?? "",
    target: attr(el.startTag, "Target") ?? "",
    external: attr(el.startTag, "TargetMode") === "External",
  }));
}

/** An empty relationship part. */
export const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;

/** A relationship id not yet used in `xml`: rId1, rId2 … */
export function freeRelId(xml: string, taken: Set<string> = new Set()): string {
  const used = new Set([...parseRels(xml).map((r) => r.id), ...taken]);
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function addRel(xml: string, rel: Relationship): string {
  const root = findElement(xml, "Relationships");
  if (!root) throw new Error("no <Relationships> root");
  const mode = rel.external ? ' TargetMode="External"' : "";
  const el = `<${rootPrefix(xml)}Relationship Id="${escapeAttr(rel.id)}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"${mode}/>`;
  return appendChildren(xml, root, el);
}

export function removeRel(xml: string, id: string): string {
  const el = findElements(xml, "Relationship").find((e) => attr(e.startTag, "Id") === id);
  return el ? splice(xml, el.start, el.end, "") : xml;
}
