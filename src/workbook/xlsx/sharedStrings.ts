/**
 * The shared-string table ParkPlan's text cells use. Strings are appended to the package's own table, so
 * the user's cells keep their indices; a string already there with the same text is reused. Shared
 * strings rather than inline ones because readers decode OOXML's `_xHHHH_` escapes only in shared
 * strings (exceljs ignores them in inline strings, Excel does not): text stays text everywhere.
 */
import { escapeText, findElement, findElements, splice, withAttr, attr, rootPrefix } from "../package/xml.js";
import { escapeOoxmlText } from "./ooxmlText.js";

/** Characters XML cannot hold (or would normalise, like CR) are written as OOXML escapes, read back as themselves. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
const XML_UNSAFE = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/g;

/** The `<si>` element of a text. @example sharedItem("a b") // => "<si><t>a b</t></si>" */
export function sharedItem(text: string, prefix = ""): string {
  const escaped = escapeText(
    escapeOoxmlText(text).replace(XML_UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`),
  );
  const space = /^\s|\s$|[\n\t]/.test(text) ? ' xml:space="preserve"' : "";
  return `<${prefix}si><${prefix}t${space}>${escaped}</${prefix}t></${prefix}si>`;
}

export class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Texts already looked up, so a text repeated down a big sheet is escaped once. */
  private readonly byText = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly prefix: string;
  private count = 0;
  private references = 0;

  /** `xml`: the package's sharedStrings part, or null when it has none. */
  constructor(private readonly xml: string | null) {
    this.prefix = xml ? rootPrefix(xml) : "";
    if (!xml) return;
    const root = findElement(xml, "sst");
    if (!root) throw new Error("shared strings part without <sst>");
    findElements(root.inner, "si").forEach((si, k) => {
      const outer = root.inner.slice(si.start, si.end);
      if (!this.index.has(outer)) this.index.set(outer, k);
      this.count = k + 1;
    });
  }

  /** The index of `text` in the table (added when new). */
  of(text: string): number {
    this.references++;
    const seen = this.byText.get(text);
    if (seen !== undefined) return seen;
    const item = sharedItem(text, this.prefix);
    let k = this.index.get(item);
    if (k === undefined) {
      k = this.count++;
      this.index.set(item, k);
      this.added.push(item);
    }
    this.byText.set(text, k);
    return k;
  }

  /** True when the part must be written (strings were added, or there was none). */
  changed(): boolean {
    return this.added.length > 0 || (this.xml === null && this.references > 0);
  }

  /** The table's text with the new strings appended and its counts updated. */
  text(mainNs: string): string {
    if (!this.xml) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${mainNs}" count="${this.references}" uniqueCount="${this.count}">${this.added.join("")}</sst>`;
    }
    const root = findElement(this.xml, "sst")!;
    const close = root.selfClosing ? root.end : root.end - root.qname.length - 3;
    let xml = root.selfClosing
      ? splice(this.xml, root.start, root.end, `${root.startTag.slice(0, -2).trimEnd()}>${this.added.join("")}</${root.qname}>`)
      : splice(this.xml, close, close, this.added.join(""));
    const oldCount = Number(attr(root.startTag, "count") ?? 0) || 0;
    let tag = withAttr(
      root.startTag.endsWith("/>") ? `${root.startTag.slice(0, -2).trimEnd()}>` : root.startTag,
      "uniqueCount",
      String(this.count),
    );
    tag = withAttr(tag, "count", String(oldCount + this.references));
    const start = findElement(xml, "sst")!;
    xml = splice(xml, start.start, start.start + start.startTag.length, tag);
    return xml;
  }
}
