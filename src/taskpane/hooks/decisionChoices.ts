/**
 * What the 决策 tools' dropdowns offer for the form's scenario: its targets (id, words, evaluable subjects
 * in result order), the levers, the metrics, the subjects (platforms in sheet order, then the roll-ups)
 * and the projected years. Pure: the model's own resolution of the scenario (prepareSimulation), so the
 * pane offers nothing the tools would refuse.
 */
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
  };
}
