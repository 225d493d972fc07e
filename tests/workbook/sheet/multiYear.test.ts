/**
 * Multi-year platform tables (issue 13): wide sheets (year in the header), long sheets (a 年份 column) and
 * one sheet per year read to the same platforms and history; the base year is the latest complete year;
 * re-basing; gaps, missing years and columns reported with cells; duplicate long rows fatal.
 */
import { describe, expect, test } from "vitest";
import type { Platform } from "../../../models/platform.js";
import type { CellValue } from "../../../src/workbook/grid.js";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook.js";
import { inputFor, loadPlatforms } from "../../../src/pipeline/loadPlatforms.js";
import { inputHash } from "../../../src/pipeline/inputHash.js";
import { runScenario } from "../../../src/pipeline/runScenario.js";
import { platformsAt, readPlatformSheet, readYearSheets, sheetAt, type PlatformSheet } from "../../../src/workbook/sheet/index.js";
import { byName, codes, grid } from "./helpers.js";

/** land 亩, output 亿元, tax 亿元 of each platform, 2015–2017. */
const DATA: Record<string, { county: string; years: Record<number, [number, number, number]> }> = {
  A园: { county: "南湖区", years: { 2015: [1000, 50, 2], 2016: [1100, 55, 2.2], 2017: [1200, 60, 2.5] } },
  B园: { county: "秀洲区", years: { 2015: [500, 20, 1], 2016: [520, 22, 1.1], 2017: [550, 25, 1.2] } },
};
const YEARS = [2015, 2016, 2017];
const NAMES = Object.keys(DATA);
const FIELDS = ["工业用地面积", "规上工业产值", "税收"];
const figures = (name: string, y: number) => DATA[name].years[y];

/** The platforms every layout must give: 2017's figures, 2015 and 2016 as history (cells and rows left out). */
const CANONICAL = NAMES.map((name) => ({
  name,
  county: DATA[name].county,
  land: figures(name, 2017)[0],
  output: figures(name, 2017)[1],
  tax: figures(name, 2017)[2],
  history: [2015, 2016].map((year) => ({
    year,
    figures: { land: figures(name, year)[0], output: figures(name, year)[1], tax: figures(name, year)[2] },
  })),
}));

/** Platforms without where they were read, for comparing layouts. */
function canonical(s: PlatformSheet) {
  return s.platforms.map((p: Platform) => ({
    name: p.name,
    county: p.county,
    land: p.land,
    output: p.output,
    tax: p.tax,
    history: (p.history ?? []).map((h) => ({ year: h.year, figures: h.figures })),
  }));
}

const wideRows = (): CellValue[][] => NAMES.map((n) => [n, DATA[n].county, ...YEARS.flatMap((y) => figures(n, y))]);

const WIDE_PREFIX = grid([["平台名称", "所在县（市、区）", ...YEARS.flatMap((y) => FIELDS.map((f) => `${y}年${f}`))], ...wideRows()]);
const WIDE_BRACKET = grid([
  [
    "平台名称",
    "所在县（市、区）",
    ...YEARS.flatMap((y) => ["用地面积（亩）", "产值（亿元）", "税收（亿元）"].map((f) => f.replace("）", `，${y}）`))),
  ],
  ...wideRows(),
]);
const WIDE_BRACKET_YEAR_ONLY = grid([
  ["平台名称", "所在县（市、区）", ...YEARS.flatMap((y) => ["用地面积", "产值", "税收"].map((f) => `${f}（${y}）`))],
  ...wideRows(),
]);
const WIDE_TWO_ROWS = grid(
  [
    ["平台名称", "所在县（市、区）", "2015年", null, null, "2016年", null, null, "2017年", null, null],
    [null, null, ...YEARS.flatMap(() => ["用地面积", "产值", "税收"])],
    ...wideRows(),
  ],
  { merges: ["A1:A2", "B1:B2", "C1:E1", "F1:H1", "I1:K1"] },
);
const LONG = grid([
  ["年份", "平台名称", "所在县（市、区）", "用地面积", "产值", "税收"],
  // Rows in any order: by platform, years descending.
  ...NAMES.flatMap((n) => [...YEARS].reverse().map((y) => [`${y}年`, n, DATA[n].county, ...figures(n, y)])),
]);
const yearSheet = (y: number, rows = NAMES) =>
  grid(
    [[`平台基本情况（${y}年）`], ["平台名称", "所在县（市、区）", ...FIELDS], ...rows.map((n) => [n, DATA[n].county, ...figures(n, y)])],
    {
      sheet: String(y),
    },
  );

describe("multi-year sheets: every layout reads to the same platforms and history", () => {
  test.each([
    ["wide, year before the label", WIDE_PREFIX],
    ["wide, year in brackets with the unit", WIDE_BRACKET],
    ["wide, year alone in brackets", WIDE_BRACKET_YEAR_ONLY],
    ["wide, a two-row header with the year as parent", WIDE_TWO_ROWS],
    ["long, a 年份 column", LONG],
  ])("%s", (_, g) => {
    const s = readPlatformSheet(g);
    expect(s.fatal).toBe(false);
    expect(s.issues.filter((i) => i.code !== "SHEET_MISSING_COLUMNS")).toEqual([]);
    expect(s.baseYear).toBe(2017);
    expect(canonical(s)).toEqual(CANONICAL);
    expect(s.panel?.map((y) => y.year)).toEqual(YEARS);
  });

  test("one sheet per year, read together", () => {
    const s = readYearSheets([yearSheet(2016), yearSheet(2017), yearSheet(2015)]);
    expect(s.fatal).toBe(false);
    expect(s.baseYear).toBe(2017);
    expect(s.sheet).toBe("2017");
    expect(canonical(s)).toEqual(CANONICAL);
    // History cells name the year's own sheet.
    expect(byName(s, "B园").history![0].cells).toEqual({ land: "2015!C4", output: "2015!D4", tax: "2015!E4" });
  });

  test("history cells of a wide sheet name that year's columns; the base year's columns are the sheet's", () => {
    const s = readPlatformSheet(WIDE_PREFIX);
    expect(byName(s, "A园").history![1].cells).toEqual({ land: "嘉兴表!F2", output: "嘉兴表!G2", tax: "嘉兴表!H2" });
    expect(s.columns.map((c) => [c.field, c.cell, c.year ?? null])).toEqual([
      ["name", "A1", null],
      ["county", "B1", null],
      ["land", "I1", 2017],
      ["output", "J1", 2017],
      ["tax", "K1", 2017],
    ]);
    expect(s.rows).toEqual([2, 3]);
  });

  test("a figure column without a year is on every year's platform, never in the history", () => {
    const s = readPlatformSheet(grid([[...WIDE_PREFIX.values[0], "增加值"], ...wideRows().map((r, i) => [...r, 10 + i])]));
    expect(s.baseYear).toBe(2017);
    expect(byName(s, "B园").valueAdded).toBe(11);
    expect(byName(s, "B园").history!.map((h) => Object.keys(h.figures))).toEqual([
      ["output", "land", "tax"],
      ["output", "land", "tax"],
    ]);
    expect(platformsAt(s, 2016).map((p) => p.valueAdded)).toEqual([10, 11]);
    expect(codes(s).filter((c) => c.startsWith("SHEET_YEAR_COLUMNS"))).toEqual([]);
  });

  test("the pipeline finds one sheet per year (by title or sheet name), and naming one sheet reads the set", async () => {
    const other = grid([["其他市平台（2018年）"], ["平台名称", "用地面积", "产值"], ["丙园", 10, 1]], { sheet: "外市" });
    const notes = grid([["说明"], ["数据来源：统计年鉴"]], { sheet: "说明" });
    const byName2016 = grid([["平台名称", "所在县（市、区）", ...FIELDS], ...NAMES.map((n) => [n, DATA[n].county, ...figures(n, 2016)])], {
      sheet: "平台2016",
    });
    const port = new MemoryWorkbook([notes, yearSheet(2015), byName2016, yearSheet(2017), other]);
    const s = await loadPlatforms(port);
    expect(s.panel?.map((y) => [y.year, y.sheet])).toEqual([
      [2015, "2015"],
      [2016, "平台2016"],
      [2017, "2017"],
    ]);
    expect(canonical(s)).toEqual(CANONICAL);
    // 外市 has a year of its own but none of these platforms: not one of the years.
    expect(canonical(await loadPlatforms(port, "2015"))).toEqual(CANONICAL);
    expect((await loadPlatforms(port, "外市")).panel).toBeUndefined();
  });

  test("a sheet of a year already read is left out with a warning", async () => {
    const copy = { ...yearSheet(2017), sheet: "2017 (2)" };
    const s = await loadPlatforms(new MemoryWorkbook([yearSheet(2016), yearSheet(2017), copy]));
    expect(s.panel?.map((y) => y.sheet)).toEqual(["2016", "2017"]);
    expect(codes(s)).toContain("SHEET_YEAR_SHEET_SKIPPED@null");
  });
});

describe("multi-year sheets: the base year", () => {
  // 2017 lacks B园's output: 2016 is the latest complete year.
  const rows = wideRows();
  rows[1][2 + 2 * 3 + 1] = null;
  const s = readPlatformSheet(grid([WIDE_PREFIX.values[0], ...rows]));

  test("is the latest year in which every platform has land and output", () => {
    expect(s.baseYear).toBe(2016);
    expect(byName(s, "A园")).toMatchObject({ land: 1100, output: 55, tax: 2.2 });
    expect(byName(s, "A园").history!.map((h) => h.year)).toEqual([2015]);
    const w = s.issues.find((i) => i.code === "SHEET_INCOMPLETE_YEAR")!;
    expect(w.cell).toBe("J3");
    expect(w.zh).toBe(
      "嘉兴表!J3：2017 年数据不完整（“B园”缺规上工业产值（J3）），基准年取 2016 年；2017 年不参与模拟（情景的 baseYear 可选该年）",
    );
    // The blank is a gap of 2017, not a 0 taken silently.
    expect(codes(s)).toContain("SHEET_HISTORY_GAP@J3");
    expect(codes(s)).not.toContain("SHEET_MISSING_OUTPUT@J3");
  });

  test("a scenario's baseYear re-bases to another year present, with the years before it as history", () => {
    const at2017 = sheetAt(s, 2017);
    expect(at2017.baseYear).toBe(2017);
    expect(byName(at2017, "A园")).toMatchObject({ land: 1200, output: 60 });
    expect(byName(at2017, "B园").output).toBe(0);
    expect(byName(at2017, "A园").history!.map((h) => [h.year, h.figures.output])).toEqual([
      [2015, 50],
      [2016, 55],
    ]);
    expect(at2017.columns.find((c) => c.field === "output")!.cell).toBe("J1");

    const at2015 = platformsAt(s, 2015);
    expect(at2015.map((p) => [p.name, p.land, p.output, p.tax])).toEqual([
      ["A园", 1000, 50, 2],
      ["B园", 500, 20, 1],
    ]);
    expect(at2015.every((p) => p.history === undefined)).toBe(true);
    // A year the sheet does not hold, or none: the sheet as read.
    expect(sheetAt(s, 2020)).toBe(s);
    expect(sheetAt(s, null)).toBe(s);
    expect(inputFor(s, { baseYear: 2015 }).platforms).toEqual(at2015);
    expect(inputFor(s, {})).toBe(s);
  });

  test("run: the scenario's baseYear picks the year the model starts from", async () => {
    const port = new MemoryWorkbook([{ ...grid([WIDE_PREFIX.values[0], ...wideRows()]), sheet: "平台" }]);
    const outcome = await runScenario(port, { scenario: { baseYear: 2016, horizon: 2018 }, write: false });
    const a = outcome.result.platforms.find((p) => p.name === "A园")!;
    expect(a.years[0]).toMatchObject({ year: 2016, output: 55, land: 1100 });
    expect(outcome.input.baseYear).toBe(2016);
    expect(outcome.inputHash).toBe(await inputHash(platformsAt(readPlatformSheet({ ...WIDE_PREFIX, sheet: "平台" }), 2016)));
  });

  test("when no year is complete, the most complete one (latest on ties), with a warning", () => {
    const long = grid([
      ["年份", "平台名称", "用地面积", "产值"],
      [2015, "A园", 100, 5],
      [2016, "A园", 110, 6],
      [2016, "B园", null, 2],
      [2017, "B园", 55, 3],
    ]);
    // Each year lacks one platform's land and output: 2017, the latest, is taken.
    const r = readPlatformSheet(long);
    expect(r.baseYear).toBe(2017);
    expect(r.platforms.map((p) => p.name)).toEqual(["B园"]);
    expect(byName(r, "B园").history).toEqual([{ year: 2016, figures: { output: 2 }, cells: { output: "嘉兴表!D4" } }]);
    expect(r.issues.find((i) => i.code === "SHEET_NO_COMPLETE_YEAR")!.zh).toBe(
      "嘉兴表：没有一个年份所有平台都有用地和产值；基准年取平台最全的 2017 年（“A园”无该年数据）",
    );
    expect(r.issues.filter((i) => i.code === "SHEET_YEAR_MISSING").map((i) => i.zh)).toEqual([
      "嘉兴表：平台“B园”没有 2015 年的数据（该平台见 嘉兴表!B5）",
      "嘉兴表：平台“A园”没有 2017 年的数据（该平台见 嘉兴表!B3），未计入模拟",
    ]);
    expect(codes(r)).toContain("SHEET_HISTORY_GAP@C4");
  });
});

describe("multi-year sheets: gaps, missing years, columns, duplicates", () => {
  test("a blank figure in an earlier year is a gap naming the cell; the history lacks it", () => {
    const rows = wideRows();
    rows[0][2 + 3 + 2] = null; // A园 2016 tax (H2)
    const s = readPlatformSheet(grid([WIDE_PREFIX.values[0], ...rows]));
    expect(s.baseYear).toBe(2017);
    const gap = s.issues.find((i) => i.code === "SHEET_HISTORY_GAP")!;
    expect(gap).toMatchObject({ severity: "warning", cell: "H2" });
    expect(gap.en).toBe('嘉兴表!H2: platform "A园": tax blank for 2016 (H2); missing for that year');
    expect(byName(s, "A园").history![1].figures).toEqual({ land: 1100, output: 55 });
    expect(codes(s)).not.toContain("SHEET_MISSING_VALUE@H2");
  });

  test("a platform missing in a year (wide: its cells of the year blank) is named with those cells", () => {
    const rows = wideRows();
    for (let c = 2; c < 5; c++) rows[1][c] = null; // B园 2015
    const s = readPlatformSheet(grid([WIDE_PREFIX.values[0], ...rows]));
    expect(s.baseYear).toBe(2017);
    expect(s.issues.find((i) => i.code === "SHEET_YEAR_MISSING")).toMatchObject({
      cell: "C3:E3",
      zh: "嘉兴表!C3:E3：平台“B园”没有 2015 年的数据（该年各列为空）",
    });
    expect(byName(s, "B园").history!.map((h) => h.year)).toEqual([2016]);
  });

  test("a platform missing in a year (long: no row) is named with its row in another year", () => {
    const s = readPlatformSheet(grid(LONG.values.filter((r) => !(r[0] === "2015年" && r[1] === "B园"))));
    expect(s.baseYear).toBe(2017);
    expect(s.issues.find((i) => i.code === "SHEET_YEAR_MISSING")!.en).toBe(
      '嘉兴表: platform "B园" has no figures for 2015 (the platform is at 嘉兴表!B5)',
    );
    expect(byName(s, "B园").history!.map((h) => h.year)).toEqual([2016]);
  });

  test("a year with fewer columns is reported, naming the column another year has", () => {
    const head = [
      "平台名称",
      "所在县（市、区）",
      "2015年用地面积",
      "2015年产值",
      ...[2016, 2017].flatMap((y) => FIELDS.map((f) => `${y}年${f}`)),
    ];
    const rows = NAMES.map((n) => [n, DATA[n].county, ...figures(n, 2015).slice(0, 2), ...[2016, 2017].flatMap((y) => figures(n, y))]);
    const s = readPlatformSheet(grid([head, ...rows]));
    expect(s.issues.find((i) => i.code === "SHEET_YEAR_COLUMNS")!.zh).toBe(
      "嘉兴表：2015 年没有税收列（2016 年有，见 嘉兴表!G1），该年此项缺失",
    );
    expect(byName(s, "A园").history![0].figures).toEqual({ land: 1000, output: 50 });
  });

  test("one sheet per year: a year's sheet without a column is reported on that sheet", () => {
    const y2015 = grid([["平台名称", "用地面积", "产值"], ...NAMES.map((n) => [n, ...figures(n, 2015).slice(0, 2)])], { sheet: "2015" });
    const s = readYearSheets([y2015, yearSheet(2016), yearSheet(2017)]);
    expect(s.issues.find((i) => i.code === "SHEET_YEAR_COLUMNS")).toMatchObject({
      sheet: "2015",
      en: "2015: 2015 has no tax column (2016 has one, at 2016!E2); that figure is missing for the year",
    });
    // The base sheet's own notes stay; the other sheets' "missing columns" are replaced by that note.
    expect(s.issues.filter((i) => i.code === "SHEET_MISSING_COLUMNS").map((i) => i.sheet)).toEqual(["2017"]);
  });

  test("a long sheet with two rows for one platform and year is fatal, naming both rows", () => {
    const s = readPlatformSheet(grid([...LONG.values, ["2016", "A园", "南湖区", 1, 1, 1]]));
    expect(s.fatal).toBe(true);
    expect(codes(s, "error")).toEqual(["SHEET_DUPLICATE_YEAR_ROW@B8"]);
    expect(s.issues.find((i) => i.severity === "error")!.zh).toBe("嘉兴表!B8：平台“A园”的 2016 年有两行：第 3 行和第 8 行");
  });

  test("a long-sheet row without a year is skipped with a warning", () => {
    const s = readPlatformSheet(grid([...LONG.values, ["待定", "C园", "南湖区", 1, 1, 1]]));
    expect(codes(s)).toContain("SHEET_ROW_WITHOUT_YEAR@A8");
    expect(s.platforms.map((p) => p.name)).toEqual(NAMES);
  });
});

describe("single-year sheets are read as before", () => {
  const single = grid([["平台基本情况（2017年）"], ["平台名称", "所在县（市、区）", ...FIELDS], ["A园", "南湖区", 1200, 60, 2.5]]);

  test("no history, no panel, a hash of the same fields", async () => {
    const s = readPlatformSheet(single);
    expect(s.panel).toBeUndefined();
    expect("history" in s.platforms[0]).toBe(false);
    expect(Object.keys(JSON.parse(JSON.stringify(s.platforms[0])))).not.toContain("history");
    const withHistory = { ...s.platforms[0], history: [{ year: 2016, figures: { output: 55 } }] };
    expect(await inputHash([withHistory])).not.toBe(await inputHash(s.platforms));
    // Where history was read does not change the hash.
    const elsewhere = { ...withHistory, history: [{ year: 2016, figures: { output: 55 }, cells: { output: "表!C9" } }] };
    expect(await inputHash([elsewhere])).toBe(await inputHash([withHistory]));
  });

  test("a year column with one year stays a single-year sheet", () => {
    const s = readPlatformSheet(
      grid([
        ["年份", "平台名称", "用地面积", "产值"],
        [2019, "A园", 100, 10],
        [2019, "B园", 200, 20],
      ]),
    );
    expect(s.panel).toBeUndefined();
    expect(s.baseYear).toBe(2019);
  });
});
