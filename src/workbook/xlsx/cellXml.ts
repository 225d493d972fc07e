/** Small scanning helpers for SpreadsheetML cells: attributes of a start tag, a child's text, a column letter. */

export const isSpace = (ch: number) => ch === 32 || ch === 9 || ch === 10 || ch === 13;

/** The attributes of a start tag ("<c r="A1" t="s">") that the scanner needs, by one pass over it. */
export function attributes(tag: string, from: number, wanted: (name: string, value: string) => void): void {
  let p = from;
  const end = tag.length;
  while (p < end) {
    while (p < end && isSpace(tag.charCodeAt(p))) p++;
    const eq = tag.indexOf("=", p);
    if (eq < 0) return;
    const name = tag.slice(p, eq).trim();
    let q = eq + 1;
    while (q < end && isSpace(tag.charCodeAt(q))) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") return;
    const close = tag.indexOf(quote, q + 1);
    if (close < 0) return;
    wanted(name, tag.slice(q + 1, close));
    p = close + 1;
  }
}

/** Column index of an A1 reference's letters: "B7" → 1; -1 when it has none. */
export function columnOf(ref: string): number {
  let col = 0;
  let k = 0;
  for (; k < ref.length; k++) {
    const ch = ref.charCodeAt(k) | 32; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + ch - 96;
  }
  return k === 0 ? -1 : col - 1;
}

/** The text content of the first child `<name>` of a cell's inner XML (undefined: no such child, or empty). */
export function childText(inner: string, name: string): { text: string | undefined; tag: string } | null {
  let at = inner.indexOf(`<${name}`);
  while (at >= 0) {
    const next = inner.charCodeAt(at + name.length + 1);
    if (next === 62 /* > */ || next === 47 /* / */ || isSpace(next)) break;
    at = inner.indexOf(`<${name}`, at + 1);
  }
  if (at < 0) return null;
  const gt = inner.indexOf(">", at);
  const tag = inner.slice(at, gt + 1);
  if (inner.charCodeAt(gt - 1) === 47) return { text: undefined, tag };
  const close = inner.indexOf(`</${name}>`, gt);
  const text = inner.slice(gt + 1, close < 0 ? inner.length : close);
  return { text: text === "" ? undefined : text, tag };
}
