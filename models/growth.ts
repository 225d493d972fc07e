/**
 * Growth arithmetic analysts ask for beside a projection (used by the custom functions too):
 * compound annual growth, the growth a target needs, the year a path reaches a target, the path itself.
 */

/** Compound annual growth from start to end over `years`. @example cagr(100, 200, 5) // => 0.148698… */
export function cagr(start: number, end: number, years: number): number {
  if (!(start > 0) || !(end >= 0) || !(years > 0)) return NaN;
  return Math.pow(end / start, 1 / years) - 1;
}

/** The constant annual growth that takes `base` to `target` in `years` (same as cagr). */
export function requiredGrowth(base: number, target: number, years: number): number {
  return cagr(base, target, years);
}

/**
 * The first year a value growing at `rate` from `base` in `baseYear` reaches `target`
 * (baseYear itself when already there); null when it never does (rate ≤ 0 below target).
 * @example yearReached(100, 0.1, 200, 2017) // => 2025  (100·1.1^8 = 214.4 ≥ 200 > 100·1.1^7 = 194.9)
 */
export function yearReached(base: number, rate: number, target: number, baseYear: number): number | null {
  if (!(base > 0) || !(rate > -1)) return null;
  if (base >= target) return baseYear;
  if (rate <= 0) return null;
  // Start from the closed form and correct for floating error at the boundary.
  let n = Math.ceil(Math.log(target / base) / Math.log(1 + rate));
  while (n > 0 && base * Math.pow(1 + rate, n - 1) >= target) n--;
  while (base * Math.pow(1 + rate, n) < target) n++;
  return baseYear + n;
}

/** Values from baseYear to endYear growing at `rate`: [base, base·(1+rate), …]. */
export function projectPath(base: number, rate: number, baseYear: number, endYear: number): number[] {
  const out: number[] = [];
  for (let y = baseYear, v = base; y <= endYear; y++, v *= 1 + rate) out.push(v);
  return out;
}
