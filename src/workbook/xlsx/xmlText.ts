/**
 * Text content of SpreadsheetML as a reader sees it: line ends normalised as XML requires (CR LF and a
 * lone CR become LF), entities decoded, and in string items the OOXML `_xHHHH_` escapes decoded
 * (`_x005F_` is the escaped underscore, see ooxmlText.ts).
 */
import { unescapeXml } from "../package/xml.js";

/** Raw character data between tags → its text. */
export function xmlText(raw: string): string {
  const lines = raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
  return lines.indexOf("&") < 0 ? lines : unescapeXml(lines);
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** @example unescapeOoxml("园区_x005F_x0041_") // => "园区_x0041_" */
export function unescapeOoxml(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const T_OR_RPH = /<(\/?)((?:[A-Za-z_][\w.-]*:)?)(t|rPh)(?=[\s/>])([^>]*)>/g;

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): every `<t>`, in
 * order, outside phonetic runs (`<rPh>`, the reading guide Excel shows above the text, not part of it).
 * Null when the item holds no `<t>` at all.
 */
export function stringItemText(inner: string): string | null {
  let text: string | null = null;
  let inPhonetic = 0;
  T_OR_RPH.lastIndex = 0;
  for (let m = T_OR_RPH.exec(inner); m; m = T_OR_RPH.exec(inner)) {
    const closing = m[1] === "/";
    const selfClosing = m[4].endsWith("/");
    if (m[3] === "rPh") {
      if (!selfClosing) inPhonetic += closing ? -1 : 1;
      continue;
    }
    if (closing || inPhonetic > 0) continue;
    text ??= "";
    if (selfClosing) continue;
    const close = inner.indexOf(`</${m[2]}t>`, T_OR_RPH.lastIndex);
    const end = close < 0 ? inner.length : close;
    text += unescapeOoxml(xmlText(inner.slice(T_OR_RPH.lastIndex, end)));
    T_OR_RPH.lastIndex = close < 0 ? inner.length : close + m[2].length + 4;
  }
  return text;
}
