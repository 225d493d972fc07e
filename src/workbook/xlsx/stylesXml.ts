/**
 * The styles ParkPlan's sheets need, appended to the package's own styles.xml: new numFmts, fonts, fills,
 * borders, cell formats (xfs) and conditional-format styles (dxfs) go after the existing ones, which keep
 * their indices, so every user cell looks as before. An element already present with the same text (for
 * example the one the previous run added) is reused, so re-runs do not grow the part.
 */
import { appendChildren, attr, escapeAttr, findElement, findElements, rootPrefix, splice, withAttr } from "../package/xml.js";
import { FORMAT_CODES, type CellFormat, type CellStyle, type HighlightStyle } from "../sheetSpec.js";

/** Schema order of styleSheet's children: a missing section is inserted before the first later one present. */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
const CHILD: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

/** Built-in number formats (ECMA-376 §18.8.30) ParkPlan's codes can use without a numFmt element. */
const BUILTIN_FORMATS: Record<string, number> = { "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  bottomBorder?: string;
  wrap?: boolean;
  /** Vertical alignment of a wrapped cell (omitted: Excel's bottom, level with the row's other cells). */
  vertical?: "center";
}

/** What renderSpec gave exceljs: met / not met / not evaluable in Excel's good / bad / neutral colours. */
const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 14 },
  header: { bold: true, fill: "FFDDEBF7", wrap: true, vertical: "center", bottomBorder: "FF8EA9DB" },
  met: { fill: "FFC6EFCE", color: "FF006100" },
  notMet: { fill: "FFFFC7CE", color: "FF9C0006" },
  na: { fill: "FFEDEDED", color: "FF595959" },
  note: { italic: true, color: "FF595959" },
  wrap: { wrap: true },
};

export class StyleBook {
  private readonly p: string;
  private readonly memo = new Map<string, number>();
  private baseFont: { size: string; name: string; rest: string } | null = null;

  constructor(private xml: string) {
    this.p = rootPrefix(xml);
  }

  /** The styles.xml text with what was added; the input text when nothing was needed. */
  text(): string {
    return this.xml;
  }

  /** Index of the cell format (xf) for a style and a number format; 0 (the workbook's default) for neither. */
  cellXf(style: CellStyle | undefined, fmt: CellFormat | undefined): number {
    if (!style && !fmt) return 0;
    const key = `${style ?? ""}|${fmt ?? ""}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const look: Look = style ? LOOKS[style] : {};
    const numFmtId = fmt ? this.numFmt(FORMAT_CODES[fmt]) : 0;
    const fontId = look.bold || look.italic || look.size || look.color ? this.child("fonts", this.font(look)) : 0;
    const fillId = look.fill ? this.child("fills", this.fill(look.fill, "both")) : 0;
    const p = this.p;
    const borderId = look.bottomBorder
      ? this.child(
          "borders",
          `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color rgb="${look.bottomBorder}"/></${p}bottom><${p}diagonal/></${p}border>`,
        )
      : 0;
    const applies = [
      numFmtId && "applyNumberFormat",
      fontId && "applyFont",
      fillId && "applyFill",
      borderId && "applyBorder",
      look.wrap && "applyAlignment",
    ]
      .filter(Boolean)
      .map((a) => ` ${a}="1"`)
      .join("");
    const ids = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const vertical = look.vertical ? ` vertical="${look.vertical}"` : "";
    const xf = look.wrap ? `<${p}xf ${ids}><${p}alignment${vertical} wrapText="1"/></${p}xf>` : `<${p}xf ${ids}/>`;
    const id = this.child("cellXfs", xf);
    this.memo.set(key, id);
    return id;
  }

  /** Index of the differential format a conditional format applies. */
  dxf(style: HighlightStyle): number {
    const key = `dxf|${style}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const look = LOOKS[style];
    const p = this.p;
    const id = this.child(
      "dxfs",
      `<${p}dxf><${p}font><${p}color rgb="${look.color}"/></${p}font>${this.fill(look.fill!, "background")}</${p}dxf>`,
    );
    this.memo.set(key, id);
    return id;
  }

  private fill(argb: string, which: "both" | "background"): string {
    const p = this.p;
    const fg = which === "both" ? `<${p}fgColor rgb="${argb}"/>` : "";
    return `<${p}fill><${p}patternFill patternType="solid">${fg}<${p}bgColor rgb="${argb}"/></${p}patternFill></${p}fill>`;
  }

  /** A font like the workbook's default (its name and size), changed by the look. */
  private font(look: Look): string {
    const p = this.p;
    const base = this.defaultFont();
    const flags = `${look.bold ? `<${p}b/>` : ""}${look.italic ? `<${p}i/>` : ""}`;
    const color = look.color ? `<${p}color rgb="${look.color}"/>` : "";
    return `<${p}font>${flags}<${p}sz val="${look.size ?? base.size}"/>${color}<${p}name val="${escapeAttr(base.name)}"/>${base.rest}</${p}font>`;
  }

  private defaultFont(): { size: string; name: string; rest: string } {
    if (this.baseFont) return this.baseFont;
    const fonts = findElement(this.xml, "fonts");
    const first = fonts ? findElement(fonts.inner, "font") : null;
    const val = (name: string) => {
      const el = first ? findElement(first.inner, name) : null;
      return el ? attr(el.startTag, "val") : null;
    };
    const family = val("family");
    const scheme = val("scheme");
    const p = this.p;
    this.baseFont = {
      size: val("sz") ?? "11",
      name: val("name") ?? "Calibri",
      rest: `${family ? `<${p}family val="${escapeAttr(family)}"/>` : ""}${scheme ? `<${p}scheme val="${escapeAttr(scheme)}"/>` : ""}`,
    };
    return this.baseFont;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const section = findElement(this.xml, "numFmts");
    const existing = section ? findElements(section.inner, "numFmt") : [];
    const same = existing.find((el) => attr(el.startTag, "formatCode") === code);
    if (same) return Number(attr(same.startTag, "numFmtId"));
    const id = Math.max(163, ...existing.map((el) => Number(attr(el.startTag, "numFmtId")) || 0)) + 1;
    this.append("numFmts", `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** Index of `child` in the section: an identical existing element, or the one appended now. */
  private child(section: string, child: string): number {
    const el = findElement(this.xml, section);
    const children = el ? findElements(el.inner, CHILD[section]) : [];
    const same = children.findIndex((c) => el!.inner.slice(c.start, c.end) === child);
    if (same >= 0) return same;
    this.append(section, child);
    return children.length;
  }

  private append(section: string, child: string): void {
    let el = findElement(this.xml, section);
    if (!el) {
      this.xml = this.insertSection(section);
      el = findElement(this.xml, section)!;
    }
    this.xml = appendChildren(this.xml, el, child);
    const updated = findElement(this.xml, section)!;
    const count = findElements(updated.inner, CHILD[section]).length;
    this.xml = splice(this.xml, updated.start, updated.start + updated.startTag.length, withAttr(updated.startTag, "count", String(count)));
  }

  private insertSection(section: string): string {
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1)
      .map((s) => findElement(this.xml, s))
      .find((e) => e !== null);
    const root = findElement(this.xml, "styleSheet");
    if (!root) throw new Error("styles part without <styleSheet>");
    const empty = `<${this.p}${section} count="0"></${this.p}${section}>`;
    if (later) return splice(this.xml, later.start, later.start, empty);
    return appendChildren(this.xml, root, empty);
  }
}
