/** readPlatformSheet on the values in the cells: percentages, statuses, error cells, warnings. */
import { describe, expect, test } from "vitest";
import { readPlatformSheet } from "../../../src/workbook/sheet/index.js";
import { byName, codes, grid } from "./helpers.js";

describe("readPlatformSheet: percentages", () => {
  test("45% text, 0.45 with a % format and 45 in a (%) column all read as 0.45", () => {
    const s = readPlatformSheet(
      grid(
        [
          ["平台名称", "用地面积", "产值", "R&D占比（%）"],
          ["A园", 100, 200, 45],
          ["B园", 100, 200, "45%"],
          ["C园", 100, 200, 0.45],
        ],
        { formats: [[], [], [], [null, null, null, "0%"]] },
      ),
    );
    // rd = share × output = 0.45 × 200
    expect(s.platforms.map((p) => p.rd)).toEqual([90, 90, 90]);
  });

  test("a share column without %: values ≤ 1 are fractions; values above 1 make the column percentages", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "增加值", "高新技术产业占比", "研发投入强度"],
        ["A园", 100, 200, 40, 0.45, 2.5],
        ["B园", 100, 200, 40, 0.5, 0.8],
      ]),
    );
    expect(byName(s, "A园").highTechValueAdded).toBeCloseTo(18, 12); // 0.45 × 40
    expect(byName(s, "B园").highTechValueAdded).toBeCloseTo(20, 12);
    expect(byName(s, "A园").rd).toBeCloseTo(5, 12); // 2.5% × 200
    expect(byName(s, "B园").rd).toBeCloseTo(1.6, 12); // 0.8% × 200
    expect(codes(s, "warning")).toContain("SHEET_SHARE_AS_PERCENT@F1");
  });
});

describe("readPlatformSheet: statuses and 整合去向", () => {
  test("blank status is kept, or a sub-park when 整合去向 is set; names match up to spaces and full width", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "整合类型", "整合去向", "退出年份", "用地面积", "产值"],
        ["嘉兴经开区", "主平台", null, null, 100, 10],
        ["A园", null, "嘉兴 经开区", null, 50, 5],
        ["B园", null, null, null, 20, 2],
        ["C园", "逐步退出型", "嘉兴经开区", "2020年", 10, 1],
      ]),
    );
    expect(s.platforms.map((p) => [p.name, p.status, p.mainPlatform, p.exitYear])).toEqual([
      ["嘉兴经开区", "main", null, null],
      ["A园", "subPark", "嘉兴经开区", null],
      ["B园", "kept", null, null],
      ["C园", "exit", "嘉兴经开区", 2020],
    ]);
    expect(s.fatal).toBe(false);
  });

  test("unknown level and status text are warnings; dashes are blanks without a warning", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "级别", "类型", "用地面积", "产值", "税收"],
        ["A园", "特级", "待定", 100, 10, "—"],
      ]),
    );
    expect(byName(s, "A园")).toMatchObject({ level: null, status: "kept", tax: null });
    expect(codes(s)).toEqual(["SHEET_UNKNOWN_LEVEL@B2", "SHEET_UNKNOWN_STATUS@C2", "SHEET_MISSING_COLUMNS@null"]);
    expect(s.fatal).toBe(false);
  });

  test("a total row, a blank indicator and an empty named row are warnings", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "增加值"],
        ["A园", 100, 10, null],
        ["嘉兴市", null, null, null],
        ["Total", 100, 10, 2],
      ]),
    );
    expect(codes(s)).toEqual(["SHEET_TOTAL_ROW@A4", "SHEET_MISSING_VALUE@D2", "SHEET_EMPTY_ROW@A3", "SHEET_MISSING_COLUMNS@null"]);
    expect(s.platforms.map((p) => p.name)).toEqual(["A园"]);
  });
});

describe("readPlatformSheet: error cells", () => {
  test("an error in an optional column is a warning naming the cell; in output it is fatal", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "增加值"],
        ["A园", 100, 10, { error: "#N/A" }],
        ["B园", 100, { error: "#DIV/0!" }, 3],
      ]),
    );
    expect(byName(s, "A园").valueAdded).toBeNull();
    expect(s.issues.filter((i) => i.code === "SHEET_CELL_ERROR").map((i) => [i.severity, i.cell, i.zh])).toEqual([
      ["warning", "D2", "嘉兴表!D2：规上工业增加值单元格为错误值 #N/A，按空值处理"],
      ["error", "C3", "嘉兴表!C3：规上工业产值单元格为错误值 #DIV/0!，按空值处理"],
    ]);
    expect(s.fatal).toBe(true);
  });
});
