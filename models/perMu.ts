/**
 * The per-mu figure (亩均): an amount in 亿元 over land in 亩, in 万元/亩. Re-exported by units.ts; kept
 * free of mathjs so the task pane can show it without loading the unit system.
 */

/** 万元 in one 亿元: the factor between amounts (亿元) and per-mu figures (万元/亩). */
export const WAN_PER_YI = 1e4;

/**
 * A per-mu figure in 万元/亩 from an amount in 亿元 and land in 亩: amount × 10^4 / land.
 * Zero land gives 0 for a zero amount and NaN otherwise (an undefined ratio, never Infinity).
 * @example perMu(50, 10000) // => 50  (50亿元 on 10,000 亩 = 50 万元/亩)
 */
export function perMu(amountYi: number, landMu: number): number {
  if (landMu === 0) return amountYi === 0 ? 0 : NaN;
  return (amountYi * WAN_PER_YI) / landMu;
}
