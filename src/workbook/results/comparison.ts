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
import { CHECK_OUTCOME_LABELS } from "../../../models/vocabulary.js";
import type { Improvement } from "../../../models/vocabulary.js";
import { cellImprovement, probabilityImprovement } from "../../compare/improvement.js";
import type { Bilingual, ComparisonCell, ComparisonModel, ComparisonRow } from "../../compare/types.js";
import type { CellStyle, ChartSpec, SheetSpec, SpecCell } from "../sheetSpec.js";
import { comparisonChartBlocks } from "./comparisonCharts.js";
import { headerHeight, headerLines, num, SheetBuilder, text, textWidth } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export const COMPARISON_TABLE = "PP_Comparison";
export const COMPARISON_TARGET_TABLE = "PP_Comparison_Targets";
/** Rows above the key-figure table's data: title, note, the scenarios' legend, header. */
export const COMPARISON_HEADER_ROWS = 4;
/** Columns before the years: indicator (its heading row) or scenario, then the measure. */
export const LEAD_COLUMNS = 2;

/** A difference's colour by its row's direction (more energy use is worse), never by its sign: Excel's good / bad. */
export const IMPROVEMENT_STYLE = { better: "met", worse: "notMet", same: undefined, neutral: undefined } satisfies Record<
  Improvement,
  CellStyle | undefined
>;

const judged = (cell: SpecCell, improvement: Improvement): SpecCell => {
  const style = IMPROVEMENT_STYLE[improvement];
  return style ? { ...cell, style } : cell;
};

/** The key-figure table's header: indicator / scenario, measure, then one column per report year. */
export function comparisonHeaders(model: ComparisonModel, w: Words = words()): string[] {
  return [w("指标 · 情景", "Indicator · scenario"), w("统计", "Measure"), ...model.years.map(String)];
}

/** What a scenario's row in a key-figure block holds. */
export type FigureMeasure = "value" | "p10" | "p50" | "p90" | "diff";

export const measureLabel = (m: FigureMeasure, w: Words): string =>
  m === "value" ? w("数值", "value") : m === "diff" ? w("差值", "diff") : m.toUpperCase();

/** The figure's rows (one per report year; FIGURES × years in the model) by year, with the figure's key. */
interface Figure {
  key: string;
  label: ComparisonRow["label"];
  unit: ComparisonRow["unit"];
  byYear: Map<number, ComparisonRow>;
}

function figuresOf(model: ComparisonModel): Figure[] {
  const out = new Map<string, Figure>();
  for (const row of model.rows) {
    if (row.kind !== "figure" && row.kind !== "count") continue;
    const key = row.key.split("@")[0];
    let f = out.get(key);
    if (!f) out.set(key, (f = { key, label: row.label, unit: row.unit, byYear: new Map() }));
    if (row.year !== null) f.byYear.set(row.year, row);
  }
  return [...out.values()];
}

/** A scenario's measures in a figure block: quantiles only where any year has them, a difference unless it is the baseline. */
export function figureMeasures(model: ComparisonModel, figure: Pick<Figure, "byYear">, k: number): FigureMeasure[] {
  const rows = [...figure.byYear.values()];
  const quantiles = rows.some((r) => r.cells[k].p50 !== null);
  return ["value", ...(quantiles ? (["p10", "p50", "p90"] as const) : []), ...(k !== model.baseline ? (["diff"] as const) : [])];
}

/** "1 · 嘉兴 2020 攻坚方案": a scenario's number (as in the legend above the table) and name. */
const scenarioLabel = (model: ComparisonModel, k: number) => `${k + 1} · ${model.scenarios[k].name}`;

/**
 * A scenario's first cells down its rows: its number and name on the first, "基准 / baseline" under it for
 * the baseline (beside it when it has one row), nothing on the further rows.
 */
function scenarioCells(model: ComparisonModel, k: number, rows: number, w: Words): SpecCell[] {
  const base = w("基准", "baseline");
  const cells = Array.from({ length: rows }, () => text(null));
  if (k !== model.baseline) cells[0] = text(scenarioLabel(model, k));
  else if (rows > 1) [cells[0], cells[1]] = [text(scenarioLabel(model, k)), text(`（${base}）`)];
  else cells[0] = text(`${scenarioLabel(model, k)}（${base}）`);
  return cells;
}

function figureCell(row: ComparisonRow | undefined, k: number, m: FigureMeasure): SpecCell {
  if (!row) return text(null);
  const cell = row.cells[k];
  if (m === "diff") return judged(num(cell.diff, row.fmt), cellImprovement(row, cell));
  return num(cell[m], row.fmt);
}

/** "全市产值（亿元）/ Region output (100M yuan)": a block's heading (it runs over the empty cells beside it). */
const withUnit = (label: Bilingual, unit: Bilingual): Bilingual => ({ zh: `${label.zh}（${unit.zh}）`, en: `${label.en} (${unit.en})` });

function figureBlock(model: ComparisonModel, f: Figure, w: Words): { heading: Bilingual; rows: SpecCell[][] } {
  const rows: SpecCell[][] = [];
  model.scenarios.forEach((_, k) => {
    const measures = figureMeasures(model, f, k);
    const lead = scenarioCells(model, k, measures.length, w);
    measures.forEach((m, j) =>
      rows.push([lead[j], text(measureLabel(m, w)), ...model.years.map((y) => figureCell(f.byYear.get(y), k, m))]),
    );
  });
  return { heading: withUnit(f.label, f.unit), rows };
}

/** The target table's columns: probability columns only where some scenario ran Monte Carlo, value columns only for region targets. */
export interface TargetColumns {
  probability: boolean;
  value: boolean;
}

export function targetColumns(model: ComparisonModel): TargetColumns {
  return { probability: model.scenarios.some((s) => s.runs > 0), value: model.rows.some((r) => r.kind === "target-value") };
}

export function targetHeaders(model: ComparisonModel, w: Words = words()): string[] {
  const c = targetColumns(model);
  return [
    w("目标 · 情景", "Target · scenario"),
    w("达标/可评估", "met / evaluable"),
    ...(c.probability ? [w("概率", "probability")] : []),
    w("差值", "diff"),
    ...(c.probability ? [w("概率差", "diff prob.")] : []),
    ...(c.value ? [w("全市数值", "region value"), w("数值差", "value diff")] : []),
  ];
}

function metCell(cell: ComparisonCell, w: Words): SpecCell {
  if (cell.of === null) return text(null);
  return cell.of === 0 ? text(w(CHECK_OUTCOME_LABELS.notEvaluable.zh, "n.a.")) : text(`${cell.value}/${cell.of}`);
}

function targetBlock(
  model: ComparisonModel,
  count: ComparisonRow,
  value: ComparisonRow | undefined,
  w: Words,
): { heading: Bilingual; rows: SpecCell[][] } {
  const c = targetColumns(model);
  const heading: Bilingual =
    count.year === null ? count.label : { zh: `${count.label.zh}（${count.year}）`, en: `${count.label.en} (${count.year})` };
  const rows = model.scenarios.map((_, k) => {
    const cell = count.cells[k];
    const diff = k === model.baseline ? text(null) : judged(num(cell.diff, "int"), cellImprovement(count, cell));
    const cells = [scenarioCells(model, k, 1, w)[0], metCell(cell, w)];
    if (c.probability) cells.push(num(cell.probability, "pct"));
    cells.push(diff);
    if (c.probability)
      cells.push(k === model.baseline ? text(null) : judged(num(cell.diffProbability, "pct"), probabilityImprovement(cell)));
    if (c.value) {
      const v = value?.cells[k];
      cells.push(v && value ? num(v.value, value.fmt) : text(null));
      cells.push(v && value && k !== model.baseline ? judged(num(v.diff, value.fmt), cellImprovement(value, v)) : text(null));
    }
    return cells;
  });
  return { heading, rows };
}

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
  const theads = targetHeaders(model, w);
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
  const measured = [headers, ...(counts.length ? [theads] : [])].map((h) => h.map((x) => text(x, "header")));
  for (const block of [...figures, ...targets]) measured.push(...block.rows);
  const tableUnits = tableWidths(w, measured);
  const room = tableUnits.reduce((a, c) => a + c, 0) - 2;
  const valueRoom = room - (tableUnits[0] ?? 0);

  const headings = new Map<string, number>();
  const b = new SheetBuilder();
  // Chinese in a bilingual sheet, as sheetTitle (layout.ts) writes the other sheets' titles.
  const title = `${w.lang === "en" ? "Platform upgrading scenario comparison" : "平台优化提升情景对比"} · ${names.join(" / ")}`;
  b.title(title, headers.length);
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
  const headerAt = b.size;
  b.table(COMPARISON_TABLE, headers, blockRows(figures, headerAt));

  if (targets.length > 0) {
    b.blank();
    b.row([text(w("规划目标", "Plan targets"), "title")]);
    b.table(COMPARISON_TARGET_TABLE, theads, blockRows(targets, b.size));
  }

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
  // Widths fit the tables and the chart data.
  const columnWidths = tableWidths(w, [...measured, ...b.rows.slice(chartStart)]);
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

/** A CJK character, a run of other non-space characters, or spaces: where a wrapped line may break. */
const TOKEN = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/gu;

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
  for (const token of s.match(TOKEN) ?? []) {
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
