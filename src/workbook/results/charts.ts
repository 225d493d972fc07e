/**
 * Chart data blocks and native chart specs for 汇总: (a) the output trajectory of each main platform (with
 * its sub-parks), with the P10–P90 band when Monte Carlo ran; (b) 亩均产出 per main platform in the last
 * horizon year against the 500 万元/亩 benchmark. Pure: appends rows to the sheet builder and returns the
 * ChartSpecs that point at them. Both adapters draw the charts over the blocks (Office and .xlsx).
 */
import type { RollupResult, SimulationResult } from "../../../models/results.js";
import type { ChartSpec, SpecCell } from "../sheetSpec.js";
import { num, type SheetBuilder, text } from "./layout.js";
import { words, type Words } from "./language.js";
import { NAME_WRAP } from "./print.js";

/** 亩均论英雄 benchmark line, 万元/亩 (the plans' 500 万元/亩 target). */
export const OUTPUT_PER_MU_LINE = 500;
/** More trajectory charts than this would bury the sheet; the note says which were left out. */
export const MAX_TRAJECTORY_CHARTS = 12;
export const PER_MU_CHART = "PP_Chart_OutputPerMu";
export const trajectoryChartName = (k: number): string => `PP_Chart_Output_${k + 1}`;

const CHART_WIDTH = 560;
const CHART_HEIGHT = 300;
/** Rows a chart covers at Excel's default 20 px row height, plus one to separate it from the next block. */
const CHART_ROWS = Math.ceil(CHART_HEIGHT / 20) + 1;
const BAND_FILL = "#BDD7EE";

const trajectoryHeaders = (w: Words): string[] => [
  w("年份", "Year"),
  w("产值（亿元）", "Output (100M yuan)"),
  w("P10（亿元）", "P10 (100M yuan)"),
  w("P10–P90 区间（亿元）", "P10–P90 band (100M yuan)"),
  w("P90（亿元）", "P90 (100M yuan)"),
];

/** Pad a block with blank rows so the chart beside it does not overlap the next block. */
function padTo(b: SheetBuilder, firstRow: number): void {
  while (b.size < firstRow + CHART_ROWS) b.blank();
}

function perMuBlock(b: SheetBuilder, mains: RollupResult[], year: number, w: Words): ChartSpec {
  b.wrapAt(0, NAME_WRAP);
  b.row([text(w(`亩均产出（${year} 年，主平台含分区）`, `Output per mu (${year}, main platforms with sub-parks)`), "title")]);
  const head = b.row([
    text(w("主平台", "Main platform"), "header"),
    text(w("亩均产出（万元/亩）", "Output per mu (10k yuan/mu)"), "header"),
    text(w(`基准线 ${OUTPUT_PER_MU_LINE}（万元/亩）`, `Benchmark ${OUTPUT_PER_MU_LINE} (10k yuan/mu)`), "header"),
  ]);
  for (const u of mains) {
    const figures = u.years.find((y) => y.year === year);
    // The name wraps like the roll-ups' above it (same column, same cap).
    b.row([text(u.name, "wrap"), num(figures?.outputPerMu, "perMu"), num(OUTPUT_PER_MU_LINE, "perMu")]);
  }
  padTo(b, head);
  return {
    name: PER_MU_CHART,
    title: w(`亩均产出 ${year}`, `Output per mu ${year}`),
    type: "columnClustered",
    range: { top: head, left: 0, bottom: head + mains.length, right: 2 },
    series: [{}, { type: "line" }],
    xAxisTitle: w("主平台", "Main platform"),
    yAxisTitle: w("万元/亩", "10k yuan/mu"),
    position: { row: head, col: 4, width: CHART_WIDTH, height: CHART_HEIGHT },
  };
}

/**
 * Years from the base year to the last report year; P10 and the band width where Monte Carlo statistics
 * exist, and in the base year the observed output with a zero-width band (it is data, not a projection).
 */
function trajectoryBlock(b: SheetBuilder, u: RollupResult, k: number, years: number[], baseYear: number, w: Words): ChartSpec {
  const withStats = u.stats !== undefined;
  // Bilingual, the name is said once ("嘉兴港区：产值轨迹 / output trajectory").
  const heading = w.lang === "both" ? `${u.name}：产值轨迹 / output trajectory` : w(`${u.name}：产值轨迹`, `${u.name}: output trajectory`);
  b.row([text(heading, "title")]);
  const headers = trajectoryHeaders(w);
  const head = b.row((withStats ? headers : headers.slice(0, 2)).map((h) => text(h, "header")));
  for (const year of years) {
    const output = u.years.find((y) => y.year === year)?.output;
    const q = u.stats?.[String(year)]?.output;
    const [p10, p90] = q ? [q.p10, q.p90] : year === baseYear ? [output, output] : [undefined, undefined];
    const cells: SpecCell[] = [num(year), num(output, "yi")];
    if (withStats) cells.push(num(p10, "yi"), num(p10 !== undefined && p90 !== undefined ? p90 - p10 : undefined, "yi"), num(p90, "yi"));
    b.row(cells);
  }
  padTo(b, head);
  return {
    name: trajectoryChartName(k),
    title: w.lang === "both" ? `${u.name} 产值 / Output` : w(`${u.name} 产值`, `${u.name} output`),
    type: "line",
    // The P90 column stays outside the chart: the band is P10 plus its width, stacked.
    range: { top: head, left: 0, bottom: head + years.length, right: withStats ? 3 : 1 },
    ...(withStats
      ? {
          series: [
            { type: "line" as const },
            { type: "areaStacked" as const, fill: "none" },
            { type: "areaStacked" as const, fill: BAND_FILL },
          ],
        }
      : {}),
    xAxisTitle: w("年份", "Year"),
    yAxisTitle: w("亿元", "100M yuan"),
    position: { row: head, col: 6, width: CHART_WIDTH, height: CHART_HEIGHT },
  };
}

/** Append the chart data blocks to `b` (汇总) and return their charts; none without main platforms. */
export function addChartBlocks(b: SheetBuilder, result: SimulationResult, w: Words = words()): ChartSpec[] {
  const mains = result.rollups.filter((u) => u.kind === "main");
  if (mains.length === 0) return [];
  const last = result.reportYears[result.reportYears.length - 1] ?? result.years[result.years.length - 1];
  const years = result.years.filter((y) => y <= last);
  const charted = mains.slice(0, MAX_TRAJECTORY_CHARTS);
  b.row([text(w("图表数据", "Chart data"), "title")]);
  b.note(
    mains.length > charted.length
      ? w(
          `图表引用下列数据；产值轨迹仅绘制前 ${charted.length} 个主平台。基准年为实际值。`,
          `The charts read these blocks; output trajectories are drawn for the first ${charted.length} main platforms only. The base year is observed data.`,
        )
      : w(
          "图表引用下列数据；基准年为实际值，区间宽度为 0。",
          "The charts read these blocks; the base year is observed data with a zero-width band.",
        ),
  );
  const charts = [perMuBlock(b, mains, last, w)];
  charted.forEach((u, k) => charts.push(trajectoryBlock(b, u, k, years, result.baseYear, w)));
  return charts;
}
