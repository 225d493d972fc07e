import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { allocateRequests, waterFill } from "../../models/allocate.js";

/** Run waterFill on fresh buffers (pre-filled with junk to prove they are overwritten). */
function fill(amount: number, weights: readonly number[], caps: readonly number[]) {
  const out = new Float64Array(weights.length).fill(-7);
  const open = new Uint8Array(weights.length).fill(9);
  const unallocated = waterFill(amount, weights, caps, out, open);
  return { out: Array.from(out), unallocated };
}

function expectClose(actual: number[], expected: number[], digits = 12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v, `index ${i}`).toBeCloseTo(expected[i], digits));
}

describe("waterFill(amount, weights, caps, out, open)", () => {
  it("gives the documented example: 100 over weights 1/1/2, first capped at 10 → [10, 30, 60]", () => {
    // Round 1: 100 / 4 = 25 per weight; recipient 0 (share 25 ≥ cap 10) is filled to 10.
    // Round 2: 90 / 3 = 30 per weight → 30 and 60, both below 100.
    const weights = Object.freeze([1, 1, 2]);
    const caps = Object.freeze([10, 100, 100]);
    const { out, unallocated } = fill(100, weights, caps);
    expect(out).toEqual([10, 30, 60]);
    expect(unallocated).toBe(0);
  });

  it("re-splits over successive rounds when a second recipient saturates only after the first one's surplus", () => {
    // amount 150, weights 1/2/3/4 (Σ 10), caps 5/31/1000/1000.
    // Round 1: 150/10 = 15 per weight → shares 15, 30, 45, 60; only recipient 0 (15 ≥ 5) saturates at 5.
    // Round 2: 145/9 = 16.11 per weight → recipient 1: 32.22 ≥ 31 saturates at 31.
    // Round 3: 114/7 per weight → recipient 2: 3·114/7 = 342/7, recipient 3: 4·114/7 = 456/7; none saturate.
    const { out, unallocated } = fill(150, Object.freeze([1, 2, 3, 4]), Object.freeze([5, 31, 1000, 1000]));
    expectClose(out, [5, 31, 342 / 7, 456 / 7]);
    expect(unallocated).toBe(0);
    // Round 1 alone would have given recipient 1 only 30 < 31: the saturation is a second-round effect.
    expect((150 / 10) * 2).toBeLessThan(31);
  });

  it("gives nothing to zero weights, even with room", () => {
    // 10 over weights 0/1/1 → 0, 5, 5.
    const { out, unallocated } = fill(10, [0, 1, 1], [100, 100, 100]);
    expect(out).toEqual([0, 5, 5]);
    expect(unallocated).toBe(0);
  });

  it("gives nothing to zero caps and re-splits their share", () => {
    // 12 over weights 1/1/2 with recipient 1 capped at 0 → weights 1 and 2 share 12: 4 and 8.
    const { out, unallocated } = fill(12, [1, 1, 2], [100, 0, 100]);
    expect(out).toEqual([4, 0, 8]);
    expect(unallocated).toBe(0);
  });

  it("returns the remainder nobody can take when every recipient is capped", () => {
    // Round 1: 100/2 = 50 per weight, both shares exceed caps 10 and 20 → 70 left, nobody open.
    const { out, unallocated } = fill(100, [1, 1], [10, 20]);
    expect(out).toEqual([10, 20]);
    expect(unallocated).toBe(100 - 10 - 20);
  });

  it("returns the remainder when every recipient is capped and the weights do not cancel exactly in floating point", () => {
    // Round 1: 10 / 0.3 = 33.3 per weight; both shares exceed caps 1 and 1 → 10 − 2 = 8 left, nobody open.
    // Regression: a running totalWeight decremented per saturation ends at 0.1 + 0.2 − 0.1 − 0.2 = 2.8e-17, not 0;
    // the loop then ran once more with nobody open, "handed out" nothing and zeroed the remainder (returned 0, not 8).
    const { out, unallocated } = fill(10, [0.1, 0.2], [1, 1]);
    expect(out).toEqual([1, 1]);
    expect(unallocated).toBeCloseTo(10 - 1 - 1, 12);
  });

  it("returns the whole amount when every weight is zero", () => {
    const { out, unallocated } = fill(40, [0, 0], [100, 100]);
    expect(out).toEqual([0, 0]);
    expect(unallocated).toBe(40);
  });

  it("with amount 0 gives everyone 0 and returns 0", () => {
    const { out, unallocated } = fill(0, [1, 2, 3], [5, 5, 5]);
    expect(out).toEqual([0, 0, 0]);
    expect(unallocated).toBe(0);
  });

  it("fills a recipient whose share equals its cap exactly, leaving nothing", () => {
    // 30 over 1/2 → 10 and 20, caps exactly 10 and 20.
    const { out, unallocated } = fill(30, [1, 2], [10, 20]);
    expect(out).toEqual([10, 20]);
    expect(unallocated).toBe(0);
  });

  it("keeps Σ out + unallocated = amount, 0 ≤ out ≤ cap and proportional shares below the cap (200 seeded cases)", () => {
    const random = seedrandom("parkplan-allocate");
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 12);
      const weights: number[] = [];
      const caps: number[] = [];
      for (let i = 0; i < n; i++) {
        weights.push(random() < 0.15 ? 0 : random() * 10);
        caps.push(random() < 0.1 ? 0 : random() * 100);
      }
      const amount = random() < 0.05 ? 0 : random() * 600;
      const { out, unallocated } = fill(amount, Object.freeze(weights), Object.freeze(caps));
      const label = `trial ${trial}`;

      const total = out.reduce((s, v) => s + v, 0);
      expect(Math.abs(total + unallocated - amount), label).toBeLessThanOrEqual(1e-9 * Math.max(1, amount));
      expect(unallocated, label).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < n; i++) {
        expect(out[i], label).toBeGreaterThanOrEqual(0);
        expect(out[i], label).toBeLessThanOrEqual(caps[i]);
        if (weights[i] === 0) expect(out[i], label).toBe(0);
      }

      // Recipients below their cap (with weight > 0) all get the same amount per weight, λ;
      // recipients at their cap are those whose cap/weight ≤ λ.
      const below = [...weights.keys()].filter((i) => weights[i] > 0 && out[i] < caps[i]);
      if (below.length > 0) {
        const level = out[below[0]] / weights[below[0]];
        for (const i of below) expect(Math.abs(out[i] / weights[i] - level), label).toBeLessThanOrEqual(1e-12 * Math.max(1, level));
        for (let i = 0; i < n; i++) {
          if (weights[i] > 0 && out[i] === caps[i]) expect(caps[i] / weights[i], label).toBeLessThanOrEqual(level * (1 + 1e-12) + 1e-12);
        }
        // Someone still had room, so nothing is left over.
        expect(unallocated, label).toBe(0);
      }
    }
  });
});

describe("allocateRequests(amount, requests, caps, out)", () => {
  it("scales requests down in proportion when they exceed the amount", () => {
    // Requests 50 + 100 + 50 = 200 > 100 → scale 100/200 = 0.5 → 25, 50, 25.
    const out = new Float64Array(3).fill(-1);
    const left = allocateRequests(100, Object.freeze([50, 100, 50]), Object.freeze([1000, 1000, 1000]), out);
    expect(Array.from(out)).toEqual([25, 50, 25]);
    expect(left).toBe(0);
  });

  it("cuts to caps after scaling and does not re-split what a cap cuts off", () => {
    // Scaled 25, 50, 25; recipient 1 capped at 40 → 25, 40, 25; 100 − 90 = 10 stays unallocated.
    const out = new Float64Array(3);
    const left = allocateRequests(100, [50, 100, 50], [100, 40, 100], out);
    expect(Array.from(out)).toEqual([25, 40, 25]);
    expect(left).toBe(100 - 25 - 40 - 25);
  });

  it("grants requests in full when they fit, returning what is not requested", () => {
    // 10 + 20 = 30 ≤ 100 → scale 1; recipient 1 capped at 5 → 10, 5; 100 − 15 = 85 left.
    const out = new Float64Array(2);
    const left = allocateRequests(100, [10, 20], [100, 5], out);
    expect(Array.from(out)).toEqual([10, 5]);
    expect(left).toBe(85);
  });

  it("treats a negative cap as 0", () => {
    const out = new Float64Array(2);
    const left = allocateRequests(10, [4, 6], [-3, 100], out);
    expect(Array.from(out)).toEqual([0, 6]);
    expect(left).toBe(4);
  });

  it("with amount 0 gives everyone 0", () => {
    const out = new Float64Array(2).fill(5);
    expect(allocateRequests(0, [4, 6], [100, 100], out)).toBe(0);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});
