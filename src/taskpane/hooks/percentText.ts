/** Numbers as the form's text: what a number field takes, and percentages to fractions and back without rounding drift. */

/** A decimal number as typed in a field: "7.7", "-2", ".5" (no exponents, no units). */
export const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** "7.7" (percent) → 0.077 exactly as the literal 0.077: shift the decimal point in the text, not by dividing. */
export function percentToFraction(text: string): number {
  return Number(`${text.trim()}e-2`);
}

/** 0.077 → "7.7": the form's percentage text, which percentToFraction turns back into the same number. */
export function fractionToPercent(x: number): string {
  return String(Number((x * 100).toPrecision(12)));
}
