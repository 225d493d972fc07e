/** ChartSpec → a native Excel chart (`worksheet.charts.add`), queued without loading anything. */
import { a1 } from "../grid.js";
import type { ChartSpec, ChartSeriesStyle, ChartType } from "../sheetSpec.js";
import type { ApiSupport } from "./runner.js";

// String values, not the Excel enums: the enums exist only once office.js has loaded.
const CHART_TYPES = { line: "Line", columnClustered: "ColumnClustered", area: "Area" } as const satisfies Record<ChartType, string>;
const SERIES_TYPES = { line: "Line", columnClustered: "ColumnClustered", areaStacked: "AreaStacked" } as const satisfies Record<
  NonNullable<ChartSeriesStyle["type"]>,
  string
>;

/** Pixels → points at 96 dpi (chart sizes are points in the API). */
const points = (px: number): number => px * 0.75;

/** Queue one chart; calls made: about 8 plus 4 per series. */
export function addChart(ws: Excel.Worksheet, spec: ChartSpec, supports: ApiSupport): void {
  const { top, left, bottom, right } = spec.range;
  // Series from the value columns only, categories set explicitly: Excel would take a numeric year column for a series.
  const data = ws.getRangeByIndexes(top, left + 1, bottom - top + 1, right - left);
  const categories = ws.getRangeByIndexes(top + 1, left, bottom - top, 1);
  const chart = ws.charts.add(CHART_TYPES[spec.type], data, "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  if (spec.xAxisTitle) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
  if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
  chart.setPosition(a1(spec.position.row, spec.position.col));
  chart.width = points(spec.position.width);
  chart.height = points(spec.position.height);
  // Empty cells (years without statistics) are bridged instead of dropping the band to zero.
  if (supports("1.8")) chart.displayBlanksAs = "Interplotted";
  for (let k = 0; k < right - left; k++) {
    const series = chart.series.getItemAt(k);
    series.setXAxisValues(categories);
    const style = spec.series?.[k];
    if (style?.type) series.chartType = SERIES_TYPES[style.type];
    if (style?.fill === "none") {
      series.format.fill.clear();
      series.format.line.lineStyle = "None";
    } else if (style?.fill) series.format.fill.setSolidColor(style.fill);
  }
}
