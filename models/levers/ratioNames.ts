/**
 * The names of the scenario's ratio levers (model.md §2.1), zod-free: the task pane's first load reads
 * them here; ratioSchema.ts (zod) builds the schema over them and re-exports them.
 */

/** The ratios a scenario can move, in model.md's order. */
export const RATIO_LEVERS = ["valueAdded", "tax", "rd", "highTech", "strategic"] as const;
export type RatioLever = (typeof RATIO_LEVERS)[number];

/** How each ratio is bounded (model.md §2.1): shares to [0, 1], v and τ to ≥ 0. */
export const RATIO_BOUNDS = {
  valueAdded: "nonNegative",
  tax: "nonNegative",
  rd: "share",
  highTech: "share",
  strategic: "share",
} as const satisfies Record<RatioLever, "share" | "nonNegative">;

/** The three ways to give a ratio's path; exactly one per rule. */
export const RATIO_RULE_KINDS = ["change", "path", "expr"] as const;
export type RatioRuleKind = (typeof RATIO_RULE_KINDS)[number];

/** A rule of one ratio, for the region, a level or a platform. */
export type RatioRule = { change?: number; path?: Record<string, number>; expr?: string };
