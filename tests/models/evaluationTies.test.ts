/**
 * Merit classes that do not depend on names or row order (issue 12 item 6): equal scores share the
 * class of their group's best position, NaN scores rank last and share one class, and the base-year
 * evaluation's ranks follow the same ties. Defaulted figures are no value: the platform scores the
 * others' average item and the result says so (value null).
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { classify, classLetter, rankClasses, tiedRanks } from "../../models/evaluation.js";
import { platform, simulate, type Platform } from "../../models/index.js";

const cuts: [number, number, number] = [0.2, 0.8, 0.95];

function classesOf(scores: number[], nameRank?: number[], active?: number[]): string[] {
  const n = scores.length;
  const classes = new Uint8Array(n);
  classify(
    Float64Array.from(scores),
    Uint8Array.from(active ?? scores.map(() => 1)),
    Int32Array.from(nameRank ?? scores.map((_, i) => i)),
    cuts,
    new Int32Array(n),
    classes,
  );
  return Array.from(classes, (c) => (c === 255 ? "-" : classLetter(c)));
}

/**
 * The rule stated without a sort: a platform's class is the class of the position just after every
 * platform that scores strictly higher (a NaN score is below every number and equal to another NaN).
 */
function byDefinition(scores: number[], active: number[]): string[] {
  const ranked = scores.filter((_, i) => active[i]);
  const m = ranked.length;
  const [a, b, c] = cuts.map((x) => Math.round(m * x));
  const below = (s: number, t: number) => (Number.isNaN(s) ? !Number.isNaN(t) : t > s);
  return scores.map((s, i) => {
    if (!active[i]) return "-";
    const better = ranked.filter((t) => below(s, t)).length;
    return better < a ? "A" : better < b ? "B" : better < c ? "C" : "D";
  });
}

describe("classify: ties share a class", () => {
  // n = 5: cuts at round(1) = 1, round(4) = 4, round(4.75) = 5.
  it("gives two platforms tied at the A/B boundary both A, whatever their name ranks", () => {
    // Sorted: 20, 20 | 10, 5 | 1. Position 1 would be B, but it ties with position 0 (A).
    expect(classesOf([10, 20, 20, 5, 1], [0, 2, 1, 3, 4])).toEqual(["B", "A", "A", "B", "C"]);
    expect(classesOf([10, 20, 20, 5, 1], [0, 1, 2, 3, 4])).toEqual(["B", "A", "A", "B", "C"]);
  });

  it("keeps a tie at the B/C boundary in B: 50 | 40, 30, 20, 20", () => {
    // Position 4 (C by position) ties with position 3 (B).
    expect(classesOf([20, 50, 20, 30, 40])).toEqual(["B", "A", "B", "B", "B"]);
  });

  it("gives a tie group the class of its best position, however long: three at 9 spanning A, B", () => {
    // n = 10: cuts 2, 8, round(9.5) = 10. Sorted: 10 | 9, 9, 9 | 8 … → 9s start at position 1 (A).
    expect(classesOf([9, 10, 9, 8, 7, 6, 5, 4, 3, 9])).toEqual(["A", "A", "A", "B", "B", "B", "B", "C", "C", "A"]);
  });

  it("treats 0 and −0 as one score, and Infinity as tied with Infinity", () => {
    expect(classesOf([1, 0, -0, -1, -2])).toEqual(["A", "B", "B", "B", "C"]);
    expect(classesOf([Infinity, 1, Infinity, 0, -1])).toEqual(["A", "B", "A", "B", "C"]);
  });

  it("ranks NaN scores after every number; they tie with each other", () => {
    // Scored: 20 (A), 10, 5 (B); NaN at positions 3 and 4 → the class of position 3, B.
    expect(classesOf([NaN, 10, NaN, 20, 5])).toEqual(["B", "B", "B", "A", "B"]);
    // NaN at positions 4 … 4: C (position 4 of 5).
    expect(classesOf([1, 2, 3, 4, NaN])).toEqual(["B", "B", "B", "A", "C"]);
    // Nothing to compare: every platform in one tie at position 0.
    expect(classesOf([NaN, NaN, NaN])).toEqual(["A", "A", "A"]);
  });

  it("leaves ineligible platforms unclassed and ranks ties among the eligible only", () => {
    // Eligible: 7, 7, 3, 1, 0 → A A B B C; the two 99s are not evaluated.
    expect(classesOf([7, 99, 3, 7, 1, 99, 0], undefined, [1, 0, 1, 1, 1, 0, 1])).toEqual(["A", "-", "B", "A", "B", "-", "C"]);
  });

  it("does not depend on row order, names or the starting ranking: random ties and NaNs, 300 cases", () => {
    const rng = seedrandom("ties");
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rng() * 60);
      const scores = Array.from({ length: n }, () => (rng() < 0.05 ? NaN : Math.floor(rng() * (1 + (trial % 9)))));
      const active = scores.map(() => (rng() < 0.9 ? 1 : 0));
      const expected = byDefinition(scores, active);
      // Permute the rows and give them new names: each platform keeps its class.
      const perm = Array.from({ length: n }, (_, i) => i).sort(() => rng() - 0.5);
      const names = Array.from({ length: n }, (_, i) => i).sort(() => rng() - 0.5);
      const permuted = classesOf(
        perm.map((i) => scores[i]),
        names,
        perm.map((i) => active[i]),
      );
      expect(classesOf(scores, undefined, active), `trial ${trial}`).toEqual(expected);
      expect(
        perm.map((_, r) => permuted[perm.indexOf(r)]),
        `trial ${trial}`,
      ).toEqual(expected);
      // The year loop's call, from last year's (any) ranking: the same classes.
      const ranking = Int32Array.from(perm);
      const classes = new Uint8Array(n);
      rankClasses(Float64Array.from(scores), Uint8Array.from(active), Int32Array.from(names), cuts, ranking, new Int32Array(n), classes);
      expect(
        Array.from(classes, (c) => (c === 255 ? "-" : classLetter(c))),
        `trial ${trial}`,
      ).toEqual(expected);
    }
  });

  it("leaves the ranking scored best first (ties by name rank), then NaN scores, then the ineligible", () => {
    const scores = Float64Array.from([NaN, 5, 7, 5, 1, 9]);
    const active = Uint8Array.from([1, 1, 1, 1, 1, 0]);
    const order = new Int32Array(6);
    const m = classify(scores, active, Int32Array.from([0, 4, 1, 2, 3, 5]), cuts, order, new Uint8Array(6));
    expect(m).toBe(5);
    expect(Array.from(order)).toEqual([2, 3, 1, 4, 0, 5]);
    // Ranks share the best one: 7 → 1, 5, 5 → 2, 2, 1 → 4, NaN → 5.
    expect(Array.from(tiedRanks(scores, order, m))).toEqual([1, 2, 2, 4, 5]);
  });
});

describe("simulate: merit classes and the base-year evaluation with ties and missing figures", () => {
  const BASE = 2020;
  const run = (platforms: Platform[], quota = 1100) =>
    simulate(platforms, { baseYear: BASE, horizon: BASE + 1, growth: { mean: 0, sd: 0 }, land: { quota, strategy: "merit", lagYears: 0 } });
  // Only tax is in the sheet, so 亩均税收 alone ranks: 50, 50, 30, 20, 10 万元/亩 (n = 5: cuts 1, 4, 5).
  const taxes: [string, number][] = [
    ["乙", 5],
    ["甲", 5],
    ["丙", 3],
    ["丁", 2],
    ["戊", 1],
  ];
  const make = (rows: [string, number][]) =>
    rows.map(([name, tax]) => platform({ name, land: 1000, developableLand: 2000, output: 100, tax }));

  it("gives the two best, tied, both A: land 1.5 : 1.5 : 1 : 1 : 0.5 of 1100 亩, whatever the rows' order", () => {
    // Equal land, weights 1.5 + 1.5 + 1 + 1 + 0.5 = 5.5 → 300, 300, 200, 200, 100.
    const want = { 乙: 300, 甲: 300, 丙: 200, 丁: 200, 戊: 100 };
    for (const rows of [taxes, [...taxes].reverse(), [taxes[2], taxes[1], taxes[4], taxes[0], taxes[3]]]) {
      const r = run(make(rows));
      const land = Object.fromEntries(r.platforms.map((p) => [p.name, p.years[1].land - p.years[0].land]));
      for (const [name, grant] of Object.entries(want)) expect(land[name]).toBeCloseTo(grant, 9);
      const ev = Object.fromEntries(r.evaluation.platforms.map((p) => [p.name, [p.class, p.rank]]));
      expect(ev).toEqual({ 乙: ["A", 1], 甲: ["A", 1], 丙: ["B", 3], 丁: ["B", 4], 戊: ["C", 5] });
    }
  });

  it("marks a figure the sheet lacks as no value (null) and scores the others' average item there", () => {
    // 甲 has value added, energy and emissions; 乙 has energy and emissions but no value added (its
    // default ratio is no value for any V indicator, 单位排放增加值 included) and no tax.
    const a = platform({ name: "甲", land: 1000, output: 100, valueAdded: 20, tax: 4, energy: 8, emissions: 4 });
    const b = platform({ name: "乙", land: 1000, output: 100, energy: 8, emissions: 4 });
    const c = platform({ name: "丙", land: 1000, output: 100, valueAdded: 10, tax: 2, energy: 8, emissions: 4 });
    const r = run([a, b, c], 0);
    const items = Object.fromEntries(r.evaluation.platforms.map((p) => [p.name, p.items]));
    for (const k of ["taxPerMu", "valueAddedPerMu", "valueAddedPerEnergy", "valueAddedPerEmission"] as const) {
      expect(items["乙"][k]?.value, k).toBeNull();
      // The average of 甲's and 丙's items.
      expect(items["乙"][k]?.score, k).toBeCloseTo((items["甲"][k]!.score + items["丙"][k]!.score) / 2, 12);
      expect(items["甲"][k]?.value, k).not.toBeNull();
    }
    // 单位排放增加值 of 甲: V ÷ emissions = 20 亿元 ÷ 4 = 5 (万元 per unit: 亿元 ÷ 万吨 = 万元/吨).
    expect(items["甲"].valueAddedPerEmission?.value).toBeCloseTo(5, 12);
  });
});
