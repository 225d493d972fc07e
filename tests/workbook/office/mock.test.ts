/**
 * Load/sync discipline of readGrid, checked with office-addin-mock: a property the adapter reads without
 * load() + sync() comes back as the mock's error string and would show up in the grid.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook.js";
import type { ExcelRunner } from "../../../src/workbook/office/runner.js";

function mockWorkbook() {
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: "平台清单",
            isNullObject: false,
            used: { rowIndex: 1, columnIndex: 0, rowCount: 2, columnCount: 3, isNullObject: false },
            block: {
              values: [
                ["平台名称", "产值（亿元）", ""],
                ["嘉善", 12.5, "#N/A"],
              ],
              valueTypes: [
                ["String", "String", "Empty"],
                ["String", "Double", "Error"],
              ],
              numberFormat: [
                ["General", "General", "General"],
                ["General", "0.00", "General"],
              ],
            },
            getUsedRangeOrNullObject() {
              return this.used;
            },
            getRangeByIndexes() {
              return this.block;
            },
          },
          getItemOrNullObject() {
            return this.sheet;
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    context: Record<string, unknown> & { workbook: { worksheets: { sheet: Record<string, unknown> } } };
  };
  const sheet = mock.context.workbook.worksheets.sheet as Record<string, Record<string, unknown> | boolean>;
  // isNullObject needs no load in Excel (only a sync); the mock would demand one, so it is set plainly.
  sheet.isNullObject = false;
  (sheet.used as Record<string, unknown>).isNullObject = false;
  // The mock has no collections: a stand-in table collection that refuses reads before a load.
  let tablesLoaded = false;
  sheet.tables = {
    load: (p: string) => void (tablesLoaded = p === "items/name"),
    get items() {
      if (!tablesLoaded) throw new Error("tables read before load");
      return [];
    },
  } as unknown as Record<string, unknown>;
  return { mock, sheet };
}

describe("readGrid under office-addin-mock", () => {
  it("loads the used range, values, value types and formats before reading them", async () => {
    const { mock, sheet } = mockWorkbook();
    // The mock is live: an unloaded property reads as its error string.
    expect((sheet.block as Record<string, unknown>).values).toBe("Error, property was not loaded");
    const run: ExcelRunner = (_options, batch) => batch(mock.context as unknown as Excel.RequestContext);
    const grid = await new OfficeWorkbook(run, () => false).readGrid("平台清单");
    expect(grid).toEqual({
      sheet: "平台清单",
      values: [[], ["平台名称", "产值（亿元）"], ["嘉善", 12.5, { error: "#N/A" }]],
      formats: [[], [null, null], [null, "0.00", null]],
      merges: [],
      tables: [],
    });
  });
});
