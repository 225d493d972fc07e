/** Each error that stops a run: its code, sheet, cell and message. */
import { describe, expect, test } from "vitest";
import { formatIssue, readPlatformSheet, type PlatformSheet } from "../../../src/workbook/sheet/index.js";
import { grid } from "./helpers.js";

const HEAD = ["平台名称", "整合类型", "整合去向", "工业用地面积", "产值"];
const OK = ["嘉兴经开区", "主平台", null, 1000, 100];

function errors(s: PlatformSheet) {
  return s.issues.filter((i) => i.severity === "error").map((i) => ({ code: i.code, sheet: i.sheet, cell: i.cell }));
}

describe("readPlatformSheet: fatal errors", () => {
  test("no platform table", () => {
    const s = readPlatformSheet(grid([["说明"], ["本表用于情景模拟"], ["平台名称请与省清单一致"]], { sheet: "说明" }));
    expect(errors(s)).toEqual([{ code: "SHEET_NO_TABLE", sheet: "说明", cell: null }]);
    expect(s).toMatchObject({ fatal: true, platforms: [], headerRow: 0 });
  });

  test("negative land, with the message naming sheet and cell", () => {
    const s = readPlatformSheet(
      grid([
        HEAD,
        OK,
        ["A园", null, null, 10, 1],
        ["B园", null, null, 10, 1],
        ["C园", null, null, 10, 1],
        ["D园", null, null, 10, 1],
        ["E园", null, null, -120, 0],
      ]),
    );
    expect(errors(s)).toEqual([{ code: "SHEET_NEGATIVE_LAND", sheet: "嘉兴表", cell: "D7" }]);
    expect(formatIssue(s.issues.find((i) => i.code === "SHEET_NEGATIVE_LAND")!)).toBe(
      "嘉兴表!D7：工业用地面积为负数（-120） / 嘉兴表!D7: land in use is negative (-120)",
    );
    expect(s.fatal).toBe(true);
  });

  test("negative amounts in other columns name their field", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "税收"],
        ["A园", 10, "-5", -0.5],
      ]),
    );
    expect(errors(s).map((e) => `${e.code}@${e.cell}`)).toEqual(["SHEET_NEGATIVE_OUTPUT@C2", "SHEET_NEGATIVE_TAX@D2"]);
  });

  test("duplicate platform names (up to spaces and full width)", () => {
    const s = readPlatformSheet(grid([HEAD, OK, ["嘉兴经开区 ", "保留", null, 10, 1]]));
    expect(errors(s)).toEqual([{ code: "SHEET_DUPLICATE_NAME", sheet: "嘉兴表", cell: "A3" }]);
  });

  test("output with land 0 or missing", () => {
    const s = readPlatformSheet(grid([HEAD, OK, ["A园", null, null, 0, 5], ["B园", null, null, null, 5], ["C园", null, null, null, 0]]));
    expect(errors(s)).toEqual([
      { code: "SHEET_OUTPUT_WITHOUT_LAND", sheet: "嘉兴表", cell: "D3" },
      { code: "SHEET_OUTPUT_WITHOUT_LAND", sheet: "嘉兴表", cell: "D4" },
    ]);
    expect(s.issues.find((i) => i.cell === "D5")?.code).toBe("SHEET_MISSING_LAND");
  });

  test("figures without a platform name", () => {
    const s = readPlatformSheet(grid([HEAD, OK, [null, "保留", null, 10, 1]]));
    expect(errors(s)).toEqual([{ code: "SHEET_MISSING_NAME", sheet: "嘉兴表", cell: "A3" }]);
  });

  test("a sub-park without 整合去向, with an unknown one, and with one that is not a main platform", () => {
    const s = readPlatformSheet(
      grid([
        HEAD,
        OK,
        ["A园", "分区", null, 10, 1],
        ["B园", "分园", "不存在的平台", 10, 1],
        ["C园", "保留", null, 10, 1],
        ["D园", "分区", "C园", 10, 1],
      ]),
    );
    expect(errors(s)).toEqual([
      { code: "SHEET_SUBPARK_WITHOUT_MAIN", sheet: "嘉兴表", cell: "C3" },
      { code: "SHEET_UNKNOWN_MAIN", sheet: "嘉兴表", cell: "C4" },
      { code: "SHEET_MAIN_NOT_MAIN", sheet: "嘉兴表", cell: "C6" },
    ]);
  });

  test("an unknown 整合去向 of an exit is only a warning", () => {
    const s = readPlatformSheet(grid([HEAD, OK, ["A园", "退出", "外市平台", 10, 1]]));
    expect(s.issues.filter((i) => i.code === "SHEET_UNKNOWN_MAIN").map((i) => [i.severity, i.cell])).toEqual([["warning", "C3"]]);
    expect(s.fatal).toBe(false);
  });

  test("text that is not a number in a numeric column", () => {
    const s = readPlatformSheet(grid([HEAD, OK, ["A园", null, null, "约50", 1], ["B园", null, null, 10, "12%"]]));
    expect(errors(s)).toEqual([
      { code: "SHEET_NOT_A_NUMBER", sheet: "嘉兴表", cell: "D3" },
      // "12%" is a percentage in an output column: a unit of the wrong kind.
      { code: "SHEET_CELL_UNIT_MISMATCH", sheet: "嘉兴表", cell: "E4" },
    ]);
    expect(s.issues.find((i) => i.cell === "D3")!.en).toBe('嘉兴表!D3: land in use is not a number ("约50")');
  });

  test("a table with output but no land column", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "产值"],
        ["A园", 10],
      ]),
    );
    expect(errors(s)).toEqual([{ code: "SHEET_NO_LAND_COLUMN", sheet: "嘉兴表", cell: "A1" }]);
  });
});

describe("readPlatformSheet: a header with nothing under it", () => {
  test("is fatal, at the header row", () => {
    const s = readPlatformSheet(grid([["嘉兴平台"], ["平台名称", "用地面积", "产值"], [], [], ["注：待填报"]]));
    expect(errors(s)).toEqual([{ code: "SHEET_NO_ROWS", sheet: "嘉兴表", cell: "A2" }]);
  });
});
