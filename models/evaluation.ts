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
 * - Classes: platforms ranked by score; with n platforms, ranks below round(n·A) are A, below
 *   round(n·(A+B)) B, below round(n·(A+B+C)) C, the rest D (round half up). Equal scores share a class:
 *   the class of the tie group's best rank, so neither names nor row order decide one. A NaN score ranks
 *   after every number, and NaN scores tie with each other.
 */
import { CLASSES, INDICATORS, type EvaluationClass, type Indicator } from "./evaluationNames.js";
import { WAN_PER_YI } from "./perMu.js";

/** Numerator and denominator of each indicator; values are numerator ÷ denominator × factor. */
export interface IndicatorData {
  /** Per indicator, per platform: numerator and denominator (NaN numerator = missing). */
  numerator: Record<Indicator, Float64Array>;
  denominator: Record<Indicator, Float64Array>;
}

/** Unit factor of each indicator: per-mu figures in 万元/亩 (亿元 × 10^4 ÷ 亩), labour productivity in 万元/人. */
export const INDICATOR_FACTOR: Record<Indicator, number> = {
  taxPerMu: WAN_PER_YI,
  valueAddedPerMu: WAN_PER_YI,
  valueAddedPerEnergy: 1,
  valueAddedPerEmission: 1,
  laborProductivity: WAN_PER_YI,
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

/** numerator ÷ denominator × factor; NaN for a NaN numerator or a zero/NaN denominator (no value). */
const partsValue = (num: number, den: number, factor: number): number => (!(num === num) || !(den > 0) ? NaN : (num / den) * factor);

export function indicatorValue(data: IndicatorData, k: Indicator, i: number): number {
  return partsValue(data.numerator[k][i], data.denominator[k][i], INDICATOR_FACTOR[k]);
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
 * Add one indicator's item scores to `scores`: value = numerator ÷ denominator × factor (NaN where the
 * numerator is missing or the denominator is not positive), item = min(weight × value ÷ benchmark, cap);
 * an eligible platform without a value gets the average item of those with one. `items` (optional)
 * receives each eligible platform's item at items[itemOffset + i]. Plain values pass den = 1, factor = 1
 * ((v ÷ 1) × 1 is v exactly).
 */
export function addIndicatorScores(
  num: ArrayLike<number>,
  den: ArrayLike<number>,
  factor: number,
  eligible: Uint8Array,
  weight: number,
  benchmark: number,
  cap: number,
  scores: Float64Array,
  items?: Float64Array,
  itemOffset = 0,
): void {
  const n = eligible.length;
  let sum = 0;
  let count = 0;
  let anyMissing = false;
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    const value = partsValue(num[i], den[i], factor);
    if (!(value === value)) {
      anyMissing = true;
      continue;
    }
    const item = Math.min((weight * value) / benchmark, cap);
    scores[i] += item;
    if (items) items[itemOffset + i] = item;
    sum += item;
    count++;
  }
  if (!anyMissing) return;
  const average = count > 0 ? sum / count : 0;
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    const value = partsValue(num[i], den[i], factor);
    if (value === value) continue;
    scores[i] += average;
    if (items) items[itemOffset + i] = average;
  }
}

/** An indicator's item cap in score points (Infinity without itemCap). */
export const itemCapOf = (settings: EvaluationSettings, j: number): number =>
  settings.itemCap === undefined ? Infinity : settings.itemCap * settings.weights[j];

/**
 * Scores of the active platforms (inactive get NaN). `items` receives each indicator's item score per
 * platform when given (indicator-major: items[j * n + i]).
 */
export function scorePlatforms(
  data: IndicatorData,
  active: Uint8Array,
  settings: EvaluationSettings,
  scores: Float64Array,
  items?: Float64Array,
): void {
  const n = active.length;
  for (let i = 0; i < n; i++) scores[i] = active[i] ? 0 : NaN;
  settings.indicators.forEach((k, j) => {
    addIndicatorScores(
      data.numerator[k],
      data.denominator[k],
      INDICATOR_FACTOR[k],
      active,
      settings.weights[j],
      settings.benchmarks[j],
      itemCapOf(settings, j),
      scores,
      items,
      j * n,
    );
  });
}

/**
 * Classes by rank: 0 = A … 3 = D; ineligible platforms get 255. Ranked by score, highest first; equal
 * scores (===) share the class of their group's best position, and NaN scores (no comparable score) come
 * after every number and share one class the same way. Within a tie the order is by `nameRank` — it
 * fixes `ranking` and the reported rank order but never a class. The sort is an insertion sort starting
 * from `ranking` — any permutation of 0 … n−1, updated in place to the new order (eligible platforms
 * first, best first; then the ineligible); passing last year's ranking makes the sort nearly linear in the
 * year loop. `sorted` is scratch of length n and holds the same order on return. Returns the number ranked.
 */
export function rankClasses(
  scores: Float64Array,
  eligible: Uint8Array,
  nameRank: Int32Array,
  cumulativeCuts: [number, number, number],
  ranking: Int32Array,
  sorted: Int32Array,
  classes: Uint8Array,
): number {
  const n = eligible.length;
  let m = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (!eligible[i]) continue;
    m++;
    if (scores[i] === scores[i]) q++;
  }
  // Stable partition in ranking order: scored platforms [0, q), NaN scores [q, m), ineligible [m, n).
  // Only [0, q) is sorted, so the comparison never meets a NaN and the order is total.
  let a = 0;
  let z = q;
  let b = m;
  for (let r = 0; r < n; r++) {
    const i = ranking[r];
    if (!eligible[i]) sorted[b++] = i;
    else if (scores[i] === scores[i]) sorted[a++] = i;
    else sorted[z++] = i;
  }
  // Higher score first, then lower name rank: (score[b] − score[a]) || (rank[a] − rank[b]) > 0 moves a down.
  // Insertion sort while the order is nearly right; past a budget of moves (a first year from the row
  // order: n²/4 moves, hours at 100,000 platforms) a stable merge sort finishes from where it stopped.
  // Both are stable sorts by the same comparison, so they give the same order.
  let budget = 16 * q + 1024;
  for (let x = 1; x < q; x++) {
    const i = sorted[x];
    const si = scores[i];
    let y = x - 1;
    while (y >= 0 && (si - scores[sorted[y]] || nameRank[sorted[y]] - nameRank[i]) > 0) {
      sorted[y + 1] = sorted[y];
      y--;
    }
    sorted[y + 1] = i;
    budget -= x - 1 - y;
    if (budget < 0) {
      mergeSort(sorted, q, scores, nameRank);
      break;
    }
  }
  ranking.set(sorted);
  const cutA = Math.round(m * cumulativeCuts[0]);
  const cutB = Math.round(m * cumulativeCuts[1]);
  const cutC = Math.round(m * cumulativeCuts[2]);
  classes.fill(255);
  let cls = 0;
  for (let r = 0; r < m; r++) {
    const i = sorted[r];
    // A new class only where the score changes: a tie keeps its best position's class.
    if (r === 0 || !sameScore(scores[i], scores[sorted[r - 1]])) cls = r < cutA ? 0 : r < cutB ? 1 : r < cutC ? 2 : 3;
    classes[i] = cls;
  }
  return m;
}

/** Equal scores, NaN equal to NaN (the ties of rankClasses). */
const sameScore = (s: number, t: number): boolean => s === t || (s !== s && t !== t);

/** Stable bottom-up merge sort of sorted[0 … m) by rankClasses' comparison (no NaN among them). */
function mergeSort(sorted: Int32Array, m: number, scores: Float64Array, nameRank: Int32Array): void {
  const original = sorted.subarray(0, m);
  let from: Int32Array = original;
  let to: Int32Array = new Int32Array(m);
  // b goes before a when it scores higher, or the same with a lower name rank; on a tie a (the left) stays first.
  const before = (b: number, a: number) => (scores[b] - scores[a] || nameRank[a] - nameRank[b]) > 0;
  for (let width = 1; width < m; width *= 2) {
    for (let lo = 0; lo < m; lo += 2 * width) {
      const mid = Math.min(lo + width, m);
      const hi = Math.min(lo + 2 * width, m);
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid && b < hi) to[k++] = before(from[b], from[a]) ? from[b++] : from[a++];
      while (a < mid) to[k++] = from[a++];
      while (b < hi) to[k++] = from[b++];
    }
    [from, to] = [to, from];
  }
  if (from !== original) original.set(from);
}

/**
 * rankClasses from the identity order, for one-off evaluations. `order` (length n) receives the ranking:
 * order[0 … m) are the m classified platforms, best first (ties by name rank). Returns m.
 */
export function classify(
  scores: Float64Array,
  active: Uint8Array,
  nameRank: Int32Array,
  cumulativeCuts: [number, number, number],
  order: Int32Array,
  classes: Uint8Array,
): number {
  const ranking = Int32Array.from({ length: active.length }, (_, i) => i);
  return rankClasses(scores, active, nameRank, cumulativeCuts, ranking, order, classes);
}

/**
 * 1-based ranks of the ranking order[0 … m) as classify leaves it, ties sharing the best one (1, 2, 2, 4):
 * the rank the classes go by.
 */
export function tiedRanks(scores: Float64Array, order: ArrayLike<number>, m: number): Int32Array {
  const ranks = new Int32Array(m);
  for (let r = 0; r < m; r++) ranks[r] = r > 0 && sameScore(scores[order[r]], scores[order[r - 1]]) ? ranks[r - 1] : r + 1;
  return ranks;
}

export const classLetter = (c: number): EvaluationClass => CLASSES[c];
