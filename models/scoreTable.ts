/**
 * The 亩均 evaluation on a plain table (the worksheet functions PARKPLAN.SCORE and PARKPLAN.CLASS):
 * rows are platforms, columns are indicators already expressed as values (万元/亩, %, …). The rules are
 * evaluation.ts's, written down once there:
 * - item = min(weight × value ÷ benchmark, cap × weight); score = Σ items (evaluation.ts addIndicatorScores);
 * - a column nobody has a value for is left out and its weight spread over the others in proportion;
 * - a row lacking a value in an included column gets that column's average item score;
 * - classes by rank, equal scores sharing a class, through evaluation.ts's classify.
 * A consistency test pins scoreTable against scorePlatforms on the same data.
 */
import { addIndicatorScores, classify, classLetter } from "./evaluation.js";
import type { EvaluationClass } from "./evaluationNames.js";

/**
 * Score every row of `values` (NaN = missing). `caps[j]` is column j's cap as a multiple of its weight
 * (Infinity = none). Benchmarks must be positive; weights non-negative.
 * @example scoreTable([[20, 100], [40, 50]], [25, 100], [0.5, 0.5], [Infinity, Infinity]) // => [0.9, 1.05]
 */
export function scoreTable(
  values: readonly (readonly number[])[],
  benchmarks: readonly number[],
  weights: readonly number[],
  caps: readonly number[],
): number[] {
  const n = values.length;
  const k = benchmarks.length;
  const present = Array.from({ length: k }, (_, j) => values.some((row) => !Number.isNaN(row[j])));
  const total = weights.reduce((s, w) => s + w, 0);
  const included = weights.reduce((s, w, j) => (present[j] ? s + w : s), 0);
  const scores = new Float64Array(n);
  const everyRow = new Uint8Array(n).fill(1);
  const column = new Float64Array(n);
  const one = new Float64Array(n).fill(1); // plain values: (v ÷ 1) × 1 is v exactly
  for (let j = 0; j < k; j++) {
    if (!present[j] || !(weights[j] > 0)) continue;
    const weight = (weights[j] * total) / included;
    for (let i = 0; i < n; i++) column[i] = values[i][j];
    addIndicatorScores(column, one, 1, everyRow, weight, benchmarks[j], caps[j] * weight, scores);
  }
  return Array.from(scores);
}

/**
 * Classes A–D of scores ranked among themselves: with n scores, ranks below round(n·A) are A, below
 * round(n·(A+B)) B, below round(n·(A+B+C)) C, the rest D; equal scores share the class of the best of
 * them (neither position nor order decides), and NaN scores rank last, sharing one class.
 * `shares` are the class shares A, B, C, D (adding up to 1).
 * @example classesByRank([90, 80, 70, 60, 50], [0.2, 0.6, 0.15, 0.05]) // => ["A", "B", "B", "B", "C"]
 * @example classesByRank([90, 90, 70, 60, 50], [0.2, 0.6, 0.15, 0.05]) // => ["A", "A", "B", "B", "C"]
 */
export function classesByRank(scores: readonly number[], shares: readonly [number, number, number, number]): EvaluationClass[] {
  const n = scores.length;
  const classes = new Uint8Array(n);
  classify(
    Float64Array.from(scores),
    new Uint8Array(n).fill(1),
    Int32Array.from({ length: n }, (_, i) => i),
    [shares[0], shares[0] + shares[1], shares[0] + shares[1] + shares[2]],
    new Int32Array(n),
    classes,
  );
  return Array.from(classes, (c) => classLetter(c));
}
