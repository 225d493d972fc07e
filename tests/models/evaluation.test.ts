import { describe, expect, it } from "vitest";
import {
  INDICATOR_FACTOR,
  classLetter,
  classify,
  evaluationSettings,
  indicatorValue,
  scorePlatforms,
  type IndicatorData,
} from "../../models/evaluation.js";
import { DEFAULT_WEIGHTS, INDICATORS, type Indicator } from "../../models/scenario.js";

const DEFAULT_CUTS = { A: 0.2, B: 0.6, C: 0.15, D: 0.05 };

/** IndicatorData from per-indicator [numerator, denominator] pairs, one pair per platform. */
function indicatorData(pairs: Partial<Record<Indicator, [number, number][]>>, n: number): IndicatorData {
  const numerator = {} as Record<Indicator, Float64Array>;
  const denominator = {} as Record<Indicator, Float64Array>;
  for (const k of INDICATORS) {
    const p = pairs[k];
    numerator[k] = Float64Array.from({ length: n }, (_, i) => (p ? p[i][0] : NaN));
    denominator[k] = Float64Array.from({ length: n }, (_, i) => (p ? p[i][1] : 0));
  }
  return { numerator, denominator };
}

/**
 * Four platforms P0…P3. 亩均 figures: 亿元 ÷ 亩 × 10^4 = 万元/亩.
 * - taxPerMu:            2/1000, 1/500, 6/1500, 1/1000   → 20, 20, 40, 10; benchmark 10/4000·10^4 = 25
 * - valueAddedPerMu:     10/1000, 4/500, 30/1500, 6/1000 → 100, 80, 200, 60; benchmark 50/4000·10^4 = 125
 * - valueAddedPerEnergy: 1e5/4e4, 4e4/2e4, 3e5/1e5, 6e4/4e4 → 2.5, 2, 3, 1.5; benchmark 5e5/2e5 = 2.5
 * - valueAddedPerEmission: no numerator for anyone (NaN) → omitted
 * - laborProductivity:   numerators given but employees 0 for everyone → no value → omitted
 * - rdShare:             0.3/10, 0.1/10, 1.5/30, 0.1/5   → 0.03, 0.01, 0.05, 0.02; benchmark 2/55
 * Note the aggregate benchmarks differ from the mean of the values (tax: 22.5, not 25).
 */
const base: Partial<Record<Indicator, [number, number][]>> = {
  taxPerMu: [
    [2, 1000],
    [1, 500],
    [6, 1500],
    [1, 1000],
  ],
  valueAddedPerMu: [
    [10, 1000],
    [4, 500],
    [30, 1500],
    [6, 1000],
  ],
  valueAddedPerEnergy: [
    [1e5, 4e4],
    [4e4, 2e4],
    [3e5, 1e5],
    [6e4, 4e4],
  ],
  laborProductivity: [
    [10, 0],
    [4, 0],
    [30, 0],
    [6, 0],
  ],
  rdShare: [
    [0.3, 10],
    [0.1, 10],
    [1.5, 30],
    [0.1, 5],
  ],
};
const data = indicatorData(base, 4);
const allActive = Uint8Array.from([1, 1, 1, 1]);
const scenario = (
  over: { itemCap?: number; benchmarks?: Partial<Record<Indicator, number>>; weights?: Partial<Record<Indicator, number>> } = {},
) => ({
  weights: { ...DEFAULT_WEIGHTS, ...over.weights },
  benchmarks: over.benchmarks ?? {},
  itemCap: over.itemCap,
  classCuts: DEFAULT_CUTS,
});

function score(d: IndicatorData, active: Uint8Array, settings: ReturnType<typeof evaluationSettings>) {
  const n = active.length;
  const scores = new Float64Array(n).fill(-1);
  const items = new Float64Array(n * settings.indicators.length).fill(-1);
  scorePlatforms(d, active, settings, scores, items);
  return { scores: Array.from(scores), items: Array.from(items) };
}

describe("indicatorValue(data, k, i)", () => {
  it("is numerator ÷ denominator × the indicator's factor", () => {
    expect(INDICATOR_FACTOR.taxPerMu).toBe(1e4);
    expect(INDICATOR_FACTOR.laborProductivity).toBe(1e4);
    expect(indicatorValue(data, "taxPerMu", 0)).toBeCloseTo((2 / 1000) * 1e4, 12); // 20 万元/亩
    expect(indicatorValue(data, "valueAddedPerMu", 2)).toBeCloseTo((30 / 1500) * 1e4, 12); // 200 万元/亩
    expect(indicatorValue(data, "valueAddedPerEnergy", 1)).toBe(2);
    expect(indicatorValue(data, "rdShare", 3)).toBeCloseTo(0.02, 15);
  });

  it("is NaN for a NaN numerator or a zero denominator", () => {
    expect(indicatorValue(data, "valueAddedPerEmission", 0)).toBeNaN();
    expect(indicatorValue(data, "laborProductivity", 0)).toBeNaN();
    const d = indicatorData(
      {
        taxPerMu: [
          [1, NaN],
          [0, 100],
        ],
      },
      2,
    );
    expect(indicatorValue(d, "taxPerMu", 0)).toBeNaN();
    expect(indicatorValue(d, "taxPerMu", 1)).toBe(0);
  });
});

describe("evaluationSettings(data, active, scenario)", () => {
  const settings = evaluationSettings(data, allActive, scenario());

  it("leaves out indicators nobody has and keeps the order of INDICATORS", () => {
    expect(settings.indicators).toEqual(["taxPerMu", "valueAddedPerMu", "valueAddedPerEnergy", "rdShare"]);
    expect(settings.omitted).toEqual(["valueAddedPerEmission", "laborProductivity"]);
  });

  it("benchmarks are Σ numerator ÷ Σ denominator × factor over the active platforms", () => {
    expect(settings.benchmarks[0]).toBeCloseTo(((2 + 1 + 6 + 1) / (1000 + 500 + 1500 + 1000)) * 1e4, 12); // 25
    expect(settings.benchmarks[1]).toBeCloseTo(((10 + 4 + 30 + 6) / 4000) * 1e4, 12); // 125
    expect(settings.benchmarks[2]).toBeCloseTo((1e5 + 4e4 + 3e5 + 6e4) / (4e4 + 2e4 + 1e5 + 4e4), 12); // 2.5
    expect(settings.benchmarks[3]).toBeCloseTo((0.3 + 0.1 + 1.5 + 0.1) / (10 + 10 + 30 + 5), 14); // 2/55
  });

  it("spreads omitted weight over the included indicators in proportion: 30/20/20/10 → 37.5/25/25/12.5", () => {
    // Included 30 + 20 + 20 + 10 = 80 of 100; each × 100/80.
    const expected = [30, 20, 20, 10].map((w) => (w * 100) / 80);
    settings.weights.forEach((w, j) => expect(w).toBeCloseTo(expected[j], 12));
    expect(settings.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 12);
  });

  it("skips an indicator whose weight is 0 without counting it as omitted", () => {
    // rdShare weight 0: included 30 + 20 + 20 = 70, omitted 10 + 10 = 20 → each × 90/70.
    const s = evaluationSettings(data, allActive, scenario({ weights: { rdShare: 0 } }));
    expect(s.indicators).toEqual(["taxPerMu", "valueAddedPerMu", "valueAddedPerEnergy"]);
    expect(s.omitted).toEqual(["valueAddedPerEmission", "laborProductivity"]);
    s.weights.forEach((w, j) => expect(w).toBeCloseTo(([30, 20, 20][j] * 90) / 70, 12));
  });

  it("uses a scenario benchmark instead of the aggregate when one is given", () => {
    const s = evaluationSettings(data, allActive, scenario({ benchmarks: { taxPerMu: 24.097 } }));
    expect(s.benchmarks[0]).toBe(24.097);
    expect(s.benchmarks[1]).toBeCloseTo(125, 12);
  });

  it("computes benchmarks over the active platforms only", () => {
    // P3 inactive: tax (2 + 1 + 6) / (1000 + 500 + 1500) × 10^4 = 30.
    const s = evaluationSettings(data, Uint8Array.from([1, 1, 1, 0]), scenario());
    expect(s.benchmarks[0]).toBeCloseTo((9 / 3000) * 1e4, 12);
  });

  it("passes itemCap through and turns class shares into cumulative cuts", () => {
    expect(settings.itemCap).toBeUndefined();
    expect(evaluationSettings(data, allActive, scenario({ itemCap: 1.5 })).itemCap).toBe(1.5);
    const [a, ab, abc] = settings.cumulativeCuts;
    expect(a).toBeCloseTo(0.2, 15);
    expect(ab).toBeCloseTo(0.2 + 0.6, 15);
    expect(abc).toBeCloseTo(0.2 + 0.6 + 0.15, 15);
  });

  it("does not modify the data", () => {
    const before = INDICATORS.map((k) => Array.from(data.numerator[k]));
    evaluationSettings(data, allActive, scenario());
    expect(INDICATORS.map((k) => Array.from(data.numerator[k]))).toEqual(before);
  });
});

describe("scorePlatforms(data, active, settings, scores, items)", () => {
  it("scores Σ weight × value ÷ benchmark with the rescaled weights", () => {
    // S = 37.5·tax/25 + 25·va/125 + 25·en/2.5 + 12.5·rd/(2/55)
    // P0: 30 + 20 + 25 + 12.5·0.03·27.5 (10.3125) = 85.3125
    // P1: 30 + 16 + 20 + 12.5·0.01·27.5 (3.4375)  = 69.4375
    // P2: 60 + 40 + 30 + 12.5·0.05·27.5 (17.1875) = 147.1875
    // P3: 15 + 12 + 15 + 12.5·0.02·27.5 (6.875)   = 48.875
    const { scores, items } = score(data, allActive, evaluationSettings(data, allActive, scenario()));
    const expected = [85.3125, 69.4375, 147.1875, 48.875];
    scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 10));
    // Items are indicator-major: items[j·n + i].
    const expectedItems = [
      [30, 30, 60, 15],
      [20, 16, 40, 12],
      [25, 20, 30, 15],
      [10.3125, 3.4375, 17.1875, 6.875],
    ].flat();
    items.forEach((v, k) => expect(v).toBeCloseTo(expectedItems[k], 10));
  });

  it("caps each item at itemCap × weight: with 1.5 no item exceeds 1.5 × its weight", () => {
    // Caps 1.5 × (37.5, 25, 25, 12.5) = 56.25, 37.5, 37.5, 18.75. Only P2's tax (60) and VA (40) items exceed:
    // P2 = 56.25 + 37.5 + 30 + 17.1875 = 140.9375; the others are unchanged.
    const settings = evaluationSettings(data, allActive, scenario({ itemCap: 1.5 }));
    const { scores, items } = score(data, allActive, settings);
    const expected = [85.3125, 69.4375, 140.9375, 48.875];
    scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 10));
    settings.weights.forEach((w, j) => {
      for (let i = 0; i < 4; i++) expect(items[j * 4 + i]).toBeLessThanOrEqual(1.5 * w + 1e-12);
    });
    expect(items[0 * 4 + 2]).toBeCloseTo(56.25, 12);
    expect(items[1 * 4 + 2]).toBeCloseTo(37.5, 12);
  });

  it("gives a platform missing one indicator the average item score of the others", () => {
    // P3 lacks energy data. Energy benchmark over P0–P2: (1e5 + 4e4 + 3e5) / (4e4 + 2e4 + 1e5) = 2.75.
    // Items 25·2.5/2.75, 25·2/2.75, 25·3/2.75 = 250/11, 200/11, 300/11; P3 gets their mean 250/11.
    const d = indicatorData(
      {
        ...base,
        valueAddedPerEnergy: [
          [1e5, 4e4],
          [4e4, 2e4],
          [3e5, 1e5],
          [NaN, 4e4],
        ],
      },
      4,
    );
    const settings = evaluationSettings(d, allActive, scenario());
    expect(settings.benchmarks[2]).toBeCloseTo(4.4e5 / 1.6e5, 12);
    const { scores, items } = score(d, allActive, settings);
    expect(items.slice(8, 12)).toEqual([250 / 11, 200 / 11, 300 / 11, 250 / 11].map((v) => expect.closeTo(v, 10)));
    expect(scores[3]).toBeCloseTo(15 + 12 + 250 / 11 + 6.875, 10);
    expect(scores[0]).toBeCloseTo(30 + 20 + 250 / 11 + 10.3125, 10);
  });

  it("gives inactive platforms a NaN score and leaves them out of benchmarks and averages", () => {
    // P3 inactive: tax benchmark 30 → tax items 37.5·20/30 = 25 for P0, 25 for P1, 37.5·40/30 = 50 for P2.
    const active = Uint8Array.from([1, 1, 1, 0]);
    const settings = evaluationSettings(data, active, scenario());
    const { scores } = score(data, active, settings);
    expect(scores[3]).toBeNaN();
    expect(scores.slice(0, 3).every(Number.isFinite)).toBe(true);
    // VA benchmark (10 + 4 + 30)/3000·10^4 = 146.67: P0 VA item = 25·100/(440/3) = 7500/440.
    expect(settings.benchmarks[1]).toBeCloseTo((44 / 3000) * 1e4, 10);
    // Energy (4.4e5/1.6e5 = 2.75) and R&D (1.9/50 = 0.038) benchmarks also drop P3.
    // P0 = 25 + 25·100/(440/3) + 25·2.5/2.75 + 12.5·0.03/0.038
    expect(scores[0]).toBeCloseTo(25 + (25 * 100 * 3) / 440 + (25 * 2.5) / 2.75 + (12.5 * 0.03) / 0.038, 10);
  });

  it("does not modify the data or the settings", () => {
    const settings = Object.freeze(evaluationSettings(data, allActive, scenario({ itemCap: 1.5 })));
    Object.freeze(settings.weights);
    Object.freeze(settings.benchmarks);
    const before = INDICATORS.map((k) => [Array.from(data.numerator[k]), Array.from(data.denominator[k])]);
    expect(() => score(data, allActive, settings)).not.toThrow();
    expect(INDICATORS.map((k) => [Array.from(data.numerator[k]), Array.from(data.denominator[k])])).toEqual(before);
    expect(Array.from(allActive)).toEqual([1, 1, 1, 1]);
  });
});

describe("classify(scores, active, nameRank, cumulativeCuts, order, classes)", () => {
  const cuts: [number, number, number] = [0.2, 0.2 + 0.6, 0.2 + 0.6 + 0.15];

  function run(scores: number[], active: number[], nameRank?: number[], c = cuts) {
    const n = scores.length;
    const classes = new Uint8Array(n).fill(7);
    const m = classify(
      Float64Array.from(scores),
      Uint8Array.from(active),
      Int32Array.from(nameRank ?? scores.map((_, i) => i)),
      c,
      new Int32Array(n),
      classes,
    );
    return { m, classes: Array.from(classes) };
  }
  const counts = (classes: number[]) => [0, 1, 2, 3].map((c) => classes.filter((x) => x === c).length);

  it("with n = 10 and cuts A 20% / B 60% / C 15% / D 5% gives 2 A, 6 B, 2 C, 0 D", () => {
    // Cuts at round(10·0.2) = 2, round(10·0.8) = 8, round(10·0.95) = round(9.5) = 10 (half up): no D.
    const scores = [5, 9, 1, 7, 3, 10, 2, 8, 4, 6];
    const { m, classes } = run(scores, Array(10).fill(1));
    expect(m).toBe(10);
    expect(counts(classes)).toEqual([2, 6, 2, 0]);
    // Best two (10, 9) are A, worst two (1, 2) C.
    expect(classes).toEqual([1, 0, 2, 1, 1, 0, 2, 1, 1, 1]);
  });

  it("with n = 20 gives 4 A, 12 B, 3 C, 1 D", () => {
    // Cuts at round(4) = 4, round(16) = 16, round(19) = 19.
    const scores = Array.from({ length: 20 }, (_, i) => (i * 7) % 20); // a permutation of 0…19
    const { classes } = run(scores, Array(20).fill(1));
    expect(counts(classes)).toEqual([4, 12, 3, 1]);
    scores.forEach((s, i) => expect(classes[i]).toBe(s >= 16 ? 0 : s >= 4 ? 1 : s >= 1 ? 2 : 3));
  });

  it("gives tied scores one class, not one by name rank (more in evaluationTies.test.ts)", () => {
    // n = 5: cuts round(1) = 1, round(4) = 4, round(4.75) = 5. Rows 1 and 2 tie at 20: both A.
    expect(run([10, 20, 20, 5, 1], [1, 1, 1, 1, 1], [0, 2, 1, 3, 4]).classes).toEqual([1, 0, 0, 1, 2]);
    expect(run([10, 20, 20, 5, 1], [1, 1, 1, 1, 1], [0, 1, 2, 3, 4]).classes).toEqual([1, 0, 0, 1, 2]);
  });

  it("gives inactive platforms class 255, ranks the active ones among themselves and returns their count", () => {
    // 10 rows, 5 active: cuts round(1) = 1, round(4) = 4, round(4.75) = 5.
    const scores = [50, 40, 30, 20, 10, 99, 98, 97, 96, 95];
    const active = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const { m, classes } = run(scores, active);
    expect(m).toBe(5);
    expect(classes).toEqual([0, 1, 1, 1, 2, 255, 255, 255, 255, 255]);
  });

  it("classifies the scores scorePlatforms gives: P2 > P0 > P1 > P3 with 4 platforms", () => {
    // Scores 85.3125, 69.4375, 147.1875, 48.875; cuts round(0.8) = 1, round(3.2) = 3, round(3.8) = 4.
    const settings = evaluationSettings(data, allActive, scenario());
    const scores = new Float64Array(4);
    scorePlatforms(data, allActive, settings, scores);
    const classes = new Uint8Array(4);
    classify(scores, allActive, Int32Array.from([0, 1, 2, 3]), settings.cumulativeCuts, new Int32Array(4), classes);
    expect(Array.from(classes).map(classLetter)).toEqual(["B", "B", "A", "C"]);
  });

  it("classLetter maps 0…3 to A…D", () => {
    expect([0, 1, 2, 3].map(classLetter)).toEqual(["A", "B", "C", "D"]);
  });
});
