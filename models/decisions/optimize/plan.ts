/**
 * An optimal plan as data the rest of the model takes: year maps per platform (the JSON's `allocation`,
 * SimulateOptions.plannedGrants), and the run that takes the plan's grants through the Monte Carlo
 * (model.md §2.5, last sentence).
 */
import type { PlannedGrants } from "../../policy/plannedGrants.js";
import type { AllocationPlan } from "./optimal.js";

export type YearMap = Record<string, number>;

/** Per platform (in `order`, default the plan's), its non-zero amounts by year; `all` keeps every platform, with {} when it gets nothing. */
export function yearMaps(plan: AllocationPlan, values: Float64Array, options: { order?: readonly string[]; all?: boolean } = {}) {
  const n = plan.names.length;
  const index = new Map(plan.names.map((name, i) => [name, i]));
  const out: Record<string, YearMap> = {};
  for (const name of options.order ?? plan.names) {
    const i = index.get(name);
    if (i === undefined) continue;
    const map: YearMap = {};
    for (let k = 1; k < plan.years.length; k++) if (values[k * n + i] > 0) map[String(plan.years[k])] = values[k * n + i];
    if (options.all || Object.keys(map).length > 0) out[name] = map;
  }
  return out;
}

/**
 * How a plan runs through the model (and its Monte Carlo): the scenario document with strategy `optimal`
 * for land (and for energy under a cap), and the plan's grants and quotas as SimulateOptions.plannedGrants
 * (policy/plannedGrants.ts). Its deterministic path is the LP's.
 */
export function plannedRun(
  document: Record<string, unknown>,
  plan: AllocationPlan,
): { scenario: Record<string, unknown>; plannedGrants: PlannedGrants } {
  const section = (key: string) => {
    const v = document[key];
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
  };
  const scenario: Record<string, unknown> = { ...document, land: { ...section("land"), strategy: "optimal" } };
  const plannedGrants: PlannedGrants = { land: yearMaps(plan, plan.grants) };
  if (plan.energy) {
    scenario.energy = { ...section("energy"), strategy: "optimal" };
    plannedGrants.energy = yearMaps(plan, plan.energy);
  }
  return { scenario, plannedGrants };
}
