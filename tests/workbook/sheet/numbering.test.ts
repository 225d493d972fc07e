/** A column-number row under the header (甲 乙 1 2 3 …, as statistical tables have) is skipped, never read. */
import { describe, expect, test } from "vitest";
import type { CellValue } from "../../../src/workbook/grid.js";
import { readPlatformSheet, type PlatformSheet } from "../../../src/workbook/sheet/index.js";
import { bodyStart, isNumberingRow } from "../../../src/workbook/sheet/numbering.js";
import { GridView } from "../../../src/workbook/sheet/view.js";
import { byName, codes, grid } from "./helpers.js";

/** isNumberingRow on a one-row grid. */
function numbering(row: CellValue[]): boolean {
  return isNumberingRow(new GridView(grid([row])), 0, 0, row.length - 1);
}

/** No issue names a cell of the given 1-based row. */
function silentAbout(s: PlatformSheet, row: number): boolean {
  return s.issues.every((i) => i.cell === null || Number(/\d+$/.exec(i.cell)![0]) !== row);
}

describe("isNumberingRow", () => {
  test("stems from 甲 in order, consecutive numbers as text, numbers, full width, brackets or sums", () => {
    expect(numbering(["甲", "乙", "丙"])).toBe(true);
    expect(numbering(["甲", "乙", 1, 2, 3])).toBe(true);
    expect(numbering(["甲", "乙", "１", "２", "３=１+２"])).toBe(true);
    expect(numbering(["（1）", "（2）", "(3)"])).toBe(true);
    expect(numbering(["栏次", "甲", "1", "2"])).toBe(true);
    expect(numbering(["序号", 1, 2, 3])).toBe(true);
    expect(numbering([null, "甲", null, "1", "2"])).toBe(true); // blanks between are fine
  });

  test("data and anything out of order are not numbering rows", () => {
    expect(numbering(["A园", 1, 2, 3])).toBe(false);
    expect(numbering(["甲", "丙", 1, 2])).toBe(false); // 乙 skipped
    expect(numbering(["甲", "乙", 1, 3])).toBe(false); // 2 skipped
    expect(numbering(["甲", 1, "乙"])).toBe(false); // stems come before the numbers
    expect(numbering([2, 1])).toBe(false);
    expect(numbering([0, 1])).toBe(false);
    expect(numbering(["甲"])).toBe(false); // a single cell
    expect(numbering([1])).toBe(false);
    expect(numbering(["1", "2", "栏次"])).toBe(false); // the label only comes first
    expect(numbering([1.5, 2.5])).toBe(false);
    expect(numbering([null, null])).toBe(false);
  });

  test("bodyStart skips a unit row and a numbering row in either order", () => {
    const at = (rows: CellValue[][]) => {
      const b = bodyStart(new GridView(grid(rows)), 1, 0, 2);
      return { units: b.units ? [...b.units] : null, start: b.start };
    };
    const head = ["平台名称", "用地面积", "产值"];
    expect(at([head, ["甲", 1, 2], ["A园", 1, 2]])).toEqual({ units: null, start: 2 });
    expect(at([head, ["单位", "公顷", "万元"], ["甲", 1, 2], ["A园", 1, 2]])).toEqual({
      units: [
        [1, "公顷"],
        [2, "万元"],
      ],
      start: 3,
    });
    expect(at([head, ["甲", 1, 2], ["单位", "公顷", "万元"], ["A园", 1, 2]])).toEqual({
      units: [
        [1, "公顷"],
        [2, "万元"],
      ],
      start: 3,
    });
    // Only one of each: a second numbering row would be data (here it is not a platform either way).
    expect(at([head, ["甲", 1, 2], ["甲", 1, 2]])).toEqual({ units: null, start: 2 });
    expect(at([head, ["A园", 1, 2]])).toEqual({ units: null, start: 1 });
  });
});

describe("readPlatformSheet: a column-number row under the header", () => {
  test("甲 乙 1 2 3 is skipped: no platform, no error, and no issue names row 2", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "所在县（市、区）", "工业用地面积（亩）", "规上工业产值（亿元）", "税收（亿元）"],
        ["甲", "乙", "1", "2", "3"],
        ["A园", "南湖区", 100, 20, 1],
        ["B园", "秀洲区", 50, 5, 0.5],
      ]),
    );
    expect(s.rows).toEqual([3, 4]);
    expect(s.platforms.map((p) => [p.name, p.land, p.output, p.tax])).toEqual([
      ["A园", 100, 20, 1],
      ["B园", 50, 5, 0.5],
    ]);
    expect(codes(s, "error")).toEqual([]);
    expect(s.fatal).toBe(false);
    expect(silentAbout(s, 2)).toBe(true);
  });

  test("with 栏次 or 序号 in the first cell, full-width numbers and brackets", () => {
    const a = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "能耗"],
        ["栏次", "１", "２", "３"],
        ["A园", 100, 20, 3],
      ]),
    );
    expect(a.rows).toEqual([3]);
    expect(byName(a, "A园")).toMatchObject({ land: 100, output: 20, energy: 3 });
    expect(silentAbout(a, 2)).toBe(true);

    const b = readPlatformSheet(
      grid([
        ["序号", "平台名称", "用地面积", "产值"],
        ["序号", "（1）", "（2）", "（3）"],
        [1, "A园", 100, 20],
        [2, "B园", 60, 6],
      ]),
    );
    expect(b.rows).toEqual([3, 4]);
    expect(b.platforms.map((p) => p.name)).toEqual(["A园", "B园"]);
    expect(codes(b, "error")).toEqual([]);
    expect(silentAbout(b, 2)).toBe(true);
  });

  test("after a unit row (the units still apply) and inside an Excel table", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值"],
        ["单位", "公顷", "万元"],
        ["甲", 1, 2],
        ["A园", 10, 5000],
      ]),
    );
    expect(s.rows).toEqual([4]);
    expect(byName(s, "A园").land).toBeCloseTo(150, 9); // 10 公顷 × 15
    expect(byName(s, "A园").output).toBe(0.5); // 5000 万元 / 1e4
    expect(silentAbout(s, 3)).toBe(true);

    const t = readPlatformSheet(
      grid([["嘉兴平台（2017年）"], ["平台名称", "用地面积", "产值", "备注"], ["甲", "1", "2", "乙"], ["A园", 100, 20, null]], {
        tables: { T1: "A2:D4" },
      }),
    );
    // 乙 after the numbers is out of order: the row is data, a platform named 甲 with land 1 and output 2.
    expect(t.rows).toEqual([3, 4]);

    const u = readPlatformSheet(
      grid([["嘉兴平台（2017年）"], ["平台名称", "用地面积", "产值", "备注"], ["甲", "1", "2", "3"], ["A园", 100, 20, null]], {
        tables: { T1: "A2:D4" },
      }),
    );
    expect(u).toMatchObject({ rows: [4], baseYear: 2017, fatal: false });
    expect(silentAbout(u, 3)).toBe(true);
  });

  test("a table whose only row under the header is the numbering row has no platform rows", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值"],
        ["甲", 1, 2],
      ]),
    );
    expect(codes(s, "error")).toEqual(["SHEET_NO_ROWS@A1"]);
    expect(s.platforms).toEqual([]);
  });
});
