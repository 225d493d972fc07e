/**
 * An in-memory workbook: sheets as SheetGrid data, for tests and the browser's standalone page.
 * It keeps the SheetSpecs written so tests can inspect styles, widths and conditional formats.
 */
import { headOf, type SheetGrid } from "../grid.js";
import { WorkbookError, type ReadOptions, type WorkbookPort, type WriteReport } from "../port.js";
import { materializeRows, type SheetSpec } from "../sheetSpec.js";
import { checkSpecs, sameName } from "../specChecks.js";
import { specToGrid } from "./specToGrid.js";

export class MemoryWorkbook implements WorkbookPort {
  readonly kind = "memory" as const;
  private readonly sheets: SheetGrid[];
  private readonly specs = new Map<string, SheetSpec>();
  private readonly store = new Map<string, string>();

  /** Start from user sheets (copied, so later changes to the arguments do not leak in). */
  constructor(sheets: SheetGrid[] = []) {
    this.sheets = sheets.map((s) => structuredClone(s));
  }

  async listSheets(): Promise<{ name: string; tables: string[] }[]> {
    return this.sheets.map((s) => ({ name: s.sheet, tables: s.tables.map((t) => t.name) }));
  }

  async readGrid(sheet: string, options: ReadOptions = {}): Promise<SheetGrid> {
    const grid = this.sheets.find((s) => s.sheet === sheet);
    if (!grid) throw new WorkbookError("sheet-missing", `找不到工作表“${sheet}”`, `no sheet named "${sheet}"`);
    const copy = structuredClone(grid);
    return options.rows === undefined ? copy : headOf(copy, options.rows);
  }

  /** In memory there are no formulas and no print setup to refuse, so no warnings. */
  async writeSheets(specs: SheetSpec[]): Promise<WriteReport> {
    const kept = this.sheets.filter((s) => !specs.some((spec) => sameName(spec.name, s.sheet)));
    checkSpecs(
      specs,
      kept.flatMap((s) => s.tables.map((t) => t.name)),
    );
    for (const given of specs) {
      // A lazy sheet's rows become plain arrays here: a memory workbook keeps every cell anyway.
      const spec = materializeRows(given);
      const grid = specToGrid(structuredClone(spec));
      const at = this.sheets.findIndex((s) => sameName(s.sheet, spec.name));
      // A replaced sheet keeps its tab position; a new one goes last.
      if (at >= 0) this.sheets[at] = grid;
      else this.sheets.push(grid);
      this.specs.set(spec.name, structuredClone(spec));
    }
    return { warnings: [] };
  }

  async readStore(key: string): Promise<string | null> {
    return this.store.get(key) ?? null;
  }

  async writeStore(key: string, json: string): Promise<void> {
    this.store.set(key, json);
  }

  /** The last SheetSpec written under this name (a copy), for tests and previews. */
  writtenSpec(name: string): SheetSpec | undefined {
    const spec = this.specs.get(name);
    return spec && structuredClone(spec);
  }
}
