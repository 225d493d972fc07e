/**
 * The big-sheet paths of the model against the straightforward versions they replace: ranking past the
 * insertion sort's budget (a merge sort), the main-platform roll-ups from one pass. Seeded inputs,
 * equality to the element.
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { rankClasses } from "../../models/evaluation.js";
import { platform, type Platform, type Status } from "../../models/platform.js";
import { rollupUnits } from "../../models/rollup.js";

/**
 * The ranking as it was: one insertion sort, however far the start is from sorted; NaN scores after the
 * rest in the start's order.
 */
function insertionRanking(scores: Float64Array, eligible: Uint8Array, nameRank: Int32Array, start: Int32Array): number[] {
  const order = Array.from(start).filter((i) => eligible[i] && !Number.isNaN(scores[i]));
  const unscored = Array.from(start).filter((i) => eligible[i] && Number.isNaN(scores[i]));
  for (let x = 1; x < order.length; x++) {
    const i = order[x];
    let y = x - 1;
    while (y >= 0 && (scores[i] - scores[order[y]] || nameRank[order[y]] - nameRank[i]) > 0) {
      order[y + 1] = order[y];
      y--;
    }
    order[y + 1] = i;
  }
  return [...order, ...unscored];
}

const cuts: [number, number, number] = [0.2, 0.8, 0.95];

function ranked(scores: Float64Array, eligible: Uint8Array, nameRank: Int32Array, start: Int32Array) {
  const n = scores.length;
  const ranking = start.slice();
  const classes = new Uint8Array(n);
  const m = rankClasses(scores, eligible, nameRank, cuts, ranking, new Int32Array(n), classes);
  return { m, order: Array.from(ranking.subarray(0, m)), classes: Array.from(classes) };
}

describe("rankClasses on orders far from sorted (the merge sort past the budget)", () => {
  it("gives the insertion sort's order and classes: ties in score, shared name ranks, ineligible rows, any start", () => {
    const rng = seedrandom("rank");
    for (let trial = 0; trial < 40; trial++) {
      const n = 200 + Math.floor(rng() * 3000);
      const kind = trial % 4;
      const scores = Float64Array.from({ length: n }, () =>
        kind === 0 ? rng() * 100 : kind === 1 ? Math.floor(rng() * 7) : kind === 2 ? (rng() < 0.1 ? Infinity : rng()) : -rng() * 1e-300,
      );
      const eligible = Uint8Array.from({ length: n }, () => (rng() < 0.9 ? 1 : 0));
      // Some platforms share a name (and so a name rank): then the previous order decides, in both sorts.
      const nameRank = Int32Array.from({ length: n }, () => Math.floor(rng() * n * (trial % 2 ? 1 : 0.3)));
      const start = Int32Array.from({ length: n }, (_, i) => i);
      if (trial % 3 === 0) start.reverse();
      else if (trial % 3 === 1) start.sort(() => rng() - 0.5);
      const expected = insertionRanking(scores, eligible, nameRank, start);
      const got = ranked(scores, eligible, nameRank, start);
      expect(got.m, `trial ${trial}`).toBe(expected.length);
      expect(got.order, `trial ${trial}`).toEqual(expected);
      // Classes by rank: round(m·0.2) A, round(m·0.8) A+B, round(m·0.95) A+B+C; a tie takes the class of its first.
      const m = expected.length;
      const want = new Array<number>(n).fill(255);
      expected.forEach((i, r) => {
        const byRank = r < Math.round(m * 0.2) ? 0 : r < Math.round(m * 0.8) ? 1 : r < Math.round(m * 0.95) ? 2 : 3;
        want[i] = r > 0 && scores[i] === scores[expected[r - 1]] ? want[expected[r - 1]] : byRank;
      });
      expect(got.classes, `trial ${trial}`).toEqual(want);
    }
  });

  it("ranks NaN scores last, in the start's order, and sorts the rest past the budget as the insertion sort would", () => {
    const rng = seedrandom("nan");
    const n = 2000;
    const scores = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : rng()));
    const eligible = new Uint8Array(n).fill(1);
    const nameRank = Int32Array.from({ length: n }, (_, i) => i);
    const start = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    expect(ranked(scores, eligible, nameRank, start).order).toEqual(insertionRanking(scores, eligible, nameRank, start));
  });

  it("ranks 100,000 platforms from the row order (the first year of a big sheet) with the highest score first", () => {
    const rng = seedrandom("big");
    const n = 100_000;
    const scores = Float64Array.from({ length: n }, () => rng());
    const nameRank = Int32Array.from({ length: n }, (_, i) => i);
    const { m, order } = ranked(
      scores,
      new Uint8Array(n).fill(1),
      nameRank,
      Int32Array.from({ length: n }, (_, i) => i),
    );
    expect(m).toBe(n);
    for (let r = 1; r < n; r++) expect(scores[order[r - 1]] >= scores[order[r]]).toBe(true);
    expect(new Set(order).size).toBe(n);
  });
});

/** The roll-up units as they were built: each main platform scans every row for its sub-parks. */
function quadraticMains(platforms: readonly Platform[]): { name: string; members: number[] }[] {
  return platforms.flatMap((p, i) =>
    p.status !== "main"
      ? []
      : [{ name: p.name, members: [i, ...platforms.flatMap((q, j) => (q.status === "subPark" && q.mainPlatform === p.name ? [j] : []))] }],
  );
}

describe("rollupUnits: main platforms from one pass over the rows", () => {
  it("gives each main platform the sub-parks naming it, in row order, as the per-main scan did (duplicate names, dangling references)", () => {
    const rng = seedrandom("rollup");
    const statuses: Status[] = ["main", "subPark", "subPark", "kept", "exit"];
    const platforms = Array.from({ length: 3000 }, (_, i) => {
      const status = statuses[Math.floor(rng() * statuses.length)];
      return platform({
        // Names repeat now and then; sub-parks name a main (or a name no main has, or none).
        name: `P${Math.floor(rng() * 2500)}`,
        county: `C${i % 37}`,
        status,
        mainPlatform: status === "subPark" ? (rng() < 0.1 ? null : `P${Math.floor(rng() * 2500)}`) : null,
        land: 1,
        output: 1,
      });
    });
    const units = rollupUnits(platforms);
    const mains = units.filter((u) => u.kind === "main").map((u) => ({ name: u.name, members: Array.from(u.members) }));
    expect(mains).toEqual(quadraticMains(platforms));
    expect(mains.some((u) => u.members.length > 1)).toBe(true);
    // Counties in order of first appearance, then the region with every row.
    expect(units.filter((u) => u.kind === "county").map((u) => u.name)).toEqual(Array.from({ length: 37 }, (_, k) => `C${k}`));
    expect(Array.from(units[units.length - 1].members)).toEqual(platforms.map((_, i) => i));
  });
});
