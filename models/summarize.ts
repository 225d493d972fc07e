/**
 * Aggregation after the trials: quantiles (R-7, the default of R and numpy: linear interpolation
 * between order statistics at h = (m − 1)·p) and means.
 */
import type { Quantiles } from "./results.js";

/** R-7 quantile of an ascending-sorted array. @example quantileSorted([1, 2, 3, 4], 0.5) // => 2.5 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const m = sorted.length;
  if (m === 0) return NaN;
  const h = (m - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, m - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Rearrange `a` so that a[k] is the k-th smallest value, smaller ones before it and larger after
 * (Hoare's selection with a median-of-three pivot): O(n) on average, no allocation.
 */
export function selectKth(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    const mid = (left + right) >> 1;
    // Median of three as pivot, moved to a[k]'s bracket ends so the scan stays inside.
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * R-7 quantile by selection within [left, right] of `values` (reordered), for a position `h` = (m − 1)·p
 * that lies in that range; the next order statistic is the smallest value after position floor(h)
 * within the range, which holds when everything right of `right` is ≥ everything in it.
 */
function quantileAt(values: Float64Array, h: number, left: number, right: number): number {
  const lo = Math.floor(h);
  selectKth(values, lo, left, right);
  const below = values[lo];
  if (h === lo || lo + 1 > right) return below;
  let above = values[lo + 1];
  for (let i = lo + 2; i <= right; i++) if (values[i] < above) above = values[i];
  return below + (h - lo) * (above - below);
}

/** R-7 quantile by selection (reorders `values`); the same number as quantileSorted on the sorted copy. */
export function quantileSelect(values: Float64Array, p: number): number {
  return values.length === 0 ? NaN : quantileAt(values, (values.length - 1) * p, 0, values.length - 1);
}

/**
 * Mean, P10, P50, P90 of `values` (reordered in place; copy stored Float32 trials into a Float64 scratch
 * first). Any NaN makes every statistic NaN: a figure that is undefined in some trials (a per-mu figure
 * of an exited platform) has no distribution.
 */
export function quantiles(values: Float64Array, mean?: number): Quantiles {
  const m = values.length;
  if (m === 0) return { mean: NaN, p10: NaN, p50: NaN, p90: NaN };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < m; i++) {
    const v = values[i];
    if (!(v === v)) return { mean: NaN, p10: NaN, p50: NaN, p90: NaN };
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return { mean: mean ?? min, p10: min, p50: min, p90: min };
  // P50 first; then P10 only left of it and P90 only right of it (selection leaves them partitioned).
  const h50 = (m - 1) * 0.5;
  const p50 = quantileAt(values, h50, 0, m - 1);
  const lo50 = Math.floor(h50);
  return {
    mean: mean ?? sum / m,
    // When P10 and P50 share a lower order statistic (m = 2), P10's next one lies right of it.
    p10: quantileAt(values, (m - 1) * 0.1, 0, Math.floor((m - 1) * 0.1) === lo50 ? m - 1 : lo50),
    p50,
    p90: quantileAt(values, (m - 1) * 0.9, lo50, m - 1),
  };
}

/** Quantiles of k·X from those of X (k ≥ 0): exact for R-7, which is linear in the order statistics. */
export function scaleQuantiles(q: Quantiles, k: number): Quantiles {
  return { mean: q.mean * k, p10: q.p10 * k, p50: q.p50 * k, p90: q.p90 * k };
}
