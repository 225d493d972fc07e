/**
 * The benchmark's fast paths against the reference implementations they must match bit for bit:
 * quantilesOf vs quantiles on a copy, NormalStreams vs NormalStream.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { NormalStream, NormalStreams, streamSource } from "../../models/random.js";
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
  it("draws the same numbers as one NormalStream per key, in any chunking", () => {
    const keys = ["region", "platform:甲", "platform:南湖区高新区"];
    for (const seed of ["parkplan", 7]) {
      const many = new NormalStreams(seed, keys);
      const one = keys.map((k) => new NormalStream(streamSource(seed, k)));
      const buffer = new Float64Array(20);
      for (let round = 0; round < 300; round++) {
        for (let s = 0; s < keys.length; s++) {
          const count = (round * 7 + s) % 6;
          many.fill(s, count, buffer, 1, 3);
          for (let j = 0; j < count; j++) expect(buffer[1 + 3 * j]).toBe(one[s].next());
        }
      }
    }
  });
});
