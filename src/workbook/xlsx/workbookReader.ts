/**
 * Reading a workbook package without exceljs: the worksheets in tab order (from workbook.xml and its
 * relationships, either conformance), their Excel tables, the cell formats and the date system, read
 * when opened (small parts); each sheet's cells and the shared strings are streamed from the package
 * when first asked for (sheetReader.ts, sharedStringsReader.ts). The shared strings are read once and kept.
 */
import { decodeRange, headOf, headRows, type CellRange, type SheetGrid } from "../grid.js";
import { InflatedSizeError } from "../package/codec.js";
import { inflateText } from "../package/inflateStream.js";
import { PackageSizeError, type OpcPackage } from "../package/opcPackage.js";
import { parseRels, relsPartOf, resolveTarget, type Relationship } from "../package/rels.js";
import { attr, findElement } from "../package/xml.js";
import { readCellFormats, type CellFormats } from "./cellFormats.js";
import { isRelType } from "./partTypes.js";
import { workbookPartOf } from "./patchWorkbook.js";
import { readSharedStrings } from "./sharedStringsReader.js";
import { readSheet } from "./sheetReader.js";
import { listWorkbookSheets } from "./workbookXml.js";

export interface SourceSheet {
  name: string;
  /** The worksheet part ("xl/worksheets/sheet1.xml"). */
  part: string;
  tables: { name: string; range: CellRange }[];
}

const relsOf = (pkg: OpcPackage, part: string): Relationship[] => (pkg.has(relsPartOf(part)) ? parseRels(pkg.text(relsPartOf(part))) : []);

function tablesOf(pkg: OpcPackage, sheetPart: string): SourceSheet["tables"] {
  return relsOf(pkg, sheetPart)
    .filter((r) => !r.external && isRelType(r.type, "table"))
    .map((r) => resolveTarget(sheetPart, r.target))
    .filter((part) => pkg.has(part))
    .flatMap((part) => {
      const el = findElement(pkg.text(part), "table");
      const name = el && (attr(el.startTag, "name") ?? attr(el.startTag, "displayName"));
      const ref = el && attr(el.startTag, "ref");
      return name && ref ? [{ name, range: decodeRange(ref) }] : [];
    });
}

export class PackageReader {
  private strings: Promise<string[]> | null = null;

  private constructor(
    private readonly pkg: OpcPackage,
    readonly sheets: SourceSheet[],
    private readonly formats: CellFormats,
    private readonly date1904: boolean,
    private readonly stringsPart: string | null,
  ) {}

  /** The package's worksheets and what reading them needs; throws Error for a package that is no workbook. */
  static open(pkg: OpcPackage): PackageReader {
    const workbookPart = workbookPartOf(pkg);
    const xml = pkg.text(workbookPart);
    const rels = relsOf(pkg, workbookPart);
    const partOf = (kind: "styles" | "sharedStrings") => {
      const rel = rels.find((r) => !r.external && isRelType(r.type, kind));
      const part = rel ? resolveTarget(workbookPart, rel.target) : null;
      return part && pkg.has(part) ? part : null;
    };
    const sheets = listWorkbookSheets(xml).flatMap((s) => {
      const rel = rels.find((r) => r.id === s.relId);
      // Chart sheets, dialog and macro sheets have no cells to read.
      if (!rel || rel.external || !isRelType(rel.type, "worksheet")) return [];
      const part = resolveTarget(workbookPart, rel.target);
      return pkg.has(part) ? [{ name: s.name, part, tables: tablesOf(pkg, part) }] : [];
    });
    const props = findElement(xml, "workbookPr");
    const date1904 = props ? ["1", "true"].includes(attr(props.startTag, "date1904") ?? "") : false;
    const stylesPart = partOf("styles");
    return new PackageReader(pkg, sheets, readCellFormats(stylesPart ? pkg.text(stylesPart) : null), date1904, partOf("sharedStrings"));
  }

  /** The sheet's grid; with `rows`, its head (grid.ts headOf), the cells below it not scanned. */
  async grid(sheet: SourceSheet, rows?: number): Promise<SheetGrid> {
    const strings = await this.sharedStrings();
    const head =
      rows === undefined ? {} : { keep: headRows(sheet, rows), lastRow: Math.max(rows - 1, ...sheet.tables.map((t) => t.range.top)) };
    const cells = await readSheet(this.text(sheet.part), { strings, formats: this.formats, date1904: this.date1904 }, head);
    const grid: SheetGrid = { sheet: sheet.name, ...cells, tables: sheet.tables.map((t) => ({ name: t.name, range: { ...t.range } })) };
    return rows === undefined ? grid : headOf(grid, rows);
  }

  private sharedStrings(): Promise<string[]> {
    this.strings ??= this.stringsPart ? readSharedStrings(this.text(this.stringsPart)) : Promise.resolve([]);
    return this.strings;
  }

  /** A part's text in pieces, inflated as read; an entry that inflates past its declared size is a PackageSizeError. */
  private async *text(part: string): AsyncGenerator<string> {
    const entry = this.pkg.originalEntry(part);
    if (!entry) {
      yield this.pkg.text(part);
      return;
    }
    try {
      yield* inflateText(entry);
    } catch (err) {
      if (err instanceof InflatedSizeError) throw new PackageSizeError(part, entry.size, entry.size, true);
      throw err;
    }
  }
}
