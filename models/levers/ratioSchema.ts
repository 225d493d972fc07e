/**
 * The scenario's `ratios` field (model.md §2.1, policy levers): how the value-added ratio v, the tax ratio
 * τ, the R&D share ρ_RD, the high-tech share η and the strategic-emerging share σ_S move after the base
 * year. Each ratio takes a rule (`change`, `path` or `expr`) for the region, per level (`byLevel`) and per
 * platform (`byPlatform`, by name); a platform takes its own rule, else its level's, else the region's,
 * else keeps its base ratio (models/README.md, "Ratio paths").
 *
 * Expressions are checked here only as text (non-empty, bounded); whether they parse and name only t, k and
 * base is checked when the scenario is compiled (ratioExpression.ts), which loads mathjs's parser: this
 * schema stays light for the task pane's first load.
 */
import { z } from "zod";
import { LEVELS } from "../platform.js";
import { RATIO_RULE_KINDS, RATIO_LEVERS, type RatioLever, type RatioRule } from "./ratioNames.js";

// The names live zod-free in ratioNames.ts (the task pane's first load reads them there).
export { RATIO_BOUNDS, RATIO_LEVERS, RATIO_RULE_KINDS, type RatioLever, type RatioRule, type RatioRuleKind } from "./ratioNames.js";

const yearKey = z.string().regex(/^\d{4}$/, "year keys are 4-digit years");

const ruleFields = {
  /** Absolute change per year in ratio units: r(t) = r0 + change × k (0.002 = +0.2 percentage points a year). */
  change: z.number().min(-1).max(1).optional(),
  /** Year → value; linear from the base year's r0 to each given year, held after the last. */
  path: z.record(yearKey, z.number().min(0).max(1)).optional(),
  /** A mathjs expression in t (year), k (years since base) and base (r0), e.g. "min(base*1.05^k, 0.6)". */
  expr: z.string().trim().min(1).max(500).optional(),
};

/** Exactly one of change, path and expr (`optional`: the region's entry may give none, only byLevel / byPlatform). */
function checkRule(rule: RatioRule, ctx: z.RefinementCtx, path: (string | number)[], optional: boolean): void {
  const given = RATIO_RULE_KINDS.filter((kind) => rule[kind] !== undefined);
  if (given.length === 1 || (optional && given.length === 0)) return;
  const en = given.length === 0 ? "give one of change, path or expr" : `give only one of change, path or expr (got ${given.join(" and ")})`;
  const zh = given.length === 0 ? "须给出 change、path 或 expr 之一" : `change、path、expr 只能给出一个（现有 ${given.join("、")}）`;
  ctx.addIssue({ code: "custom", path, message: en, params: { zh } });
}

const platformRule = z
  .object(ruleFields)
  .strict()
  .superRefine((rule, ctx) => checkRule(rule, ctx, [], false));

const ratioLever = z
  .object({
    ...ruleFields,
    byLevel: z.partialRecord(z.enum(LEVELS), platformRule).default({}),
    byPlatform: z.record(z.string(), platformRule).default({}),
  })
  .strict()
  .superRefine((rule, ctx) => checkRule(rule, ctx, [], true));
export type RatioLeverSpec = z.output<typeof ratioLever>;

export const ratiosSchema = z
  .object(
    Object.fromEntries(RATIO_LEVERS.map((key) => [key, ratioLever.optional()])) as Record<RatioLever, z.ZodOptional<typeof ratioLever>>,
  )
  .strict();
export type RatiosSpec = z.output<typeof ratiosSchema>;

/** Whether a scenario moves any ratio (a version 1 scenario moves none). */
export function movesRatios(ratios: RatiosSpec): boolean {
  return RATIO_LEVERS.some((key) => ratios[key] !== undefined);
}
