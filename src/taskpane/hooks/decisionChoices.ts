/**
 * What the 决策 tools' dropdowns offer for the form's scenario: its targets (id, words, evaluable subjects
 * in result order), the levers, the metrics, the subjects (platforms in sheet order, then the roll-ups),
 * the projected years, and for 敏感性's two-way table the assumptions the scenario can move (the tornado's
 * list) and its grid points per side (the scenario's, else the command line's 5). Pure: the model's own resolution of the scenario (prepareSimulation), so the
 * pane offers nothing the tools would refuse.
 */
import { ASSUMPTION_IDS, type AssumptionId } from "../../../models/decisions/assumptionNames.js";
import { assumptionBase } from "../../../models/decisions/assumptions.js";
import { LEVER_RULES } from "../../../models/decisions/levers.js";
import { RATIO_LEVERS } from "../../../models/levers/ratioNames.js";
import type { Platform } from "../../../models/platform.js";
import { YEAR_METRICS, type Bilingual, type YearMetric } from "../../../models/results.js";
import { prepareSimulation } from "../../../models/simulate.js";
import { RATIO_LEVER_LABELS } from "../../../models/vocabulary.js";

export interface TargetChoice {
  id: string;
  label: Bilingual;
  /** Evaluable subjects, platforms in sheet order then roll-ups. */
  subjects: string[];
}

export interface DecisionChoices {
  targets: TargetChoice[];
  /** "growth", "land", "energy", "ratio:NAME" with their words. */
  levers: { value: string; label: Bilingual }[];
  metrics: YearMetric[];
  subjects: string[];
  years: number[];
  /** The assumptions the scenario can move, in the model's order (those the tornado lists; the two-way table's choices). */
  assumptions: AssumptionId[];
  /** The two-way grid's points per side: the scenario's `sensitivity.gridPoints`, else the model's (and so the command line's) 5. */
  gridPoints: number;
}

/** The two-way grid's points per side, as the scenario schema allows them (models/scenario.ts). */
export const GRID_POINTS = { min: 2, max: 21, fallback: 5 } as const;

/** The scenario with the two-way grid's points per side set (`sensitivity.gridPoints`, where the model reads them). */
export function withGridPoints(document: Record<string, unknown>, gridPoints: number | undefined): Record<string, unknown> {
  if (gridPoints === undefined) return document;
  const given = document.sensitivity;
  const sensitivity = given !== null && typeof given === "object" ? (given as Record<string, unknown>) : {};
  return { ...document, sensitivity: { ...sensitivity, gridPoints } };
}

export const LEVER_CHOICES: { value: string; label: Bilingual }[] = [
  ...(["growth", "land", "energy"] as const).map((k) => ({ value: k, label: LEVER_RULES[k].label })),
  ...RATIO_LEVERS.map((r) => ({ value: `ratio:${r}`, label: RATIO_LEVER_LABELS[r] })),
];

export function decisionChoices(platforms: readonly Platform[], baseYear: number | null, document: unknown): DecisionChoices {
  const prepared = prepareSimulation(platforms, document, { baseYear });
  const units = prepared.units.filter((u) => u.kind !== "platform").map((u) => u.name);
  const order = (s: string) => prepared.sheetOrder.get(s) ?? platforms.length + units.indexOf(s);
  const targets = prepared.defs.map((def) => ({
    id: def.id,
    label: def.label ?? { zh: def.id, en: def.id },
    subjects: prepared.checks
      .filter((c) => c.def.id === def.id && c.evaluable)
      .map((c) => c.subject)
      .sort((a, b) => order(a) - order(b)),
  }));
  return {
    targets: targets.filter((t) => t.subjects.length > 0),
    levers: LEVER_CHOICES,
    metrics: [...YEAR_METRICS],
    subjects: [...platforms.map((p) => p.name), ...units.filter((u) => !prepared.sheetOrder.has(u))],
    years: [...prepared.scenario.horizon],
    assumptions: ASSUMPTION_IDS.filter((id) => assumptionBase(id, prepared.scenario) !== null),
    gridPoints: prepared.scenario.sensitivity?.gridPoints ?? GRID_POINTS.fallback,
  };
}
