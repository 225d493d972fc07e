/**
 * The shared-string table, read piece by piece from the inflated part: one array of strings, each item's
 * text flattened (rich runs joined, phonetic runs left out). An item with no text at all reads as "".
 */
import { stringItemText } from "./xmlText.js";

const SI_OPEN = /<((?:[A-Za-z_][\w.-]*:)?)si(?=[\s/>])[^>]*?(\/?)>/g;

/** The strings of a sharedStrings part, from its text in pieces. */
export async function readSharedStrings(pieces: AsyncIterable<string>): Promise<string[]> {
  const strings: string[] = [];
  let buf = "";
  for await (const piece of pieces) {
    buf = buf ? buf + piece : piece;
    buf = buf.slice(scanItems(buf, strings));
  }
  scanItems(buf, strings);
  return strings;
}

/** Read the complete `<si>` items of `buf` into `strings`; returns where the first incomplete one starts. */
function scanItems(buf: string, strings: string[]): number {
  SI_OPEN.lastIndex = 0;
  let done = 0;
  for (let m = SI_OPEN.exec(buf); m; m = SI_OPEN.exec(buf)) {
    if (m[2] === "/") {
      strings.push("");
      done = SI_OPEN.lastIndex;
      continue;
    }
    const closeTag = `</${m[1]}si>`;
    const close = buf.indexOf(closeTag, SI_OPEN.lastIndex);
    if (close < 0) return m.index;
    strings.push(stringItemText(buf.slice(SI_OPEN.lastIndex, close)) ?? "");
    done = close + closeTag.length;
    SI_OPEN.lastIndex = done;
  }
  // A start tag cut by the end of the piece: keep from its "<".
  const lt = buf.lastIndexOf("<");
  return lt >= done && buf.indexOf(">", lt) < 0 ? lt : buf.length;
}
