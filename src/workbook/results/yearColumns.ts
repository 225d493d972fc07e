/**
 * The year × metric columns shared by the projection and the roll-ups: every YEAR_METRICS figure, and
 * P10/P50/P90 of output, output per mu and tax per mu in report years when Monte Carlo ran.
 */
import { YEAR_METRICS, type Stats, type YearFigures } from "../../../models/results.js";
import type { SpecCell } from "../sheetSpec.js";
import { METRIC_LABELS, measureHeader } from "./labels.js";
import { words, type Words } from "./language.js";
import { num } from "./layout.js";

export const QUANTILE_METRICS = ["output", "outputPerMu", "taxPerMu"] as const;
const QUANTILES = ["p10", "p50", "p90"] as const;

export const metricHeaders = (w: Words = words()): string[] => YEAR_METRICS.map((k) => measureHeader(METRIC_LABELS[k], "", w));

export const quantileHeaders = (w: Words = words()): string[] =>
  QUANTILE_METRICS.flatMap((k) => QUANTILES.map((q) => measureHeader(METRIC_LABELS[k], q.toUpperCase(), w)));

export const metricCells = (figures: YearFigures): SpecCell[] => YEAR_METRICS.map((k) => num(figures[k], METRIC_LABELS[k].fmt));

/** Quantile cells of one year, in quantileHeaders() order; empty in years without statistics. */
export function quantileCells(year: number, stats: Stats | undefined): SpecCell[] {
  const at = stats?.[String(year)];
  return QUANTILE_METRICS.flatMap((k) => QUANTILES.map((q) => num(at?.[k]?.[q], METRIC_LABELS[k].fmt)));
}
