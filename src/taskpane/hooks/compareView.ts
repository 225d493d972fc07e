/**
 * The pane's compact comparison, from the same model the 情景对比 sheet is built from (compareResults):
 * region output in the last year with P10–P90, the 千亿 platforms, the platforms ≥ 500 万元/亩, region energy
 * use, and each target's probability, each with its difference from the baseline judged by the row's
 * direction (src/compare/improvement.ts). Pure: numbers to text only.
 */
import type { Bilingual, ComparisonCell, ComparisonModel, ComparisonRow } from "../../compare/types.js";
import type { Improvement } from "../../../models/vocabulary.js";
import { cellImprovement, probabilityImprovement } from "../../compare/improvement.js";
import { formatProbability } from "./resultView.js";

export interface CompareCellView {
  /** The figure: a value, or a target's probability (met / evaluable without Monte Carlo). */
  text: string;
  /** "P10–P90" of a figure, or "met/evaluable" of a target with a probability; null when none. */
  detail: string | null;
  /** Difference from the baseline; null in the baseline's own column or when unknown. */
  diff: string | null;
  /** The difference judged by the row's direction (more energy use is worse): what the colour shows. */
  improvement: Improvement;
}

export interface CompareRowView {
  key: string;
  label: Bilingual;
  unit: Bilingual;
  cells: CompareCellView[];
}

export interface CompareView {
  scenarios: string[];
  baseline: number;
  /** The year of the figure rows (the last report year). */
  year: number | null;
  rows: CompareRowView[];
}

const fixed = (v: number | null, digits: number): string => (v === null || !Number.isFinite(v) ? "—" : v.toFixed(digits));
const signed = (v: number | null, digits: number, suffix = ""): string | null =>
  v === null || !Number.isFinite(v) ? null : `${v > 0 ? "+" : ""}${v.toFixed(digits)}${suffix}`;

function figureCell(row: ComparisonRow, cell: ComparisonCell, digits: number, isBaseline: boolean): CompareCellView {
  const detail = cell.p10 !== null && cell.p90 !== null ? `${fixed(cell.p10, digits)}–${fixed(cell.p90, digits)}` : null;
  return {
    text: fixed(cell.value, digits),
    detail,
    diff: isBaseline ? null : signed(cell.diff, digits),
    improvement: isBaseline ? "same" : cellImprovement(row, cell),
  };
}

function targetCell(row: ComparisonRow, cell: ComparisonCell, isBaseline: boolean): CompareCellView {
  const count = cell.value === null ? "—" : `${cell.value}/${cell.of ?? "—"}`;
  if (cell.probability === null)
    return {
      text: count,
      detail: null,
      diff: isBaseline ? null : signed(cell.diff, 0),
      improvement: isBaseline ? "same" : cellImprovement(row, cell),
    };
  const pp = cell.diffProbability === null ? null : cell.diffProbability * 100;
  return {
    text: formatProbability(cell.probability),
    detail: count,
    diff: isBaseline ? null : signed(pp, 1, " pp"),
    improvement: isBaseline ? "same" : probabilityImprovement(cell),
  };
}

function rowView(row: ComparisonRow, baseline: number): CompareRowView {
  const digits = row.kind === "count" ? 0 : 2;
  const cells = row.cells.map((c, i) =>
    row.kind === "target-count" ? targetCell(row, c, i === baseline) : figureCell(row, c, digits, i === baseline),
  );
  return { key: row.key, label: row.label, unit: row.unit, cells };
}

export function compareView(model: ComparisonModel): CompareView {
  const year = model.years.length > 0 ? model.years[model.years.length - 1] : null;
  const keys = year === null ? [] : [`output@${year}`, `platforms1000@${year}`, `platformsPerMu500@${year}`, `energy@${year}`];
  const figures = keys.flatMap((k) => model.rows.filter((r) => r.key === k));
  const targets = model.rows.filter((r) => r.kind === "target-count");
  return {
    scenarios: model.scenarios.map((s) => s.name),
    baseline: model.baseline,
    year,
    rows: [...figures, ...targets].map((r) => rowView(r, model.baseline)),
  };
}
