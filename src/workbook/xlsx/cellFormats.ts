/**
 * Number formats of cells, from styles.xml: a cell's `s` picks an entry of `<cellXfs>`, whose numFmtId is
 * either one of the workbook's own `<numFmts>` or a built-in one. Only what the grid carries (the format
 * text, which also decides whether a number is a date); fonts, fills and borders are not read.
 */
import { isDateFormat } from "../office/cells.js";
import { attr, findElement, findElements } from "../package/xml.js";

/**
 * Built-in formats with a locale-independent code (ECMA-376 Part 1, 18.8.30), as exceljs lists them; the
 * locale-dependent ids (27–36, 50–58 …) have no fixed text and read as no format.
 */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export interface CellFormats {
  /** The number format of style index `s` (null: none, or style 0, which readers treat as unstyled). */
  formatOf(s: number): string | null;
  /** True when numbers in style `s` are dates. */
  isDate(s: number): boolean;
}

/** The formats of a styles part (null: the package has none). */
export function readCellFormats(stylesXml: string | null): CellFormats {
  const byXf: (string | null)[] = [];
  if (stylesXml) {
    const custom = new Map<number, string>();
    const numFmts = findElement(stylesXml, "numFmts");
    for (const el of numFmts ? findElements(numFmts.inner, "numFmt") : []) {
      custom.set(Number(attr(el.startTag, "numFmtId")), attr(el.startTag, "formatCode") ?? "");
    }
    const cellXfs = findElement(stylesXml, "cellXfs");
    for (const el of cellXfs ? findElements(cellXfs.inner, "xf") : []) {
      const id = parseInt(attr(el.startTag, "numFmtId") ?? "", 10);
      // numFmtId 0 (General) or none: no format, as exceljs reports it.
      byXf.push(id ? (custom.get(id) ?? BUILT_IN[id] ?? null) : null);
    }
  }
  const dates = byXf.map((f) => isDateFormat(f));
  return {
    formatOf: (s) => (s > 0 ? (byXf[s] ?? null) : null),
    isDate: (s) => s > 0 && (dates[s] ?? false),
  };
}

/** Excel serial day → Date (UTC), in the 1900 or the 1904 date system. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
