/**
 * Reading never loads exceljs: with the module replaced by one that fails when imported, a sample opens,
 * its platform sheet is found and read, and a stored scenario is read back. (exceljs is still what the
 * writer's fidelity check opens small outputs with; that path is not exercised here.)
 */
import { describe, expect, it, vi } from "vitest";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock("exceljs", () => {
  loads.count++;
  throw new Error("exceljs was loaded by the read path");
});

describe("the read path", () => {
  it("opens, detects and reads the platform sheets of both samples without exceljs", async () => {
    const jiaxing = await openXlsxFile("assets/samples/jiaxing-2017.xlsx");
    const sheets = await jiaxing.listSheets();
    expect(sheets.map((s) => s.name)).toContain("说明");
    const platforms = await loadPlatforms(jiaxing);
    expect(platforms.platforms).toHaveLength(28);
    const lishui = await loadPlatforms(await openXlsxFile("assets/samples/lishui-2020.xlsx"));
    expect(lishui.platforms).toHaveLength(23);
    expect(await jiaxing.readStore("anything")).toBeNull();
    expect(loads.count).toBe(0);
  });
});
