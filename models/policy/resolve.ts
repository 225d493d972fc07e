/**
 * The run's land and energy strategies resolved once, when the scenario is compiled (compile.ts): the
 * rules of STRATEGIES turned into the arrays the kernel reads (Compiled.landAllocation, energyAllocation,
 * needsClasses), with the planned grants given to the run.
 */
import type { Compiled } from "../compile.js";
import { yearlyValue, type AllocationStrategy, type Scenario } from "../scenario.js";
import { plannedRequests, type PlannedGrants } from "./plannedGrants.js";
import { resolveAllocation, STRATEGIES } from "./strategies.js";

/** Whether a strategy reads the planned grants (an exhaustive question of the table, not of names). */
const readsPlanned = (s: AllocationStrategy): boolean => {
  const rule = STRATEGIES[s];
  return rule.allocation === "requests" && rule.source === "planned";
};

/**
 * Fill c.landAllocation, c.energyAllocation, c.needsClasses and the land quota c.landQuota, after the
 * manual requests are compiled. Without `land.quota` a requests strategy (manual, optimal) grants what
 * is requested, the others nothing. Without an energy cap the energy strategy is never applied (so
 * `optimal` energy then needs no grants). Planned grants that no strategy of the run reads are a warning
 * (PLANNED_GRANTS_UNUSED).
 */
export function resolveStrategies(c: Compiled, scenario: Scenario, planned: PlannedGrants): void {
  const plannedLand = plannedRequests(c.names, c.years, "land", planned.land);
  const plannedEnergy = plannedRequests(c.names, c.years, "energy", planned.energy);
  const { n, isMain } = c;
  c.landAllocation = resolveAllocation("land", c.landStrategy, {
    n,
    isMain,
    classWeights: c.landClassWeights,
    manual: c.manualLand,
    planned: plannedLand,
    used: true,
  });
  c.energyAllocation = resolveAllocation("energy", c.energyStrategy, {
    n,
    isMain,
    classWeights: c.energyClassWeights,
    manual: c.manualEnergy,
    planned: plannedEnergy,
    used: scenario.energy.cap !== undefined,
  });
  c.needsClasses = c.landAllocation.needsClasses || c.energyAllocation.needsClasses;
  const quota = scenario.land.quota;
  const requests = c.landAllocation.requests;
  for (let k = 1; k <= c.steps; k++) {
    let sum = 0;
    if (quota === undefined && requests !== null) for (let i = 0; i < n; i++) sum += requests[k * n + i];
    c.landQuota[k] = quota === undefined ? sum : yearlyValue(quota, c.years[k]);
  }
  const given = [
    ["land", plannedLand, c.landStrategy, "新增用地"],
    ["energy", plannedEnergy, c.energyStrategy, "能耗指标"],
  ] as const;
  for (const [what, table, strategy, zh] of given) {
    if (table === null || readsPlanned(strategy)) continue;
    c.warnings.push({
      code: "PLANNED_GRANTS_UNUSED",
      platform: null,
      zh: `给定的逐平台${zh}配置未被使用：${what}.strategy 为 ${strategy}，不读取给定配置`,
      en: `the given per-platform ${what} grants are not used: ${what}.strategy is ${strategy}, which does not read them`,
    });
  }
}
