/**
 * The answer of a comparison in one line per scenario: in the last report year, region output, region
 * 亩均产出, the 千亿 platforms and energy use with each difference from the baseline (judged by the figure's
 * direction), and the targets met, gained and lost against the baseline. Read from the comparison model
 * only, so the headline and the tables below it cannot disagree.
 */
import { METRIC_TERMS, type Improvement } from "../../models/vocabulary.js";
import { cellImprovement } from "./improvement.js";
import type { Bilingual, ComparisonModel } from "./types.js";
import type { CellFormat } from "../workbook/sheetSpec.js";

/** The figures a headline names, by row key (without the year), with their short names. */
export const HEADLINE_FIGURES = [
  { key: "output", name: { zh: `全市${METRIC_TERMS.output.name.zh}`, en: "region output" } },
  { key: "outputPerMu", name: { zh: METRIC_TERMS.outputPerMu.name.zh, en: "output per mu" } },
  { key: "platforms1000", name: { zh: "千亿平台", en: "1000亿 platforms" } },
  { key: "energy", name: { zh: METRIC_TERMS.energy.name.zh, en: "energy use" } },
] as const satisfies readonly { key: string; name: Bilingual }[];

export interface HeadlineFigure {
  key: string;
  name: Bilingual;
  unit: Bilingual;
  fmt: CellFormat;
  value: number | null;
  /** Scenario − baseline; null for the baseline itself or when either is missing. */
  diff: number | null;
  improvement: Improvement;
}

export interface Headline {
  scenario: string;
  isBaseline: boolean;
  year: number;
  figures: HeadlineFigure[];
  /** Targets every evaluable subject meets (on the deterministic path), of those evaluable. */
  targetsMet: number;
  targetsEvaluable: number;
  /** Target ids met here and not in the baseline, and the other way round (empty for the baseline). */
  gained: string[];
  lost: string[];
}

/** A target row's outcome in one scenario: met by every evaluable subject, not, or not evaluable (null). */
const fullyMet = (c: { value: number | null; of: number | null }): boolean | null =>
  c.of === null || c.of === 0 || c.value === null ? null : c.value === c.of;

/** One headline per scenario, in the model's order; none when the model has no report year. */
export function headlines(model: ComparisonModel): Headline[] {
  const year = model.years[model.years.length - 1];
  if (year === undefined) return [];
  const base = model.baseline;
  const targets = model.rows.filter((r) => r.kind === "target-count");
  return model.scenarios.map((s, k) => {
    const isBaseline = k === base;
    const figures = HEADLINE_FIGURES.flatMap((f) => {
      const row = model.rows.find((r) => r.key === `${f.key}@${year}`);
      if (!row) return [];
      const cell = row.cells[k];
      return [
        {
          key: f.key,
          name: f.name,
          unit: row.unit,
          fmt: row.fmt,
          value: cell.value,
          diff: isBaseline ? null : cell.diff,
          improvement: isBaseline ? ("same" as const) : cellImprovement(row, cell),
        },
      ];
    });
    const outcome = targets.map((r) => ({ id: r.targetId as string, here: fullyMet(r.cells[k]), base: fullyMet(r.cells[base]) }));
    return {
      scenario: s.name,
      isBaseline,
      year,
      figures,
      targetsMet: outcome.filter((o) => o.here === true).length,
      targetsEvaluable: outcome.filter((o) => o.here !== null).length,
      gained: isBaseline ? [] : outcome.filter((o) => o.here === true && o.base === false).map((o) => o.id),
      lost: isBaseline ? [] : outcome.filter((o) => o.here === false && o.base === true).map((o) => o.id),
    };
  });
}
