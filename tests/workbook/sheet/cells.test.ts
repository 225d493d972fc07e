import { describe, expect, test } from "vitest";
import { isFootnoteText, isTotalText, parseLevel, parseNumber, parseStatus } from "../../../src/workbook/sheet/cells.js";

const num = (value: number, percent = false) => ({ kind: "number", value, percent });

describe("parseNumber(value, format)", () => {
  test("reads numbers stored as text with separators and full-width digits", () => {
    expect(parseNumber("1,234.5")).toEqual(num(1234.5));
    expect(parseNumber("１２３")).toEqual(num(123));
    expect(parseNumber("1 234")).toEqual(num(1234));
    expect(parseNumber(" -12.5 ")).toEqual(num(-12.5));
  });

  test("percent text is a fraction; a % number format marks a fraction", () => {
    expect(parseNumber("45%")).toEqual(num(0.45, true));
    expect(parseNumber("４５％")).toEqual(num(0.45, true));
    expect(parseNumber(0.45, "0%")).toEqual(num(0.45, true));
    expect(parseNumber(0.45, "0.00")).toEqual(num(0.45));
    // A quoted % is literal text in a number format: Excel does not scale the value.
    expect(parseNumber(45, '0"%"')).toEqual(num(45));
  });

  test("blank and dashes mean no value; errors and junk are told apart", () => {
    expect(parseNumber(null)).toEqual({ kind: "blank" });
    expect(parseNumber("  ")).toEqual({ kind: "blank" });
    for (const d of ["-", "—", "/", "——"]) expect(parseNumber(d)).toEqual({ kind: "dash" });
    expect(parseNumber({ error: "#N/A" })).toEqual({ kind: "error", error: "#N/A" });
    expect(parseNumber("#DIV/0!")).toEqual({ kind: "error", error: "#DIV/0!" });
    expect(parseNumber("约50")).toEqual({ kind: "invalid", text: "约50" });
    expect(parseNumber("1,23")).toEqual({ kind: "invalid", text: "1,23" });
    expect(parseNumber(true)).toEqual({ kind: "invalid", text: "true" });
  });
});

describe("parseLevel / parseStatus", () => {
  test("levels in Chinese and English", () => {
    expect(["国家级", "省级", "市级", "县级", "乡镇级", "镇级", "街道", "Provincial"].map(parseLevel)).toEqual([
      "national",
      "provincial",
      "municipal",
      "county",
      "township",
      "township",
      "township",
      "provincial",
    ]);
    expect(parseLevel("其他")).toBeUndefined();
  });

  test("statuses, with the words that decide between them", () => {
    const cases: [string, string][] = [
      ["主平台", "main"],
      ["重大平台", "main"],
      ["核心区", "main"],
      ["分区", "subPark"],
      ["分园", "subPark"],
      ["整合托管型", "subPark"],
      ["纳入主平台", "subPark"],
      ["保留", "kept"],
      ["保留提升型", "kept"],
      ["退出", "exit"],
      ["逐步退出型", "exit"],
      ["撤销", "exit"],
      ["关停", "exit"],
      ["转型", "transform"],
      ["转为创新型", "transform"],
      ["Main", "main"],
      ["sub-park", "subPark"],
      ["Kept", "kept"],
      ["exit", "exit"],
      ["Transform", "transform"],
    ];
    expect(cases.map(([t]) => parseStatus(t))).toEqual(cases.map(([, s]) => s));
    expect(parseStatus("待定")).toBeUndefined();
  });
});

describe("isTotalText / isFootnoteText", () => {
  test("totals and subtotals", () => {
    expect(["合计", "南湖区小计", "总计", "全市", "Total", "Subtotal"].every(isTotalText)).toBe(true);
    expect(isTotalText("嘉兴经济技术开发区")).toBe(false);
    expect(isTotalText("Totalwise Park")).toBe(false);
  });

  test("footnotes", () => {
    expect(
      ["注：单位为亿元", "注1：", "说明：数据为快报数", "资料来源：统计局", "Note: estimated", "Source: NBS"].every(isFootnoteText),
    ).toBe(true);
    expect(isFootnoteText("注塑产业园")).toBe(false);
  });
});
