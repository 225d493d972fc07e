/**
 * The chart data blocks under the 情景对比 table, and the native charts drawn over them: the region
 * output fan of each scenario (deterministic path, P50, and the P10–P90 band as two stacked areas, the
 * lower one unfilled) and the probability of each target as clustered bars, one bar per scenario.
 * Each block: top row the series names, left column the categories, one column per series; its chart
 * sits under it at the left edge, so a chart never reaches past the printed width of the tables above.
 */
import type { ComparisonModel } from "../../compare/types.js";
import type { ChartSeriesStyle, ChartSpec } from "../sheetSpec.js";
import { words, type Words } from "./language.js";
import { num, type SheetBuilder, text } from "./layout.js";

/** A chart's size in pixels (the sheet narrows it to its tables' width when they are narrower). */
export const CHART_SIZE = { width: 560, height: 300 };
/** Rows a chart covers at Excel's default 20 px row height, plus one of gap. */
export const CHART_ROWS = Math.ceil(CHART_SIZE.height / 20) + 1;
const BAND_FILL = "#BDD7EE";

function header(b: SheetBuilder, heads: string[]): number {
  return b.row(heads.map((h) => text(h, "header")));
}

/** The rows under a block that its chart covers; returns the chart's first row. */
function chartRows(b: SheetBuilder): number {
  const at = b.size;
  while (b.size < at + CHART_ROWS) b.blank();
  return at;
}

function fanBlock(b: SheetBuilder, model: ComparisonModel, k: number, w: Words): ChartSpec {
  const { scenario, points } = model.fans[k];
  const monteCarlo = model.scenarios[k].runs > 0;
  b.note(w(`图表数据：全市产值 · ${scenario}（亿元）`, `Chart data: region output, ${scenario} (100M yuan)`));
  const year = w("年份", "Year");
  const deterministic = w("确定性", "Deterministic");
  const heads = monteCarlo ? [year, "P10", "P10–P90", deterministic, "P50"] : [year, deterministic];
  const top = header(b, heads);
  for (const p of points) {
    const band = p.p10 !== null && p.p90 !== null ? p.p90 - p.p10 : null;
    b.row(
      monteCarlo
        ? [num(p.year), num(p.p10, "yi"), num(band, "yi"), num(p.value, "yi"), num(p.p50, "yi")]
        : [num(p.year), num(p.value, "yi")],
    );
  }
  const series: ChartSeriesStyle[] = monteCarlo
    ? [{ type: "areaStacked", fill: "none" }, { type: "areaStacked", fill: BAND_FILL }, { type: "line" }, { type: "line" }]
    : [{ type: "line" }];
  const at = chartRows(b);
  return {
    name: `PP_Chart_Compare_Output_${k + 1}`,
    title: w(`全市产值 · ${scenario}`, `Region output · ${scenario}`),
    type: "line",
    range: { top, left: 0, bottom: top + points.length, right: heads.length - 1 },
    series,
    xAxisTitle: year,
    yAxisTitle: w("亿元", "100M yuan"),
    position: { row: at, col: 0, ...CHART_SIZE },
  };
}

function targetBlock(b: SheetBuilder, model: ComparisonModel, w: Words): ChartSpec | null {
  if (model.targetBars.length === 0) return null;
  b.note(w("图表数据：目标达标概率", "Chart data: probability of each target"));
  const top = header(b, [w("目标", "Target"), ...model.scenarios.map((s) => s.name)]);
  for (const bar of model.targetBars) b.row([text(bar.targetId), ...bar.probabilities.map((p) => num(p, "pct"))]);
  const at = chartRows(b);
  return {
    name: "PP_Chart_Compare_Targets",
    title: w("目标达标概率", "Probability of each target"),
    type: "columnClustered",
    range: { top, left: 0, bottom: top + model.targetBars.length, right: model.scenarios.length },
    yAxisTitle: w("概率", "probability"),
    position: { row: at, col: 0, ...CHART_SIZE },
  };
}

/** Append every chart data block to the sheet; returns the charts drawn over them. */
export function comparisonChartBlocks(b: SheetBuilder, model: ComparisonModel, w: Words = words()): ChartSpec[] {
  b.row([text(w("图表数据", "Chart data"), "title")]);
  const charts = model.fans.map((_, k) => fanBlock(b, model, k, w));
  const bars = targetBlock(b, model, w);
  return bars ? [...charts, bars] : charts;
}
