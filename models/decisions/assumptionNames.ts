/**
 * The ids of the scenario assumptions a sensitivity analysis moves (model.md §2.6), zod-free: the
 * scenario's `sensitivity` field (scenario.ts) validates its keys against them, sensitivity.ts holds
 * one rule per id (`satisfies Record<AssumptionId, …>`), vocabulary.ts one label per id. Each id is the
 * scenario path of the value it moves (a scale for the land quota and the energy cap).
 */
import { RATIO_LEVERS, type RatioLever } from "../levers/ratioNames.js";

const FIELD_ASSUMPTIONS = [
  "growth.mean",
  "growth.sd",
  "growth.correlation",
  "energy.intensityDecline",
  "land.quota",
  "energy.cap",
  "exits.relocationShare",
  "land.lagYears",
] as const;

export type RatioAssumption = `ratios.${RatioLever}.change`;
export type AssumptionId = (typeof FIELD_ASSUMPTIONS)[number] | RatioAssumption;

export const ratioAssumption = (r: RatioLever): RatioAssumption => `ratios.${r}.change`;

/** Every assumption, in the order a tornado lists them before sorting (and choices are named). */
export const ASSUMPTION_IDS: readonly [AssumptionId, ...AssumptionId[]] = [...FIELD_ASSUMPTIONS, ...RATIO_LEVERS.map(ratioAssumption)];

export const isAssumptionId = (v: string): v is AssumptionId => (ASSUMPTION_IDS as readonly string[]).includes(v);
