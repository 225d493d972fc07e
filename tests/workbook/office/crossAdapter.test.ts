/** The same SheetSpecs through the Office adapter (fake Excel) and the .xlsx adapter read back to equal grids. */
import { describe, expect, it } from "vitest";
import type { WorkbookPort } from "../../../src/workbook/port.js";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook.js";
import { buildResultSheets } from "../../../src/workbook/results/index.js";
import type { SheetSpec } from "../../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook.js";
import { userSheet } from "../contract.js";
import { makeResult, runContext } from "../resultFixture.js";
import { FakeExcel } from "./fakeExcel.js";

const odd: SheetSpec = {
  name: "文本",
  rows: [
    [{ v: "=SUM(A1)" }, { v: "'quoted" }, { v: "001" }, { v: "TRUE" }, { v: "#N/A" }, { v: "2020-01-01" }, { v: "50%" }],
    [],
    [{ v: null }, { v: 0 }, { v: -0.5, fmt: "pct" }, { v: false }, { v: NaN }, { v: 1e-9, fmt: "ratio3" }, { v: "x", fmt: "text" }],
  ],
};

async function grids(port: Pick<WorkbookPort, "writeSheets" | "readGrid">, specs: SheetSpec[]) {
  await port.writeSheets(specs);
  return Promise.all(specs.map((s) => port.readGrid(s.name)));
}

describe("Office and .xlsx adapters agree", () => {
  it("result sheets, a user table and awkward text read back to equal grids (values, formats, merges, tables)", async () => {
    const specs = [userSheet, odd, ...buildResultSheets(makeResult(), runContext)];
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const office = await grids(new OfficeWorkbook(fake.run, () => true), specs);
    const xlsxPort = XlsxWorkbook.create();
    await xlsxPort.writeSheets(specs);
    const reopened = await XlsxWorkbook.open(await xlsxPort.toBuffer());
    const xlsx = await Promise.all(specs.map((s) => reopened.readGrid(s.name)));
    expect(office).toEqual(xlsx);
    // The comparison has teeth: text stayed text on both sides.
    expect(office[1].values[0]).toEqual(["=SUM(A1)", "'quoted", "001", "TRUE", "#N/A", "2020-01-01", "50%"]);
    expect(office[1].formats?.[2]).toEqual([null, null, "0.0%", null, null, "0.000", "@"]);
    expect(office[4].sheet).toBe("汇总");
  });
});
