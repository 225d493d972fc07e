/**
 * The 情景对比 sheet built from a comparison model: years as columns, one block per key figure (a heading,
 * then each scenario's value, quantiles and difference rows) and per target; values and differences from
 * the model, under the right year; assumptions once where the scenarios agree; chart blocks that hold the
 * fans, their charts under them within the tables' width; print setup; the sheet's language; and the same
 * sheet through an .xlsx file (values and page setup survive).
 */
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { compareResults } from "../../src/compare/index.js";
import {
  buildComparisonSheet,
  COMPARISON_HEADER_ROWS,
  comparisonHeaders,
  comparisonSheet,
  targetMeasures,
  wrapped,
} from "../../src/workbook/results/comparison.js";
import { words } from "../../src/workbook/results/language.js";
import { textWidth } from "../../src/workbook/results/layout.js";
import { printScale } from "../../src/workbook/results/print.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { chartExtent } from "../../src/workbook/xlsx/drawingXml.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { BASE, MERIT, PLAIN, platformGrid } from "../compare/fixture.js";
import { figureAt, measureRow, rowOf } from "./comparisonLookup.js";

const sheet = readPlatformSheet(platformGrid());
const results = [BASE, MERIT, PLAIN].map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
const model = compareResults(results.map((result) => ({ name: result.scenario.name, result })));
const { spec, layout } = comparisonSheet(model);
const HEADER = COMPARISON_HEADER_ROWS - 1;
const OUTPUT = "全市产值（亿元）/ Region output (100M yuan)";
const at = (heading: string, scenario: number, measure: string, year: number) =>
  figureAt(spec.rows, HEADER, heading, scenario, measure, year);
const rowAt = (key: string) => model.rows.find((r) => r.key === key)!;

describe("情景对比 sheet", () => {
  test("header: indicator · scenario, measure, then the report years; a legend of the numbered scenarios above", () => {
    expect(spec.rows[HEADER].map((c) => c.v)).toEqual(comparisonHeaders(model));
    expect(comparisonHeaders(model)).toEqual(["指标 · 情景 / Indicator · scenario", "统计 / Measure", "2020", "2021", "2022"]);
    expect(spec.rows[HEADER - 1][0].v).toBe(
      "情景 / Scenarios: 1 · 基准（基准 / baseline）　2 · 亩均　3 · 确定性 [仅确定性 / deterministic only]",
    );
    expect(spec.tables?.[0]).toMatchObject({ name: "PP_Comparison", range: { top: HEADER, left: 0, right: 4 } });
    expect(spec.frozen).toEqual({ rows: COMPARISON_HEADER_ROWS, cols: 0 });
    // A block per key figure: its heading, then per scenario value (+ P10/P50/P90 with Monte Carlo) (+ diff unless baseline).
    const head = layout.headings.get("output")!;
    expect(spec.rows[head].map((c) => c.v)).toEqual([OUTPUT]);
    expect(spec.rows.slice(head + 1, head + 15).map((r) => [r[0].v, r[1]?.v])).toEqual([
      ["1 · 基准", "数值 / value"],
      ["（基准 / baseline）", "P10"],
      [null, "P50"],
      [null, "P90"],
      ["2 · 亩均", "数值 / value"],
      [null, "P10"],
      [null, "P50"],
      [null, "P90"],
      [null, "差值 / diff"],
      ["3 · 确定性", "数值 / value"],
      [null, "差值 / diff"],
      // The next block's heading.
      ["全市增加值（亿元）/ Region value added (100M yuan)", undefined],
      ["1 · 基准", "数值 / value"],
      ["（基准 / baseline）", "P10"],
    ]);
    // Counts have no quantiles: value rows only (and the differences).
    // A heading too long for the tables' width: its Chinese and its English on a line each.
    const count = layout.headings.get("platforms1000")!;
    expect([spec.rows[count][0].v, spec.rows[count + 1][0].v]).toEqual([
      "千亿平台数（主平台含分区，产值 ≥ 1000 亿元）（个）",
      "Platforms with output ≥ 1000亿 (main platforms with sub-parks) (count)",
    ]);
    expect(spec.rows.slice(count + 2, count + 7).map((r) => r[1]?.v)).toEqual([
      "数值 / value",
      "数值 / value",
      "差值 / diff",
      "数值 / value",
      "差值 / diff",
    ]);
    expect(spec.rows[count + 2][0].v).toBe("1 · 基准（基准 / baseline）");
  });

  test("全市产值 P50 in 2020 of two scenarios and their difference sit under 2020 and equal the model's", () => {
    const output2020 = rowAt("output@2020");
    expect(spec.rows[HEADER][2].v).toBe("2020");
    const p50Base = spec.rows[measureRow(spec.rows, OUTPUT, 1, "P50")];
    const p50Merit = spec.rows[measureRow(spec.rows, OUTPUT, 2, "P50")];
    expect(p50Base[2]).toEqual({ v: output2020.cells[0].p50, fmt: "yi" });
    expect(p50Merit[2]).toEqual({ v: output2020.cells[1].p50, fmt: "yi" });
    // The next columns hold the next years' figures, not 2020's.
    expect([p50Base[3].v, p50Base[4].v]).toEqual([rowAt("output@2021").cells[0].p50, rowAt("output@2022").cells[0].p50]);
    expect(output2020.cells[1].p50).not.toBe(output2020.cells[0].p50);
    // The difference row: scenario − baseline on the deterministic path, the model's diff.
    const diff = at(OUTPUT, 2, "差值 / diff", 2020) as { v: number; fmt: string };
    expect(diff.v).toBe(output2020.cells[1].diff);
    expect(diff.v).toBeCloseTo(output2020.cells[1].value! - output2020.cells[0].value!, 9);
    expect(at(OUTPUT, 1, "数值 / value", 2020)).toEqual({ v: output2020.cells[0].value, fmt: "yi" });
  });

  test("value, quantile and difference cells are the model's numbers with the row's format and direction's colour", () => {
    const output = rowAt("output@2022");
    expect(at(OUTPUT, 1, "P90", 2022)).toEqual({ v: output.cells[0].p90, fmt: "yi" });
    // More output than the baseline: Excel's good style (the difference coloured by the row's direction).
    expect(output.cells[1].value!).toBeGreaterThan(output.cells[0].value!);
    expect(at(OUTPUT, 2, "差值 / diff", 2022)).toEqual({ v: output.cells[1].value! - output.cells[0].value!, fmt: "yi", style: "met" });
    expect((at(OUTPUT, 3, "差值 / diff", 2022) as { v: number }).v).toBe(output.cells[2].value! - output.cells[0].value!);
    // The deterministic scenario has no quantile rows; the baseline no difference row.
    expect(() => measureRow(spec.rows, OUTPUT, 3, "P50")).toThrow(/no P50/);
    expect(() => measureRow(spec.rows, OUTPUT, 1, "差值 / diff")).toThrow(/no 差值/);
    const tax = "全市亩均税收（万元/亩）/ Region tax per mu (10k yuan/mu)";
    expect((at(tax, 1, "数值 / value", 2020) as { fmt: string }).fmt).toBe("perMu");
    // More energy use than the baseline is worse: Excel's bad style.
    const energy = rowAt("energy@2022");
    expect(energy.cells[1].diff!).toBeGreaterThan(0.005);
    expect(at("全市能耗（万吨标煤）/ Region energy use (10k tce)", 2, "差值 / diff", 2022)).toMatchObject({
      v: energy.cells[1].diff,
      style: "notMet",
    });
  });

  test("target blocks: in the target year's column, per scenario met/evaluable, probability, their differences, a region target's value", () => {
    const pm = rowAt("target:PM");
    const heading = "PM 亩均产出 ≥ 500（2022）/ PM output per mu ≥ 500 (2022)";
    expect(layout.headings.get("target:PM")).toBe(rowOf(spec.rows, heading));
    // Under the key figures, in the same table: one header (the years) holds for every printed page.
    expect(rowOf(spec.rows, "规划目标 / Plan targets")).toBeLessThan(layout.headings.get("target:PM")!);
    expect(spec.tables).toHaveLength(1);
    expect(spec.tables![0].range.bottom).toBeGreaterThanOrEqual(measureRow(spec.rows, heading, 3));
    const col = spec.rows[HEADER].findIndex((c) => c.v === "2022");
    const cell = (k: number, m: string) => spec.rows[measureRow(spec.rows, heading, k, m)];
    expect(cell(1, "达标 / met")[col].v).toBe(`${pm.cells[0].value}/2`);
    expect(
      cell(1, "达标 / met")
        .slice(2, col)
        .every((c) => c.v === null),
    ).toBe(true); // nothing under the other years
    expect(cell(1, "概率 / prob.")[col]).toEqual({ v: pm.cells[0].probability, fmt: "pct" });
    expect(() => cell(1, "差值 / diff")).toThrow(/no 差值/); // the baseline's own difference is not shown
    expect(cell(2, "差值 / diff")[col]).toMatchObject({ v: pm.cells[1].value! - pm.cells[0].value!, fmt: "int" });
    expect(cell(2, "概率差 / Δ prob.")[col]).toMatchObject({ v: pm.cells[1].diffProbability, fmt: "pct" });
    // The deterministic scenario has no probability: the target still has one from the others, so the row is there, empty.
    expect(targetMeasures(model, pm, undefined, 2)).toEqual(["met", "probability", "diff", "diffProbability"]);
    expect(cell(3, "概率 / prob.")[col].v).toBeNull();
    const outHeading = "OUT 全市产值 ≥ 1300 亿元（2022）/ OUT region output ≥ 1300亿 (2022)";
    const out = (k: number, m: string) => spec.rows[measureRow(spec.rows, outHeading, k, m)][col];
    expect(out(2, "概率 / prob.").v).toBe(results[1].targets.find((t) => t.id === "OUT")!.probability);
    const value = rowAt("target:OUT:value");
    expect(out(2, "数值 / value")).toEqual({ v: value.cells[1].value, fmt: "yi" });
    expect(out(2, "数值差 / Δ value").v).toBe(value.cells[1].diff);
  });

  test("assumptions: one line where every scenario agrees, else a line per scenario; long values wrap within the tables' width", () => {
    const at0 = rowOf(spec.rows, "情景假设 / Scenario assumptions");
    expect(at0).toBeGreaterThan(spec.tables![0].range.bottom);
    const land = rowOf(spec.rows, "新增工业用地（亩/年） / New industrial land (mu/yr)");
    expect(spec.rows[land].length).toBe(1); // the scenarios differ: a line each below
    // Each scenario's value from its numbered line on, wrapped (after a "；") to the tables' width.
    const lines = spec.rows.slice(land + 1, land + 7);
    const scenarioValues = model.scenarios.map((s, k) => {
      const from = lines.findIndex((r) => r[0].v === `${k + 1} · ${s.name}`);
      const to = lines.findIndex((r, j) => j > from && r[0].v !== null);
      return lines
        .slice(from, to < 0 ? undefined : to)
        .map((r) => r[1].v)
        .join("");
    });
    expect(scenarioValues).toEqual(model.scenarios.map((s) => s.assumptions.find((a) => a.key === "land")!.value));
    expect(lines.every((r) => textWidth(String(r[1].v)) <= spec.columnWidths!.slice(1).reduce((a, c) => a + c, 0))).toBe(true);
    const exits = rowOf(spec.rows, "退出平台产值转移比例 / Output relocated from exits");
    expect(new Set(model.scenarios.map((s) => s.assumptions.find((a) => a.key === "exits")!.value)).size).toBe(1);
    expect(spec.rows[exits][1].v).toBe(model.scenarios[0].assumptions.find((a) => a.key === "exits")!.value);
    expect(spec.rows[exits + 1][0].v).not.toBe("1 · 基准");
    // Column widths fit the tables, not the long assumption texts that run over empty cells.
    expect(spec.columnWidths?.[1]).toBeLessThan(textWidth(spec.rows[land + 1][1].v as string));
    expect(wrapped("甲；乙乙；丙", 4)).toEqual(["甲；", "乙乙；", "丙"]);
    expect(wrapped("one two three", 7)).toEqual(["one two", "three"]);
  });

  test("the fan charts read blocks holding each scenario's fan; the bars read the target probabilities; each chart sits under its block", () => {
    expect(spec.charts?.map((c) => c.name)).toEqual([
      "PP_Chart_Compare_Output_1",
      "PP_Chart_Compare_Output_2",
      "PP_Chart_Compare_Output_3",
      "PP_Chart_Compare_Targets",
    ]);
    const lastColumn = spec.columnWidths!.length - 1;
    model.fans.forEach((fan, k) => {
      const chart = spec.charts![k];
      const block = spec.rows.slice(chart.range.top, chart.range.bottom + 1);
      const monteCarlo = model.scenarios[k].runs > 0;
      expect(block[0].map((c) => c.v)).toEqual(
        monteCarlo ? ["年份 / Year", "P10", "P10–P90", "确定性 / Deterministic", "P50"] : ["年份 / Year", "确定性 / Deterministic"],
      );
      expect(block.slice(1).map((r) => r[0].v)).toEqual(fan.points.map((p) => p.year));
      const i = fan.points.findIndex((p) => p.year === 2022);
      const r = block[1 + i];
      if (monteCarlo)
        expect(r.map((c) => c.v)).toEqual([
          2022,
          fan.points[i].p10,
          fan.points[i].p90! - fan.points[i].p10!,
          fan.points[i].value,
          fan.points[i].p50,
        ]);
      else expect(r.map((c) => c.v)).toEqual([2022, fan.points[i].value]);
      expect(chart.series?.length).toBe(chart.range.right - chart.range.left);
    });
    const bars = spec.charts![3];
    const block = spec.rows.slice(bars.range.top, bars.range.bottom + 1);
    expect(block.slice(1).map((r) => r.map((c) => c.v))).toEqual(model.targetBars.map((b) => [b.targetId, ...b.probabilities]));
    for (const chart of spec.charts!) {
      // Under its block, over empty rows only, and no wider than the columns (so it prints within the page).
      const end = chartExtent(spec, chart);
      expect(chart.position.row).toBe(chart.range.bottom + 1);
      for (let r = chart.position.row; r <= end.row; r++) expect(spec.rows[r] ?? [], `${chart.name} row ${r}`).toEqual([]);
      expect(end.col < lastColumn || (end.col === lastColumn + 1 && end.colOff === 0) || end.col === lastColumn, chart.name).toBe(true);
    }
  });

  test("print setup: A4 landscape, one page wide, the title in the header, the header row repeated; full size", () => {
    expect(spec.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      title: "平台优化提升情景对比 · 基准 / 亩均 / 确定性",
      footer: "第 {page} 页，共 {pages} 页 / Page {page} of {pages}",
      repeatRows: { top: HEADER, bottom: HEADER },
    });
    expect(printScale(spec)).toBe(1);
  });

  test("the sheet's language: a Chinese sheet writes no English, an English one no Chinese headers", () => {
    const zh = buildComparisonSheet(model, words("zh"));
    expect(zh.rows[HEADER].map((c) => c.v)).toEqual(["指标 · 情景", "统计", "2020", "2021", "2022"]);
    expect(figureAt(zh.rows, HEADER, "全市产值（亿元）", 2, "差值", 2020)).toMatchObject({ v: rowAt("output@2020").cells[1].diff });
    const en = buildComparisonSheet(model, words("en"));
    expect(en.rows[HEADER].map((c) => c.v)).toEqual(["Indicator · scenario", "Measure", "2020", "2021", "2022"]);
    // The 14-pt title row names the scenarios only where they fit the tables' width; the page header always does.
    expect(en.rows[0][0].v).toBe("Platform upgrading scenario comparison");
    expect(en.print?.title).toBe("Platform upgrading scenario comparison · 基准 / 亩均 / 确定性");
    expect(figureAt(en.rows, HEADER, "Region output (100M yuan)", 1, "P50", 2021)).toMatchObject({ v: rowAt("output@2021").cells[0].p50 });
    expect(en.print?.footer).toBe("Page {page} of {pages}");
  });

  test("through an .xlsx file: values, tables and page setup survive", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([spec]);
    const bytes = await book.toBuffer();
    const reopened = await XlsxWorkbook.open(bytes);
    const grid = await reopened.readGrid("情景对比");
    expect(figureAt(grid.values, HEADER, OUTPUT, 2, "差值 / diff", 2022)).toBe(rowAt("output@2022").cells[1].diff);
    expect(figureAt(grid.values, HEADER, OUTPUT, 1, "P50", 2020)).toBe(rowAt("output@2020").cells[0].p50);
    expect(grid.tables.map((t) => t.name)).toEqual(["PP_Comparison"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet("情景对比")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // The title centred, the sheet's name (&A) at the right; page numbers in the footer.
    expect(ws.headerFooter.oddHeader).toBe("&C平台优化提升情景对比 · 基准 / 亩均 / 确定性&R&A");
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页 / Page &P of &N");
  });
});
