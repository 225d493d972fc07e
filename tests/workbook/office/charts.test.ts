/** Chart specs for 汇总 (pure builder), their data blocks, and how each adapter handles them. */
import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../../../models/results.js";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook.js";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook.js";
import { buildResultSheets } from "../../../src/workbook/results/index.js";
import { MAX_TRAJECTORY_CHARTS, PER_MU_CHART } from "../../../src/workbook/results/charts.js";
import type { SheetGrid } from "../../../src/workbook/grid.js";
import type { ChartSpec, SheetSpec } from "../../../src/workbook/sheetSpec.js";
import { OpcPackage } from "../../../src/workbook/package/opcPackage.js";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook.js";
import { makeResult, runContext } from "../resultFixture.js";
import { FakeExcel } from "./fakeExcel.js";

/** The fixture with Monte Carlo statistics on the main platform's roll-up. */
function withStats(): SimulationResult {
  const result = makeResult();
  const main = result.rollups.find((u) => u.kind === "main")!;
  main.stats = { "2018": { output: { mean: 1290, p10: 1150, p50: 1287, p90: 1400 } } };
  return result;
}

const rollupsSheet = (result: SimulationResult): SheetSpec => buildResultSheets(result, runContext)[2];
const block = (rows: SheetSpec["rows"], c: ChartSpec) =>
  rows.slice(c.range.top, c.range.bottom + 1).map((r) => r.slice(c.range.left, c.range.right + 1).map((cell) => cell?.v ?? null));

describe("汇总 chart specs", () => {
  it("point at data blocks holding the result's numbers: 亩均产出 vs 500 and the P10–P90 band", () => {
    const sheet = rollupsSheet(withStats());
    const [perMu, trajectory] = sheet.charts!;
    expect(sheet.charts).toHaveLength(2);
    expect(perMu).toMatchObject({ name: PER_MU_CHART, type: "columnClustered", series: [{}, { type: "line" }] });
    // (1077 + 210)亿 × 10^4 / 25,000 亩 = 514.8 万元/亩 in 2018, the last horizon year.
    expect(block(sheet.rows, perMu)).toEqual([
      ["主平台 / Main platform", "亩均产出（万元/亩）/ Output per mu (10k yuan/mu)", "基准线 500（万元/亩）/ Benchmark 500 (10k yuan/mu)"],
      ["嘉兴经济技术开发区", 514.8, 500],
    ]);
    expect(trajectory).toMatchObject({
      name: "PP_Chart_Output_1",
      type: "line",
      series: [{ type: "line" }, { type: "areaStacked", fill: "none" }, { type: "areaStacked", fill: "#BDD7EE" }],
    });
    // Base year observed (1,200 with a zero band); 2018: P10 1,150, band 1,400 − 1,150 = 250.
    expect(block(sheet.rows, trajectory)).toEqual([
      ["年份 / Year", "产值（亿元）/ Output (100M yuan)", "P10（亿元）/ P10 (100M yuan)", "P10–P90 区间（亿元）/ P10–P90 band (100M yuan)"],
      [2017, 1200, 1200, 0],
      [2018, 1287, 1150, 250],
    ]);
    // P90 sits just right of the chart's range, for the reader.
    expect(sheet.rows[trajectory.range.bottom][4]).toEqual({ v: 1400, fmt: "yi" });
    // Charts stand beside their blocks and do not overlap one another.
    expect(trajectory.position.row).toBeGreaterThanOrEqual(perMu.position.row + Math.ceil(perMu.position.height / 20));
    expect(sheet.tables?.map((t) => t.name)).toEqual(["PP_Rollups", "PP_Balances", "PP_Evaluation"]);
  });

  it("draws a plain line without statistics, and none without main platforms", () => {
    const plain = rollupsSheet(makeResult());
    expect(plain.charts![1].series).toBeUndefined();
    expect(plain.charts![1].range.right - plain.charts![1].range.left).toBe(1);
    const noMains = makeResult();
    noMains.rollups = noMains.rollups.filter((u) => u.kind !== "main");
    expect(rollupsSheet(noMains).charts).toEqual([]);
  });

  it(`charts at most ${MAX_TRAJECTORY_CHARTS} trajectories and says so`, () => {
    const result = makeResult();
    const main = result.rollups.find((u) => u.kind === "main")!;
    result.rollups = [
      ...Array.from({ length: 15 }, (_, k) => ({ ...main, name: `主平台${k + 1}` })),
      ...result.rollups.filter((u) => u.kind !== "main"),
    ];
    const sheet = rollupsSheet(result);
    expect(sheet.charts!.map((c) => c.name).slice(-1)).toEqual([`PP_Chart_Output_${MAX_TRAJECTORY_CHARTS}`]);
    expect(sheet.charts).toHaveLength(1 + MAX_TRAJECTORY_CHARTS);
    expect(sheet.rows.some((r) => String(r[0]?.v).includes(`前 ${MAX_TRAJECTORY_CHARTS} 个主平台`))).toBe(true);
  });
});

describe("charts through the adapters", () => {
  it("Office builds each chart series by series: names from the header row, values per column, years as categories, the band stacked", async () => {
    const sheet = rollupsSheet(withStats());
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    // Excel's guess from the chart's source is not trusted: here it makes one series too many.
    fake.chartGuess = "extra";
    const port = new OfficeWorkbook(fake.run, () => true);
    await port.writeSheets([sheet]);
    const [perMu, trajectory] = sheet.charts!;
    const charts = fake.sheet("汇总")!.charts;
    expect(charts.map((c) => c.name)).toEqual([PER_MU_CHART, "PP_Chart_Output_1"]);
    const drawn = charts[1];
    const { top, bottom } = trajectory.range;
    expect(drawn).toMatchObject({
      type: "Line",
      title: trajectory.title,
      xAxisTitle: "年份 / Year",
      yAxisTitle: "亿元 / 100M yuan",
      topLeft: `G${top + 1}`,
      width: 420,
      height: 225,
      displayBlanksAs: "Interplotted",
    });
    const years = { top: top + 1, left: 0, bottom, right: 0 };
    const column = (c: number) => ({ top: top + 1, left: c, bottom, right: c });
    // Exactly the three series of the spec, in order; Excel's own two are gone.
    expect(drawn.series).toEqual([
      { name: "产值（亿元）/ Output (100M yuan)", values: column(1), xValues: years, chartType: "Line" },
      {
        name: "P10（亿元）/ P10 (100M yuan)",
        values: column(2),
        xValues: years,
        chartType: "AreaStacked",
        fill: "none",
        lineStyle: "None",
      },
      {
        name: "P10–P90 区间（亿元）/ P10–P90 band (100M yuan)",
        values: column(3),
        xValues: years,
        chartType: "AreaStacked",
        fill: "#BDD7EE",
      },
    ]);
    expect(charts[0].series.map((s) => [s.name, s.values, s.chartType])).toEqual([
      [
        "亩均产出（万元/亩）/ Output per mu (10k yuan/mu)",
        { top: perMu.range.top + 1, left: 1, bottom: perMu.range.bottom, right: 1 },
        undefined,
      ],
      [
        "基准线 500（万元/亩）/ Benchmark 500 (10k yuan/mu)",
        { top: perMu.range.top + 1, left: 2, bottom: perMu.range.bottom, right: 2 },
        "Line",
      ],
    ]);
    // The cells the series read hold the result's numbers.
    const grid: SheetGrid = await port.readGrid("汇总");
    expect(grid.values[bottom].slice(0, 5)).toEqual([2018, 1287, 1150, 250, 1400]);
    // A re-run replaces the charts instead of adding to them.
    await port.writeSheets([sheet]);
    expect(fake.sheet("汇总")!.charts.map((c) => [c.name, c.series.length])).toEqual([
      [PER_MU_CHART, 2],
      ["PP_Chart_Output_1", 3],
    ]);
  });

  it("a bad chart spec fails before anything changes", async () => {
    const sheet = rollupsSheet(withStats());
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const port = new OfficeWorkbook(fake.run, () => true);
    const twice = { ...sheet, charts: [sheet.charts![0], { ...sheet.charts![1], name: PER_MU_CHART.toLowerCase() }] };
    await expect(port.writeSheets([twice])).rejects.toMatchObject({ code: "bad-chart" });
    const flat = { ...sheet, charts: [{ ...sheet.charts![0], range: { ...sheet.charts![0].range, right: 0 } }] };
    await expect(port.writeSheets([flat])).rejects.toMatchObject({ code: "bad-chart" });
    expect(fake.names()).toEqual(["Sheet1"]);
  });

  it("memory records the chart specs; xlsx writes the data blocks and a chart part per spec (tests/workbook/xlsxCharts*)", async () => {
    const sheet = rollupsSheet(withStats());
    const memory = new MemoryWorkbook();
    await memory.writeSheets([sheet]);
    expect(memory.writtenSpec("汇总")?.charts).toEqual(sheet.charts);
    const xlsx = XlsxWorkbook.create();
    await xlsx.writeSheets([sheet]);
    const bytes = await xlsx.toBuffer();
    const back = await (await XlsxWorkbook.open(bytes)).readGrid("汇总");
    expect(back.values[sheet.charts![1].range.bottom].slice(0, 5)).toEqual([2018, 1287, 1150, 250, 1400]);
    const parts = OpcPackage.read(bytes, Number.MAX_SAFE_INTEGER).names();
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(sheet.charts!.length);
  });
});
