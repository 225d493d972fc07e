/**
 * What an optimisation asks (scenario field `optimize`, model.md §2.5), with the command line's overrides,
 * checked against the platform sheet: every platform named in weights or land bounds must exist.
 */
import { ScenarioError, type Scenario } from "../../scenario.js";

export const OBJECTIVE_KINDS = ["output", "valueAdded", "tax"] as const;
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];
export const OBJECTIVE_SPANS = ["horizon", "all"] as const;
export type ObjectiveSpan = (typeof OBJECTIVE_SPANS)[number];

/** A per-platform bound: one amount for every year, or amounts for the years named (others unbounded). */
export type YearlyBound = number | Record<string, number>;

export interface OptimizeSettings {
  objective: ObjectiveKind;
  over: ObjectiveSpan;
  /** Weight per platform name in the objective (absent = 1). */
  weights: Record<string, number>;
  /** 亩 per year, per platform name. */
  landMin: Record<string, YearlyBound>;
  landMax: Record<string, YearlyBound>;
  /** Target ids (of the scenario's targets) met as constraints. */
  targets: string[];
  /** Sampled trials of the robust (sample-average) LP, 1 … MAX_ROBUST_TRIALS; null = the deterministic path. */
  robust: number | null;
}

export interface OptimizeOverrides {
  objective?: ObjectiveKind;
  over?: ObjectiveSpan;
  /** Trials of the robust LP (--robust K), checked by the caller (robustTrials). */
  robust?: number;
}

/**
 * Most sampled trials in a robust LP (the scenario schema's optimize.robust has the same bound). Each trial
 * adds its own outputs and land-capacity rows in the years the objective or a target reads: at 100
 * platforms × 10 years with the objective at the horizon, K = 50 is 9,464 rows and solves in about 0.3 s
 * (npm run bench:decisions); 200 trials, about 35,000 rows, is about the most HiGHS still solves in
 * seconds there.
 */
export const MAX_ROBUST_TRIALS = 200;

/** A --robust value checked: a whole number 1 … MAX_ROBUST_TRIALS, else a bilingual message (zh, en). */
export function robustTrials(value: string | number): number | { zh: string; en: string } {
  const text = String(value).trim();
  const k = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(k) && k >= 1 && k <= MAX_ROBUST_TRIALS) return k;
  return {
    zh: `--robust 须为 1 至 ${MAX_ROBUST_TRIALS} 之间的整数（抽样试验次数；每次试验都会增加线性规划的行和列），收到“${text}”`,
    en: `--robust must be a whole number from 1 to ${MAX_ROBUST_TRIALS} (sampled trials; each adds rows and columns to the LP), got "${text}"`,
  };
}

/** The scenario's `optimize` with its defaults, overridden by the command line, names checked against `names`. */
export function optimizeSettings(scenario: Scenario, names: readonly string[], overrides: OptimizeOverrides = {}): OptimizeSettings {
  const o = scenario.optimize;
  const settings: OptimizeSettings = {
    objective: overrides.objective ?? o?.objective ?? "output",
    over: overrides.over ?? o?.over ?? "horizon",
    weights: o?.weights ?? {},
    landMin: o?.land.min ?? {},
    landMax: o?.land.max ?? {},
    targets: o?.targets ?? [],
    robust: overrides.robust ?? o?.robust ?? null,
  };
  const known = new Set(names);
  const issues = (["weights", "land.min", "land.max"] as const).flatMap((field) => {
    const table = field === "weights" ? settings.weights : field === "land.min" ? settings.landMin : settings.landMax;
    return Object.keys(table)
      .filter((name) => !known.has(name))
      .map((name) => ({
        path: `optimize.${field}.${name}`,
        zh: `平台“${name}”不在平台表中`,
        en: `platform "${name}" is not in the sheet`,
      }));
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return settings;
}

/** A bound in a year: the number, the year's entry of a map, or undefined (no bound). */
export function boundIn(bound: YearlyBound | undefined, year: number): number | undefined {
  if (bound === undefined) return undefined;
  return typeof bound === "number" ? bound : bound[String(year)];
}
