/**
 * The standard normal distribution function Φ(x), by W. J. Cody's rational Chebyshev approximations
 * (Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–638),
 * in the form of his ANORM (Cody, "Algorithm 715: SPECFUN", ACM TOMS 19 (1993) 22–32; the routine
 * behind R's pnorm). Three intervals of |x|: [0, 0.66291], (0.66291, √32], (√32, 37.519]; the third
 * is a rational function of 1/x² (the asymptotic Mills-ratio form), so the lower tail keeps its
 * relative accuracy down to x = −37.5 instead of losing it in 1 − Φ(|x|).
 *
 * The tail is computed directly in x (not as erfc(−x/√2)): the division by √2 would round the argument
 * and cost about x²·2⁻⁵³ of relative accuracy (≈ 1.5e-13 at x = −37). exp(−x²/2) is split as
 * exp(−s²/2)·exp(−(x−s)(x+s)/2) with s = x rounded down to 1/16, so x² is never rounded either.
 */

/** Cody's 20-digit coefficients as their nearest doubles. First interval, |x| ≤ 0.66291 (ANORM's A and B). */
const A0 = 2.2352520354606837;
const A1 = 161.02823106855587;
const A2 = 1067.6894854603709;
const A3 = 18154.98125334356;
const A4 = 0.06568233791820745;
const B0 = 47.202581904688245;
const B1 = 976.0985517377767;
const B2 = 10260.932208618979;
const B3 = 45507.78933502673;

/** Second interval, 0.66291 < |x| ≤ √32 (C and D). */
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726, 6848.190450536283, 11602.65143764735,
  9842.714838383978, 1.0765576773720192e-8,
] as const;
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097, 34900.95272114598, 38912.00328609327,
  19685.429676859992,
] as const;

/** Third interval, |x| > √32 (P and Q), in 1/x². */
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 0.000029112874951168793, 0.023073441764940174,
] as const;
const Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662] as const;

const FIRST_INTERVAL_END = 0.66291;
const SQRT_32 = 5.656854248;
/** 1/√(2π). */
const INVERSE_SQRT_TWO_PI = 0.3989422804014327;
/** Below it Φ underflows to 0 (and above −it, 1 − Φ(x) to 0). */
const UNDERFLOW_X = 37.519;

/** The tail mass Φ(−y) for y = |x| > FIRST_INTERVAL_END. */
function lowerTail(y: number): number {
  let ratio: number;
  if (y <= SQRT_32) {
    let numerator = C[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + C[i]) * y;
      denominator = (denominator + D[i]) * y;
    }
    ratio = (numerator + C[7]) / (denominator + D[7]);
  } else {
    const inverseSquare = 1 / (y * y);
    let numerator = P[5] * inverseSquare;
    let denominator = inverseSquare;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + P[i]) * inverseSquare;
      denominator = (denominator + Q[i]) * inverseSquare;
    }
    ratio = (INVERSE_SQRT_TWO_PI - (inverseSquare * (numerator + P[4])) / (denominator + Q[4])) / y;
  }
  const rounded = Math.trunc(y * 16) / 16;
  const rest = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-rest * 0.5) * ratio;
}

/**
 * The standard normal distribution function Φ(x) = P(Z ≤ x): about 1e-16 relative in the body, and
 * relative accuracy kept in the lower tail down to x = −37.5 (Φ(−37) ≈ 5.7e-300). NaN gives NaN.
 *
 * @param x any number
 * @returns Φ(x) in [0, 1]
 * @example
 * normalCdf(0); // => 0.5
 * normalCdf(1.96); // => 0.9750021048517795
 * normalCdf(-10); // => 7.619853024160527e-24
 */
export function normalCdf(x: number): number {
  const y = Math.abs(x);
  if (y <= FIRST_INTERVAL_END) {
    const square = x * x;
    let numerator = A4 * square;
    let denominator = square;
    numerator = (numerator + A0) * square;
    denominator = (denominator + B0) * square;
    numerator = (numerator + A1) * square;
    denominator = (denominator + B1) * square;
    numerator = (numerator + A2) * square;
    denominator = (denominator + B2) * square;
    const offset = (x * (numerator + A3)) / (denominator + B3);
    return 0.5 + offset;
  }
  if (y > UNDERFLOW_X) return x < 0 ? 0 : 1;
  if (Number.isNaN(x)) return x;
  const tail = lowerTail(y);
  return x < 0 ? tail : 1 - tail;
}
