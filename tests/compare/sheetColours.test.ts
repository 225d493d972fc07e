/**
 * The 情景对比 sheet colours each difference by its row's direction (cellImprovement): the faster-growing
 * scenario's extra energy use is Excel's bad (notMet), its extra output good (met); unchanged cells plain.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { cellImprovement, compareResults, probabilityImprovement } from "../../src/compare/index.js";
import { COMPARISON_HEADER_ROWS, comparisonSheet, IMPROVEMENT_STYLE } from "../../src/workbook/results/comparison.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { figureAt, measureRow, rowOf } from "../workbook/comparisonLookup.js";
import { BASE, MERIT, platformGrid } from "./fixture.js";

const sheet = readPlatformSheet(platformGrid());
const [base, merit] = [BASE, MERIT].map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
const model = compareResults([
  { name: "基准", result: base },
  { name: "亩均", result: merit },
]);
const { spec, layout } = comparisonSheet(model);
const HEADER = COMPARISON_HEADER_ROWS - 1;
/** The first line of a block's heading, by figure key. */
const heading = (key: string) => spec.rows[layout.headings.get(key)!][0].v as string;
const diffOf = (key: string, year: number) =>
  figureAt(spec.rows, HEADER, heading(key), 2, "差值 / diff", year) as { v: number; style?: string };

describe("情景对比 difference colours", () => {
  test("more energy use than the baseline is bad, more output good", () => {
    const energy = model.rows.find((r) => r.key === "energy@2022")!;
    expect(energy.cells[1].diff).toBeGreaterThan(0.005);
    const diff = diffOf("energy", 2022);
    expect(diff.v).toBe(energy.cells[1].diff);
    expect(diff.style).toBe("notMet");
    expect(diffOf("output", 2022).style).toBe("met");
  });

  test("every difference cell carries the style of its judgement; probability differences too", () => {
    let checked = 0;
    for (const r of model.rows) {
      if (r.kind === "figure" || r.kind === "count") {
        const [key, year] = r.key.split("@");
        expect(diffOf(key, Number(year)).style, r.key).toBe(IMPROVEMENT_STYLE[cellImprovement(r, r.cells[1])]);
      } else {
        const block = spec.rows[layout.headings.get(`target:${r.targetId}`)!][0].v as string;
        const col = spec.rows[HEADER].findIndex((c) => c.v === String(r.year));
        const cell = (m: string) => spec.rows[measureRow(spec.rows, block, 2, m)][col];
        if (r.kind === "target-count") {
          expect(cell("差值 / diff").style, r.key).toBe(IMPROVEMENT_STYLE[cellImprovement(r, r.cells[1])]);
          expect(cell("概率差 / Δ prob.").style, r.key).toBe(IMPROVEMENT_STYLE[probabilityImprovement(r.cells[1])]);
        } else expect(cell("数值差 / Δ value").style, r.key).toBe(IMPROVEMENT_STYLE[cellImprovement(r, r.cells[1])]);
      }
      checked++;
    }
    expect(checked).toBe(model.rows.length);
    expect(rowOf(spec.rows, heading("output"))).toBe(layout.headings.get("output"));
  });
});
