import { describe, expect, it } from "vitest";
import { reachProbability } from "../../models/reachProbability.js";
import { NormalStream, streamIntegers } from "../../models/random.js";

describe("reachProbability(question, runs, seed)", () => {
  it("is exactly 1 or 0 with sd = 0", () => {
    expect(reachProbability({ base: 100, mean: 0.1, sd: 0, years: 3, target: 133.1 }, 50, 1)).toBe(1);
    expect(reachProbability({ base: 100, mean: 0.1, sd: 0, years: 3, target: 133.11 }, 50, 1)).toBe(0);
  });

  it("counts trials drawn year after year from the 'reach-probability' stream of the seed", () => {
    // Re-derive the four trials of two years by hand from the same stream.
    const z = new NormalStream(streamIntegers("s", "reach-probability"));
    let reached = 0;
    for (let r = 0; r < 4; r++) {
      const v = 100 * (1 + 0.05 + 0.1 * z.next()) * (1 + 0.05 + 0.1 * z.next());
      if (v >= 110) reached++;
    }
    expect(reachProbability({ base: 100, mean: 0.05, sd: 0.1, years: 2, target: 110 }, 4, "s")).toBe(reached / 4);
  });

  it("is 1 for a target already met after zero years", () => {
    expect(reachProbability({ base: 100, mean: 0.1, sd: 0.3, years: 0, target: 100 }, 10, 1)).toBe(1);
  });
});
