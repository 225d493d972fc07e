/**
 * The beta distribution on [0, 1]: its regularized incomplete beta function I_x(α, β) (the CDF) and
 * the inverse of it (the quantile), for α, β > 0.
 *
 * I_x by the continued fraction of Abramowitz & Stegun 26.5.8, evaluated by the modified Lentz method
 * (W. H. Press et al., Numerical Recipes, 3rd ed., §6.4 "betacf"), on the side of the mode where it
 * converges fast: x < (α + 1)/(α + β + 2), else through I_x(α, β) = 1 − I_{1−x}(β, α).
 * The inverse: a start from Abramowitz & Stegun 26.5.22 (α, β ≥ 1) or the small-x power law, then
 * Halley steps on I_x − u (as Numerical Recipes' invbetai) kept inside a bracket, with bisection when
 * a step leaves it. Solved in the lower half (u ≤ ½) so x keeps its relative precision in the tail.
 */
import { domainError } from "./domainError.js";
import { logBeta } from "./logGamma.js";

const CONTINUED_FRACTION_EPSILON = 1e-16;
const CONTINUED_FRACTION_MAX_TERMS = 1000;
/** Guards Lentz's divisions against exact zeros. */
const TINY = 1e-300;
const QUANTILE_MAX_STEPS = 100;
const QUANTILE_RELATIVE_STEP = 2e-16;

function checkShape(alpha: number, beta: number): void {
  if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) {
    throw domainError(
      `贝塔分布的参数须为正的有限数：α = ${alpha}，β = ${beta}`,
      `beta parameters must be positive and finite: α = ${alpha}, β = ${beta}`,
    );
  }
}

/** The continued fraction of I_x(a, b)·a·B(a, b)/(x^a (1−x)^b), by modified Lentz. */
function continuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= CONTINUED_FRACTION_MAX_TERMS; m++) {
    const twice = 2 * m;
    // Even term.
    let coefficient = (m * (b - m) * x) / ((a - 1 + twice) * (a + twice));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    // Odd term.
    coefficient = (-(a + m) * (sum + m) * x) / ((a + twice) * (a + 1 + twice));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const change = d * c;
    fraction *= change;
    if (Math.abs(change - 1) < CONTINUED_FRACTION_EPSILON) break;
  }
  return fraction;
}

/** I_x(a, b) on the side where the fraction converges, with ln B(a, b) given. */
function incompleteBeta(x: number, a: number, b: number, logB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logB;
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * continuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * continuedFraction(1 - x, b, a)) / b;
}

/**
 * The regularized incomplete beta function I_x(α, β) = P(X ≤ x) for X ~ Beta(α, β), to about 1e-15.
 *
 * @param x the point; below 0 gives 0, above 1 gives 1
 * @param alpha α > 0
 * @param beta β > 0
 * @throws RangeError if α or β is not a positive finite number
 * @example
 * regularizedIncompleteBeta(0.5, 2, 3); // => 0.6875000000000007 (11/16)
 * regularizedIncompleteBeta(0.3, 2, 1); // => 0.09000000000000007 (I_x(a, 1) = x^a)
 */
export function regularizedIncompleteBeta(x: number, alpha: number, beta: number): number {
  checkShape(alpha, beta);
  if (Number.isNaN(x)) return x;
  return incompleteBeta(x, alpha, beta, logBeta(alpha, beta));
}

/** A start for the lower-half quantile (u ≤ ½): the power law x ≈ (u·a·B)^(1/a) in the deep tail, else Numerical Recipes' invbetai guess. */
function startingPoint(u: number, a: number, b: number, logB: number): number {
  const powerLaw = Math.exp((Math.log(u) + Math.log(a) + logB) / a);
  // Deep in the lower tail I_x ≈ x^a/(a·B) is nearly exact, and the normal-based start is not.
  if (powerLaw < 1e-3) return powerLaw;
  if (a >= 1 && b >= 1) {
    // A&S 26.2.23 for the normal quantile, then A&S 26.5.22.
    const t = Math.sqrt(-2 * Math.log(u));
    const z = t - (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481));
    const lambda = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(lambda + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5 / 6 - 2 / (3 * h));
    const guess = a / (a + b * Math.exp(2 * w));
    if (guess > 0 && guess < 1) return guess;
    return Math.min(powerLaw, 0.5);
  }
  const lowerMass = Math.exp(a * Math.log(a / (a + b))) / a;
  const upperMass = Math.exp(b * Math.log(b / (a + b))) / b;
  const total = lowerMass + upperMass;
  if (u < lowerMass / total) return Math.pow(a * total * u, 1 / a);
  return 1 - Math.pow(b * total * (1 - u), 1 / b);
}

/** The quantile for u in (0, ½]: Halley on I_x − u inside a shrinking bracket. */
function lowerQuantile(u: number, a: number, b: number): number {
  const logB = logBeta(a, b);
  let low = 0;
  let high = 1;
  let x = startingPoint(u, a, b, logB);
  if (!(x > 0 && x < 1)) x = 0.5;
  for (let step = 0; step < QUANTILE_MAX_STEPS; step++) {
    const error = incompleteBeta(x, a, b, logB) - u;
    if (error === 0) return x;
    if (error < 0) low = x;
    else high = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB);
    const newton = error / density;
    // Halley's correction with f''/f' = (a − 1)/x − (b − 1)/(1 − x), damped as in invbetai.
    const curvature = newton * ((a - 1) / x - (b - 1) / (1 - x));
    const change = newton / (1 - 0.5 * Math.min(1, curvature));
    let next = x - change;
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - x) <= QUANTILE_RELATIVE_STEP * x || next === low || next === high) return next;
    x = next;
  }
  return x;
}

/**
 * The beta quantile: the x with I_x(α, β) = u, to about 1e-15 relative in the lower half and 1e-16
 * absolute in the upper (solved there as 1 − x' with I_{x'}(β, α) = 1 − u).
 *
 * @param u a probability in [0, 1]; 0 gives 0 and 1 gives 1
 * @param alpha α > 0
 * @param beta β > 0
 * @throws RangeError if u is outside [0, 1] or α, β are not positive finite numbers
 * @example
 * betaQuantile(0.6875, 2, 3); // => 0.49999999999999956
 * betaQuantile(0.25, 2, 1); // => 0.4999999999999997 (the inverse of x²)
 */
export function betaQuantile(u: number, alpha: number, beta: number): number {
  checkShape(alpha, beta);
  if (!(u >= 0 && u <= 1)) throw domainError(`概率须在 [0, 1] 内：u = ${u}`, `the probability must be in [0, 1]: u = ${u}`);
  if (u === 0) return 0;
  if (u === 1) return 1;
  if (u <= 0.5) return lowerQuantile(u, alpha, beta);
  return 1 - lowerQuantile(1 - u, beta, alpha);
}
