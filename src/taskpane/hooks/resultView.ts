/**
 * What the summary shows, computed from a SimulationResult: target counts, the fan chart's series and
 * the per-mu bars, the growth fitted from history. Pure, so the browser tests can compute the same numbers in-process and compare.
 */
import type { EvaluationClass } from "../../../models/evaluationNames.js";
import type { Quantiles, RollupResult, SimulationResult, TargetCheck, YearMetric } from "../../../models/results.js";
import { checkOutcome, type CheckOutcome } from "../../../models/vocabulary.js";
import { calibrationUse, fittedText, scenarioGrowth, scenarioGrowthText, type CalibrationUse } from "../../views/calibration.js";

/** The 亩均产出 line every plan aims at, 万元/亩 (浙江 亩均论英雄). */
export const PER_MU_BENCHMARK = 500;

export type TargetCounts = Record<CheckOutcome, number>;

export function targetCounts(targets: readonly TargetCheck[]): TargetCounts {
  const counts: TargetCounts = { met: 0, notMet: 0, notEvaluable: 0 };
  for (const t of targets) counts[checkOutcome(t)]++;
  return counts;
}

/** 0.8765 → "87.7%"; null → "—". */
export function formatProbability(p: number | null): string {
  return p === null || !Number.isFinite(p) ? "—" : `${(p * 100).toFixed(1)}%`;
}

/** A figure with fixed decimals and thousands separators; null/NaN → "—". */
export function formatNumber(v: number | null, digits: number): string {
  if (v === null || !Number.isFinite(v)) return "—";
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// A check's value in its metric's style: the same text as the command line's (src/views/thresholdText.ts).
export { formatTargetValue } from "../../views/thresholdText.js";

export interface FanPoint {
  year: number;
  value: number;
  /** P10, P50, P90 of the Monte Carlo, where computed (the base year has no spread: all equal the value). */
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** Subjects the fan chart can show: the region first, then each main platform with its sub-parks. */
export function fanSubjects(result: SimulationResult): RollupResult[] {
  const region = result.rollups.filter((u) => u.kind === "region");
  return [...region, ...result.rollups.filter((u) => u.kind === "main")];
}

function quantiles(stats: RollupResult["stats"], year: number, metric: YearMetric): Quantiles | undefined {
  return stats?.[String(year)]?.[metric];
}

export function fanSeries(result: SimulationResult, subject: string, metric: YearMetric = "output"): FanPoint[] {
  const unit = result.rollups.find((u) => u.name === subject);
  if (!unit) return [];
  return unit.years.map((y) => {
    const q = quantiles(unit.stats, y.year, metric);
    const base = y.year === result.baseYear;
    const spread = (k: "p10" | "p50" | "p90") => (q ? q[k] : base ? y[metric] : null);
    return { year: y.year, value: y[metric], p10: spread("p10"), p50: spread("p50"), p90: spread("p90") };
  });
}

export interface PerMuBar {
  name: string;
  value: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** 亩均产出 of each main platform (with its sub-parks) in the last report year; the region when there are none. */
export function perMuBars(result: SimulationResult): { year: number; bars: PerMuBar[] } {
  const year = result.reportYears[result.reportYears.length - 1];
  const mains = result.rollups.filter((u) => u.kind === "main");
  const units = mains.length > 0 ? mains : result.rollups.filter((u) => u.kind === "region");
  const bars = units.map((u) => {
    const figures = u.years.find((y) => y.year === year);
    const q = quantiles(u.stats, year, "outputPerMu");
    return { name: u.name, value: figures ? figures.outputPerMu : NaN, p10: q?.p10 ?? null, p50: q?.p50 ?? null, p90: q?.p90 ?? null };
  });
  return { year, bars };
}

/** One platform of the pane's 拟合增长 list: the fitted 低/中/高 beside the growth the scenario gives it. */
export interface FittedRow {
  name: string;
  /** The fit's P10 / P50 / P90: "8.0 / 9.5 / 11.1%". */
  fitted: string;
  /** Annual growths of its own history (0: its pool's estimate alone). */
  years: number;
  /** The analyst's growth for it (its byPlatform entry, its level's, the region's): "7.7% ± 4.5%" or "2.0 / 5.0 / 9.0%". */
  scenario: string;
  use: CalibrationUse;
}

export interface FittedGrowthView {
  /** ρ fitted from the panel (null: not estimable) and the ρ the run used. */
  rho: number | null;
  correlation: number;
  rows: FittedRow[];
}

/** growth.fromHistory's fit for the pane; null when the run did not calibrate. */
export function fittedGrowth(result: Pick<SimulationResult, "calibration" | "scenario">): FittedGrowthView | null {
  const cal = result.calibration;
  if (!cal) return null;
  const growth = result.scenario.growth;
  return {
    rho: cal.rho,
    correlation: cal.correlation,
    rows: cal.platforms.map((p) => ({
      name: p.name,
      fitted: fittedText(p),
      years: p.years,
      scenario: scenarioGrowthText(scenarioGrowth(growth, p)),
      use: calibrationUse(p, growth.byPlatform),
    })),
  };
}

/** A share of trials in a narrow cell: "0", "<1%", "37%", ">99%", "100%" (the exact figure goes in its title). */
export function formatShare(p: number): string {
  if (!Number.isFinite(p)) return "—";
  if (p <= 0) return "0";
  if (p >= 1) return "100%";
  if (p < 0.005) return "<1%";
  if (p > 0.995) return ">99%";
  return `${Math.round(p * 100)}%`;
}

/** One platform's row of the class probabilities: its class in the base-year evaluation beside the shares. */
export interface ClassOddsRow {
  name: string;
  shares: Record<EvaluationClass, number>;
  /** Exited or without land in that year (not evaluated). */
  unclassified: number;
  /** Its class in the base-year evaluation (null: not evaluated then). */
  baseClass: EvaluationClass | null;
}

export interface ClassOddsView {
  year: number;
  baseYear: number;
  rows: ClassOddsRow[];
  /** Whether any platform is unclassified in some trial (the pane shows that column only then). */
  anyUnclassified: boolean;
}

/** The engine's class probabilities (SimulationResult.classOdds) with the base-year classes; null without Monte Carlo. */
export function classOddsView(result: Pick<SimulationResult, "classOdds" | "evaluation">): ClassOddsView | null {
  const odds = result.classOdds;
  if (!odds) return null;
  const base = new Map(result.evaluation.platforms.map((p) => [p.name, p.class]));
  const rows = odds.platforms.map((p) => ({
    name: p.name,
    shares: p.classes,
    unclassified: p.unclassified,
    baseClass: base.get(p.name) ?? null,
  }));
  return { year: odds.year, baseYear: result.evaluation.year, rows, anyUnclassified: rows.some((r) => r.unclassified > 0) };
}
