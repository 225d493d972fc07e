/**
 * The .xlsx adapter of the workbook port (exceljs), used by the command line and the standalone page.
 * The input file is only read: results are saved to another path, through a temporary file.
 */
import { randomBytes } from "node:crypto";
import { readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
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
    /** The file opened, so save() can refuse to overwrite it. */
    private readonly inputPath: string | null,
  ) {}

  /** Open an .xlsx from a path or its bytes; the file itself is never written. */
  static async open(pathOrBuffer: string | Uint8Array): Promise<XlsxWorkbook> {
    const bytes = typeof pathOrBuffer === "string" ? await readFile(pathOrBuffer) : pathOrBuffer;
    const wb = new ExcelJS.Workbook();
    try {
      // Copy: exceljs must not hold (or change) the caller's buffer.
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    } catch (err) {
      const what = typeof pathOrBuffer === "string" ? pathOrBuffer : "(buffer)";
      const why = err instanceof Error ? err.message : String(err);
      throw new WorkbookError("not-xlsx", `无法读取 ${what}：不是有效的 .xlsx 文件（${why}）`, `cannot read ${what}: not a valid .xlsx file (${why})`);
    }
    return new XlsxWorkbook(wb, typeof pathOrBuffer === "string" ? resolve(pathOrBuffer) : null);
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
  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await withEscapedText(this.wb, () => this.wb.xlsx.writeBuffer()));
  }

  /**
   * Write the workbook to `path` through a temporary file in the same folder, renamed at the end, so a
   * failure never leaves a half-written file. Refuses the path the workbook was opened from.
   */
  async save(path: string): Promise<void> {
    const target = resolve(path);
    if (this.inputPath && (target === this.inputPath || (await realpathOrSelf(target)) === (await realpathOrSelf(this.inputPath)))) {
      throw new WorkbookError("overwrite-input", `不覆盖输入文件 ${path}：请另选输出路径`, `will not overwrite the input file ${path}: choose another output path`);
    }
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeFile(temp, await this.toBuffer());
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }
}

async function realpathOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}
