/**
 * A ChartSpec as a DrawingML chart part (`xl/charts/chartN.xml`, c:chartSpace), bound to its data block:
 * every series names its header cell (c:tx strRef), its categories and values (c:cat, c:val) by absolute
 * references into the sheet ('汇总'!$B$5:$B$12), each with a cache of the cells' values so a viewer shows the
 * chart before it recalculates. Series of different types (a line over a stacked P10–P90 band, a benchmark
 * line over columns) become one chart group per type over the same two axes: a combo chart, as the Office
 * adapter makes. Empty cells are spanned (Office's "Interplotted"). Element order is the schema's.
 */
import { columnLetters } from "../grid.js";
import type { OoxmlNamespaces } from "../package/conformance.js";
import { escapeAttr, escapeText } from "../package/xml.js";
import { FORMAT_CODES, writableValue, type ChartSeriesStyle, type ChartSpec, type SheetSpec, type SpecCell } from "../sheetSpec.js";

/** How a series is drawn: the chart groups of DrawingML. */
export type SeriesKind = "line" | "column" | "area" | "areaStacked";

const KIND_OF_CHART = { line: "line", columnClustered: "column", area: "area" } as const satisfies Record<ChartSpec["type"], SeriesKind>;
const KIND_OF_STYLE = { line: "line", columnClustered: "column", areaStacked: "areaStacked" } as const satisfies Record<
  NonNullable<ChartSeriesStyle["type"]>,
  SeriesKind
>;
/** Groups drawn first sit behind: bands, then columns, then lines. */
const DRAW_ORDER: SeriesKind[] = ["areaStacked", "area", "column", "line"];

/** The two axes every chart group shares. */
const CAT_AX = 500100;
const VAL_AX = 500200;

/** One series as written: its references and cached values. */
export interface ChartSeries {
  /** c:idx and c:order: the position in drawing order (groups by DRAW_ORDER, spec order inside a group). */
  index: number;
  /** The sheet column (0-based) of its values. */
  column: number;
  /** Its position among the spec's series (0 = the first column after the categories). */
  specIndex: number;
  kind: SeriesKind;
  style: ChartSeriesStyle;
  /** '汇总'!$B$4 */
  nameRef: string;
  name: string;
  categoriesRef: string;
  /** Numbers when every category cell holds a number (years), else text. */
  categories: { numeric: boolean; values: (string | number | null)[] };
  valuesRef: string;
  values: (number | null)[];
  formatCode: string;
}

/** A sheet name in a formula: always quoted, quotes doubled ('预测', 'It''s'). */
export const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
const absolute = (row: number, col: number): string => `$${columnLetters(col)}$${row + 1}`;
const columnRef = (sheet: string, col: number, top: number, bottom: number): string =>
  `${quotedSheet(sheet)}!${absolute(top, col)}:${absolute(bottom, col)}`;

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold at all
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
/** Text content: escaped, with characters XML cannot hold dropped (a chart title has no escape for them). */
const text = (s: string): string => escapeText(s.replace(NOT_XML, ""));

function cellOf(spec: SheetSpec, row: number, col: number): SpecCell | undefined {
  return spec.rows[row]?.[col];
}

const numberOf = (cell: SpecCell | undefined): number | null => {
  const v = cell ? writableValue(cell.v) : null;
  return typeof v === "number" ? v : null;
};

const textOf = (cell: SpecCell | undefined): string => {
  const v = cell ? writableValue(cell.v) : null;
  return v === null ? "" : String(v);
};

/**
 * The series of a chart in drawing order: the series of column left + 1 + k, rows top + 1 … bottom, grouped
 * by kind. Its position is its c:idx, so a legend entry's index is the same whether a reader counts series
 * or legend entries (Excel and LibreOffice list a combo's legend group by group).
 */
export function chartSeries(spec: SheetSpec, chart: ChartSpec): ChartSeries[] {
  const { top, left, bottom, right } = chart.range;
  const rows = Array.from({ length: bottom - top }, (_, k) => top + 1 + k);
  // A lazy sheet makes a row on each read: read every row of the block once.
  const block = rows.map((r) => Array.from({ length: right - left + 1 }, (_, c) => cellOf(spec, r, left + c)));
  const categoryCells = block.map((cells) => cells[0]);
  const numeric = categoryCells.every((c) => c === undefined || writableValue(c.v) === null || typeof c.v === "number");
  const categories = {
    numeric,
    values: categoryCells.map((c) => (numeric ? numberOf(c) : textOf(c) === "" ? null : textOf(c))),
  };
  const categoriesRef = columnRef(spec.name, left, top + 1, bottom);
  const inSpecOrder = Array.from({ length: right - left }, (_, k) => {
    const col = left + 1 + k;
    const style = chart.series?.[k] ?? {};
    const cells = block.map((cellsOfRow) => cellsOfRow[k + 1]);
    const fmt = cells.find((c) => c?.fmt !== undefined && numberOf(c) !== null)?.fmt;
    return {
      index: k,
      specIndex: k,
      column: col,
      kind: style.type ? KIND_OF_STYLE[style.type] : KIND_OF_CHART[chart.type],
      style,
      nameRef: `${quotedSheet(spec.name)}!${absolute(top, col)}`,
      name: textOf(cellOf(spec, top, col)),
      categoriesRef,
      categories,
      valuesRef: columnRef(spec.name, col, top + 1, bottom),
      values: cells.map(numberOf),
      formatCode: fmt ? FORMAT_CODES[fmt] : "General",
    };
  });
  const drawn = DRAW_ORDER.flatMap((kind) => inSpecOrder.filter((s) => s.kind === kind));
  return drawn.map((s, index) => ({ ...s, index }));
}

const val = (name: string, v: string | number): string => `<c:${name} val="${escapeAttr(String(v))}"/>`;

function numCache(values: (number | null)[], formatCode: string): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>${text(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function strCache(values: (string | number | null)[]): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${text(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

/** Colour "#RRGGBB" → "RRGGBB". */
const rgb = (fill: string): string => fill.replace(/^#/, "").toUpperCase();

/**
 * The series' shape properties: invisible ("none"), else its colour (the line of a line, the fill of an
 * area or column): the spec's, or the theme's accent of its position in the spec, as Excel colours the
 * series the Office adapter adds one by one.
 */
function shapeXml(s: ChartSeries): string {
  const fill = s.style.fill;
  if (fill === "none") return `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`;
  const colour = fill ? `<a:srgbClr val="${escapeAttr(rgb(fill))}"/>` : `<a:schemeClr val="accent${(s.specIndex % 6) + 1}"/>`;
  const solid = `<a:solidFill>${colour}</a:solidFill>`;
  return s.kind === "line"
    ? `<c:spPr><a:ln w="28575" cap="rnd">${solid}<a:round/></a:ln></c:spPr>`
    : `<c:spPr>${solid}<a:ln><a:noFill/></a:ln></c:spPr>`;
}

function seriesXml(s: ChartSeries): string {
  const tx = `<c:tx><c:strRef><c:f>${text(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
  const cat = s.categories.numeric
    ? `<c:cat><c:numRef><c:f>${text(s.categoriesRef)}</c:f>${numCache(s.categories.values as (number | null)[], "General")}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${text(s.categoriesRef)}</c:f>${strCache(s.categories.values)}</c:strRef></c:cat>`;
  const values = `<c:val><c:numRef><c:f>${text(s.valuesRef)}</c:f>${numCache(s.values, s.formatCode)}</c:numRef></c:val>`;
  const head = `${val("idx", s.index)}${val("order", s.index)}${tx}${shapeXml(s)}`;
  // CT_LineSer: … spPr, marker, …, cat, val, smooth; CT_BarSer: … spPr, invertIfNegative, …, cat, val; CT_AreaSer: … spPr, …, cat, val.
  if (s.kind === "line") return `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${cat}${values}${val("smooth", 0)}</c:ser>`;
  if (s.kind === "column") return `<c:ser>${head}${val("invertIfNegative", 0)}${cat}${values}</c:ser>`;
  return `<c:ser>${head}${cat}${values}</c:ser>`;
}

const AXES = `${val("axId", CAT_AX)}${val("axId", VAL_AX)}`;

function groupXml(kind: SeriesKind, series: ChartSeries[]): string {
  const ser = series.map(seriesXml).join("");
  switch (kind) {
    case "line":
      return `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${ser}${val("marker", 1)}${AXES}</c:lineChart>`;
    case "column":
      return `<c:barChart>${val("barDir", "col")}${val("grouping", "clustered")}${val("varyColors", 0)}${ser}${val("gapWidth", 150)}${AXES}</c:barChart>`;
    case "area":
    case "areaStacked":
      return `<c:areaChart>${val("grouping", kind === "area" ? "standard" : "stacked")}${val("varyColors", 0)}${ser}${AXES}</c:areaChart>`;
  }
}

/** A title (chart or axis) as rich text; an axis title on the value axis reads bottom to top. */
function titleXml(title: string, size: number, rotated = false): string {
  const body = rotated ? `<a:bodyPr rot="-5400000" vert="horz"/>` : `<a:bodyPr/>`;
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" altLang="en-US" sz="${size}" b="0"/><a:t>${text(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val("overlay", 0)}</c:title>`
  );
}

/** Round ticks read best without the cells' decimals; shares stay percentages. */
const axisFormat = (series: ChartSeries[]): string => (series[0]?.formatCode === FORMAT_CODES.pct ? "0%" : "General");

/** Probabilities (every value a share in 0–1) stop at 100 %, not at the next round tick above it. */
function valueScaling(series: ChartSeries[]): string {
  const shares =
    series.length > 0 && series.every((s) => s.formatCode === FORMAT_CODES.pct && s.values.every((v) => v === null || (v >= 0 && v <= 1)));
  return `<c:scaling>${val("orientation", "minMax")}${shares ? `${val("max", 1)}${val("min", 0)}` : ""}</c:scaling>`;
}

function axesXml(chart: ChartSpec, series: ChartSeries[]): string {
  const scaling = `<c:scaling>${val("orientation", "minMax")}</c:scaling>`;
  // Category labels at the bottom of the plot even when values go below zero (a tornado).
  const catAx =
    `<c:catAx>${val("axId", CAT_AX)}${scaling}${val("delete", 0)}${val("axPos", "b")}` +
    `${chart.xAxisTitle ? titleXml(chart.xAxisTitle, 1000) : ""}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "low")}${val("crossAx", VAL_AX)}` +
    `${val("crosses", "autoZero")}${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>`;
  // Areas alone start at the first category; with columns or lines every category gets its slot.
  const between = series.every((s) => s.kind === "area" || s.kind === "areaStacked") ? "midCat" : "between";
  const valAx =
    `<c:valAx>${val("axId", VAL_AX)}${valueScaling(series)}${val("delete", 0)}${val("axPos", "l")}<c:majorGridlines/>` +
    `${chart.yAxisTitle ? titleXml(chart.yAxisTitle, 1000, true) : ""}<c:numFmt formatCode="${axisFormat(series)}" sourceLinked="0"/>` +
    `${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${val("crossAx", CAT_AX)}` +
    `${val("crosses", "autoZero")}${val("crossBetween", between)}</c:valAx>`;
  return catAx + valAx;
}

/** The chart part's XML, in the package's own DrawingML namespaces. */
export function chartXml(spec: SheetSpec, chart: ChartSpec, ns: OoxmlNamespaces): string {
  const series = chartSeries(spec, chart);
  const groups = DRAW_ORDER.flatMap((kind) => {
    const members = series.filter((s) => s.kind === kind);
    return members.length ? [groupXml(kind, members)] : [];
  });
  // An invisible series (the band's unfilled lower edge) has no entry in the legend.
  const hidden = series
    .filter((s) => s.style.fill === "none")
    .map((s) => `<c:legendEntry>${val("idx", s.index)}${val("delete", 1)}</c:legendEntry>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${ns.chart}" xmlns:a="${ns.drawingMain}" xmlns:r="${ns.relationships}">` +
    `${val("date1904", 0)}${val("lang", "zh-CN")}${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(chart.title, 1400)}${val("autoTitleDeleted", 0)}` +
    `<c:plotArea><c:layout/>${groups.join("")}${axesXml(chart, series)}</c:plotArea>` +
    `<c:legend>${val("legendPos", "b")}${hidden.join("")}${val("overlay", 0)}</c:legend>` +
    `${val("plotVisOnly", 1)}${val("dispBlanksAs", "span")}</c:chart>` +
    `</c:chartSpace>`
  );
}
