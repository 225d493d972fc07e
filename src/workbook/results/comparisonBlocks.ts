/**
 * The blocks of the 情景对比 table, years as columns: a key figure's (per scenario its deterministic value,
 * P10/P50/P90 where Monte Carlo gave quantiles, the difference from the baseline) and a target's (per
 * scenario met/evaluable, probability, their differences, a region target's value, in the target year's
 * column). Each block has a heading (its label, written once) and its rows; comparison.ts stacks them.
 */
import { CHECK_OUTCOME_LABELS } from "../../../models/vocabulary.js";
import type { Improvement } from "../../../models/vocabulary.js";
import { cellImprovement, probabilityImprovement } from "../../compare/improvement.js";
import type { Bilingual, ComparisonModel, ComparisonRow } from "../../compare/types.js";
import type { CellStyle, SpecCell } from "../sheetSpec.js";
import { num, text } from "./layout.js";
import { words, type Words } from "./language.js";

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
export interface Figure {
  key: string;
  label: ComparisonRow["label"];
  unit: ComparisonRow["unit"];
  byYear: Map<number, ComparisonRow>;
}

export function figuresOf(model: ComparisonModel): Figure[] {
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
export const scenarioLabel = (model: ComparisonModel, k: number) => `${k + 1} · ${model.scenarios[k].name}`;

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

export function figureBlock(model: ComparisonModel, f: Figure, w: Words): { heading: Bilingual; rows: SpecCell[][] } {
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

/** What a scenario's row in a target block holds. */
/** "notEvaluable": a target the scenario cannot evaluate (or does not have), said in the measure column. */
export type TargetMeasure = "met" | "probability" | "diff" | "diffProbability" | "value" | "valueDiff" | "notEvaluable";

export const targetMeasureLabel = (m: TargetMeasure, w: Words): string =>
  ({
    met: w("达标", "met"),
    probability: w("概率", "prob."),
    diff: w("差值", "diff"),
    diffProbability: w("概率差", "Δ prob."),
    value: w("数值", "value"),
    valueDiff: w("数值差", "Δ value"),
    notEvaluable: w(CHECK_OUTCOME_LABELS.notEvaluable.zh, "n.a."),
  })[m];

/**
 * A scenario's measures in a target block: met/evaluable always; the probability where the target has one;
 * differences unless it is the baseline; a region target's value. A target the scenario cannot evaluate: one row.
 */
export function targetMeasures(model: ComparisonModel, count: ComparisonRow, value: ComparisonRow | undefined, k: number): TargetMeasure[] {
  const cell = count.cells[k];
  if (!cell.of) return ["notEvaluable"];
  const probability = count.cells.some((c) => c.probability !== null);
  const diffs = k !== model.baseline;
  return [
    "met",
    ...(probability ? (["probability"] as const) : []),
    ...(diffs ? (["diff"] as const) : []),
    ...(diffs && probability ? (["diffProbability"] as const) : []),
    ...(value ? (["value"] as const) : []),
    ...(value && diffs ? (["valueDiff"] as const) : []),
  ];
}

function targetCell(m: TargetMeasure, count: ComparisonRow, value: ComparisonRow | undefined, k: number): SpecCell {
  const cell = count.cells[k];
  const v = value?.cells[k];
  switch (m) {
    case "met":
      return text(`${cell.value}/${cell.of}`);
    case "notEvaluable":
      return text(null);
    case "probability":
      return num(cell.probability, "pct");
    case "diff":
      return judged(num(cell.diff, "int"), cellImprovement(count, cell));
    case "diffProbability":
      return judged(num(cell.diffProbability, "pct"), probabilityImprovement(cell));
    case "value":
      return value && v ? num(v.value, value.fmt) : text(null);
    case "valueDiff":
      return value && v ? judged(num(v.diff, value.fmt), cellImprovement(value, v)) : text(null);
  }
}

/** A target block: its figures in its year's column (the last report year's when its year is not one). */
export function targetBlock(
  model: ComparisonModel,
  count: ComparisonRow,
  value: ComparisonRow | undefined,
  w: Words,
): { heading: Bilingual; rows: SpecCell[][] } {
  const heading: Bilingual =
    count.year === null ? count.label : { zh: `${count.label.zh}（${count.year}）`, en: `${count.label.en} (${count.year})` };
  const at = count.year !== null && model.years.includes(count.year) ? model.years.indexOf(count.year) : model.years.length - 1;
  const rows: SpecCell[][] = [];
  model.scenarios.forEach((_, k) => {
    const measures = targetMeasures(model, count, value, k);
    const lead = scenarioCells(model, k, measures.length, w);
    measures.forEach((m, j) =>
      rows.push([
        lead[j],
        text(targetMeasureLabel(m, w)),
        ...model.years.map((_, y) => (y === at ? targetCell(m, count, value, k) : text(null))),
      ]),
    );
  });
  return { heading, rows };
}
