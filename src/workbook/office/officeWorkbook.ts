/**
 * The Office adapter of the workbook port: the open workbook through `Excel.run`, batched under Excel on
 * the web's 5 MB request cap. The runner and the ExcelApi feature test are injectable, so tests run it
 * over a fake of the Excel object model.
 */
import { parseA1, type SheetGrid } from "../grid.js";
import { WorkbookError, type ReadOptions, type WorkbookPort, type WriteReport } from "../port.js";
import { STORE_SHEET } from "../results/sheetNames.js";
import type { SheetSpec } from "../sheetSpec.js";
import { readStoreValue, writeStoreValue } from "./officeStore.js";
import { readSheetGrid } from "./readGrid.js";
import { excelRun, guardedRun, officeSupports, type ApiSupport, type Batch, type ExcelRunner } from "./runner.js";
import { writeAllSheets } from "./writeSheets.js";

export class OfficeWorkbook implements WorkbookPort {
  readonly kind = "office" as const;
  /** Every port call goes through this: delayForCellEdit, and Excel's error codes as bilingual messages. */
  private readonly run: Batch;

  constructor(
    run: ExcelRunner = excelRun,
    private readonly supports: ApiSupport = officeSupports,
  ) {
    this.run = guardedRun(run);
  }

  listSheets(): Promise<{ name: string; tables: string[] }[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const listed = sheets.items.filter((ws) => ws.name !== STORE_SHEET);
      for (const ws of listed) ws.tables.load("items/name");
      await context.sync();
      return listed.map((ws) => ({ name: ws.name, tables: ws.tables.items.map((t) => t.name) }));
    });
  }

  readGrid(sheet: string, options: ReadOptions = {}): Promise<SheetGrid> {
    return this.run((context) => readSheetGrid(context, sheet, this.supports, options.rows));
  }

  writeSheets(specs: SheetSpec[]): Promise<WriteReport> {
    return this.run((context) => writeAllSheets(context, specs, this.supports));
  }

  readStore(key: string): Promise<string | null> {
    return this.run((context) => readStoreValue(context, key));
  }

  writeStore(key: string, json: string): Promise<void> {
    return this.run((context) => writeStoreValue(context, key, json));
  }

  /** Show the user the cell a message is about: activate its sheet and select the cell. */
  selectCell(sheet: string, cell: string): Promise<void> {
    const { row, col } = parseA1(cell);
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (ws.isNullObject) throw new WorkbookError("sheet-missing", `找不到工作表“${sheet}”`, `no sheet named "${sheet}"`);
      ws.activate();
      ws.getRangeByIndexes(row, col, 1, 1).select();
      await context.sync();
    });
  }
}
