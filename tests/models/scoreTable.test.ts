import { describe, expect, it } from "vitest";
import { classesByRank, scoreTable } from "../../models/scoreTable.js";
import { evaluationSettings, indicatorValue, scorePlatforms, type IndicatorData } from "../../models/evaluation.js";
import { DEFAULT_WEIGHTS, INDICATORS, type Indicator } from "../../models/scenario.js";

describe("scoreTable(values, benchmarks, weights, caps)", () => {
  it("scores [[20, 100], [40, 50]] against benchmarks 25, 100 with weights 0.5 as 0.9 and 1.05", () => {
    const s = scoreTable(
      [
        [20, 100],
        [40, 50],
      ],
      [25, 100],
      [0.5, 0.5],
      [Infinity, Infinity],
    );
    expect(s[0]).toBeCloseTo(0.9, 14);
    expect(s[1]).toBeCloseTo(1.05, 14);
  });

  it("does not mutate its inputs", () => {
    const values = Object.freeze([Object.freeze([20, NaN]), Object.freeze([40, 50])]);
    expect(() => scoreTable(values, Object.freeze([25, 100]), Object.freeze([0.5, 0.5]), Object.freeze([1.5, 1.5]))).not.toThrow();
  });

  it("gives the same scores as scorePlatforms on platform data (spread weights, missing values, caps)", () => {
    // Four platforms; emissions missing for all (weight spread), labour productivity missing for P1 only.
    const pairs: Partial<Record<Indicator, [number, number][]>> = {
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
        [10, 5000],
        [NaN, 0],
        [30, 9000],
        [6, 2000],
      ],
      rdShare: [
        [0.3, 10],
        [0.1, 10],
        [1.5, 30],
        [0.1, 5],
      ],
    };
    const n = 4;
    const data: IndicatorData = { numerator: {} as IndicatorData["numerator"], denominator: {} as IndicatorData["denominator"] };
    for (const k of INDICATORS) {
      data.numerator[k] = Float64Array.from({ length: n }, (_, i) => pairs[k]?.[i][0] ?? NaN);
      data.denominator[k] = Float64Array.from({ length: n }, (_, i) => pairs[k]?.[i][1] ?? 0);
    }
    const active = new Uint8Array(n).fill(1);
    for (const itemCap of [undefined, 1.2]) {
      const settings = evaluationSettings(data, active, {
        weights: DEFAULT_WEIGHTS,
        benchmarks: {},
        itemCap,
        classCuts: { A: 0.2, B: 0.6, C: 0.15, D: 0.05 },
      });
      const expected = new Float64Array(n);
      scorePlatforms(data, active, settings, expected);
      const values = Array.from({ length: n }, (_, i) => INDICATORS.map((k) => indicatorValue(data, k, i)));
      const benchmarks = INDICATORS.map((k) => settings.benchmarks[settings.indicators.indexOf(k)] ?? 1);
      const weights = INDICATORS.map((k) => DEFAULT_WEIGHTS[k]);
      const caps = INDICATORS.map(() => itemCap ?? Infinity);
      const got = scoreTable(values, benchmarks, weights, caps);
      expect(settings.omitted).toEqual(["valueAddedPerEmission"]);
      got.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 12));
    }
  });
});

describe("classesByRank(scores, shares)", () => {
  it("gives five scores A, B, B, B, C with 20/60/15/5%, in the order given", () => {
    expect(classesByRank([90, 80, 70, 60, 50], [0.2, 0.6, 0.15, 0.05])).toEqual(["A", "B", "B", "B", "C"]);
    expect(classesByRank([50, 60, 70, 80, 90], [0.2, 0.6, 0.15, 0.05])).toEqual(["C", "B", "B", "B", "A"]);
  });

  it("gives equal scores the class of the best of them, not one by position", () => {
    expect(classesByRank([1, 1, 1, 1], [0.25, 0.25, 0.25, 0.25])).toEqual(["A", "A", "A", "A"]);
    // n = 5: cuts 1, 4, 5; the two 90s tie at the A/B boundary → both A.
    expect(classesByRank([90, 70, 90, 60, 50], [0.2, 0.6, 0.15, 0.05])).toEqual(["A", "B", "A", "B", "C"]);
    expect(classesByRank([4, 3, 2, 2], [0.25, 0.25, 0.25, 0.25])).toEqual(["A", "B", "C", "C"]);
  });
});
