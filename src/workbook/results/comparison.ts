/**
 * 情景对比: the comparison printed as a handout (A4 landscape, one page wide, ≥ 8 pt). Years are columns,
 * so the width does not grow with the scenarios: one block per key figure (a heading row with the
 * indicator and its unit, then per scenario its rows: deterministic value, P10/P50/P90 where Monte Carlo
 * gave quantiles, the difference from the baseline), then one block per target (a heading row with the
 * target's text and year, then per scenario: met/evaluable, probability, their differences, and for a
 * region target its value). Labels are written once per block, not on every row. Under the tables the
 * assumptions (one line where all scenarios agree), definitions, then the chart data blocks with their
 * charts. Pure: a ComparisonModel in, a SheetSpec out.
 */
import type { Bilingual, ComparisonModel } from "../../compare/types.js";
import type { ChartSpec, SheetSpec, SpecCell } from "../sheetSpec.js";
import { comparisonChartBlocks } from "./comparisonCharts.js";
import { comparisonHeaders, figureBlock, figuresOf, scenarioLabel, targetBlock } from "./comparisonBlocks.js";
import { headerHeight, headerLines, SheetBuilder, text, textWidth, wrapUnits } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export {
  comparisonHeaders,
  figureMeasures,
  IMPROVEMENT_STYLE,
  measureLabel,
  targetMeasureLabel,
  targetMeasures,
  type FigureMeasure,
  type TargetMeasure,
} from "./comparisonBlocks.js";

export const COMPARISON_TABLE = "PP_Comparison";
/** Rows above the key-figure table's data: title, note, the scenarios' legend, header. */
export const COMPARISON_HEADER_ROWS = 4;
/** Columns before the years: indicator (its heading row) or scenario, then the measure. */
export const LEAD_COLUMNS = 2;

/** The definitions under the assumptions. */
const NOTES: Bilingual[] = [
  {
    zh: "千亿平台、亩均产出 ≥ 500 万元/亩的平台按主平台（含其分区）计数，取确定性路径，不给分位数",
    en: "Platform counts are main platforms with their sub-parks, on the deterministic path (no quantiles).",
  },
  {
    zh: "目标：达标/可评估 = 达标对象数/可评估对象数；概率 = 各对象达标概率的平均（期望达标比例），全市目标即其达标概率；全市数值 = 全市目标的确定性值",
    en: "Targets: met/evaluable subjects; probability = mean over the subjects (expected share met), for a region target its own probability; region value = a region target's deterministic value.",
  },
  {
    zh: "累计未分配新增用地 = 基年之后至该年各年未能分配的新增用地之和（确定性路径）",
    en: "Unallocated land is the sum over the years up to that year (deterministic path).",
  },
  {
    zh: "数值 = 确定性路径；P10/P50/P90 为蒙特卡洛分位数（R-7）；差值 = 情景值 − 基准值（绿 = 改善，红 = 变差，按指标方向）",
    en: "value = deterministic path; P10/P50/P90 are Monte Carlo quantiles (R-7); diff = scenario − baseline (green better, red worse, by the indicator's direction).",
  },
];

/** Where a comparison's figures and targets sit in its sheet (0-based rows), for tests and readers. */
export interface ComparisonLayout {
  /** The row of each key figure's heading, by figure key ("output"), and of each target's, by "target:<id>". */
  headings: Map<string, number>;
}

/** The 情景对比 sheet; `charts` come from the chart data blocks at the bottom. */
export function buildComparisonSheet(model: ComparisonModel, w: Words = words()): SheetSpec {
  return comparisonSheet(model, w).spec;
}

/** The sheet and where its blocks are. */
export function comparisonSheet(model: ComparisonModel, w: Words = words()): { spec: SheetSpec; layout: ComparisonLayout } {
  const names = model.scenarios.map((s) => s.name);
  const headers = comparisonHeaders(model, w);
  const figures = figuresOf(model).map((f) => ({ key: f.key, ...figureBlock(model, f, w) }));
  const counts = model.rows.filter((r) => r.kind === "target-count");
  const targets = counts.map((count) => ({
    key: `target:${count.targetId}`,
    ...targetBlock(
      model,
      count,
      model.rows.find((r) => r.kind === "target-value" && r.targetId === count.targetId),
      w,
    ),
  }));
  // The tables' rows and headers set the widths; headings, assumptions and notes are wrapped to them.
  const measured = [headers.map((x) => text(x, "header"))];
  for (const block of [...figures, ...targets]) measured.push(...block.rows);
  const tableUnits = tableWidths(w, measured);
  const room = tableUnits.reduce((a, c) => a + c, 0) - 2;
  const valueRoom = room - (tableUnits[0] ?? 0);

  const headings = new Map<string, number>();
  const b = new SheetBuilder();
  // Chinese in a bilingual sheet, as sheetTitle (layout.ts) writes the other sheets' titles.
  const title = `${w.lang === "en" ? "Platform upgrading scenario comparison" : "平台优化提升情景对比"} · ${names.join(" / ")}`;
  // The title row at 14 pt: the scenarios' names only when they fit the tables' width (the legend below and the page header name them).
  b.title(textWidth(title) * TITLE_SCALE <= room ? title : title.slice(0, title.indexOf(" · ")), headers.length);
  b.note(
    [
      w("情景对比", "Scenario comparison"),
      `${w("基准情景", "baseline")}: ${names[model.baseline]}`,
      `${w("报告年份", "report years")}: ${model.years.join(", ")}`,
      w("差值 = 情景 − 基准", "diff = scenario − baseline"),
    ].join(" · "),
  );
  b.note(
    `${w("情景", "Scenarios")}: ${model.scenarios
      .map(
        (s, k) =>
          `${scenarioLabel(model, k)}${k === model.baseline ? `（${w("基准", "baseline")}）` : ""}${s.runs > 0 ? "" : ` [${w("仅确定性", "deterministic only")}]`}`,
      )
      .join("　")}`,
  );

  // Each block: its heading on one row (or its Chinese and English on a row each, wrapped to the table's width), then its rows.
  const blockRows = (blocks: typeof figures, top: number): SpecCell[][] => {
    const rows: SpecCell[][] = [];
    for (const block of blocks) {
      headings.set(block.key, top + 1 + rows.length);
      for (const line of headingLines(w, block.heading, room)) rows.push([text(line)]);
      rows.push(...block.rows);
    }
    return rows;
  };
  // One table (one header, repeated on every printed page): the key figures, then the targets under a section row.
  const headerAt = b.size;
  const rows = blockRows(figures, headerAt);
  if (targets.length > 0) {
    rows.push([text(w("规划目标", "Plan targets"), "title")]);
    rows.push(...blockRows(targets, headerAt + rows.length));
  }
  b.table(COMPARISON_TABLE, headers, rows);

  b.blank();
  b.row([text(w("情景假设", "Scenario assumptions"), "title")]);
  // One line where every scenario says the same, else the label and a line per scenario; long values wrap.
  const assumption = (label: string, values: string[]) => {
    const put = (lead: SpecCell, v: string) => wrapped(v, valueRoom).forEach((line, j) => b.row([j === 0 ? lead : text(null), text(line)]));
    if (values.every((v) => v === values[0])) put(text(label, "header"), values[0]);
    else {
      b.row([text(label, "header")]);
      values.forEach((v, k) => put(text(scenarioLabel(model, k)), v));
    }
  };
  model.scenarios[0].assumptions.forEach((a, j) =>
    assumption(
      w.of(a.label),
      model.scenarios.map((s) => s.assumptions[j]?.value ?? ""),
    ),
  );
  assumption(
    w("引擎", "Engine"),
    model.scenarios.map((s) => s.engine),
  );

  b.blank();
  b.row([text(w("说明", "Notes"), "title")]);
  for (const n of NOTES) for (const line of headingLines(w, n, room)) b.note(line);

  b.blank();
  const chartStart = b.size;
  const charts = comparisonChartBlocks(b, model, w);
  const spec = b.build(SHEET_NAMES.comparison, COMPARISON_HEADER_ROWS, printSetup(w, title, { top: headerAt, bottom: headerAt }));
  // Widths fit the tables and the chart data (its headers wrap: only their longest word counts); the years' columns alike.
  const chartRows = b.rows.slice(chartStart).map((r) => r.map((c) => (c.style === "header" ? text(longestWord(String(c.v ?? ""))) : c)));
  const columnWidths = evenYears(tableWidths(w, [...measured, ...chartRows]), model.years.length);
  return {
    spec: { ...spec, columnWidths, rowHeights: headerRowHeights(spec, columnWidths), charts: charts.map((c) => within(c, columnWidths)) },
    layout: { headings },
  };
}

/** A block's heading lines: "中文 / English" on one line when it fits `room` units, else each language wrapped on its own lines. */
function headingLines(w: Words, heading: Bilingual, room: number): string[] {
  const one = w(heading.zh, heading.en);
  if (textWidth(one) <= room) return [one];
  return [...(w.has("zh") ? wrapped(heading.zh, room) : []), ...(w.has("en") ? wrapped(heading.en, room) : [])];
}

/** `s` in lines of at most `room` display units (textWidth): after a "；" where it can, else between words or CJK characters. */
export function wrapped(s: string, room: number): string[] {
  if (textWidth(s) <= room) return [s];
  const clauses = s.split(/(?<=；)/);
  if (clauses.length > 1) {
    const lines: string[] = [];
    for (const clause of clauses) {
      const last = lines.length - 1;
      if (last >= 0 && textWidth(lines[last] + clause) <= room) lines[last] += clause;
      else lines.push(...wrapped(clause, room));
    }
    return lines;
  }
  const lines: string[] = [];
  let line = "";
  for (const token of wrapUnits(s)) {
    // A line never starts with closing punctuation: it stays with the text before it.
    if (line && textWidth(line + token) > room && !/^[\s；，。、：）]/.test(token)) {
      lines.push(line.trimEnd());
      line = "";
    }
    if (!line && /^\s/.test(token)) continue;
    line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The title's font (14 pt) against the body's (11 pt), a little more for bold. */
const TITLE_SCALE = 1.35;

/** The widest run a wrapped line cannot break: an English word or one CJK character. */
function longestWord(s: string): string {
  return wrapUnits(s)
    .filter((t) => !/^\s/.test(t))
    .reduce((a, t) => (textWidth(t) > textWidth(a) ? t : a), "");
}

/** The report years' columns (after the lead columns) all as wide as the widest of them. */
function evenYears(widths: number[], years: number): number[] {
  const span = widths.slice(LEAD_COLUMNS, LEAD_COLUMNS + years);
  const widest = Math.max(...span);
  return widths.map((c, k) => (k >= LEAD_COLUMNS && k < LEAD_COLUMNS + years ? widest : c));
}

/** A chart no wider than the columns (a stored width of `c` units is at least trunc(7c) px): it prints within the page's width. */
function within(chart: ChartSpec, widths: readonly number[]): ChartSpec {
  const px = widths.reduce((sum, c) => sum + Math.trunc(c * 7), 0);
  return px >= chart.position.width ? chart : { ...chart, position: { ...chart.position, width: px } };
}

function tableWidths(w: Words, rows: SpecCell[][]): number[] {
  // A second builder over just these rows, for its CJK-aware width rules (titles and notes are not counted).
  const only = new SheetBuilder();
  for (const r of rows) only.row(r);
  return only.build("widths", 0, printSetup(w, "")).columnWidths ?? [];
}

/** Row heights with each header row's lines counted in the final widths (build() counted its own, wider ones). */
function headerRowHeights(spec: SheetSpec, widths: readonly number[]): Record<number, number> {
  const heights: Record<number, number> = { ...spec.rowHeights };
  spec.rows.forEach((row, r) => {
    let lines = 0;
    row.forEach((cell, c) => {
      if (cell.style === "header" && typeof cell.v === "string") lines = Math.max(lines, headerLines(cell.v, widths[c] ?? 6));
    });
    if (lines > 1) heights[r] = headerHeight(lines);
    else if (lines === 1) delete heights[r];
  });
  return heights;
}
