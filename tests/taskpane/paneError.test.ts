import { describe, expect, test } from "vitest";
import { InputError } from "../../src/pipeline/errors.js";
import { canSelectCells, projectedFileName } from "../../src/taskpane/host.js";
import { toPaneError } from "../../src/taskpane/hooks/paneError.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { WorkbookError } from "../../src/workbook/port.js";
import { SimulationFailure } from "../../src/worker/client.js";

describe("toPaneError(err)", () => {
  test("sheet issues keep their sheet and cell", () => {
    const err = new InputError([
      { code: "SHEET_NEGATIVE_LAND", severity: "error", sheet: "平台", cell: "D4", zh: "平台!D4：用地为负", en: "平台!D4: negative land" },
    ]);
    expect(toPaneError(err)).toEqual({
      heading: "run.failed",
      problems: [{ zh: "平台!D4：用地为负", en: "平台!D4: negative land", sheet: "平台", cell: "D4" }],
    });
  });

  test("workbook errors, engine failures and plain errors in both languages", () => {
    expect(toPaneError(new WorkbookError("not-xlsx", "不是 xlsx", "not an xlsx"), "error.unexpected")).toEqual({
      heading: "error.unexpected",
      problems: [{ zh: "不是 xlsx", en: "not an xlsx" }],
    });
    expect(toPaneError(new SimulationFailure({ name: "ScenarioError", message: "m", problems: [{ zh: "甲", en: "A" }] })).problems).toEqual(
      [{ zh: "甲", en: "A" }],
    );
    expect(toPaneError(new RangeError("too big")).problems).toEqual([
      {
        zh: "内部错误：ParkPlan 遇到了意外问题，操作未完成，输入文件未改动（too big）",
        en: "internal error: ParkPlan met an unexpected problem; the operation did not finish and the input was not changed (too big)",
      },
    ]);
    expect(toPaneError(42).problems[0].en).toMatch(/^internal error: .* \(42\)$/);
  });
});

describe("host helpers", () => {
  test("projectedFileName follows the command line's <name>-projected.xlsx", () => {
    expect(projectedFileName("jiaxing-2017.xlsx")).toBe("jiaxing-2017-projected.xlsx");
    expect(projectedFileName("平台表.v2.xlsx")).toBe("平台表.v2-projected.xlsx");
    expect(projectedFileName("noext")).toBe("noext-projected.xlsx");
    expect(projectedFileName(".xlsx")).toBe("workbook-projected.xlsx");
  });

  test("canSelectCells is true only for an adapter with selectCell", () => {
    const memory = new MemoryWorkbook();
    expect(canSelectCells(memory)).toBe(false);
    expect(canSelectCells(Object.assign(new MemoryWorkbook(), { selectCell: async () => {} }))).toBe(true);
  });
});
