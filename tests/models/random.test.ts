/**
 * The engine's normal draws (ziggurat.ts on seedrandom's Tyche-i, through NormalStreams): moments,
 * tails and the Kolmogorov–Smirnov distance against the standard normal, on a fixed seed with stated
 * tolerances; and the block streams' independence from each other.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NormalStreams, platformStreamKey, REGION_STREAM, streamSeed } from "../../models/random.js";
import { ZIGGURAT_K, ZIGGURAT_R, ZIGGURAT_W } from "../../models/ziggurat.js";

const N = 1_000_000;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 on erf; |error| < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

function draws(seed: string, key: string, block: number, count: number): Float64Array {
  const streams = new NormalStreams(seed, [key]);
  streams.startBlock(block);
  const out = new Float64Array(count);
  streams.fill(0, 1, count, out, 0, 0, 1);
  return out;
}

describe("ziggurat normals on Tyche-i", () => {
  const x = draws("moments", platformStreamKey("甲"), 0, N);

  it("have mean 0, variance 1, skewness 0 and kurtosis 3 within 5 standard errors (10⁶ draws)", () => {
    let m1 = 0;
    for (const v of x) m1 += v;
    m1 /= N;
    let m2 = 0,
      m3 = 0,
      m4 = 0;
    for (const v of x) {
      const d = v - m1;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= N;
    m3 /= N;
    m4 /= N;
    // Standard errors for N(0,1): mean 1/√N, variance √(2/N), skewness √(6/N), kurtosis √(24/N).
    expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(m3 / m2 ** 1.5)).toBeLessThan(5 * Math.sqrt(6 / N));
    expect(Math.abs(m4 / m2 ** 2 - 3)).toBeLessThan(5 * Math.sqrt(24 / N));
  });

  it("put the right share of draws in the tails, beyond the ziggurat's R = 3.4426 too", () => {
    for (const t of [1, 2, 3, ZIGGURAT_R, 4]) {
      const expected = 2 * (1 - phi(t));
      let count = 0;
      for (const v of x) if (Math.abs(v) > t) count++;
      const sd = Math.sqrt((expected * (1 - expected)) / N);
      expect(Math.abs(count / N - expected), `|x| > ${t}`).toBeLessThan(5 * sd + 1e-6);
    }
  });

  it("have a Kolmogorov–Smirnov distance from Φ below the 1% critical value 1.63/√n", () => {
    const sorted = Float64Array.from(x.subarray(0, 200_000)).sort();
    let d = 0;
    for (let i = 0; i < sorted.length; i++) {
      const f = phi(sorted[i]);
      d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs(f - (i + 1) / sorted.length));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(sorted.length));
  });

  it("take the fast path for ≈ 97.2% of integers: the tables' share, and the share seen in 10⁶ Tyche-i integers", () => {
    // Share of 25-bit positions accepted at once, averaged over the 128 equally likely layers (layer 1,
    // the top, always takes the wedge test: K[1] = 0 in Marsaglia & Tsang's tables).
    let share = 0;
    for (let layer = 0; layer < 128; layer++) share += Math.min(ZIGGURAT_K[layer], 2 ** 24) / 2 ** 24;
    share /= 128;
    expect(share).toBeGreaterThan(0.97);
    expect(share).toBeLessThan(0.975);
    const next = seedrandom.tychei("fast path").int32;
    let fast = 0;
    for (let i = 0; i < N; i++) {
      const u = next();
      if (Math.abs(u >> 7) < ZIGGURAT_K[u & 127]) fast++;
    }
    expect(Math.abs(fast / N - share)).toBeLessThan(5 * Math.sqrt((share * (1 - share)) / N));
    expect(ZIGGURAT_W[127] * 2 ** 24).toBeCloseTo(ZIGGURAT_R, 12);
  });
});

describe("block streams", () => {
  it("are different for each block, platform and seed, and uncorrelated (|r| < 5/√n)", () => {
    const n = 100_000;
    const pairs: [Float64Array, Float64Array][] = [
      [draws("s", platformStreamKey("甲"), 0, n), draws("s", platformStreamKey("甲"), 1, n)],
      [draws("s", platformStreamKey("甲"), 0, n), draws("s", platformStreamKey("乙"), 0, n)],
      [draws("s", REGION_STREAM, 7, n), draws("t", REGION_STREAM, 7, n)],
    ];
    for (const [a, b] of pairs) {
      let sab = 0,
        saa = 0,
        sbb = 0;
      for (let i = 0; i < n; i++) {
        sab += a[i] * b[i];
        saa += a[i] * a[i];
        sbb += b[i] * b[i];
      }
      expect(Math.abs(sab / Math.sqrt(saa * sbb))).toBeLessThan(5 / Math.sqrt(n));
    }
  });

  it("are seeded from '<seed>␟<key>␟<block>'", () => {
    expect(streamSeed("parkplan", "platform:甲", 3)).toBe("parkplan\u241fplatform:甲\u241f3");
    expect(streamSeed(7, "region")).toBe("7\u241fregion");
  });
});
