/**
 * Issue 15.2: 情景对比 readable when printed — at least 8 pt on A4 landscape, one page wide. The compare
 * pipeline runs every bundled sample with its scenario(s) (嘉兴: its three) and with four scenarios, and the
 * fit-to-width scale printScale estimates, × the 11-pt body font, is ≥ 8 pt. The widths are reasoned by
 * hand for 嘉兴's three scenarios: years are columns, so scenarios add rows, not columns.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/pipeline/compareScenarios.js";
import { BODY_FONT_PT, columnPoints, PRINTABLE_WIDTH, printScale } from "../../src/workbook/results/print.js";
import { COMPARISON_HEADER_ROWS } from "../../src/workbook/results/comparison.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { figureAt } from "./comparisonLookup.js";

const SAMPLES = resolve(import.meta.dirname, "../../assets/samples");
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(SAMPLES, file), "utf8")) as Record<string, unknown>;
const SETS: [string, string[]][] = [
  ["jiaxing-2017", ["jiaxing-2017.scenario.json", "jiaxing-2017.merit.scenario.json", "jiaxing-2017.levers.scenario.json"]],
  ["hangzhou-2017", ["hangzhou-2017.scenario.json"]],
  ["jiading-2017", ["jiading-2017.scenario.json"]],
  ["jinhua-2020", ["jinhua-2020.scenario.json"]],
  ["lishui-2020", ["lishui-2020.scenario.json"]],
];
/** Eight points at least: the scale fit-to-width may shrink to. */
const MIN_SCALE = 8 / BODY_FONT_PT;

async function compared(book: string, scenarios: unknown[]) {
  const port = await XlsxWorkbook.open(readFileSync(join(SAMPLES, `${book}.xlsx`)));
  return compareScenarios(port, { scenarios, write: false });
}

/** Four scenarios from a sample's own: the sample's, then variants with less new land (deterministic every other one). */
function four(files: string[]): unknown[] {
  const own = files.map(json);
  const out: unknown[] = [...own];
  for (let k = out.length; k < 4; k++) {
    const base = own[0];
    const land = { ...(base.land as Record<string, unknown>), quota: 1000 * k };
    out.push({ ...base, name: `${String(base.name)} · 变体 ${k + 1}`, land, ...(k % 2 ? {} : { monteCarlo: undefined }) });
  }
  return out;
}

describe("情景对比 prints at ≥ 8 pt on A4 landscape, one page wide", () => {
  it("嘉兴's three scenarios: the widths reasoned by hand fit the page at full size", async () => {
    const { sheet } = await compared("jiaxing-2017", SETS[0][1].map(json));
    // 0: "1 · 嘉兴 2020 攻坚方案（基准 / baseline）" is 41 wide (CJK 2, the rest 1) + 2 of padding;
    // 1: the widest measure, "概率差 / Δ prob." (16) + 2; 2–4, the years, all as wide as the widest: the fan
    // chart's header "确定性 / Deterministic" wraps to its longest word, "Deterministic" (13) + 2.
    expect(sheet.columnWidths).toEqual([43, 18, 15, 15, 15]);
    const points = [43, 18, 15, 15, 15].reduce((s, c) => s + columnPoints(c), 0);
    // trunc(7c + 5) px × 0.75: 229.5 + 98.25 + 3 × 82.5 pt, within A4's 805.89 pt between the narrow margins.
    expect(points).toBeCloseTo(575.25, 6);
    expect(points).toBeLessThan(PRINTABLE_WIDTH);
    expect(printScale(sheet)).toBe(1);
  });

  it.each(SETS)("%s with its scenario(s), and with four: printScale × 11 pt ≥ 8 pt", async (book, files) => {
    for (const scenarios of [files.map(json), four(files)]) {
      const { sheet, model } = await compared(book, scenarios);
      expect(model.scenarios.length).toBe(scenarios.length);
      const scale = printScale(sheet);
      expect(scale * BODY_FONT_PT, `${book} × ${scenarios.length}`).toBeGreaterThanOrEqual(8);
      expect(scale).toBeGreaterThanOrEqual(MIN_SCALE);
      // Every figure of the model is in the sheet: 全市产值 in the last year, each scenario's value under its year.
      const last = model.years[model.years.length - 1];
      const row = model.rows.find((r) => r.key === `output@${last}`)!;
      model.scenarios.forEach((_, k) =>
        expect(
          figureAt(sheet.rows, COMPARISON_HEADER_ROWS - 1, "全市产值（亿元）/ Region output (100M yuan)", k + 1, "数值 / value", last),
        ).toEqual({
          v: row.cells[k].value,
          fmt: "yi",
        }),
      );
    }
  });
});
