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
const BUCKETS = 2048;
const counts = new Int32Array(BUCKETS);
/** Per bucket: −1 = not needed, else where its values start among the gathered candidates. */
const startOf = new Int32Array(BUCKETS);
let candidates = new Float64Array(256);
let bucketOf = new Uint16Array(0);
const probe64 = new Float64Array(1);
const probe64Hi = new Uint32Array(probe64.buffer, LITTLE_ENDIAN ? 4 : 0, 1);
const probe32 = new Float32Array(1);
const probe32Bits = new Uint32Array(probe32.buffer);
const NAN_QUANTILES: Quantiles = { mean: NaN, p10: NaN, p50: NaN, p90: NaN };

/**
 * quantiles(Float64Array.from(values), mean), without copying or reordering `values`: the same numbers
 * bit for bit, since R-7 quantiles depend only on the order statistics (and the mean on the sum in
 * array order). The order statistics are found by a radix selection on the float bits: for positive
 * floats the bit pattern (a Float64's high word) orders like the value, so one pass counts the values
 * per bucket of bit patterns between min and max, and a second gathers only the buckets holding the
 * needed ranks, which are then sorted. Zero, negative or NaN values take the copying path.
 */
export function quantilesOf(values: Float32Array | Float64Array, mean?: number): Quantiles {
  const wide = values instanceof Float64Array;
  const m = values.length;
  const scan = wide ? scan64(values) : scan32(values as Float32Array);
  if (scan === null || m === 0) return { ...NAN_QUANTILES };
  const [sum, min, max] = scan;
  if (min === max) return { mean: mean ?? min, p10: min, p50: min, p90: min };
  if (!(min > 0) || max === Infinity || !LITTLE_ENDIAN) return quantiles(Float64Array.from(values), mean);
  // Keys: Float32 bits, or a Float64's high word (monotone in the value for positive finite floats).
  const keys = new Uint32Array(values.buffer, values.byteOffset, wide ? 2 * m : m);
  const kmin = wide ? ((probe64[0] = min), probe64Hi[0]) : ((probe32[0] = min), probe32Bits[0]);
  const span = (wide ? ((probe64[0] = max), probe64Hi[0]) : ((probe32[0] = max), probe32Bits[0])) - kmin;
  let shift = 0;
  while (span >>> shift >= BUCKETS) shift++;
  if (bucketOf.length < m) bucketOf = new Uint16Array(m);
  counts.fill(0);
  if (wide) histogram(keys, 1, 2, m, kmin, shift);
  else histogram(keys, 0, 1, m, kmin, shift);
  // Ranks needed (R-7 at h = (m − 1)·p uses floor(h) and the next one), ascending.
  const h = [(m - 1) * 0.1, (m - 1) * 0.5, (m - 1) * 0.9];
  const ranks = [Math.floor(h[0]), Math.floor(h[0]) + 1, Math.floor(h[1]), Math.floor(h[1]) + 1, Math.floor(h[2]), Math.floor(h[2]) + 1].map((r) => Math.min(r, m - 1));
  // Buckets holding them, and each one's place among the gathered candidates.
  startOf.fill(-1);
  const rankAt = new Int32Array(6);
  let below = 0;
  let size = 0;
  for (let b = 0, r = 0; r < 6; b++) {
    const count = counts[b];
    let needed = false;
    while (r < 6 && ranks[r] < below + count) {
      rankAt[r] = size + ranks[r] - below;
      needed = true;
      r++;
    }
    if (needed) {
      startOf[b] = size;
      size += count;
    }
    below += count;
  }
  if (candidates.length < size) candidates = new Float64Array(Math.max(size, 2 * candidates.length));
  if (wide) gather64(values as Float64Array, m);
  else gather32(values as Float32Array, m);
  const sorted = candidates.subarray(0, size).sort();
  const at = (q: number): number => {
    const lo = Math.floor(h[q]);
    const low = sorted[rankAt[2 * q]];
    if (h[q] === lo || lo + 1 > m - 1) return low;
    return low + (h[q] - lo) * (sorted[rankAt[2 * q + 1]] - low);
  };
  return { mean: mean ?? sum / m, p10: at(0), p50: at(1), p90: at(2) };
}

function histogram(keys: Uint32Array, first: number, step: number, m: number, kmin: number, shift: number): void {
  for (let i = 0, at = first; i < m; i++, at += step) {
    const b = (keys[at] - kmin) >>> shift;
    bucketOf[i] = b;
    counts[b]++;
  }
}

/** Values of the needed buckets to their places among the candidates (separate per array type, so loads stay monomorphic). */
function gather32(values: Float32Array, m: number): void {
  for (let i = 0; i < m; i++) {
    const start = startOf[bucketOf[i]];
    if (start >= 0) {
      candidates[start] = values[i];
      startOf[bucketOf[i]] = start + 1;
    }
  }
}

function gather64(values: Float64Array, m: number): void {
  for (let i = 0; i < m; i++) {
    const start = startOf[bucketOf[i]];
    if (start >= 0) {
      candidates[start] = values[i];
      startOf[bucketOf[i]] = start + 1;
    }
  }
}

/** [Σ, min, max] in array order, or null at the first NaN. */
function scan32(values: Float32Array): [number, number, number] | null {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v === v)) return null;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [sum, min, max];
}

function scan64(values: Float64Array): [number, number, number] | null {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v === v)) return null;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [sum, min, max];
}
