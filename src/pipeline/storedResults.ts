/**
 * The run a pane or the command line stored in the workbook, so worksheet functions (PARKPLAN.SCENARIO)
 * and "reproduce" can read it later: the run record (scenario, seed, engine, input hash) and every
 * platform's and roll-up's figures per year and metric (deterministic value and Monte Carlo statistics).
 * Trailing statistics that were not computed are left out ([value] in a deterministic run); readers treat
 * a missing entry as null. A run of more than STORED_PLATFORMS_LIMIT platforms keeps its roll-ups only
 * (about 4 kB of JSON a platform: 10,000 platforms would store 40 MB, a third of the output file): `omittedPlatforms` says
 * how many were left out; every platform's figures are in the 预测 sheet.
 *
 * The Monte Carlo of an optimal plan (`parkplan optimize --out`) is stored too, under its own name
 * optimalRunName(scenario) = "<scenario> · 最优配置" (so it never replaces the scenario's own run), with the
 * grants it ran (`plannedGrants`, so reproduce re-runs exactly them) and the LP's objective
 * (`optimization`). Both fields are optional: runs stored before them, and every other run, have neither.
 */
import type { AllocationPlan, ObjectiveKind, ObjectiveSpan } from "../../models/decisions/optimize/index.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";
import type { SimulationResult, YearFigures, YearMetric } from "../../models/results.js";
import { YEAR_METRICS } from "../../models/results.js";

export const STORED_RESULT_VERSION = 1;
/** Store key of the latest stored run of a scenario. */
export const resultKey = (scenarioName: string): string => `result:${scenarioName}`;

/** What follows a scenario's name in the name of its stored optimal run. */
export const OPTIMAL_RUN_SUFFIX = " · 最优配置";
/** The name the optimal plan's run of a scenario is stored under (PARKPLAN.SCENARIO, `parkplan reproduce`). */
export const optimalRunName = (scenarioName: string): string => `${scenarioName}${OPTIMAL_RUN_SUFFIX}`;

/** The LP behind a stored optimal run (model.md §2.5): its objective, the plan's value and the scenario's own strategy's. */
export interface StoredOptimization {
  objective: { kind: ObjectiveKind; over: ObjectiveSpan; years: number[]; value: number; baseline: number };
}

/** Platforms whose figures a stored run keeps; above it, roll-ups only. */
export const STORED_PLATFORMS_LIMIT = 5_000;

/** Statistic names a stored value can be asked for. */
export const STATISTICS = ["value", "mean", "p10", "p50", "p90"] as const;
export type Statistic = (typeof STATISTICS)[number];

/** metric → year → [value, mean, p10, p50, p90] (null where not computed or undefined). */
export type StoredSeries = Partial<Record<YearMetric, Record<string, (number | null)[]>>>;

export interface StoredResult {
  version: number;
  /** The engine that ran it; `model` is 1 for runs of engines before 0.3.0. Readers of figures do not depend on it. */
  engine: SimulationResult["engine"];
  /** The scenario as that engine resolved it: a model 1 run has no version 2 fields (no `ratios`, `prices`). */
  scenario: SimulationResult["scenario"];
  inputHash: string;
  sheet: string;
  finishedAt: string;
  /** Platforms and roll-ups by name (a main platform's roll-up is stored as "<name>" under `rollups`). */
  platforms: Record<string, StoredSeries>;
  rollups: Record<string, StoredSeries>;
  /** Platforms left out (a run above STORED_PLATFORMS_LIMIT); absent when every platform is stored. */
  omittedPlatforms?: number;
  /** The grants given to the run (SimulateOptions.plannedGrants; strategy optimal); absent when none were. */
  plannedGrants?: PlannedGrants;
  /** An optimal plan's run: the LP's objective; absent for every other run. */
  optimization?: StoredOptimization;
}

export interface StoredContext {
  inputHash: string;
  sheet: string;
  finishedAt: Date;
  plannedGrants?: PlannedGrants;
  optimization?: StoredOptimization;
}

const finite = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

function series(years: YearFigures[], stats: SimulationResult["platforms"][number]["stats"]): StoredSeries {
  const out: StoredSeries = {};
  for (const metric of YEAR_METRICS) {
    const byYear: Record<string, (number | null)[]> = {};
    for (const y of years) {
      const q = stats?.[String(y.year)]?.[metric];
      const row = [finite(y[metric]), finite(q?.mean), finite(q?.p10), finite(q?.p50), finite(q?.p90)];
      while (row.length > 1 && row[row.length - 1] === null) row.pop();
      byYear[String(y.year)] = row;
    }
    out[metric] = byYear;
  }
  return out;
}

export function storedResult(result: SimulationResult, ctx: StoredContext): StoredResult {
  const omit = result.platforms.length > STORED_PLATFORMS_LIMIT;
  return {
    version: STORED_RESULT_VERSION,
    engine: result.engine,
    scenario: result.scenario,
    inputHash: ctx.inputHash,
    sheet: ctx.sheet,
    finishedAt: ctx.finishedAt.toISOString(),
    platforms: omit ? {} : Object.fromEntries(result.platforms.map((p) => [p.name, series(p.years, p.stats)])),
    rollups: Object.fromEntries(result.rollups.map((u) => [u.name, series(u.years, u.stats)])),
    ...(omit ? { omittedPlatforms: result.platforms.length } : {}),
    ...(ctx.plannedGrants ? { plannedGrants: ctx.plannedGrants } : {}),
    ...(ctx.optimization ? { optimization: ctx.optimization } : {}),
  };
}

/**
 * An optimal plan's run as it is stored: under optimalRunName(scenario), with the grants it ran and the
 * LP's objective; null for a plan without a value (infeasible). The command line's pipeline and the pane
 * store it alike.
 */
export function storedOptimalRun(
  result: SimulationResult,
  run: { plan: Pick<AllocationPlan, "objective">; plannedGrants: PlannedGrants },
  ctx: Omit<StoredContext, "plannedGrants" | "optimization">,
): { name: string; record: StoredResult } | null {
  const { kind, over, years, value, baseline } = run.plan.objective;
  if (value === null) return null;
  const optimization: StoredOptimization = { objective: { kind, over, years, value, baseline } };
  return {
    name: optimalRunName(result.scenario.name),
    record: storedResult(result, { ...ctx, plannedGrants: run.plannedGrants, optimization }),
  };
}

/** One stored number, or null when that platform, metric, year or statistic is not there. */
export function storedValue(
  stored: StoredResult,
  subject: string,
  metric: YearMetric,
  year: number,
  statistic: Statistic = "value",
): number | null {
  const s = stored.platforms[subject] ?? stored.rollups[subject];
  const row = s?.[metric]?.[String(year)];
  return row?.[STATISTICS.indexOf(statistic)] ?? null;
}
