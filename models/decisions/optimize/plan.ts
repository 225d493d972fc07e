/**
 * An optimal plan as data the rest of the model takes: year maps per platform (the JSON's `allocation`,
 * the scenario's `land.manual` / `energy.manual`), and the scenario that runs the plan's grants through the
 * Monte Carlo as manual grants (model.md §2.5, last sentence).
 */
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
 * The scenario document with the plan's grants as manual land grants (every platform listed, so none falls
 * back to the sheet's 新增用地 column) and, under an energy cap, its quotas as manual energy quotas: its
 * deterministic path is the LP's.
 */
export function plannedScenario(document: Record<string, unknown>, plan: AllocationPlan): Record<string, unknown> {
  const section = (key: string) => {
    const v = document[key];
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
  };
  const out: Record<string, unknown> = {
    ...document,
    land: { ...section("land"), strategy: "manual", manual: yearMaps(plan, plan.grants, { all: true }) },
  };
  if (plan.energy) out.energy = { ...section("energy"), strategy: "manual", manual: yearMaps(plan, plan.energy, { all: true }) };
  return out;
}
