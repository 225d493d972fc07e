/**
 * Numbers that are impossible or implausible, each named by its cell: the model's checks
 * (models/validate.ts) mapped back to the sheet, shares above 100 %, and the 整合去向 rules.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../../models/simulate.js";
import { cellOf, formatIssue, locateWarnings, readPlatformSheet, type PlatformSheet } from "../../../src/workbook/sheet/index.js";
import { codes, grid } from "./helpers.js";

const issue = (s: PlatformSheet, cell: string) => s.issues.find((i) => i.cell === cell)!;
/** Issues at a cell (the sheet-wide "missing columns" note left out). */
const cellCodes = (s: PlatformSheet, severity?: "error") => codes(s, severity).filter((c) => !c.endsWith("@null"));

describe("readPlatformSheet: values out of range", () => {
  test("non-finite after conversion: 1e308 公顷 (×15) and the text 1e400", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "工业用地面积（公顷）", "产值（亿元）"],
        ["A园", 1e308, 10],
        ["B园", 10, "1e400"],
      ]),
    );
    expect(cellCodes(s, "error")).toEqual(["SHEET_NON_FINITE@B2", "SHEET_NON_FINITE@C3"]);
    expect(formatIssue(issue(s, "B2"))).toBe(
      "嘉兴表!B2：工业用地面积换算为模型单位后超出可计算范围（Infinity） / 嘉兴表!B2: land in use is out of the computable range after unit conversion (Infinity)",
    );
    expect(s.fatal).toBe(true);
  });

  test("beyond the limits: an error above 10⁶ 亿元, a warning above 5×10⁵ 亩", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值（万元）"],
        ["A园", 600_000, 35_000_000_000],
        ["B园", 100, 12],
      ]),
    );
    // 35,000,000,000 万元 = 3,500,000 亿元.
    expect(cellCodes(s)).toEqual(["SHEET_IMPOSSIBLE@C2", "SHEET_IMPLAUSIBLE@B2"]);
    expect(issue(s, "C2").zh).toBe("嘉兴表!C2：规上工业产值为 3500000 亿元，超过任何平台可能的上限 1000000 亿元，请检查单位");
    expect(issue(s, "B2")).toMatchObject({
      severity: "warning",
      en: "嘉兴表!B2: land in use is 600000 亩, beyond a plausible 500000 亩; check the unit",
    });
  });

  test("developable land below land in use: a warning naming both cells", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "可开发空间", "工业用地面积", "产值"],
        ["A园", 800, 1000, 10],
      ]),
    );
    expect(cellCodes(s)).toEqual(["SHEET_DEVELOPABLE_BELOW_LAND@B2"]);
    expect(issue(s, "B2").en).toBe(
      "嘉兴表!B2: developable land (800 亩) is below land in use (1000 亩): the model takes it as no headroom, grants no new land and takes in no relocated output; the land in use stays as it is (see 嘉兴表!C2)",
    );
    expect(s.fatal).toBe(false);
  });

  test("tax above output is a warning, value added above output an error, each naming the output cell", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "增加值", "税收"],
        ["A园", 10, 100, 20, 120],
        ["B园", 10, 100, 130, 5],
      ]),
    );
    expect(cellCodes(s)).toEqual(["SHEET_TAX_ABOVE_OUTPUT@E2", "SHEET_EXCEEDS_TOTAL@D3"]);
    expect(issue(s, "E2").zh).toBe("嘉兴表!E2：税收（120 亿元）大于规上工业产值（100 亿元），请检查单位（对照 嘉兴表!C2）");
    expect(issue(s, "D3")).toMatchObject({
      severity: "error",
      en: "嘉兴表!D3: value added (130 亿元) exceeds output (100 亿元), which cannot be (see 嘉兴表!C3)",
    });
  });
});

describe("readPlatformSheet: shares", () => {
  test("above 100 % (150 in a (%) column, 120% as text) is an error; negative too", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "R&D占比（%）"],
        ["A园", 10, 100, 150],
        ["B园", 10, 100, -3],
        ["C园", 10, 100, "120%"],
        ["D园", 10, 100, 100],
      ]),
    );
    expect(cellCodes(s)).toEqual(["SHEET_SHARE_ABOVE_100@D2", "SHEET_NEGATIVE_RD_SHARE@D3", "SHEET_SHARE_ABOVE_100@D4"]);
    expect(formatIssue(issue(s, "D2"))).toBe("嘉兴表!D2：R&D占比为 150%，超过 100% / 嘉兴表!D2: R&D share is 150%, above 100 %");
    expect(s.platforms.map((p) => p.rd)).toEqual([null, null, null, 100]);
  });

  test("a fraction column read as percentages because of a value above 1 still catches 150", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "高新技术产业增加值占比", "增加值"],
        ["A园", 10, 100, 45, 20],
        ["B园", 10, 100, 150, 20],
      ]),
    );
    expect(cellCodes(s)).toEqual(["SHEET_SHARE_AS_PERCENT@D1", "SHEET_SHARE_ABOVE_100@D3"]);
    expect(s.platforms[0].highTechValueAdded).toBeCloseTo(9, 12);
  });
});

describe("readPlatformSheet: 整合去向", () => {
  const HEAD = ["平台名称", "整合类型", "整合去向", "工业用地面积", "产值"];
  const s = readPlatformSheet(
    grid([
      HEAD,
      ["主A", "主平台", "分B", 10, 1],
      ["分B", "分区", "主A", 10, 1],
      ["分C", "分区", "分B", 10, 1],
      ["自D", "分区", "自D", 10, 1],
      ["退E", "退出", "退F", 10, 1],
      ["退F", "退出", null, 10, 1],
      ["分G", "分区", "退F", 10, 1],
      ["留H", "保留", "主A", 10, 1],
      ["分I", "分区", "不存在", 10, 1],
    ]),
  );

  test("cycles, self-merges, chains, exiting and unknown targets are errors at the 整合去向 cell", () => {
    expect(cellCodes(s)).toEqual([
      "SHEET_MAIN_INTO_OWN_SUBPARK@C2",
      "SHEET_SUBPARK_CHAIN@C4",
      "SHEET_MERGED_INTO_ITSELF@C5",
      "SHEET_MERGED_INTO_EXIT@C6",
      "SHEET_MERGED_INTO_EXIT@C8",
      "SHEET_UNKNOWN_MAIN@C10",
    ]);
    expect(s.issues.filter((i) => i.cell !== null).every((i) => i.severity === "error")).toBe(true);
  });

  test("the messages name the target's cell", () => {
    expect(formatIssue(issue(s, "C2"))).toBe(
      '嘉兴表!C2：主平台“主A”的整合去向是它自己的分区“分B”（嘉兴表!A3），形成循环 / 嘉兴表!C2: main platform "主A" is merged into its own sub-park "分B" (嘉兴表!A3): a cycle',
    );
    expect(issue(s, "C4").zh).toBe("嘉兴表!C4：分区“分C”的整合去向“分B”（嘉兴表!A3）本身是分区；分区只能并入主平台");
    expect(issue(s, "C6").en).toBe('嘉兴表!C6: "退E" merges into "退F" (嘉兴表!A7), which is itself marked exit');
  });
});

describe("readPlatformSheet: an unknown 整合去向 outside a sub-park", () => {
  test("is a warning saying what the model does with it", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "整合类型", "整合去向", "工业用地面积", "产值"],
        ["主A", "主平台", null, 10, 1],
        ["退B", "退出", "外市平台", 10, 1],
        ["留C", "保留", "外市平台", 10, 1],
      ]),
    );
    expect(cellCodes(s)).toEqual(["SHEET_UNKNOWN_MAIN@C3", "SHEET_UNKNOWN_MAIN@C4"]);
    expect(issue(s, "C3").zh).toBe("嘉兴表!C3：整合去向“外市平台”不是本表中的平台，迁移产值按本县最大的主平台承接计算");
    expect(issue(s, "C4").en).toBe(
      '嘉兴表!C4: "外市平台" (merged into) is not a platform of this sheet; the model does not use the 整合去向 of a kept platform',
    );
    expect(s.fatal).toBe(false);
  });
});

describe("cellOf and locateWarnings", () => {
  const s = readPlatformSheet(
    grid([
      ["平台名称", "整合类型", "退出年份", "工业用地面积", "产值", "R&D占比"],
      ["主A", "主平台", null, 100, 10, 0.02],
      ["退B", "退出", 2019, 10, 1, null],
    ]),
  );

  test("cellOf finds a field's cell, a derived field's share column, and null for what is not there", () => {
    expect(cellOf(s, "退B", "exitYear")).toBe("C3");
    expect(cellOf(s, "主A", "rd")).toBe("F2");
    expect(cellOf(s, "主A", "tax")).toBeNull();
    expect(cellOf(s, "丙", "land")).toBeNull();
    // Plain data: a JSON copy (the pane's state, a stored run) answers the same.
    expect(cellOf(JSON.parse(JSON.stringify(s)) as PlatformSheet, "退B", "land")).toBe("D3");
  });

  test("an exit year not after the scenario's base year: the model's note names the cell", () => {
    const result = simulate(s.platforms, { baseYear: 2020, horizon: 2022 });
    const [w] = locateWarnings(result.warnings, s).filter((x) => x.code === "EXIT_BEFORE_BASE");
    expect(w.zh).toBe("嘉兴表!C3：平台“退B”退出年份 2019 不晚于基年 2020，按 2021 年退出计算");
    expect(w.en).toBe('嘉兴表!C3: platform "退B": exit year 2019 is not after the base year 2020; treated as 2021');
    // Warnings about the whole sheet stay as they were.
    const other = result.warnings.filter((x) => x.platform === null);
    expect(locateWarnings(other, s)).toEqual(other);
  });
});
