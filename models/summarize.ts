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

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const BUCKETS = 4096;
const counts = new Int32Array(BUCKETS);
const wanted = new Uint8Array(BUCKETS);
let candidates = new Float64Array(256);
const probe64 = new Float64Array(1);
const probe64Hi = new Uint32Array(probe64.buffer, LITTLE_ENDIAN ? 4 : 0, 1);
const probe32 = new Float32Array(1);
const probe32Bits = new Uint32Array(probe32.buffer);

/**
 * quantiles(Float64Array.from(values), mean), without copying or reordering `values`: the same numbers
 * bit for bit, since R-7 quantiles depend only on the order statistics (and the mean on the sum in
 * array order). The order statistics are found by a radix selection on the float bits: for positive
 * floats the bit pattern (a Float64's high word) orders like the value, so one pass counts the values
 * per bucket of bit patterns between min and max, and a second gathers only the buckets holding the
 * needed ranks, which are then sorted. Zero, negative or NaN values take the copying path.
 */
export function quantilesOf(values: Float32Array | Float64Array, mean?: number): Quantiles {
  const m = values.length;
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
  if (m === 0) return { mean: NaN, p10: NaN, p50: NaN, p90: NaN };
  if (min === max) return { mean: mean ?? min, p10: min, p50: min, p90: min };
  if (!(min > 0) || max === Infinity || !LITTLE_ENDIAN) return quantiles(Float64Array.from(values), mean);
  // Keys: Float32 bits, or a Float64's high word (monotone in the value for positive finite floats).
  const wide = values instanceof Float64Array;
  const keys = wide ? new Uint32Array(values.buffer, values.byteOffset, 2 * m) : new Uint32Array(values.buffer, values.byteOffset, m);
  const step = wide ? 2 : 1;
  const first = wide ? 1 : 0;
  const keyOf = (v: number) => (wide ? ((probe64[0] = v), probe64Hi[0]) : ((probe32[0] = v), probe32Bits[0]));
  const kmin = keyOf(min);
  const span = keyOf(max) - kmin;
  let shift = 0;
  while (span >>> shift >= BUCKETS) shift++;
  counts.fill(0);
  for (let i = 0, at = first; i < m; i++, at += step) counts[(keys[at] - kmin) >>> shift]++;
  // Ranks needed (R-7 at h = (m − 1)·p uses floor(h) and the next one).
  const needed = new Set<number>();
  for (const p of [0.1, 0.5, 0.9]) {
    const lo = Math.floor((m - 1) * p);
    needed.add(lo);
    if (lo + 1 <= m - 1) needed.add(lo + 1);
  }
  const ranks = [...needed].sort((a, b) => a - b);
  wanted.fill(0);
  const bucketOf = new Int32Array(ranks.length);
  const before = new Int32Array(ranks.length);
  let below = 0;
  let r = 0;
  for (let b = 0; b < BUCKETS && r < ranks.length; b++) {
    while (r < ranks.length && ranks[r] < below + counts[b]) {
      bucketOf[r] = b;
      before[r] = below;
      wanted[b] = 1;
      r++;
    }
    below += counts[b];
  }
  let size = 0;
  for (let b = 0; b < BUCKETS; b++) if (wanted[b]) size += counts[b];
  if (candidates.length < size) candidates = new Float64Array(Math.max(size, 2 * candidates.length));
  let c = 0;
  for (let i = 0, at = first; i < m; i++, at += step) if (wanted[(keys[at] - kmin) >>> shift]) candidates[c++] = values[i];
  const sorted = candidates.subarray(0, size).sort();
  // Position of rank t in the sorted candidates: the wanted buckets below its own, then its place in it.
  const orderStat = (t: number): number => {
    const q = ranks.indexOf(t);
    let offset = 0;
    for (let b = 0; b < bucketOf[q]; b++) if (wanted[b]) offset += counts[b];
    return sorted[offset + t - before[q]];
  };
  const at = (p: number): number => {
    const h = (m - 1) * p;
    const lo = Math.floor(h);
    const low = orderStat(lo);
    if (h === lo || lo + 1 > m - 1) return low;
    return low + (h - lo) * (orderStat(lo + 1) - low);
  };
  return { mean: mean ?? sum / m, p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}
