/**
 * The 情景对比 sheet built from a comparison model: columns per scenario, values and differences from
 * the model, target cells, assumptions, chart blocks that hold the fans, print setup; and the same sheet
 * through an .xlsx file (values and page setup survive).
 */
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { compareResults } from "../../src/compare/index.js";
import { buildComparisonSheet, comparisonHeaders, COMPARISON_HEADER_ROWS } from "../../src/workbook/results/comparison.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import type { SheetSpec, SpecCell } from "../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { BASE, MERIT, PLAIN, platformGrid } from "../compare/fixture.js";

const sheet = readPlatformSheet(platformGrid());
const results = [BASE, MERIT, PLAIN].map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
const model = compareResults(results.map((result) => ({ name: result.scenario.name, result })));
const spec = buildComparisonSheet(model);
const HEADER = COMPARISON_HEADER_ROWS - 1;
const headers = spec.rows[HEADER].map((c) => c.v);
const col = (h: string) => {
  const at = headers.indexOf(h);
  if (at < 0) throw new Error(`no column ${h}`);
  return at;
};
const findRow = (s: SheetSpec, label: string, year: number | null): SpecCell[] => {
  const r = s.rows.find((x) => x[1]?.v === label && x[3]?.v === year);
  if (!r) throw new Error(`no row ${label} ${year}`);
  return r;
};

describe("情景对比 sheet", () => {
  test("header: quantile and probability columns only with Monte Carlo, differences only against the baseline", () => {
    expect(headers).toEqual(comparisonHeaders(model));
    expect(headers).toEqual([
      "类别 / Section",
      "指标 / Indicator",
      "单位 / Unit",
      "年份 / Year",
      ...["1 数值 / value", "1 P10", "1 P50", "1 P90", "1 概率 / probability"],
      ...["2 数值 / value", "2 P10", "2 P50", "2 P90", "2 概率 / probability", "2 差值 / diff", "2 概率差 / diff prob."],
      ...["3 数值 / value", "3 差值 / diff"],
    ]);
    // The row above names each group, merged over it.
    const group = spec.rows[HEADER - 1];
    expect([group[4].v, group[9].v, group[16].v]).toEqual(["1 · 基准（基准 / baseline）", "2 · 亩均", "3 · 确定性"]);
    expect(spec.merges).toEqual(
      expect.arrayContaining([
        { top: HEADER - 1, left: 4, bottom: HEADER - 1, right: 8 },
        { top: HEADER - 1, left: 9, bottom: HEADER - 1, right: 15 },
        { top: HEADER - 1, left: 16, bottom: HEADER - 1, right: 17 },
      ]),
    );
    expect(spec.tables?.[0]).toMatchObject({
      name: "PP_Comparison",
      range: { top: HEADER, left: 0, right: headers.length - 1, bottom: HEADER + model.rows.length },
    });
    expect(spec.frozen).toEqual({ rows: COMPARISON_HEADER_ROWS, cols: 0 });
  });

  test("value, quantile and difference cells are the model's numbers with the row's format", () => {
    const output = model.rows.find((r) => r.key === "output@2022")!;
    const row = findRow(spec, "全市产值 / Region output", 2022);
    expect(row[col("1 数值 / value")]).toEqual({ v: output.cells[0].value, fmt: "yi" });
    expect(row[col("1 P90")]).toEqual({ v: output.cells[0].p90, fmt: "yi" });
    // More output than the baseline: Excel's good style (the difference coloured by the row's direction).
    expect(output.cells[1].value!).toBeGreaterThan(output.cells[0].value!);
    expect(row[col("2 差值 / diff")]).toEqual({ v: output.cells[1].value! - output.cells[0].value!, fmt: "yi", style: "met" });
    expect(row[col("3 差值 / diff")].v).toBe(output.cells[2].value! - output.cells[0].value!);
    expect(row[0].v).toBe("关键指标 / Key figures");
    expect(findRow(spec, "全市亩均税收 / Region tax per mu", 2020)[col("1 数值 / value")].fmt).toBe("perMu");
  });

  test("target rows: met/evaluable as text, the probability as a percentage, the count difference as a number", () => {
    const pm = model.rows.find((r) => r.key === "target:PM")!;
    const row = findRow(spec, "PM 亩均产出 ≥ 500 / PM output per mu ≥ 500", 2022);
    expect(row[0].v).toBe("规划目标 / Plan targets");
    expect(row[col("1 数值 / value")].v).toBe(`${pm.cells[0].value}/2`);
    expect(row[col("1 概率 / probability")]).toEqual({ v: pm.cells[0].probability, fmt: "pct" });
    expect(row[col("2 差值 / diff")]).toEqual({ v: pm.cells[1].value! - pm.cells[0].value!, fmt: "int" });
    const out = findRow(spec, "OUT 数值 / OUT value", 2022);
    expect(out[col("2 概率 / probability")].v).toBe(results[1].targets.find((t) => t.id === "OUT")!.probability);
  });

  test("the assumptions of each scenario are listed under the table, at the start of its column group", () => {
    const at = spec.rows.findIndex((r) => r[0]?.v === "情景假设 / Scenario assumptions");
    expect(at).toBeGreaterThan(HEADER + model.rows.length);
    const head = spec.rows[at + 1];
    expect([head[1].v, head[4].v, head[9].v, head[16].v]).toEqual(["假设 / Assumption", "1 · 基准", "2 · 亩均", "3 · 确定性"]);
    const land = spec.rows.find((r) => r[1]?.v === "新增工业用地（亩/年） / New industrial land (mu/yr)")!;
    expect([land[4].v, land[9].v, land[16].v]).toEqual(model.scenarios.map((s) => s.assumptions.find((a) => a.key === "land")!.value));
    expect(spec.tables?.map((t) => t.name)).toEqual(["PP_Comparison"]);
    // Column widths fit the table, not the long assumption texts that run over empty cells.
    expect(spec.columnWidths?.[4]).toBeLessThan(land[4].v!.toString().length);
  });

  test("the fan charts read blocks holding each scenario's fan; the bars read the target probabilities", () => {
    expect(spec.charts?.map((c) => c.name)).toEqual([
      "PP_Chart_Compare_Output_1",
      "PP_Chart_Compare_Output_2",
      "PP_Chart_Compare_Output_3",
      "PP_Chart_Compare_Targets",
    ]);
    model.fans.forEach((fan, k) => {
      const chart = spec.charts![k];
      const block = spec.rows.slice(chart.range.top, chart.range.bottom + 1);
      const monteCarlo = model.scenarios[k].runs > 0;
      expect(block[0].map((c) => c.v)).toEqual(
        monteCarlo ? ["年份 / Year", "P10", "P10–P90", "确定性 / Deterministic", "P50"] : ["年份 / Year", "确定性 / Deterministic"],
      );
      expect(block.slice(1).map((r) => r[0].v)).toEqual(fan.points.map((p) => p.year));
      const at = fan.points.findIndex((p) => p.year === 2022);
      const r = block[1 + at];
      if (monteCarlo)
        expect(r.map((c) => c.v)).toEqual([
          2022,
          fan.points[at].p10,
          fan.points[at].p90! - fan.points[at].p10!,
          fan.points[at].value,
          fan.points[at].p50,
        ]);
      else expect(r.map((c) => c.v)).toEqual([2022, fan.points[at].value]);
      expect(chart.series?.length).toBe(chart.range.right - chart.range.left);
    });
    const bars = spec.charts![3];
    const block = spec.rows.slice(bars.range.top, bars.range.bottom + 1);
    expect(block.slice(1).map((r) => r.map((c) => c.v))).toEqual(model.targetBars.map((b) => [b.targetId, ...b.probabilities]));
    // Charts do not overlap: each starts below the previous one's rows.
    for (let k = 1; k < spec.charts!.length; k++)
      expect(spec.charts![k].position.row).toBeGreaterThanOrEqual(spec.charts![k - 1].position.row + 16);
  });

  test("print setup: A4 landscape, one page wide, the title in the header, the header row repeated", () => {
    expect(spec.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      title: "平台优化提升情景对比 · 基准 / 亩均 / 确定性",
      footer: "第 {page} 页，共 {pages} 页 / Page {page} of {pages}",
      repeatRows: { top: HEADER - 1, bottom: HEADER },
    });
  });

  test("through an .xlsx file: values, tables and page setup survive", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([spec]);
    const bytes = await book.toBuffer();
    const reopened = await XlsxWorkbook.open(bytes);
    const grid = await reopened.readGrid("情景对比");
    const r = spec.rows.findIndex((x) => x[1]?.v === "全市产值 / Region output" && x[3]?.v === 2022);
    expect(grid.values[r][col("2 差值 / diff")]).toBe(spec.rows[r][col("2 差值 / diff")].v);
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
