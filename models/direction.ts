/**
 * Whether a difference from a baseline is an improvement: the one rule every coloured difference follows
 * (the 情景对比 sheet, the pane's comparison, the HTML report). A figure's direction is its `better` in
 * vocabulary.ts (energy, energy intensity, emissions: lower is better); a target row's comes from its
 * comparison (≥ → higher, ≤ → lower, between → neither). Pure; no labels here (IMPROVEMENT_LABELS).
 */
import type { Comparison } from "./targetSchema.js";
import { STYLE_DIGITS, type Direction, type Improvement, type NumberStyle } from "./vocabulary.js";

/**
 * `diff` = scenario − baseline, judged by `better`. A difference within half of `resolution` (the
 * smallest step the figure is shown in: `resolutionOf(style)`) is "same", so a difference shown as
 * "0.00" is never coloured; an unknown one (null, NaN) is "same" too. A figure where neither way is
 * better gives "neutral" when it moved.
 */
export function improvement(better: Direction, diff: number | null | undefined, resolution = 0): Improvement {
  if (diff === null || diff === undefined || !Number.isFinite(diff)) return "same";
  if (Math.abs(diff) < resolution / 2 || diff === 0) return "same";
  if (better === "neither") return "neutral";
  return diff > 0 === (better === "higher") ? "better" : "worse";
}

/** The smallest step a style shows: 0.01 for 亿元, 0.1 for 万元/亩, 0.001 (0.1 %) for a share, 1 for counts. */
export function resolutionOf(style: NumberStyle): number {
  const digits = STYLE_DIGITS[style] + (style === "pct" ? 2 : 0);
  return 10 ** -digits;
}

/** Which way a target's value improves: toward meeting it (≥, > higher; ≤, < lower; a range neither). */
export const COMPARISON_DIRECTION = {
  ">=": "higher",
  ">": "higher",
  "<=": "lower",
  "<": "lower",
  between: "neither",
} satisfies Record<Comparison, Direction>;
