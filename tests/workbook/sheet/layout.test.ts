/** readPlatformSheet on sheets laid out the way analysts make them: titles, notes, tables, merges, footnotes. */
import { describe, expect, test } from "vitest";
import { readPlatformSheet } from "../../../src/workbook/sheet/index.js";
import { byName, codes, grid } from "./helpers.js";

describe("readPlatformSheet: where the table is", () => {
  test("title and unit note rows above the header set the base year and the units", () => {
    const s = readPlatformSheet(
      grid(
        [
          ["嘉兴市开发区（园区）基本情况表（2017年）"],
          [null, null, null, null, "单位：万元、公顷、吨标煤"],
          ["平台名称", "所在县（市、区）", "工业用地面积", "规上工业产值（亿元）", "税收", "能耗"],
          ["嘉兴经济技术开发区", "南湖区", 2, 350, 3500, 5000],
        ],
        { merges: ["A1:F1"] },
      ),
    );
    expect(s.headerRow).toBe(3);
    expect(s.baseYear).toBe(2017);
    expect(s.columns.map((c) => [c.field, c.cell, c.unit])).toEqual([
      ["name", "A3", null],
      ["county", "B3", null],
      ["land", "C3", "公顷"],
      ["output", "D3", "亿元"],
      ["tax", "E3", "万元"],
      ["energy", "F3", "吨标煤"],
    ]);
    const p = byName(s, "嘉兴经济技术开发区");
    expect(p.land).toBeCloseTo(30, 9); // 2 公顷 × 15
    expect(p.output).toBe(350); // the header's own 亿元 beats the note's 万元
    expect(p.tax).toBeCloseTo(0.35, 12); // 3500 万元
    expect(p.energy).toBeCloseTo(0.5, 12); // 5000 吨标煤
    expect(p.source).toEqual({ sheet: "嘉兴表", row: 4 });
    expect(s.rows).toEqual([4]);
    expect(s.fatal).toBe(false);
  });

  test("English headers with units in brackets", () => {
    const s = readPlatformSheet(
      grid(
        [
          [
            "Platform name",
            "County",
            "Level",
            "Status",
            "Land in use (km²)",
            "Output (10k yuan)",
            "Value added",
            "Tax",
            "Energy (tce)",
            "Employees",
          ],
          ["Pinghu EDZ", "Pinghu", "National", "Main", 2, 4200000, 90, 12, 260000, 41000],
        ],
        { sheet: "Jiaxing" },
      ),
    );
    const p = byName(s, "Pinghu EDZ");
    expect(p).toMatchObject({ county: "Pinghu", level: "national", status: "main", valueAdded: 90, tax: 12, employees: 41000 });
    expect(p.land).toBeCloseTo(3000, 6); // 2 km² × 1500
    expect(p.output).toBeCloseTo(420, 9); // 4,200,000 万元
    expect(p.energy).toBeCloseTo(26, 9); // 260,000 吨标煤
  });

  test("full-width digits and brackets, numbers as text with separators", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "工业用地面积（亩）", "规上工业产值（万元）", "从业人员"],
        ["桐乡经济开发区", "１２，３４５", "3,591,500", "1 234"],
      ]),
    );
    expect(byName(s, "桐乡经济开发区")).toMatchObject({ land: 12345, employees: 1234 });
    expect(byName(s, "桐乡经济开发区").output).toBeCloseTo(359.15, 9);
    expect(s.issues.filter((i) => i.code === "SHEET_NOT_A_NUMBER")).toEqual([]);
  });

  test("a row of units under the header applies to its columns", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值"],
        ["单位", "公顷", "（万元）"],
        ["A园", 10, 5000],
      ]),
    );
    expect(s.rows).toEqual([3]);
    expect(byName(s, "A园").land).toBeCloseTo(150, 9);
    expect(byName(s, "A园").output).toBeCloseTo(0.5, 12);
  });

  test("blank rows are skipped; two blank rows end the table", () => {
    const s = readPlatformSheet(
      grid([["平台名称", "用地面积", "产值"], ["A园", 100, 10], [null, "", null], ["B园", 200, 20], [], [], ["C园", 300, 30]]),
    );
    expect(s.platforms.map((p) => p.name)).toEqual(["A园", "B园"]);
    expect(s.rows).toEqual([2, 4]);
  });

  test("totals and subtotals are left out and reported with their cell", () => {
    const s = readPlatformSheet(
      grid([
        ["所属区县", "平台名称", "用地面积", "产值"],
        ["南湖区", "A园", 100, 10],
        ["", "南湖区小计", 100, 10],
        ["合计", null, 100, 10],
        ["秀洲区", "B园", 200, 20],
      ]),
    );
    expect(s.platforms.map((p) => p.name)).toEqual(["A园", "B园"]);
    expect(codes(s, "warning").filter((c) => c.startsWith("SHEET_TOTAL_ROW"))).toEqual(["SHEET_TOTAL_ROW@B3", "SHEET_TOTAL_ROW@A4"]);
    expect(s.fatal).toBe(false);
  });

  test("the table ends at a footnote", () => {
    const s = readPlatformSheet(
      grid([["平台名称", "用地面积", "产值"], ["A园", 100, 10], ["注：产值为规上工业总产值。"], ["B园", 200, 20]], { merges: ["A3:C3"] }),
    );
    expect(s.platforms.map((p) => p.name)).toEqual(["A园"]);
  });

  test("an Excel table: its header row and range are used, cells beside and below it are not", () => {
    const s = readPlatformSheet(
      grid(
        [
          ["Platforms 2020"],
          [],
          ["Name", "Land", "Output", null, "说明"],
          ["Park A", 100, 10, null, "平台名称以省清单为准"],
          ["Park B", 200, 20],
          ["Park C", 300, 30],
        ],
        { tables: { Platforms: "A3:C5" } },
      ),
    );
    expect(s.headerRow).toBe(3);
    expect(s.platforms.map((p) => p.name)).toEqual(["Park A", "Park B"]);
    expect(s.baseYear).toBe(2020);
  });

  test("merged two-row headers combine parent and child; merged county cells repeat", () => {
    const s = readPlatformSheet(
      grid(
        [
          ["平台名称", "县（市、区）", "用地（公顷）", null, "研发投入", null],
          [null, null, "可开发空间", "已用地", "金额（万元）", "占比（%）"],
          ["丽水经济技术开发区", "莲都区", 2000, 1200, 50000, 3],
          ["丽水绿谷园", null, 100, 60, null, 2],
        ],
        { merges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "B3:B4"] },
      ),
    );
    expect(s.headerRow).toBe(2);
    expect(s.columns.map((c) => [c.field, c.cell, c.unit])).toEqual([
      ["name", "A1", null],
      ["county", "B1", null],
      ["developableLand", "C2", "公顷"],
      ["land", "D2", "公顷"],
      ["rd", "E2", "万元"],
      ["rdShare", "F2", "%"],
    ]);
    const a = byName(s, "丽水经济技术开发区");
    expect(a.developableLand).toBeCloseTo(30000, 6);
    expect(a.land).toBeCloseTo(18000, 6);
    expect(a.rd).toBeCloseTo(5, 12); // the spend column wins over the share
    expect(byName(s, "丽水绿谷园").county).toBe("莲都区");
  });

  test("base year from a 年份 column when the title has none", () => {
    const s = readPlatformSheet(
      grid([
        ["年份", "平台名称", "用地面积", "产值"],
        [2019, "A园", 100, 10],
        ["2019年", "B园", 200, 20],
      ]),
    );
    expect(s.baseYear).toBe(2019);
    expect(s.columns.map((c) => c.field)).toEqual(["year", "name", "land", "output"]);
  });

  test("missing columns are listed in missingFields (a share column stands in for rd)", () => {
    const s = readPlatformSheet(
      grid([
        ["平台名称", "用地面积", "产值", "R&D占比"],
        ["A园", 100, 10, 0.02],
      ]),
    );
    expect(s.missingFields).toEqual([
      "county",
      "level",
      "status",
      "mainPlatform",
      "exitYear",
      "developableLand",
      "valueAdded",
      "tax",
      "energy",
      "highTechValueAdded",
      "strategicEmergingOutput",
      "listedCompanies",
      "enterprises100",
      "employees",
      "emissions",
      "manualLand",
      "manualEnergy",
    ]);
    expect(codes(s)).toContain("SHEET_MISSING_COLUMNS@null");
  });
});

describe("readPlatformSheet: a merged note right above the header", () => {
  test('"（单位：万元）" over money columns gives them its unit, not the land column', () => {
    const s = readPlatformSheet(
      grid(
        [["湖州平台（2018年）"], [null, null, "（单位：万元）", null], ["平台名称", "用地面积", "产值", "税收"], ["A园", 100, 50000, 2000]],
        { merges: ["A1:D1", "C2:D2"] },
      ),
    );
    expect(s.baseYear).toBe(2018);
    expect(s.columns.map((c) => c.unit)).toEqual([null, "亩", "万元", "万元"]);
    expect(byName(s, "A园")).toMatchObject({ land: 100, output: 5, tax: 0.2 });
  });
});
