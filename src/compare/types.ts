/**
 * The comparison of several scenario runs as plain data: what the 情景对比 sheet, the HTML report and
 * the task pane show. Built by compareResults(); no workbook or DOM types here.
 */
import type { Direction } from "../../models/vocabulary.js";
import type { CellFormat } from "../workbook/sheetSpec.js";

export interface Bilingual {
  zh: string;
  en: string;
}

/** One assumption of a scenario, as shown under the table ("新增用地 / new land quota": "6000 亩/年, main-only"). */
export interface Assumption {
  key: string;
  label: Bilingual;
  value: string;
}

export interface ComparedScenario {
  name: string;
  baseYear: number;
  reportYears: number[];
  /** Monte Carlo trials (0 = deterministic only) and the seed. */
  runs: number;
  seed: string | number | null;
  engine: string;
  assumptions: Assumption[];
}

/** One scenario's figure in one row. */
export interface ComparisonCell {
  /** Deterministic value; for a target row the number of subjects meeting it. */
  value: number | null;
  /** Monte Carlo quantiles, null without Monte Carlo or for a figure that has none (counts). */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /**
   * Target rows with Monte Carlo: the probability of the target (a region target), or for a target
   * checked on several subjects the mean of their probabilities (the expected share of subjects meeting it).
   */
  probability: number | null;
  /** Target count rows: subjects the sheet could evaluate (value = met of `of`). */
  of: number | null;
  /** value − the baseline's value (0 for the baseline itself); null when either is missing. */
  diff: number | null;
  /** probability − the baseline's probability. */
  diffProbability: number | null;
}

export type RowKind = "figure" | "count" | "target-count" | "target-value";

export interface ComparisonRow {
  /** Stable key, e.g. "output@2020", "target:JX-7", "target:JX-11:value". */
  key: string;
  kind: RowKind;
  label: Bilingual;
  unit: Bilingual;
  fmt: CellFormat;
  /**
   * Which way the row improves (its metric's `better`; a target's count: higher; a target's value: toward
   * meeting it): every colour of a difference reads it through cellImprovement (improvement.ts).
   */
  better: Direction;
  year: number | null;
  /** The target id for target rows. */
  targetId: string | null;
  /** One per scenario, in the order of `scenarios`. */
  cells: ComparisonCell[];
}

/** A year of the fan: quantiles where Monte Carlo ran (in the base year, observed, all equal to the value). */
export interface FanPoint {
  year: number;
  value: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface ComparisonModel {
  scenarios: ComparedScenario[];
  /** Index of the baseline scenario in `scenarios`. */
  baseline: number;
  /** Every report year of any scenario, sorted. */
  years: number[];
  rows: ComparisonRow[];
  /** Region output per year (base year to the last year), one series per scenario: the fan chart. */
  fans: { scenario: string; points: FanPoint[] }[];
  /** Targets with a probability in at least one scenario: one bar per scenario. */
  targetBars: { targetId: string; label: Bilingual; probabilities: (number | null)[] }[];
}
