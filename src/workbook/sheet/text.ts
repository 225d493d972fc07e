/**
 * Text normalisation shared by header matching and cell parsing: full-width forms (ＡＢ１２（）％) become
 * ASCII through NFKC, line breaks and spaces inside headers disappear, English is compared lower-cased.
 */

/** NFKC + trimmed; keeps inner spaces. @example normaliseText("（１２）") // => "(12)" */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").trim();
}

/** A comparison key: NFKC, lower case, no whitespace at all. @example textKey("Land  in\nuse") // => "landinuse" */
export function textKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** Display form of a cell's text: NFKC-free (kept as written) but line breaks and runs of spaces collapsed. */
export function displayText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, "")
    .replace(/[ \t\u3000]+/g, " ")
    .trim();
}
