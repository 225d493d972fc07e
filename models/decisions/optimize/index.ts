/**
 * Optimal allocation (model.md §2.5; models/README.md "Optimal allocation"): platforms and a scenario in,
 * the optimal plan out, with any LpSolver (src/engine/lp/ loads HiGHS). The deterministic path it stands on
 * is the scenario's own, under its own strategy (the baseline the optimum is compared with); a scenario whose
 * strategy is `optimal` is compared with `proportional`.
 */
import type { Platform } from "../../platform.js";
import { prepareSimulation, type PreparedSimulation } from "../../simulate.js";
import type { LpSolver } from "./lp.js";
import { optimizeAllocation, type AllocationPlan } from "./optimal.js";
import { optimizeSettings, type OptimizeOverrides, type OptimizeSettings } from "./settings.js";

export * from "./explain.js";
export * from "./lp.js";
export * from "./optimal.js";
export * from "./plan.js";
export * from "./settings.js";
export * from "./trials.js";
export { buildAllocationLp, productivityPath, type AllocationLp, type Ineligible } from "./build.js";

/** The strategy the baseline runs when the scenario's is `optimal` (which needs the plan it is about to get). */
export const BASELINE_STRATEGY = "proportional";

/** The scenario document of the baseline: deterministic only, `optimal` replaced by BASELINE_STRATEGY. */
export function baselineDocument(document: Record<string, unknown>): Record<string, unknown> {
  const section = (key: string) => {
    const v = document[key];
    const s = v !== null && typeof v === "object" ? { ...(v as Record<string, unknown>) } : {};
    if (s.strategy === "optimal") s.strategy = BASELINE_STRATEGY;
    return s;
  };
  const monteCarlo = { ...section("monteCarlo"), runs: 0 };
  return { ...document, land: section("land"), energy: section("energy"), monteCarlo };
}

export interface Optimization {
  plan: AllocationPlan;
  settings: OptimizeSettings;
  /** The baseline's prepared simulation (deterministic path under the scenario's own strategy). */
  prepared: PreparedSimulation;
}

export function optimize(
  platforms: readonly Platform[],
  document: Record<string, unknown>,
  solver: LpSolver,
  options: { baseYear?: number | null; overrides?: OptimizeOverrides } = {},
): Optimization {
  const prepared = prepareSimulation(platforms, baselineDocument(document), { baseYear: options.baseYear });
  const settings = optimizeSettings(prepared.scenario, prepared.c.names, options.overrides);
  return { plan: optimizeAllocation(prepared, settings, solver), settings, prepared };
}
