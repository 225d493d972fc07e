/**
 * A monotone piecewise-cubic Hermite table on an even grid: values and slopes given at the nodes, the
 * slopes limited as F. N. Fritsch & R. E. Carlson ("Monotone piecewise cubic interpolation", SIAM J.
 * Numer. Anal. 17 (1980) 238–246: α² + β² ≤ 9 per interval), so increasing nodes give an increasing
 * curve. With exact slopes of a smooth function the error is about h⁴/384·max|f⁗|.
 */

export interface HermiteTable {
  /** The first node and the grid step. */
  readonly start: number;
  readonly step: number;
  /** Node values, and node slopes multiplied by the step. */
  readonly values: Float64Array;
  readonly scaledSlopes: Float64Array;
}

/**
 * Builds the table from node values and exact slopes (both copied; the slopes may be limited).
 *
 * @example
 * const table = hermiteTable(0, 0.5, [0, 0.25, 1], [0, 1, 2]); // x² on [0, 1]
 * evaluateHermite(table, 0.75); // => 0.5625 (exact: a cubic reproduces x²)
 */
export function hermiteTable(start: number, step: number, values: ArrayLike<number>, slopes: ArrayLike<number>): HermiteTable {
  const count = values.length;
  const limited = Float64Array.from(slopes);
  for (let k = 0; k + 1 < count; k++) {
    const secant = (values[k + 1] - values[k]) / step;
    if (secant === 0) {
      limited[k] = 0;
      limited[k + 1] = 0;
      continue;
    }
    const left = limited[k] / secant;
    const right = limited[k + 1] / secant;
    const size = left * left + right * right;
    if (size > 9) {
      const scale = 3 / Math.sqrt(size);
      limited[k] = scale * left * secant;
      limited[k + 1] = scale * right * secant;
    }
  }
  return { start, step, values: Float64Array.from(values), scaledSlopes: limited.map((slope) => slope * step) };
}

/**
 * The interpolated value at x in [start, start + step·(nodes − 1)] (outside it the end cubic is extended;
 * callers handle the outside themselves).
 */
export function evaluateHermite(table: HermiteTable, x: number): number {
  const { values, scaledSlopes } = table;
  const position = (x - table.start) / table.step;
  let k = Math.floor(position);
  if (k < 0) k = 0;
  else if (k > values.length - 2) k = values.length - 2;
  const t = position - k;
  const rest = 1 - t;
  const v0 = values[k];
  // The increment over v0 first, then one addition: rounding v0 + d is monotone in d, so the result
  // stays non-decreasing even where the increments are below v0's last digit (g near b).
  const increment = t * t * (3 - 2 * t) * (values[k + 1] - v0) + t * rest * (rest * scaledSlopes[k] - t * scaledSlopes[k + 1]);
  return v0 + increment;
}
