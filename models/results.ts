/**
 * What a simulation returns: the deterministic path per platform and roll-up, Monte Carlo statistics,
 * target checks, land and energy balances, the base-year evaluation and warnings. Plain data (JSON-safe
 * apart from NaN for undefined ratios), the same for the task pane, the command line and the functions.
 */
import type { Level, Status } from "./platform.js";
import type { Scenario, EvaluationClass, Indicator } from "./scenario.js";
import type { Comparison, Metric } from "./targetSchema.js";
import type { CalibrationResult } from "./calibration/apply.js";
import type { ClassOdds } from "./classOdds.js";
export type { CalibratedPlatform, CalibrationResult, PooledGrowth } from "./calibration/apply.js";

/** Metrics reported per platform-year (amounts in 亿元 / 亩 / 万吨标煤, per-mu in 万元/亩, intensity in 吨标煤/万元). */
export const YEAR_METRICS = [
  "output",
  "land",
  "valueAdded",
  "tax",
  "energy",
  "rd",
  "highTechValueAdded",
  "strategicEmergingOutput",
  "outputPerMu",
  "taxPerMu",
  "valueAddedPerMu",
  "energyIntensity",
] as const;
export type YearMetric = (typeof YEAR_METRICS)[number];

/** Which constraint set output in a year: land capacity, the energy quota, or nothing because the platform exited. */
export type Binding = "land" | "energy" | "exited";

export type YearFigures = { year: number; binding: Binding | null } & Record<YearMetric, number>;

export interface Quantiles {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}
/** year (as a string) → metric → quantiles. */
export type Stats = Record<string, Partial<Record<YearMetric, Quantiles>>>;

export interface PlatformResult {
  name: string;
  county: string;
  level: Level | null;
  status: Status;
  mainPlatform: string | null;
  /** Deterministic path from the base year to the last horizon year. */
  years: YearFigures[];
  /** Present when Monte Carlo runs > 0: the report years. */
  stats?: Stats;
}

export interface RollupResult {
  name: string;
  /** main = a main platform with its sub-parks; county; region = every platform. */
  kind: "main" | "county" | "region";
  members: string[];
  years: YearFigures[];
  stats?: Stats;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface TargetCheck {
  id: string;
  label: Bilingual;
  level: "platform" | "county" | "region";
  /** The platform, county or "全市/region" the check is about. */
  subject: string;
  year: number;
  /** The metric or a description of the count/share compared. */
  metric: Metric | "count" | "share" | null;
  comparison: Comparison;
  /** The threshold in model units (relative thresholds already multiplied by the base value). */
  threshold: number | null;
  thresholdMax: number | null;
  /**
   * "between" with the plan's allowance: the plan's own upper bound (JX-1 "1–2": 2), while thresholdMax is
   * the allowance's (4), the bound "met" goes by; null otherwise. Optional: results built before it lack it.
   */
  strictMax?: number | null;
  /** Deterministic value at the target year. */
  value: number | null;
  baseValue: number | null;
  met: boolean | null;
  /** value − threshold (positive = margin, negative = shortfall); for "<=" targets threshold − value. */
  gap: number | null;
  /** First year (after the base year) the deterministic path meets it; null if never within the horizon. */
  firstYear: number | null;
  /** Monte Carlo: probability of being met at the target year. */
  probability: number | null;
  /** Monte Carlo: P(met by each year). */
  metBy: { year: number; probability: number }[] | null;
  /** Monte Carlo: median first year met (null when met in fewer than half the trials). */
  medianFirstYear: number | null;
  evaluable: boolean;
  reason: Bilingual | null;
  notes: Bilingual[];
}

export interface YearBalance {
  year: number;
  landQuota: number;
  landGranted: number;
  landUnallocated: number;
  /** Exited platforms' land returned to the quota this year (腾退; model.md §2.3), included in what was granted or unallocated. */
  landReturned: number;
  energyCap: number | null;
  energyAllocated: number | null;
  energyUnused: number | null;
  relocatedOutput: number;
  relocationLost: number;
}

export interface PlatformEvaluation {
  name: string;
  score: number;
  class: EvaluationClass;
  /** 1-based, highest score first; equal scores share a rank (1, 2, 2, 4) as they share a class. */
  rank: number;
  /** value null: the platform has no figure for the indicator (the sheet lacks it) and scores the others' average item. */
  items: Partial<Record<Indicator, { value: number | null; score: number }>>;
}

export interface EvaluationResult {
  year: number;
  indicators: Indicator[];
  /** Indicators left out because no platform has the data; their weight is spread over the rest. */
  omitted: Indicator[];
  weights: Partial<Record<Indicator, number>>;
  benchmarks: Partial<Record<Indicator, number>>;
  platforms: PlatformEvaluation[];
}

// Monte Carlo class shares per platform (models/classOdds.ts).
export type { ClassOdds, PlatformClassOdds } from "./classOdds.js";

export interface ModelWarning {
  code: string;
  platform: string | null;
  zh: string;
  en: string;
}

export interface SimulationResult {
  engine: { name: "ParkPlan"; version: string; model: number };
  /** The scenario with every default filled, baseYear and horizon resolved. */
  scenario: Scenario & { baseYear: number; horizon: number[] };
  baseYear: number;
  /** Every projected year, base year first. */
  years: number[];
  /** The years the analyst asked about (the horizon). */
  reportYears: number[];
  platforms: PlatformResult[];
  rollups: RollupResult[];
  targets: TargetCheck[];
  balances: YearBalance[];
  evaluation: EvaluationResult;
  warnings: ModelWarning[];
  monteCarlo: { runs: number; seed: string | number } | null;
  /**
   * Monte Carlo: each platform's probability of class A/B/C/D (or none: exited, no land) in the last report
   * year, in the sheet's order; null without trials. Optional: results stored before it lack it.
   */
  classOdds?: ClassOdds | null;
  /**
   * Monte Carlo: per target id, the share of trials in which every subject the target can be evaluated on
   * meets it together (JX-3's ten platforms in the same trial; a single subject's own probability); null
   * without trials. Optional: results stored before it lack it.
   */
  allMet?: Record<string, number> | null;
  /**
   * growth.fromHistory's fitted growth per platform and level, and ρ (models/calibration/); null when off
   * (simulate always sets it; optional for results stored before it existed).
   */
  calibration?: CalibrationResult | null;
}
