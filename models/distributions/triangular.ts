/**
 * The triangular distribution on [a, b] with mode m: its quantile in closed form, and the growth of one
 * trial from a standard normal draw (g = F⁻¹(Φ(x)), the Gaussian copula of model.md §2.2).
 */
import { domainError } from "./domainError.js";
import { normalCdf } from "./normalCdf.js";

/** Throws unless a ≤ m ≤ b are finite. */
export function checkLowModeHigh(a: number, m: number, b: number): void {
  if (!(Number.isFinite(a) && Number.isFinite(m) && Number.isFinite(b) && a <= m && m <= b)) {
    throw domainError(`须满足 低值 ≤ 众数 ≤ 高值（有限数）：${a}, ${m}, ${b}`, `low ≤ mode ≤ high (finite) is required: ${a}, ${m}, ${b}`);
  }
}

/**
 * The triangular quantile F⁻¹(u) on [a, b] with mode m: a + √(u(b−a)(m−a)) for u < (m−a)/(b−a), else
 * b − √((1−u)(b−a)(b−m)). a = m = b gives m; m = a and m = b are the right- and left-angled triangles.
 *
 * @param u a probability in [0, 1]
 * @param a the low end; @param m the mode; @param b the high end (a ≤ m ≤ b)
 * @throws RangeError if u is outside [0, 1] or a ≤ m ≤ b does not hold
 * @example
 * triangularQuantile(0.5, 0, 0.05, 0.15); // => 0.06339745962155614 (0.15 − √0.0075)
 * triangularQuantile(0.25, 0, 0, 1); // => 0.1339745962155614 (1 − √0.75)
 */
export function triangularQuantile(u: number, a: number, m: number, b: number): number {
  checkLowModeHigh(a, m, b);
  if (!(u >= 0 && u <= 1)) throw domainError(`概率须在 [0, 1] 内：u = ${u}`, `the probability must be in [0, 1]: u = ${u}`);
  if (a === b) return m;
  const width = b - a;
  if (u < (m - a) / width) return a + Math.sqrt(u * width * (m - a));
  return b - Math.sqrt((1 - u) * width * (b - m));
}

/**
 * One trial's triangular growth from a standard normal x: g(x) = F⁻¹(Φ(x)), exact. For x > 0 it uses
 * 1 − Φ(x) = Φ(−x), so the upper tail keeps its precision; about 40 ns a call (two exponentials and a
 * square root). Parameters are checked once, here.
 *
 * @throws RangeError if a ≤ m ≤ b does not hold
 * @example
 * const growth = makeTriangularGrowth(0, 0.05, 0.15);
 * growth(0); // => 0.06339745962155614 (the median)
 * growth(-40); // => 0 (the low end)
 */
export function makeTriangularGrowth(a: number, m: number, b: number): (x: number) => number {
  checkLowModeHigh(a, m, b);
  if (a === b) return () => m;
  const width = b - a;
  const modeMass = (m - a) / width;
  const lowerScale = width * (m - a);
  const upperScale = width * (b - m);
  return (x: number): number => {
    if (x <= 0) {
      const lower = normalCdf(x);
      return lower < modeMass ? a + Math.sqrt(lower * lowerScale) : b - Math.sqrt((1 - lower) * upperScale);
    }
    const upper = normalCdf(-x);
    return upper > 1 - modeMass ? a + Math.sqrt((1 - upper) * lowerScale) : b - Math.sqrt(upper * upperScale);
  };
}
