/**
 * The allocation strategies the scenario form offers: the vocabulary's, less `optimal`. An optimal plan is
 * what the 决策 section's 最优配置 tool produces (its grants go to the run as planned grants); chosen in the
 * form, a run would have no plan to follow and fail. A document that says `optimal` (saved by the command
 * line or edited by hand) is named by formFromDocument as not held, never turned silently into another.
 */
import type { AllocationStrategy } from "../../../models/scenario.js";
import { isStrategy, STRATEGY_CHOICES } from "../../../models/vocabulary.js";

/** Strategies the form cannot hold (produced elsewhere, never chosen). */
const NOT_IN_FORM: ReadonlySet<AllocationStrategy> = new Set<AllocationStrategy>(["optimal"]);

export const FORM_STRATEGY_CHOICES: readonly AllocationStrategy[] = STRATEGY_CHOICES.filter((s) => !NOT_IN_FORM.has(s));

export const isFormStrategy = (value: unknown): value is AllocationStrategy => isStrategy(value) && !NOT_IN_FORM.has(value);
