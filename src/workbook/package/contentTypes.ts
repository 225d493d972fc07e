/** `[Content_Types].xml`: the content type of a part, and overrides added or removed by editing the text. */
import { appendChildren, attr, escapeAttr, findElement, findElements, rootPrefix, splice } from "./xml.js";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

/** The content type an Override element gives to `part`, or null. */
export function overrideOf(xml: string, part: string): string | null {
  const name = `/${part}`.toLowerCase();
  const el = findElements(xml, "Override").find((e) => (attr(e.startTag, "PartName") ?? "").toLowerCase() === name);
  return el ? attr(el.startTag, "ContentType") : null;
}

/** The content type `xml` gives to `part` (override first, then the extension's default), or null. */
export function contentTypeOf(xml: string, part: string): string | null {
  const override = overrideOf(xml, part);
  if (override) return override;
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const el of findElements(xml, "Default")) {
    if ((attr(el.startTag, "Extension") ?? "").toLowerCase() === ext) return attr(el.startTag, "ContentType");
  }
  return null;
}

export function addOverride(xml: string, part: string, contentType: string): string {
  const root = findElement(xml, "Types");
  if (!root) throw new Error("no <Types> root");
  return appendChildren(
    xml,
    root,
    `<${rootPrefix(xml)}Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`,
  );
}

export function removeOverride(xml: string, part: string): string {
  const name = `/${part}`.toLowerCase();
  const el = findElements(xml, "Override").find((e) => (attr(e.startTag, "PartName") ?? "").toLowerCase() === name);
  return el ? splice(xml, el.start, el.end, "") : xml;
}

/** Make sure an override gives `part` `contentType` (nothing to do when one already does). */
export function ensureOverride(xml: string, part: string, contentType: string): string {
  if (overrideOf(xml, part) === contentType) return xml;
  return addOverride(removeOverride(xml, part), part, contentType);
}
