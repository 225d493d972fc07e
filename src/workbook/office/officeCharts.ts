/**
 * ChartSpec → a native Excel chart, series by series (ExcelApi 1.7 `series.add` + `setValues`), never from
 * Excel's guess: `charts.add` needs a source range and makes series of its own from it, however it reads
 * the range (a numeric year column can become a series). So a chart is added in two steps:
 * (1) `queueChart`: add it over the first value column, name, titles, position, and load how many series
 *     Excel made; (2) after that sync, `queueSeries`: add every series of the spec explicitly (name, values,
 *     categories, style), then delete the series Excel made, highest index first so the indexes hold.
 */
import { a1 } from "../grid.js";
import type { ChartSeriesStyle, ChartSpec, ChartType, SheetSpec } from "../sheetSpec.js";
import type { ApiSupport } from "./runner.js";

// String values, not the Excel enums: the enums exist only once office.js has loaded.
const CHART_TYPES = { line: "Line", columnClustered: "ColumnClustered", area: "Area" } as const satisfies Record<ChartType, string>;
const SERIES_TYPES = { line: "Line", columnClustered: "ColumnClustered", areaStacked: "AreaStacked" } as const satisfies Record<
  NonNullable<ChartSeriesStyle["type"]>,
  string
>;

/** Pixels → points at 96 dpi (chart sizes are points in the API). */
const points = (px: number): number => px * 0.75;

/** A chart added in step 1, waiting for its series. */
export interface PendingChart {
  chart: Excel.Chart;
  spec: ChartSpec;
}

/** Calls queued by queueChart (the bytes budget of the Batcher): about 10. */
export const CHART_CALLS = 10;
/** Calls queued per series by queueSeries: add, values, categories, style, and the delete of a guessed one. */
export const SERIES_CALLS = 7;

/** Step 1: the chart itself, over its first value column; loads the count of the series Excel made. */
export function queueChart(ws: Excel.Worksheet, spec: ChartSpec, supports: ApiSupport): PendingChart {
  const { top, left, bottom } = spec.range;
  const chart = ws.charts.add(CHART_TYPES[spec.type], ws.getRangeByIndexes(top + 1, left + 1, bottom - top, 1), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  if (spec.xAxisTitle) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
  if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
  chart.setPosition(a1(spec.position.row, spec.position.col));
  chart.width = points(spec.position.width);
  chart.height = points(spec.position.height);
  // Empty cells (years without statistics) are bridged instead of dropping the band to zero.
  if (supports("1.8")) chart.displayBlanksAs = "Interplotted";
  chart.series.load("count");
  return { chart, spec };
}

/** The series name: the header cell above the column, as text. */
function seriesName(rows: SheetSpec["rows"], row: number, col: number): string {
  const v = rows[row]?.[col]?.v;
  return v === null || v === undefined ? "" : String(v);
}

/** Step 2 (after the sync that loaded the count): ParkPlan's series in order, then Excel's guesses removed. */
export function queueSeries(ws: Excel.Worksheet, { chart, spec }: PendingChart, rows: SheetSpec["rows"]): void {
  const { top, left, bottom, right } = spec.range;
  const guessed = chart.series.count;
  const categories = ws.getRangeByIndexes(top + 1, left, bottom - top, 1);
  for (let k = 0; k < right - left; k++) {
    const col = left + 1 + k;
    const series = chart.series.add(seriesName(rows, top, col));
    series.setValues(ws.getRangeByIndexes(top + 1, col, bottom - top, 1));
    series.setXAxisValues(categories);
    const style = spec.series?.[k];
    if (style?.type) series.chartType = SERIES_TYPES[style.type];
    if (style?.fill === "none") {
      series.format.fill.clear();
      series.format.line.lineStyle = "None";
    } else if (style?.fill) series.format.fill.setSolidColor(style.fill);
  }
  for (let k = guessed - 1; k >= 0; k--) chart.series.getItemAt(k).delete();
}
