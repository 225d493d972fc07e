/** Units written inside value cells ("120亩", "3.5 万元", "2公顷") override the column's unit for that cell. */
import { describe, expect, test } from "vitest";
import { parseNumber } from "../../../src/workbook/sheet/cells.js";
import { formatIssue, readPlatformSheet } from "../../../src/workbook/sheet/index.js";
import { byName, codes, grid } from "./helpers.js";

describe("parseNumber: a unit after the number", () => {
  test("known units are split off; the value is the number as written", () => {
    expect(parseNumber("120亩")).toEqual({ kind: "number", value: 120, percent: false, unit: "亩" });
    expect(parseNumber("3.5 万元")).toEqual({ kind: "number", value: 3.5, percent: false, unit: "万元" });
    expect(parseNumber("2公顷")).toEqual({ kind: "number", value: 2, percent: false, unit: "公顷" });
    expect(parseNumber("1,200 吨标煤")).toEqual({ kind: "number", value: 1200, percent: false, unit: "吨标煤" });
    expect(parseNumber("１２０亩")).toEqual({ kind: "number", value: 120, percent: false, unit: "亩" });
    expect(parseNumber("2 km²")).toEqual({ kind: "number", value: 2, percent: false, unit: "平方公里" });
    expect(parseNumber("-3亿")).toEqual({ kind: "number", value: -3, percent: false, unit: "亿元" });
    expect(parseNumber("45%")).toEqual({ kind: "number", value: 0.45, percent: true });
  });

  test("unknown units, text before the number and exponents are as before", () => {
    expect(parseNumber("50万人")).toEqual({ kind: "invalid", text: "50万人" });
    expect(parseNumber("2017年")).toEqual({ kind: "invalid", text: "2017年" });
    expect(parseNumber("约50亩")).toEqual({ kind: "invalid", text: "约50亩" });
    expect(parseNumber("1,23亩")).toEqual({ kind: "invalid", text: "1,23亩" });
    expect(parseNumber("1e3")).toEqual({ kind: "number", value: 1000, percent: false });
    expect(parseNumber(120)).toEqual({ kind: "number", value: 120, percent: false });
  });
});

describe("readPlatformSheet: units written in cells", () => {
  const HEAD = ["平台名称", "工业用地面积（亩）", "规上工业产值（亿元）", "能耗（万吨标煤）", "R&D占比"];

  test("the cell's unit converts to the model's unit, overriding the column's", () => {
    const s = readPlatformSheet(
      grid([
        HEAD,
        ["A园", "2公顷", "3500万元", "5000吨标煤", "45%"],
        ["B园", "120亩", "3.5 亿元", "1,200 吨标煤", 0.5],
        ["C园", 100, 20, 3, 0.2],
      ]),
    );
    expect(codes(s, "error")).toEqual([]);
    const a = byName(s, "A园");
    expect(a.land).toBeCloseTo(30, 9); // 2 公顷 × 15 亩
    expect(a.output).toBe(0.35); // 3500 万元 / 1e4
    expect(a.energy).toBe(0.5); // 5000 吨标煤 / 1e4
    expect(a.rd).toBeCloseTo(0.1575, 12); // 45% × 0.35 亿元
    expect(byName(s, "B园")).toMatchObject({ land: 120, output: 3.5, energy: 0.12, rd: 1.75 });
    // Plain numbers keep the column's unit.
    expect(byName(s, "C园")).toMatchObject({ land: 100, output: 20, energy: 3, rd: 4 });
    expect(codes(s, "warning")).not.toContain("SHEET_SHARE_AS_PERCENT@E1");
  });

  test("a cell unit also overrides a column in 万元 or 公顷", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积（公顷）", "产值（万元）"],
        ["A园", "150亩", "2亿元"],
        ["B园", 10, "3500"],
      ]),
    );
    expect(byName(s, "A园")).toMatchObject({ land: 150, output: 2 });
    expect(byName(s, "B园").land).toBeCloseTo(150, 9);
    expect(byName(s, "B园").output).toBe(0.35);
  });

  test("a unit of the wrong kind is an error naming the cell, in Chinese and English", () => {
    const s = readPlatformSheet(grid([HEAD, ["A园", 100, "120亩", 3, 0.1], ["B园", "3万元", 20, "5亩", "2万元"]]));
    // Within a row the share is read first (rd is derived from it).
    expect(codes(s, "error")).toEqual([
      "SHEET_CELL_UNIT_MISMATCH@C2",
      "SHEET_CELL_UNIT_MISMATCH@E3",
      "SHEET_CELL_UNIT_MISMATCH@B3",
      "SHEET_CELL_UNIT_MISMATCH@D3",
    ]);
    expect(s.fatal).toBe(true);
    const c2 = s.issues.find((i) => i.cell === "C2")!;
    expect(c2).toMatchObject({ severity: "error", sheet: "嘉兴表" });
    expect(formatIssue(c2)).toBe(
      "嘉兴表!C2：规上工业产值“120亩”的单位与该列不符（该列为金额，“亩”不是金额单位） / " +
        '嘉兴表!C2: output "120亩": unit does not match the column (the column holds money; "亩" is not a unit of money)',
    );
    expect(s.issues.find((i) => i.cell === "B3")!.zh).toContain("单位与该列不符");
    expect(s.issues.find((i) => i.cell === "B3")!.en).toContain("unit does not match the column");
    // The bad cells are left out, and a land cell in 万元 is not also reported as missing land.
    expect(byName(s, "A园").output).toBe(0);
    expect(byName(s, "B园")).toMatchObject({ land: 0, energy: null, rd: null });
    expect(codes(s)).not.toContain("SHEET_OUTPUT_WITHOUT_LAND@B3");
  });

  test("a percentage in an amount column is a unit of the wrong kind; negative amounts with a unit are negative", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值"],
        ["A园", 100, "45%"],
        ["B园", "-2公顷", 1],
      ]),
    );
    expect(codes(s, "error")).toEqual(["SHEET_CELL_UNIT_MISMATCH@C2", "SHEET_NEGATIVE_LAND@B3"]);
  });
});
