/** 口径 and price basis of money columns, and the consistency report (issue 13 item 3). */
import { describe, expect, test } from "vitest";
import { parseScenario } from "../../../models/scenario.js";
import { inputFor } from "../../../src/pipeline/loadPlatforms.js";
import { JUMP_FACTOR, PER_MU_LIMITS, readPlatformSheet } from "../../../src/workbook/sheet/index.js";
import { codes, grid } from "./helpers.js";

describe("口径", () => {
  test("工业总产值 is 全口径: read as 规上 output with a note naming the header cell", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "工业总产值", "工业增加值", "税收"],
        ["A园", 1000, 50, 10, 2],
      ]),
    );
    expect(s.columns.map((c) => [c.field, c.scope])).toEqual([
      ["name", null],
      ["land", null],
      ["output", "全口径"],
      ["valueAdded", "全口径"],
      ["tax", null],
    ]);
    expect(s.platforms[0].output).toBe(50);
    expect(codes(s, "warning")).toEqual(["SHEET_OUTPUT_SCOPE@C1", "SHEET_OUTPUT_SCOPE@D1", "SHEET_MISSING_COLUMNS@null"]);
    expect(s.issues[0].zh).toBe(
      '嘉兴表!C1：列“工业总产值”不是规上口径，按规上工业产值读取；如确为规上数据，可在表上方注明“口径：规上”，或在情景中设 inputs.outputScope: "accept"',
    );
    expect(s.fatal).toBe(false);
  });

  test("规上 in the header, or a 口径 note above the table, gives 规上 without a note", () => {
    const a = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "规模以上工业总产值", "规上工业增加值"],
        ["A园", 1000, 50, 10],
      ]),
    );
    expect(a.columns.filter((c) => c.scope !== null).map((c) => c.scope)).toEqual(["规上", "规上"]);
    expect(codes(a)).not.toContain("SHEET_OUTPUT_SCOPE@C1");
    const b = readPlatformSheet(
      grid([["统计口径：规模以上工业企业"], ["平台名称", "用地面积", "工业总产值", "税收"], ["A园", 1000, 50, 2]]),
    );
    expect(b.columns.map((c) => c.scope)).toEqual([null, null, "规上", "规上"]);
    expect(b.issues.map((i) => i.code)).not.toContain("SHEET_OUTPUT_SCOPE");
    // 全口径 stated in the header: the same note.
    const c = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "全口径工业产值（亿元）"],
        ["A园", 1000, 50],
      ]),
    );
    expect(c.columns[2]).toMatchObject({ field: "output", scope: "全口径", unit: "亿元" });
    expect(codes(c)).toContain("SHEET_OUTPUT_SCOPE@C1");
  });

  test('a scenario with inputs.outputScope "accept" drops the note; other values are refused', () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "工业总产值"],
        ["A园", 1000, 50],
      ]),
    );
    expect(inputFor(s, { inputs: { outputScope: "accept" } }).issues.map((i) => i.code)).toEqual(["SHEET_MISSING_COLUMNS"]);
    expect(inputFor(s, { inputs: { outputScope: "note" } }).issues.map((i) => i.code)).toContain("SHEET_OUTPUT_SCOPE");
    expect(parseScenario({ inputs: { outputScope: "accept" } }).inputs).toEqual({ outputScope: "accept" });
    expect(() => parseScenario({ inputs: { outputScope: "yes" } })).toThrow(/inputs\.outputScope/);
    expect(parseScenario({}).inputs).toBeUndefined();
  });
});

describe("现价 / 可比价", () => {
  test("from the header: （可比价） beside the unit is not an unknown unit", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值（亿元，可比价）", "税收（现价）"],
        ["A园", 1000, 50, 2],
      ]),
    );
    expect(s.columns.map((c) => c.prices)).toEqual([null, null, "可比价", "现价"]);
    expect(s.prices).toBe("可比价");
    expect(codes(s)).not.toContain("SHEET_UNKNOWN_UNIT@C1");
    expect(codes(s)).toContain("SHEET_MIXED_PRICES@D1");
    expect(s.columns[2].unit).toBe("亿元");
  });

  test("from a note above the table; none stated: null (the scenario's prices.basis applies)", () => {
    const s = readPlatformSheet(
      grid([["平台情况（2017年，按可比价计算）"], ["单位：亿元"], ["平台名称", "用地面积", "产值", "税收"], ["A园", 1000, 50, 2]]),
    );
    expect(s.prices).toBe("可比价");
    expect(s.baseYear).toBe(2017);
    expect(s.columns.filter((c) => c.prices).map((c) => c.field)).toEqual(["output", "tax"]);
    const none = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值"],
        ["A园", 1000, 50],
      ]),
    );
    expect(none.prices).toBeNull();
    expect(parseScenario({ prices: { basis: "comparable" } }).prices).toEqual({ inflation: 0, basis: "comparable" });
    expect(parseScenario({}).prices.basis).toBeUndefined();
  });
});

describe("consistency report", () => {
  test("亩均产出 and 亩均税收 outside their ranges: one note each, naming every platform's cells", () => {
    // A园: 50 亿 on 1000 亩 = 500 万元/亩 (fine); B园: 50 亿 on 50 亩 = 10000; C园: 0.2 亿 on 1000 亩 = 2; D园's tax 0.01 亿 on 1000 亩 = 0.1.
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "税收"],
        ["A园", 1000, 50, 2],
        ["B园", 50, 50, 1],
        ["C园", 1000, 0.2, 0.05],
        ["D园", 1000, 20, 0.01],
      ]),
    );
    expect(PER_MU_LIMITS).toEqual({ outputPerMu: { low: 5, high: 5000 }, taxPerMu: { low: 0.2, high: 400 } });
    const out = s.issues.find((i) => i.code === "SHEET_OUTPUT_PER_MU_IMPLAUSIBLE")!;
    expect(out.zh).toBe(
      "嘉兴表：亩均产出超出合理范围 5–5000 万元/亩：“B园”10000（C3，对照 B3）、“C园”2（C4，对照 B4）（万元/亩），请检查金额与用地的单位",
    );
    const tax = s.issues.find((i) => i.code === "SHEET_TAX_PER_MU_IMPLAUSIBLE")!;
    // B园: 1 亿 on 50 亩 = 200 (fine); C园: 0.05 亿 on 1000 亩 = 0.5 (fine); D园 0.1.
    expect(tax.en).toBe(
      '嘉兴表: tax per mu outside a plausible 0.2–400 万元/亩: "D园" 0.1 (D5, see B5) (万元/亩); check the units of the amounts and the land',
    );
  });

  test("tax above value added (below output) is a warning at the tax cell; above output only the model's warning", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "增加值", "税收"],
        ["A园", 1000, 50, 10, 12],
        ["B园", 1000, 50, 10, 60],
      ]),
    );
    expect(codes(s).filter((c) => c.includes("TAX_ABOVE"))).toEqual(["SHEET_TAX_ABOVE_OUTPUT@E3", "SHEET_TAX_ABOVE_VALUE_ADDED@E2"]);
    expect(s.issues.find((i) => i.code === "SHEET_TAX_ABOVE_VALUE_ADDED")!.zh).toBe(
      "嘉兴表!E2：税收（12 亿元）大于规上工业增加值（10 亿元），请检查单位（对照 嘉兴表!D2）",
    );
  });

  test("value added above output stays the model's error", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "增加值"],
        ["A园", 1000, 50, 60],
      ]),
    );
    expect(codes(s, "error")).toEqual(["SHEET_EXCEEDS_TOTAL@D2"]);
  });

  test("a year-on-year jump of output or land beyond ×3 or ÷3 names both years' cells", () => {
    expect(JUMP_FACTOR).toBe(3);
    const s = readPlatformSheet(
      grid([
        ["平台名称", "2015年用地面积", "2015年产值", "2016年用地面积", "2016年产值", "2017年用地面积", "2017年产值"],
        // Output 10 → 40 (×4); land 1000 → 1100 → 300 (÷3.667).
        ["A园", 1000, 10, 1100, 40, 300, 45],
        // ×3 exactly is not a jump.
        ["B园", 1000, 10, 1000, 30, 1000, 30],
      ]),
    );
    expect(s.issues.filter((i) => i.code === "SHEET_YEAR_JUMP").map((i) => [i.cell, i.en])).toEqual([
      [
        "E2",
        '嘉兴表!E2: platform "A园": output goes from 10 亿元 in 2015 to 40 亿元 in 2016 (×4), beyond a factor of 3; check it (see 嘉兴表!C2)',
      ],
      [
        "F2",
        '嘉兴表!F2: platform "A园": land in use goes from 1100 亩 in 2016 to 300 亩 in 2017 (÷3.667), beyond a factor of 3; check it (see 嘉兴表!D2)',
      ],
    ]);
  });
});
