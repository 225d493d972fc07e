import { beforeEach, describe, expect, it } from "vitest";
import { resultCache } from "../../src/functions/cache.js";
import { classFunction, scoreFunction } from "../../src/functions/functions.js";
import { cellErrorOf, OMITTED } from "./cellError.js";

beforeEach(() => resultCache.clear());

/**
 * Three platforms, two indicators (亩均税收, 亩均增加值), benchmarks 25 and 100, weights 0.5 each.
 * Items: tax 0.5·20/25 = 0.4, 0.5·40/25 = 0.8, 0.5·10/25 = 0.2; VA 0.5·100/100 = 0.5, 0.5·50/100 = 0.25,
 * and the third platform has no VA: the average VA item (0.5 + 0.25)/2 = 0.375.
 * Scores 0.9, 1.05, 0.575.
 */
const values = [
  [20, 100],
  [40, 50],
  [10, ""],
];

describe("PARKPLAN.SCORE(values, benchmarks, weights, [caps])", () => {
  it("sums weight × value ÷ benchmark per row; a blank takes the indicator's average item", () => {
    const scores = scoreFunction(values, [[25, 100]], [[0.5, 0.5]], OMITTED);
    expect(scores).toHaveLength(3);
    [0.9, 1.05, 0.575].forEach((s, i) => expect(scores[i][0]).toBeCloseTo(s, 12));
  });

  it("caps each item at caps × weight: 1.5 × 0.5 = 0.75 cuts the 0.8 tax item", () => {
    const scores = scoreFunction(values, [[25, 100]], [[0.5, 0.5]], [[1.5]]);
    [0.9, 1.0, 0.575].forEach((s, i) => expect(scores[i][0]).toBeCloseTo(s, 12));
    const perIndicator = scoreFunction(values, [[25, 100]], [[0.5, 0.5]], [[1.5, ""]]);
    [0.9, 1.0, 0.575].forEach((s, i) => expect(perIndicator[i][0]).toBeCloseTo(s, 12));
  });

  it("spreads the weight of an indicator nobody has over the others (tax weight 0.5 → 1)", () => {
    const scores = scoreFunction(
      [
        [20, ""],
        [40, null],
      ],
      [[25, 100]],
      [[0.5, 0.5]],
      OMITTED,
    );
    expect(scores[0][0]).toBeCloseTo(0.8, 12);
    expect(scores[1][0]).toBeCloseTo(1.6, 12);
  });

  it("takes benchmarks and weights as a column too, and gives blank rows a blank result", () => {
    const scores = scoreFunction(
      [
        [20, 100],
        ["", ""],
        [40, 50],
      ],
      [[25], [100]],
      [[0.5], [0.5]],
      OMITTED,
    );
    expect(scores[1][0]).toBe("");
    expect(scores[0][0]).toBeCloseTo(0.9, 12);
    expect(scores[2][0]).toBeCloseTo(1.05, 12);
  });

  it("is #VALUE! when the counts differ or a cell is text, and for a benchmark ≤ 0 or negative weight", () => {
    expect(cellErrorOf(() => scoreFunction(values, [[25]], [[0.5, 0.5]], OMITTED), "#VALUE!").message).toContain(
      "基准值个数（1）与指标列数（2）不符",
    );
    cellErrorOf(() => scoreFunction([[20, "高"]], [[25, 100]], [[0.5, 0.5]], OMITTED), "#VALUE!");
    cellErrorOf(() => scoreFunction(values, [[25, ""]], [[0.5, 0.5]], OMITTED), "#VALUE!");
    expect(cellErrorOf(() => scoreFunction(values, [[0, 100]], [[0.5, 0.5]], OMITTED), "#VALUE!").message).toBe(
      "基准值应大于 0 / benchmarks must be greater than 0",
    );
    cellErrorOf(() => scoreFunction(values, [[25, 100]], [[-0.5, 0.5]], OMITTED), "#VALUE!");
    cellErrorOf(() => scoreFunction(values, [[25, 100]], [[0, 0]], OMITTED), "#VALUE!");
    cellErrorOf(() => scoreFunction(values, [[25, 100]], [[0.5, 0.5]], [[1, 2, 3]]), "#VALUE!");
  });
});

describe("PARKPLAN.CLASS(scores, [cuts])", () => {
  it("ranks within the scores with 20/60/15/5%: five scores give A, B, B, B, C (cuts round(1), round(4), round(4.75))", () => {
    expect(classFunction([[70], [90], [50], [80], [60]], OMITTED)).toEqual([["B"], ["A"], ["C"], ["B"], ["B"]]);
  });

  it("gives twenty scores 4 A, 12 B, 3 C and 1 D", () => {
    const scores = Array.from({ length: 20 }, (_, i) => [20 - i]);
    const classes = classFunction(scores, OMITTED).map((r) => r[0]);
    expect(classes.join("")).toBe("AAAA" + "B".repeat(12) + "CCC" + "D");
  });

  it("gives equal scores one class, keeps the shape of the range and leaves blanks blank", () => {
    expect(classFunction([[5, 5, "", 5, 5, 5]], OMITTED)).toEqual([["A", "A", "", "A", "A", "A"]]);
  });

  it("takes cuts as percentages or fractions", () => {
    expect(classFunction([[4], [3], [2], [1]], [[25, 25, 25, 25]])).toEqual([["A"], ["B"], ["C"], ["D"]]);
    expect(classFunction([[4], [3], [2], [1]], [[0.25], [0.25], [0.25], [0.25]])).toEqual([["A"], ["B"], ["C"], ["D"]]);
  });

  it("is #VALUE! for cuts that are not four shares adding up to 100%, or for no scores", () => {
    cellErrorOf(() => classFunction([[1], [2]], [[20, 60, 20]]), "#VALUE!");
    cellErrorOf(() => classFunction([[1], [2]], [[20, 60, 15, 10]]), "#VALUE!");
    cellErrorOf(() => classFunction([[""], [""]], OMITTED), "#VALUE!");
  });
});
