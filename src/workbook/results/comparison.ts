/**
 * 情景对比: scenarios as columns, key figures and targets as rows (deterministic value, P10/P50/P90 and
 * probability where Monte Carlo ran, difference from the baseline), the assumptions of each scenario
 * under the table, definitions, then the chart data blocks. Pure: a ComparisonModel in, a SheetSpec out.
 */
import { CHECK_OUTCOME_LABELS } from "../../../models/vocabulary.js";
import type { Improvement } from "../../../models/vocabulary.js";
import { cellImprovement, probabilityImprovement } from "../../compare/improvement.js";
import type { ComparisonCell, ComparisonModel, ComparisonRow } from "../../compare/types.js";
import type { CellStyle, SheetSpec, SpecCell } from "../sheetSpec.js";
import { comparisonChartBlocks } from "./comparisonCharts.js";
import { num, SheetBuilder, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export const COMPARISON_TABLE = "PP_Comparison";
/** Rows above the comparison table's data: title, note, scenario group row, header. */
export const COMPARISON_HEADER_ROWS = 4;
/** Columns before the scenario groups: section, indicator, unit, year. */
export const LEAD_COLUMNS = 4;

const section = (w: Words) => ({ figures: w("关键指标", "Key figures"), targets: w("规划目标", "Plan targets") });

/** Which columns each scenario gets: quantiles and probability only with Monte Carlo, differences only against another scenario. */
export interface ScenarioColumns {
  name: string;
  /** 1-based number that prefixes the group's headers (table headers must be distinct; names can be long). */
  number: number;
  monteCarlo: boolean;
  diff: boolean;
}

export function scenarioColumns(model: ComparisonModel): ScenarioColumns[] {
  return model.scenarios.map((s, k) => ({ name: s.name, number: k + 1, monteCarlo: s.runs > 0, diff: k !== model.baseline }));
}

function groupHeaders(c: ScenarioColumns, w: Words): string[] {
  const n = c.number;
  const heads = [`${n} ${w("数值", "value")}`];
  if (c.monteCarlo) heads.push(`${n} P10`, `${n} P50`, `${n} P90`, `${n} ${w("概率", "probability")}`);
  if (c.diff) heads.push(`${n} ${w("差值", "diff")}`);
  if (c.diff && c.monteCarlo) heads.push(`${n} ${w("概率差", "diff prob.")}`);
  return heads;
}

/** The table's header row: four lead columns, then each scenario's group (headers prefixed with its number). */
export function comparisonHeaders(model: ComparisonModel, w: Words = words()): string[] {
  return [
    w("类别", "Section"),
    w("指标", "Indicator"),
    w("单位", "Unit"),
    w("年份", "Year"),
    ...scenarioColumns(model).flatMap((c) => groupHeaders(c, w)),
  ];
}

/** First column (0-based) and width of each scenario's group. */
export function groupSpans(model: ComparisonModel, w: Words = words()): { left: number; width: number }[] {
  let left = LEAD_COLUMNS;
  return scenarioColumns(model).map((c) => {
    const width = groupHeaders(c, w).length;
    const span = { left, width };
    left += width;
    return span;
  });
}

function valueCell(row: ComparisonRow, cell: ComparisonCell, w: Words): SpecCell {
  if (row.kind !== "target-count") return num(cell.value, row.fmt);
  if (cell.of === null) return text(null);
  return cell.of === 0 ? text(w(CHECK_OUTCOME_LABELS.notEvaluable.zh, "n.a.")) : text(`${cell.value}/${cell.of}`);
}

/** A difference's colour by its row's direction (more energy use is worse), never by its sign: Excel's good / bad. */
export const IMPROVEMENT_STYLE = { better: "met", worse: "notMet", same: undefined, neutral: undefined } satisfies Record<
  Improvement,
  CellStyle | undefined
>;

const judged = (cell: SpecCell, improvement: Improvement): SpecCell => {
  const style = IMPROVEMENT_STYLE[improvement];
  return style ? { ...cell, style } : cell;
};

function dataRow(row: ComparisonRow, columns: ScenarioColumns[], w: Words): SpecCell[] {
  const sections = section(w);
  const kind = row.kind === "target-count" || row.kind === "target-value" ? sections.targets : sections.figures;
  const cells: SpecCell[] = [text(kind), text(w.of(row.label)), text(w.of(row.unit)), num(row.year, undefined)];
  row.cells.forEach((cell, k) => {
    const c = columns[k];
    cells.push(valueCell(row, cell, w));
    if (c.monteCarlo) cells.push(num(cell.p10, row.fmt), num(cell.p50, row.fmt), num(cell.p90, row.fmt), num(cell.probability, "pct"));
    if (c.diff) cells.push(judged(num(cell.diff, row.kind === "target-count" ? "int" : row.fmt), cellImprovement(row, cell)));
    if (c.diff && c.monteCarlo) cells.push(judged(num(cell.diffProbability, "pct"), probabilityImprovement(cell)));
  });
  return cells;
}

const notes = (w: Words): string[] => [
  w(
    "千亿平台、亩均产出 ≥ 500 万元/亩的平台按主平台（含其分区）计数，取确定性路径，不给分位数",
    "Platform counts are main platforms with their sub-parks, on the deterministic path (no quantiles).",
  ),
  w(
    "目标行：数值 = 达标对象数/可评估对象数；达标概率 = 各对象达标概率的平均（期望达标比例），全市目标即其达标概率",
    "Target rows: met/evaluable subjects; probability = mean over the subjects (expected share met), for a region target its own probability.",
  ),
  w(
    "累计未分配新增用地 = 基年之后至该年各年未能分配的新增用地之和（确定性路径）",
    "Unallocated land is the sum over the years up to that year (deterministic path).",
  ),
  w(
    "P10/P50/P90 为蒙特卡洛分位数（R-7）；差值 = 情景值 − 基准值",
    "P10/P50/P90 are Monte Carlo quantiles (R-7); difference = scenario − baseline.",
  ),
];

/** The 情景对比 sheet; `charts` come from the chart data blocks at the bottom. */
export function buildComparisonSheet(model: ComparisonModel, w: Words = words()): SheetSpec {
  const columns = scenarioColumns(model);
  const headers = comparisonHeaders(model, w);
  const spans = groupSpans(model, w);
  const names = model.scenarios.map((s) => s.name);
  const data = model.rows.map((r) => dataRow(r, columns, w));
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
  const groupRow: SpecCell[] = Array.from({ length: headers.length }, () => text(null));
  columns.forEach(
    (c, k) =>
      (groupRow[spans[k].left] = text(`${c.number} · ${c.name}${k === model.baseline ? `（${w("基准", "baseline")}）` : ""}`, "header")),
  );
  const group = b.row(groupRow);
  b.table(COMPARISON_TABLE, headers, data);

  b.blank();
  b.row([text(w("情景假设", "Scenario assumptions"), "title")]);
  // Each scenario's assumptions start its column group and run over the group's empty cells.
  const line = (label: string, values: string[]) => {
    const row: SpecCell[] = Array.from({ length: headers.length }, () => text(null));
    row[1] = text(label, "header");
    values.forEach((v, k) => (row[spans[k].left] = text(v)));
    return row;
  };
  b.row(
    line(
      w("假设", "Assumption"),
      names.map((n, k) => `${k + 1} · ${n}`),
    ).map((c, j) => (j > 1 && c.v !== null ? text(c.v as string, "header") : c)),
  );
  model.scenarios[0].assumptions.forEach((a, j) =>
    b.row(
      line(
        w.of(a.label),
        model.scenarios.map((s) => s.assumptions[j]?.value ?? ""),
      ),
    ),
  );
  b.row(
    line(
      w("引擎", "Engine"),
      model.scenarios.map((s) => s.engine),
    ),
  );

  b.blank();
  b.row([text(w("说明", "Notes"), "title")]);
  for (const n of notes(w)) b.note(n);

  b.blank();
  const chartStart = b.rows.length;
  const charts = comparisonChartBlocks(b, model, w);
  const spec = b.build(SHEET_NAMES.comparison, COMPARISON_HEADER_ROWS, printSetup(w, title, { top: group, bottom: group + 1 }));
  return {
    ...spec,
    // Widths fit the table and the chart data: the assumptions and notes run over empty cells instead.
    columnWidths: tableWidths(w, headers, [...data, ...b.rows.slice(chartStart)]),
    merges: [
      ...(spec.merges ?? []),
      ...spans.filter((s) => s.width > 1).map((s) => ({ top: group, left: s.left, bottom: group, right: s.left + s.width - 1 })),
    ],
    charts,
  };
}

function tableWidths(w: Words, headers: string[], data: SpecCell[][]): number[] {
  // A second builder over just these rows, for its CJK-aware width rules (titles and notes are not counted).
  const only = new SheetBuilder();
  only.row(headers.map((h) => text(h, "header")));
  for (const r of data) only.row(r);
  return only.build("widths", 0, printSetup(w, "")).columnWidths ?? [];
}
