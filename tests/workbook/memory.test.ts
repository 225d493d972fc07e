import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { runPortContract } from "./contract.js";

runPortContract("memory", async () => new MemoryWorkbook());

describe("MemoryWorkbook", () => {
  it("starts from user grids it copies, and keeps the specs written", async () => {
    const grid = { sheet: "平台", values: [["嘉善", 1]], merges: [], tables: [] };
    const wb = new MemoryWorkbook([grid]);
    grid.values[0][0] = "changed";
    expect((await wb.readGrid("平台")).values).toEqual([["嘉善", 1]]);
    await wb.writeSheets([{ name: "预测", rows: [[{ v: 2.5, fmt: "yi", style: "met" }]], columnWidths: [14] }]);
    expect(wb.writtenSpec("预测")?.columnWidths).toEqual([14]);
    expect(wb.writtenSpec("预测")?.rows[0][0].style).toBe("met");
    expect(wb.writtenSpec("平台")).toBeUndefined();
  });
});
