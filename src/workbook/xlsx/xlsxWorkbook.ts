/**
 * The .xlsx adapter of the workbook port, used by the command line and the standalone page. Bytes in,
 * bytes out: no file system here, so the same class runs in Node and in the browser (files are opened and
 * saved by xlsxFile.ts on Node, by the page's file picker and download in a browser).
 *
 * Reading scans the input's parts itself (workbookReader.ts: worksheets streamed, exceljs never loaded);
 * writing never re-saves the workbook: the specs
 * written are recorded, and `toBuffer` patches the input package (patchWorkbook.ts), checks the result
 * (fidelity.ts) and returns it. Sheets written in this session read back from their specs.
 */
import { headOf, type SheetGrid } from "../grid.js";
import { specToGrid } from "../memory/specToGrid.js";
import type { OpcPackage } from "../package/opcPackage.js";
import { WorkbookError, type WorkbookPort } from "../port.js";
import { STORE_SHEET } from "../results/sheetNames.js";
import type { SheetSpec } from "../sheetSpec.js";
import { checkSpecs, sameName } from "../specChecks.js";
import { checkFidelity } from "./fidelity.js";
import { patchWorkbook, type PatchReport } from "./patchWorkbook.js";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, packageError, readPackage } from "./readPackage.js";
import { storeSpec } from "./store.js";
import { storeEntriesOf } from "./storeReader.js";
import { templatePackage } from "./template.js";
import { PackageReader, type SourceSheet } from "./workbookReader.js";

export { DEFAULT_MAX_UNCOMPRESSED_BYTES };

export interface OpenOptions {
  /** Refuse a package whose parts together, or any one of them, inflate to more bytes than this. */
  maxUncompressedBytes?: number;
}

type Sheet = { name: string; spec: SheetSpec | null; source: SourceSheet | null };

export class XlsxWorkbook implements WorkbookPort {
  readonly kind = "xlsx" as const;
  /** Tab order (store left out): the input's sheets, then new ones; a written sheet carries its spec. */
  private readonly sheets: Sheet[];
  private readonly written: SheetSpec[] = [];
  private store: Map<string, string> | null;
  private storeChanged = false;

  private constructor(
    private readonly input: Uint8Array,
    private readonly reader: PackageReader | null,
    store: Map<string, string> | null,
    /** The file the bytes came from (absolute path), so saving can refuse to overwrite it. */
    readonly sourcePath: string | null,
  ) {
    this.sheets = (reader?.sheets ?? []).filter((s) => s.name !== STORE_SHEET).map((s) => ({ name: s.name, spec: null, source: s }));
    this.store = store;
  }

  /** Open an .xlsx/.xlsm from its bytes; `sourcePath` names the file they came from, for messages and overwrite checks. */
  static async open(bytes: Uint8Array | ArrayBuffer, sourcePath: string | null = null, options: OpenOptions = {}): Promise<XlsxWorkbook> {
    // A copy: the caller's buffer may change after this call.
    const input = new Uint8Array(bytes instanceof ArrayBuffer ? bytes.slice(0) : bytes.slice());
    const what = sourcePath ?? "(buffer)";
    const pkg = readPackage(input, what, options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
    let reader: PackageReader;
    let store: Map<string, string> | null = null;
    try {
      reader = PackageReader.open(pkg);
      const storeSheet = reader.sheets.find((s) => s.name === STORE_SHEET);
      if (storeSheet) store = storeEntriesOf(await reader.grid(storeSheet));
    } catch (err) {
      throw packageError(what, err);
    }
    return new XlsxWorkbook(input, reader, store, sourcePath);
  }

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(templatePackage(), null, null, null);
  }

  private tableNames(s: Sheet): string[] {
    return s.spec ? (s.spec.tables ?? []).map((t) => t.name) : s.source!.tables.map((t) => t.name);
  }

  async listSheets(): Promise<{ name: string; tables: string[] }[]> {
    return this.sheets.map((s) => ({ name: s.name, tables: this.tableNames(s) }));
  }

  async readGrid(sheet: string, options: { rows?: number } = {}): Promise<SheetGrid> {
    const found = this.sheets.find((s) => s.name === sheet);
    if (!found) throw new WorkbookError("sheet-missing", `找不到工作表“${sheet}”`, `no sheet named "${sheet}"`);
    if (found.spec) return options.rows === undefined ? specToGrid(found.spec) : headOf(specToGrid(found.spec), options.rows);
    try {
      return await this.reader!.grid(found.source!, options.rows);
    } catch (err) {
      throw packageError(this.sourcePath ?? "(buffer)", err);
    }
  }

  async writeSheets(specs: SheetSpec[]): Promise<void> {
    const kept = this.sheets.filter((s) => !specs.some((spec) => sameName(spec.name, s.name)));
    checkSpecs(
      specs,
      kept.flatMap((s) => this.tableNames(s)),
    );
    for (const spec of specs) {
      // A replaced sheet keeps its tab position (and, in the package, its part); a new one goes last.
      const old = this.sheets.find((s) => sameName(s.name, spec.name));
      if (old) Object.assign(old, { name: spec.name, spec, source: null });
      else this.sheets.push({ name: spec.name, spec, source: null });
      const k = this.written.findIndex((w) => sameName(w.name, spec.name));
      if (k >= 0) this.written.splice(k, 1);
      this.written.push(spec);
    }
  }

  async readStore(key: string): Promise<string | null> {
    return this.store?.get(key) ?? null;
  }

  async writeStore(key: string, json: string): Promise<void> {
    this.store ??= new Map();
    this.store.set(key, json);
    this.storeChanged = true;
  }

  /** The workbook as package bytes: the input patched with what was written, checked before it is returned. */
  async toBuffer(): Promise<Uint8Array> {
    const original: OpcPackage = readPackage(this.input, this.sourcePath ?? "(buffer)", Number.MAX_SAFE_INTEGER);
    const { bytes, report } = this.patchedBytes();
    await checkFidelity(original, bytes, report);
    return bytes;
  }

  /** The patched package's bytes; its parts (a big sheet's deflated pieces) are garbage once this returns. */
  private patchedBytes(): { bytes: Uint8Array; report: PatchReport } {
    const pkg: OpcPackage = readPackage(this.input, this.sourcePath ?? "(buffer)", Number.MAX_SAFE_INTEGER);
    // Sheets replaced in tab order first, then new ones in the order written.
    const ordered = this.sheets.flatMap((s) => (s.spec && this.written.includes(s.spec) ? [s.spec] : []));
    const report = patchWorkbook(pkg, ordered, this.storeChanged && this.store ? storeSpec(this.store) : null);
    return { bytes: pkg.toBytes(), report };
  }
}
