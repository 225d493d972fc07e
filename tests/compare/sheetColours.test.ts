/**
 * The 情景对比 sheet colours each difference by its row's direction (cellImprovement): the faster-growing
 * scenario's extra energy use is Excel's bad (notMet), its extra output good (met); unchanged cells plain.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { cellImprovement, compareResults, probabilityImprovement } from "../../src/compare/index.js";
import { buildComparisonSheet, COMPARISON_HEADER_ROWS, IMPROVEMENT_STYLE } from "../../src/workbook/results/comparison.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, platformGrid } from "./fixture.js";

const sheet = readPlatformSheet(platformGrid());
const [base, merit] = [BASE, MERIT].map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
const model = compareResults([
  { name: "基准", result: base },
  { name: "亩均", result: merit },
]);
const spec = buildComparisonSheet(model);
const header = spec.rows[COMPARISON_HEADER_ROWS - 1].map((c) => c.v);
const col = (h: string) => header.indexOf(h);
const dataRow = (key: string) => spec.rows[COMPARISON_HEADER_ROWS + model.rows.findIndex((r) => r.key === key)];

describe("情景对比 difference colours", () => {
  test("more energy use than the baseline is bad, more output good", () => {
    const energy = model.rows.find((r) => r.key === "energy@2022")!;
    expect(energy.cells[1].diff).toBeGreaterThan(0.005);
    const diff = dataRow("energy@2022")[col("2 差值 / diff")];
    expect(diff.v).toBe(energy.cells[1].diff);
    expect(diff.style).toBe("notMet");
    expect(dataRow("output@2022")[col("2 差值 / diff")].style).toBe("met");
  });

  test("every difference cell carries the style of its judgement; probability differences too", () => {
    model.rows.forEach((r) => {
      const cells = dataRow(r.key);
      expect(cells[col("2 差值 / diff")].style, r.key).toBe(IMPROVEMENT_STYLE[cellImprovement(r, r.cells[1])]);
      expect(cells[col("2 概率差 / diff prob.")].style, r.key).toBe(IMPROVEMENT_STYLE[probabilityImprovement(r.cells[1])]);
    });
  });
});
