/**
 * Minimal XML text editing for package parts: find an element, read its attributes, insert or remove an
 * element, leaving every other byte of the document as it was (no parse-and-reserialise, so unknown
 * elements, extension lists, namespaces and whitespace survive). Elements are matched by local name with
 * any prefix; the parts edited here never nest an element inside one of the same name.
 */

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

export interface XmlElement {
  /** Offsets of the whole element in the document, end exclusive. */
  start: number;
  end: number;
  /** "x:sheet" or "sheet". */
  qname: string;
  /** The text of the start tag, from "<" to ">". */
  startTag: string;
  /** Between the start and end tags ("" for an empty element). */
  inner: string;
  /** Offset of the inner text (for an empty element, where it would start). */
  innerStart: number;
  selfClosing: boolean;
}

const NAME_CHARS = "[A-Za-z0-9_.\\-]";

/** Every element with this local name, in document order (comments and CDATA are not special-cased). */
export function findElements(xml: string, localName: string, from = 0, to = xml.length): XmlElement[] {
  const re = new RegExp(`<((?:${NAME_CHARS}+:)?${localName})(?=[\\s/>])[^>]*>`, "g");
  re.lastIndex = from;
  const out: XmlElement[] = [];
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const startTag = m[0];
    const qname = m[1];
    const innerStart = m.index + startTag.length;
    if (startTag.endsWith("/>")) {
      out.push({ start: m.index, end: innerStart, qname, startTag, inner: "", innerStart, selfClosing: true });
      continue;
    }
    const close = xml.indexOf(`</${qname}>`, innerStart);
    if (close < 0) throw new Error(`unclosed <${qname}>`);
    const end = close + qname.length + 3;
    out.push({ start: m.index, end, qname, startTag, inner: xml.slice(innerStart, close), innerStart, selfClosing: false });
    re.lastIndex = end;
  }
  return out;
}

export function findElement(xml: string, localName: string, from = 0, to = xml.length): XmlElement | null {
  return findElements(xml, localName, from, to)[0] ?? null;
}

/** An attribute of a start tag, unescaped; matched by local name unless the name has a prefix. */
export function attr(startTag: string, name: string): string | null {
  const pattern = name.includes(":") ? name : `(?:${NAME_CHARS}+:)?${name}`;
  const m = new RegExp(`\\s${pattern}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(startTag);
  return m ? unescapeXml(m[1] ?? m[2]) : null;
}

/** The start tag with `name` set to `value` (added before the tag's end when missing). */
export function withAttr(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, `$1"${escapeAttr(value)}"`);
  const cut = startTag.endsWith("/>") ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, cut)} ${name}="${escapeAttr(value)}"${startTag.slice(cut)}`;
}

/** The prefix ("x:") the document's root element uses, or "". */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])((?:[A-Za-z0-9_.-]+:)?)[A-Za-z0-9_.-]+[\s/>]/.exec(xml);
  return m ? m[1] : "";
}

export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/** Append `children` as the last content of `el` (an empty element is opened up). */
export function appendChildren(xml: string, el: XmlElement, children: string): string {
  if (!el.selfClosing) return splice(xml, el.end - el.qname.length - 3, el.end - el.qname.length - 3, children);
  const open = `${el.startTag.slice(0, -2).trimEnd()}>`;
  return splice(xml, el.start, el.end, `${open}${children}</${el.qname}>`);
}
