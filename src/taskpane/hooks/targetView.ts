/**
 * The target checks as the pane lists them: each target's text, its threshold as the plan states it
 * (ranges as ranges, an allowance beside them), the "not met only" filter, the rows grouped by target
 * with the count met ("7/10"), and the distribution of the first year a check is met. Pure, so the
 * browser tests compute the same rows in-process.
 */
import type { Bilingual, TargetCheck } from "../../../models/results.js";
import { checkOutcome } from "../../../models/vocabulary.js";

// The threshold text is shared with the command line's summary (src/views/thresholdText.ts).
export { thresholdText, type ThresholdText } from "../../views/thresholdText.js";

/** The rows the filter leaves: every check, or only those not met (not evaluable ones are not "not met"). */
export function filterTargets(targets: readonly TargetCheck[], notMetOnly: boolean): TargetCheck[] {
  return notMetOnly ? targets.filter((t) => checkOutcome(t) === "notMet") : [...targets];
}

/** One target of the plan with its checks (one per platform, county or the region). */
export interface TargetGroup {
  id: string;
  label: Bilingual;
  /** The checks shown (after the filter), in the engine's order. */
  checks: TargetCheck[];
  /** Over all the target's checks, filter or not: how many are met, of how many evaluable. */
  met: number;
  of: number;
  /** Checks the sheet cannot evaluate. */
  notEvaluable: number;
}

/**
 * The checks grouped by target id, in the order targets first appear; counts over every check of the
 * target, rows after the filter; a group the filter empties is left out.
 */
export function groupTargets(targets: readonly TargetCheck[], notMetOnly: boolean): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const t of targets) {
    let g = groups.get(t.id);
    if (!g) groups.set(t.id, (g = { id: t.id, label: t.label, checks: [], met: 0, of: 0, notEvaluable: 0 }));
    const outcome = checkOutcome(t);
    if (outcome === "notEvaluable") g.notEvaluable++;
    else g.of++;
    if (outcome === "met") g.met++;
    if (!notMetOnly || outcome === "notMet") g.checks.push(t);
  }
  return [...groups.values()].filter((g) => g.checks.length > 0);
}

/** "7/10": a group's checks met of those evaluable. */
export const groupCount = (g: Pick<TargetGroup, "met" | "of">): string => `${g.met}/${g.of}`;

/** One year of a check's Monte Carlo: the share of trials first meeting it that year, and meeting it by then. */
export interface FirstYearRow {
  year: number;
  first: number;
  by: number;
}

export interface FirstYearDistribution {
  rows: FirstYearRow[];
  /** P(met by the last projected year) = the sum of `first`; `never` = 1 − that (not met within the projection). */
  metByEnd: number;
  never: number;
  /** P(met in the target year itself), as the table shows it. */
  atTargetYear: number | null;
}

/**
 * The first year a check is met, from the engine's P(met by each year) (TargetCheck.metBy, the base year
 * first): the year's share is the step of the cumulative one. Null without Monte Carlo (or not evaluable).
 */
export function firstYearDistribution(t: Pick<TargetCheck, "metBy" | "probability">): FirstYearDistribution | null {
  const metBy = t.metBy;
  if (!metBy || metBy.length === 0) return null;
  const rows = metBy.map((m, k) => ({
    year: m.year,
    first: k === 0 ? m.probability : m.probability - metBy[k - 1].probability,
    by: m.probability,
  }));
  const metByEnd = metBy[metBy.length - 1].probability;
  return { rows, metByEnd, never: 1 - metByEnd, atTargetYear: t.probability };
}

/**
 * The checks with a first-year distribution, and the one to show first: the most uncertain, P(met by the
 * last year) nearest ½ (the first such), so the chart opens on a spread rather than on a certainty.
 */
export function firstYearChoices(targets: readonly TargetCheck[]): { checks: TargetCheck[]; initial: number } {
  const checks = targets.filter((t) => t.metBy !== null && t.metBy.length > 0);
  let initial = 0;
  let best = Infinity;
  checks.forEach((t, i) => {
    const distance = Math.abs(t.metBy![t.metBy!.length - 1].probability - 0.5);
    if (distance < best) [initial, best] = [i, distance];
  });
  return { checks, initial };
}

/** "JX-7 · 嘉善经济技术开发区": a check as one line of a list. */
export const checkName = (t: Pick<TargetCheck, "id" | "subject">): string => `${t.id} · ${t.subject}`;
