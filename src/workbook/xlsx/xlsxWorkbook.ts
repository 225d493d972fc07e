/**
 * The .xlsx adapter of the workbook port (exceljs), used by the command line and the standalone page.
 * Bytes in, bytes out: no file system here, so the same class runs in Node and in the browser
 * (files are opened and saved by xlsxFile.ts on Node, by the page's file picker and download in a browser).
 */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../grid.js";
import { WorkbookError, type WorkbookPort } from "../port.js";
import { STORE_SHEET } from "../results/sheetNames.js";
import type { SheetSpec } from "../sheetSpec.js";
import { checkSpecs, sameName } from "../specChecks.js";
import { withEscapedText } from "./ooxmlText.js";
import { renderSpec } from "./renderSpec.js";
import { moveStoreLast, readStoreEntries, writeStoreEntries } from "./store.js";
import { worksheetToGrid } from "./toGrid.js";

type OrderedSheet = ExcelJS.Worksheet & { orderNo: number };

export class XlsxWorkbook implements WorkbookPort {
  readonly kind = "xlsx" as const;

  private constructor(
    private readonly wb: ExcelJS.Workbook,
    /** The file the bytes came from (absolute path), so saving can refuse to overwrite it. */
    readonly sourcePath: string | null,
  ) {}

  /** Open an .xlsx from its bytes; `sourcePath` names the file they came from, for messages and overwrite checks. */
  static async open(bytes: Uint8Array | ArrayBuffer, sourcePath: string | null = null): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    try {
      // A copy: exceljs must not hold (or change) the caller's buffer.
      const copy = bytes instanceof ArrayBuffer ? bytes.slice(0) : bytes.slice().buffer;
      await wb.xlsx.load(copy as unknown as ExcelJS.Buffer);
    } catch (err) {
      const what = sourcePath ?? "(buffer)";
      const why = err instanceof Error ? err.message : String(err);
      throw new WorkbookError("not-xlsx", `无法读取 ${what}：不是有效的 .xlsx 文件（${why}）`, `cannot read ${what}: not a valid .xlsx file (${why})`);
    }
    return new XlsxWorkbook(wb, sourcePath);
  }

  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "ParkPlan";
    return new XlsxWorkbook(wb, null);
  }

  async listSheets(): Promise<{ name: string; tables: string[] }[]> {
    return this.wb.worksheets
      .filter((ws) => ws.name !== STORE_SHEET)
      .map((ws) => ({ name: ws.name, tables: ws.getTables().map((t) => (t as unknown as ExcelJS.Table).name) }));
  }

  async readGrid(sheet: string): Promise<SheetGrid> {
    const ws = sheet === STORE_SHEET ? undefined : this.wb.getWorksheet(sheet);
    if (!ws) throw new WorkbookError("sheet-missing", `找不到工作表“${sheet}”`, `no sheet named "${sheet}"`);
    return worksheetToGrid(ws);
  }

  async writeSheets(specs: SheetSpec[]): Promise<void> {
    const kept = this.wb.worksheets.filter((ws) => !specs.some((s) => sameName(s.name, ws.name)));
    checkSpecs(
      specs,
      kept.flatMap((ws) => ws.getTables().map((t) => (t as unknown as ExcelJS.Table).name)),
    );
    for (const spec of specs) {
      const old = this.wb.worksheets.find((ws) => sameName(ws.name, spec.name)) as OrderedSheet | undefined;
      if (old) this.wb.removeWorksheet(old.id);
      const ws = this.wb.addWorksheet(spec.name) as OrderedSheet;
      // A replaced sheet keeps its tab position; a new one goes last.
      if (old) ws.orderNo = old.orderNo;
      renderSpec(ws, spec);
    }
    moveStoreLast(this.wb);
  }

  async readStore(key: string): Promise<string | null> {
    return readStoreEntries(this.wb).get(key) ?? null;
  }

  async writeStore(key: string, json: string): Promise<void> {
    const entries = readStoreEntries(this.wb);
    entries.set(key, json);
    writeStoreEntries(this.wb, entries);
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await withEscapedText(this.wb, () => this.wb.xlsx.writeBuffer()));
  }
}
