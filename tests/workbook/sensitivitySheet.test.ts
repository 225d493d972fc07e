/** The 敏感性 sheet (src/workbook/results/sensitivity.ts): the tornado table, the driver sentence, the two-way block, the chart over its data. */
import { describe, expect, test } from "vitest";
import { sensitivity } from "../../models/decisions/sensitivity.js";
import { platform } from "../../models/platform.js";
import { buildSensitivitySheet, SENSITIVITY_TABLE, TORNADO_CHART } from "../../src/workbook/results/sensitivity.js";
import { SHEET_NAMES } from "../../src/workbook/results/sheetNames.js";

const sheet = [
  platform({ name: "甲", county: "X", status: "main", level: "national", land: 1000, developableLand: 2000, output: 100 }),
  platform({ name: "乙", county: "X", status: "kept", level: "township", land: 500, developableLand: 800, output: 20 }),
];
const result = sensitivity({
  platforms: sheet,
  scenario: { name: "测试方案", baseYear: 2020, horizon: [2023], growth: { mean: 0.05, sd: 0.02 }, land: { quota: 100 } },
  figure: "metric:output:全市:2023",
  assumptions: ["exits.relocationShare", "growth.mean", "land.quota"],
  twoWay: ["growth.mean", "land.quota"],
});

describe("敏感性 sheet", () => {
  const spec = buildSensitivitySheet(result);
  const cells = spec.rows.map((r) => r.map((c) => c.v));

  test("the tornado table: labels in Chinese and English, rows in the result's order (largest swing first)", () => {
    expect(spec.name).toBe(SHEET_NAMES.sensitivity);
    const table = spec.tables!.find((t) => t.name === SENSITIVITY_TABLE)!;
    const rows = cells.slice(table.range.top + 1, table.range.bottom + 1);
    expect(rows.map((r) => r[2])).toEqual(result.rows.map((r) => r.assumption));
    expect(rows[0].slice(0, 2)).toEqual(["增速均值 μ", "Growth mean μ"]);
    expect(rows[0].slice(4)).toEqual([
      result.rows[0].low,
      result.rows[0].high,
      result.rows[0].atLow,
      result.rows[0].atHigh,
      result.rows[0].swing,
    ]);
    expect(rows[2][0]).toBe("退出产值转移比例 s");
    expect(rows[2][8]).toBe(0);
  });

  test("the sentence names the main driver and the next one; the two-way block's centre is the base", () => {
    expect(cells[2][0]).toMatch(/^对“产值 · 全市 · 2023”影响最大的是“增速均值 μ”：从 3\.0% 到 7\.0%，该值从 /);
    expect(cells[2][0]).toContain("其次是“新增用地指标”");
    expect(cells[3][0]).toMatch(/^Output · 全市 · 2023 moves most with Growth mean μ/);
    const head = cells.findIndex((r) => r[0] === "growth.mean \\ land.quota");
    expect(cells[head].slice(1)).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
    expect(cells[head + 3][0]).toBe(0.05);
    expect(cells[head + 3][3]).toBe(result.base);
  });

  test("the tornado chart covers its block: each assumption's figure at low and at high minus the base", () => {
    const chart = spec.charts!.find((c) => c.name === TORNADO_CHART)!;
    expect(chart.type).toBe("columnClustered");
    const { top, bottom, left, right } = chart.range;
    expect([left, right, bottom - top]).toEqual([0, 2, result.rows.length]);
    const names = ["增速均值 μ", "新增用地指标", "退出产值转移比例 s"];
    result.rows.forEach((r, k) => expect(cells[top + 1 + k]).toEqual([names[k], r.atLow - result.base, r.atHigh - result.base]));
  });
});
