/**
 * 亩均效益综合评价 (domain.md §1) on platform totals: six indicators, score = Σ weight × value ÷ benchmark
 * (each item optionally capped at itemCap × weight), classes A/B/C/D by rank within the region.
 *
 * Policies, written down once:
 * - An indicator no platform has data for is left out and its weight spread over the rest in proportion
 *   (weights are rescaled to add up to the original total of the included ones plus the omitted ones).
 * - A platform lacking one included indicator gets the average item score of the platforms that have it
 *   (黄岩's rule for missing emission data).
 * - Benchmarks default to the aggregate of the evaluated platforms: Σ numerator ÷ Σ denominator.
 * - Classes: platforms ranked by score (ties by name); with n platforms, ranks below round(n·A) are A,
 *   below round(n·(A+B)) B, below round(n·(A+B+C)) C, the rest D (round half up).
 */
import { CLASSES, INDICATORS, type EvaluationClass, type Indicator } from "./scenario.js";

/** Numerator and denominator of each indicator; values are numerator ÷ denominator × factor. */
export interface IndicatorData {
  /** Per indicator, per platform: numerator and denominator (NaN numerator = missing). */
  numerator: Record<Indicator, Float64Array>;
  denominator: Record<Indicator, Float64Array>;
}

/** Unit factor of each indicator: per-mu figures in 万元/亩 (亿元 × 10^4 ÷ 亩), labour productivity in 万元/人. */
export const INDICATOR_FACTOR: Record<Indicator, number> = {
  taxPerMu: 1e4,
  valueAddedPerMu: 1e4,
  valueAddedPerEnergy: 1,
  valueAddedPerEmission: 1,
  laborProductivity: 1e4,
  rdShare: 1,
};

export interface EvaluationSettings {
  indicators: Indicator[];
  omitted: Indicator[];
  /** Effective weights (after spreading omitted weight), aligned with `indicators`. */
  weights: number[];
  benchmarks: number[];
  itemCap: number | undefined;
  /** Cumulative class shares A, A+B, A+B+C. */
  cumulativeCuts: [number, number, number];
}

export function indicatorValue(data: IndicatorData, k: Indicator, i: number): number {
  const num = data.numerator[k][i];
  const den = data.denominator[k][i];
  if (!(num === num) || !(den > 0)) return NaN; // NaN numerator, or zero/NaN denominator: no value
  return (num / den) * INDICATOR_FACTOR[k];
}

/**
 * Decide which indicators count, their effective weights and benchmarks, from the base-year data of the
 * active platforms and the scenario's settings.
 */
export function evaluationSettings(
  data: IndicatorData,
  active: Uint8Array,
  scenario: {
    weights: Record<Indicator, number>;
    benchmarks: Partial<Record<Indicator, number>>;
    itemCap?: number;
    classCuts: Record<EvaluationClass, number>;
  },
): EvaluationSettings {
  const indicators: Indicator[] = [];
  const omitted: Indicator[] = [];
  const benchmarks: number[] = [];
  for (const k of INDICATORS) {
    if (!(scenario.weights[k] > 0)) continue;
    let num = 0;
    let den = 0;
    let any = false;
    for (let i = 0; i < active.length; i++) {
      if (!active[i] || Number.isNaN(indicatorValue(data, k, i))) continue;
      any = true;
      num += data.numerator[k][i];
      den += data.denominator[k][i];
    }
    if (!any) {
      omitted.push(k);
      continue;
    }
    indicators.push(k);
    benchmarks.push(scenario.benchmarks[k] ?? (num / den) * INDICATOR_FACTOR[k]);
  }
  const included = indicators.reduce((s, k) => s + scenario.weights[k], 0);
  const all = included + omitted.reduce((s, k) => s + scenario.weights[k], 0);
  const weights = indicators.map((k) => (included > 0 ? (scenario.weights[k] * all) / included : 0));
  const c = scenario.classCuts;
  return { indicators, omitted, weights, benchmarks, itemCap: scenario.itemCap, cumulativeCuts: [c.A, c.A + c.B, c.A + c.B + c.C] };
}

/**
 * Scores of the active platforms (inactive get NaN). `items` receives each indicator's item score per
 * platform when given (indicator-major: items[j * n + i]).
 */
export function scorePlatforms(data: IndicatorData, active: Uint8Array, settings: EvaluationSettings, scores: Float64Array, items?: Float64Array): void {
  const n = active.length;
  scores.fill(0);
  settings.indicators.forEach((k, j) => {
    const weight = settings.weights[j];
    const cap = settings.itemCap === undefined ? Infinity : settings.itemCap * weight;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      const value = indicatorValue(data, k, i);
      if (Number.isNaN(value)) continue;
      const item = Math.min((weight * value) / settings.benchmarks[j], cap);
      scores[i] += item;
      if (items) items[j * n + i] = item;
      sum += item;
      count++;
    }
    const average = count > 0 ? sum / count : 0;
    for (let i = 0; i < n; i++) {
      if (active[i] && Number.isNaN(indicatorValue(data, k, i))) {
        scores[i] += average;
        if (items) items[j * n + i] = average;
      }
    }
  });
  for (let i = 0; i < n; i++) if (!active[i]) scores[i] = NaN;
}

/**
 * Classes by rank: 0 = A … 3 = D; inactive platforms get 255. `order` is scratch (length n);
 * `nameRank` breaks ties so the result does not depend on row order.
 */
export function classify(scores: Float64Array, active: Uint8Array, nameRank: Int32Array, cumulativeCuts: [number, number, number], order: Int32Array, classes: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < active.length; i++) {
    classes[i] = 255;
    if (active[i]) order[m++] = i;
  }
  const ranked = order.subarray(0, m).sort((a, b) => scores[b] - scores[a] || nameRank[a] - nameRank[b]);
  const cutA = Math.round(m * cumulativeCuts[0]);
  const cutB = Math.round(m * cumulativeCuts[1]);
  const cutC = Math.round(m * cumulativeCuts[2]);
  for (let r = 0; r < m; r++) classes[ranked[r]] = r < cutA ? 0 : r < cutB ? 1 : r < cutC ? 2 : 3;
  return m;
}

export const classLetter = (c: number): EvaluationClass => CLASSES[c];
