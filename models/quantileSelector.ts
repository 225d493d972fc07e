/**
 * Quantiles of stored trial columns without copying or reordering them (the summaries' hot path), by a
 * radix selection on the float bits. The same numbers bit for bit as summarize.ts's quantiles on a copy;
 * tests/bench/equivalence.test.ts pins that. Scratch buffers belong to a QuantileSelector, one per
 * summary pass, so nothing here is shared state.
 */
import type { Quantiles } from "./results.js";
import { quantiles } from "./summarize.js";

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const BUCKETS = 2048;
const NAN_QUANTILES: Quantiles = { mean: NaN, p10: NaN, p50: NaN, p90: NaN };

export class QuantileSelector {
  private readonly counts = new Int32Array(BUCKETS);
  /** Per bucket: −1 = not needed, else where its values start among the gathered candidates. */
  private readonly startOf = new Int32Array(BUCKETS);
  private candidates = new Float64Array(256);
  private bucketOf = new Uint16Array(0);
  private readonly probe64 = new Float64Array(1);
  private readonly probe64Hi = new Uint32Array(this.probe64.buffer, LITTLE_ENDIAN ? 4 : 0, 1);
  private readonly probe32 = new Float32Array(1);
  private readonly probe32Bits = new Uint32Array(this.probe32.buffer);

  /**
   * quantiles(Float64Array.from(values), mean), without copying or reordering `values`: the same numbers
   * bit for bit, since R-7 quantiles depend only on the order statistics (and the mean on the sum in
   * array order). The order statistics are found by a radix selection on the float bits: for positive
   * floats the bit pattern (a Float64's high word) orders like the value, so one pass counts the values
   * per bucket of bit patterns between min and max, and a second gathers only the buckets holding the
   * needed ranks, which are then sorted. Zero, negative or NaN values take the copying path.
   */
  quantiles(values: Float32Array | Float64Array, mean?: number): Quantiles {
    const wide = values instanceof Float64Array;
    const m = values.length;
    const scan = wide ? scan64(values) : scan32(values as Float32Array);
    if (scan === null || m === 0) return { ...NAN_QUANTILES };
    const [sum, min, max] = scan;
    if (min === max) return { mean: mean ?? min, p10: min, p50: min, p90: min };
    if (!(min > 0) || max === Infinity || !LITTLE_ENDIAN) return quantiles(Float64Array.from(values), mean);
    // Keys: Float32 bits, or a Float64's high word (monotone in the value for positive finite floats).
    const keys = new Uint32Array(values.buffer, values.byteOffset, wide ? 2 * m : m);
    const kmin = wide ? ((this.probe64[0] = min), this.probe64Hi[0]) : ((this.probe32[0] = min), this.probe32Bits[0]);
    const span = (wide ? ((this.probe64[0] = max), this.probe64Hi[0]) : ((this.probe32[0] = max), this.probe32Bits[0])) - kmin;
    let shift = 0;
    while (span >>> shift >= BUCKETS) shift++;
    if (this.bucketOf.length < m) this.bucketOf = new Uint16Array(m);
    this.counts.fill(0);
    if (wide) this.histogram(keys, 1, 2, m, kmin, shift);
    else this.histogram(keys, 0, 1, m, kmin, shift);
    // Ranks needed (R-7 at h = (m − 1)·p uses floor(h) and the next one), ascending.
    const h = [(m - 1) * 0.1, (m - 1) * 0.5, (m - 1) * 0.9];
    const ranks = [
      Math.floor(h[0]),
      Math.floor(h[0]) + 1,
      Math.floor(h[1]),
      Math.floor(h[1]) + 1,
      Math.floor(h[2]),
      Math.floor(h[2]) + 1,
    ].map((r) => Math.min(r, m - 1));
    // Buckets holding them, and each one's place among the gathered this.candidates.
    this.startOf.fill(-1);
    const rankAt = new Int32Array(6);
    let below = 0;
    let size = 0;
    for (let b = 0, r = 0; r < 6; b++) {
      const count = this.counts[b];
      let needed = false;
      while (r < 6 && ranks[r] < below + count) {
        rankAt[r] = size + ranks[r] - below;
        needed = true;
        r++;
      }
      if (needed) {
        this.startOf[b] = size;
        size += count;
      }
      below += count;
    }
    if (this.candidates.length < size) this.candidates = new Float64Array(Math.max(size, 2 * this.candidates.length));
    if (wide) this.gather64(values as Float64Array, m);
    else this.gather32(values as Float32Array, m);
    const sorted = this.candidates.subarray(0, size).sort();
    const at = (q: number): number => {
      const lo = Math.floor(h[q]);
      const low = sorted[rankAt[2 * q]];
      if (h[q] === lo || lo + 1 > m - 1) return low;
      return low + (h[q] - lo) * (sorted[rankAt[2 * q + 1]] - low);
    };
    return { mean: mean ?? sum / m, p10: at(0), p50: at(1), p90: at(2) };
  }

  private histogram(keys: Uint32Array, first: number, step: number, m: number, kmin: number, shift: number): void {
    for (let i = 0, at = first; i < m; i++, at += step) {
      const b = (keys[at] - kmin) >>> shift;
      this.bucketOf[i] = b;
      this.counts[b]++;
    }
  }

  /** Values of the needed buckets to their places among the this.candidates (separate per array type, so loads stay monomorphic). */
  private gather32(values: Float32Array, m: number): void {
    for (let i = 0; i < m; i++) {
      const start = this.startOf[this.bucketOf[i]];
      if (start >= 0) {
        this.candidates[start] = values[i];
        this.startOf[this.bucketOf[i]] = start + 1;
      }
    }
  }

  private gather64(values: Float64Array, m: number): void {
    for (let i = 0; i < m; i++) {
      const start = this.startOf[this.bucketOf[i]];
      if (start >= 0) {
        this.candidates[start] = values[i];
        this.startOf[this.bucketOf[i]] = start + 1;
      }
    }
  }
}

/** One-off quantilesOf with its own scratch (summary passes reuse one QuantileSelector). */
export function quantilesOf(values: Float32Array | Float64Array, mean?: number): Quantiles {
  return new QuantileSelector().quantiles(values, mean);
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
