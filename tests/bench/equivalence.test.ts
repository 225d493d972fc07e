/**
 * The benchmark's fast paths against the reference implementations they must match bit for bit:
 * quantilesOf vs quantiles on a copy, NormalStreams (inline Tyche-i + ziggurat) vs NormalStream.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NormalStream, NormalStreams, streamIntegers } from "../../models/random.js";
import { quantilesOf } from "../../models/quantileSelector.js";
import { quantiles } from "../../models/summarize.js";

describe("quantilesOf(values, mean?)", () => {
  it("equals quantiles(Float64Array.from(values), mean) bit for bit and leaves values unchanged (seeded arrays)", () => {
    const rng = seedrandom("quantilesOf");
    for (let trial = 0; trial < 600; trial++) {
      const m = 1 + Math.floor(rng() * (trial % 3 === 0 ? 20 : 3000));
      const kind = trial % 6;
      const draw = () => {
        if (kind === 0) return Math.exp(3 * rng()) * 100; // spread over orders of magnitude
        if (kind === 1) return 1 + Math.floor(rng() * 5); // many ties
        if (kind === 2) return rng() < 0.001 ? 1e6 : 50 + rng(); // narrow with an outlier
        if (kind === 3) return rng() < 0.05 ? 0 : rng() * 10; // zeros: copying path
        if (kind === 4) return rng() - 0.3; // negatives: copying path
        return 1e-40 * (1 + rng()); // denormal Float32
      };
      const raw = Array.from({ length: m }, draw);
      for (const values of [Float64Array.from(raw), Float32Array.from(raw)]) {
        const before = values.slice();
        const mean = trial % 2 ? undefined : 12.5;
        expect(quantilesOf(values, mean), `trial ${trial}, m ${m}, kind ${kind}`).toEqual(quantiles(Float64Array.from(values), mean));
        expect(Array.from(values)).toEqual(Array.from(before));
      }
    }
  });

  it("gives NaN statistics for a column with a NaN, and handles empty and constant columns", () => {
    const nan = { mean: NaN, p10: NaN, p50: NaN, p90: NaN };
    expect(quantilesOf(Float64Array.from([1, NaN, 3]), 2)).toEqual(nan);
    expect(quantilesOf(new Float32Array(0))).toEqual(nan);
    expect(quantilesOf(Float32Array.from([2, 2]), 1.5)).toEqual({ mean: 1.5, p10: 2, p50: 2, p90: 2 });
  });
});

describe("NormalStreams", () => {
  it("draws the same numbers as one NormalStream per key and block (seedrandom's Tyche-i + the reference ziggurat), in any chunking", () => {
    const keys = ["region", "platform:甲", "platform:南湖区高新区"];
    for (const seed of ["parkplan", 7]) {
      for (const block of [0, 1, 37]) {
        const many = new NormalStreams(seed, keys);
        many.startBlock(block);
        const one = keys.map((k) => new NormalStream(streamIntegers(seed, k, block)));
        const buffer = new Float64Array(40);
        for (let round = 0; round < 400; round++) {
          for (let s = 0; s < keys.length; s++) {
            const trials = (round + s) % 3;
            const perTrial = (round * 7 + s) % 6;
            many.fill(s, trials, perTrial, buffer, 1, 13, 2);
            for (let t = 0; t < trials; t++) for (let j = 0; j < perTrial; j++) expect(buffer[1 + 13 * t + 2 * j]).toBe(one[s].next());
          }
        }
      }
    }
  });
});
