/**
 * The engine's front door: platforms + scenario → SimulationResult. Preprocess (compile), run (the
 * deterministic path, then the Monte Carlo trials through the same kernel), postprocess (assemble).
 */
import { balances, baseEvaluation, pathSums, platformResults, rollupResults, settleThresholds, targetChecks } from "./assemble.js";
import { buildChecks, resolveTargets } from "./checks.js";
import { platformStats, rollupStats } from "./trialStats.js";
import { compile } from "./compile.js";
import { createPathBuffers, createWorkspace, runPath } from "./kernel.js";
import { runMonteCarlo } from "./montecarlo.js";
import type { Platform } from "./platform.js";
import type { SimulationResult } from "./results.js";
import { rollupUnits } from "./rollup.js";
import { horizonYears, parseScenario, ScenarioError, type Scenario } from "./scenario.js";
import { staticFigures } from "./targets.js";
import { validatePlatforms } from "./validate.js";
import { ENGINE_VERSION, MODEL_VERSION } from "./version.js";

export interface SimulateOptions {
  /** Base year when the scenario does not set one (e.g. read from the sheet's title). */
  baseYear?: number | null;
  onProgress?: (done: number, total: number) => void;
  /** Polled during the Monte Carlo; returning true stops the run with a CancelledError. */
  shouldCancel?: () => boolean;
}

/** Validate the scenario, fill defaults and resolve base year and horizon. */
export function resolveScenario(input: unknown, fallbackBaseYear?: number | null): Scenario & { baseYear: number; horizon: number[] } {
  const scenario = parseScenario(input);
  const baseYear = scenario.baseYear ?? fallbackBaseYear ?? undefined;
  if (baseYear === undefined) {
    throw new ScenarioError([
      {
        path: "baseYear",
        zh: "缺少基年：请在情景中设置 baseYear，或在表头标题中注明年份（如“2017年”）",
        en: "no base year: set baseYear in the scenario or put the year in the sheet title (e.g. 2017年)",
      },
    ]);
  }
  const requested = scenario.horizon === undefined ? [] : Array.isArray(scenario.horizon) ? scenario.horizon : [scenario.horizon];
  const early = requested.filter((y) => y <= baseYear);
  if (early.length > 0) {
    throw new ScenarioError([
      {
        path: "horizon",
        zh: `预测年份 ${early.join("、")} 不晚于基年 ${baseYear}`,
        en: `horizon year(s) ${early.join(", ")} are not after the base year ${baseYear}`,
      },
    ]);
  }
  return { ...scenario, baseYear, horizon: horizonYears(scenario, baseYear) };
}

export function simulate(input: readonly Platform[], scenarioInput: unknown, options: SimulateOptions = {}): SimulationResult {
  validatePlatforms(input);
  // Compute in a canonical order (by name) so that floating-point sums, and so every number, do not
  // depend on the order of the sheet's rows; present the results in the sheet's order.
  const platforms = [...input].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sheetOrder = new Map(input.map((p, i) => [p.name, i]));
  const scenario = resolveScenario(scenarioInput, options.baseYear);
  const { baseYear, horizon } = scenario;
  const defs = resolveTargets(scenario.targets);
  const lastReportYear = horizon[horizon.length - 1];
  // Run far enough for every target year, even one past the reported horizon.
  const lastYear = Math.max(lastReportYear, ...defs.map((d) => (d.year !== undefined && !d.notEvaluable ? d.year : 0)));
  const c = compile(platforms, scenario, baseYear, lastYear);
  const units = rollupUnits(platforms);
  const checks = buildChecks(defs, platforms, c, units, lastReportYear);
  const statics = staticFigures(platforms, units);

  const path = createPathBuffers(c);
  runPath(c, null, null, path, createWorkspace(c));
  const sums = pathSums(c, path, units);
  settleThresholds(checks, sums, c, statics);

  const runs = scenario.monteCarlo.runs;
  const reportSteps = horizon.map((y) => y - baseYear);
  const trials =
    runs > 0
      ? runMonteCarlo(c, units, checks, statics, {
          runs,
          seed: scenario.monteCarlo.seed,
          reportSteps,
          onProgress: options.onProgress,
          shouldCancel: options.shouldCancel,
        })
      : null;

  const platformList = platformResults(c, platforms, path);
  const rollups = rollupResults(c, units, sums);
  if (trials) {
    platformStats(c, trials).forEach((stats, i) => (platformList[i].stats = stats));
    rollupStats(c, trials).forEach((stats, j) => (rollups[j].stats = stats));
  }
  const position = (name: string) => sheetOrder.get(name) ?? -1;
  const firstMember = (members: string[]) => Math.min(...members.map(position));
  const kindRank = { main: 0, county: 1, region: 2 } as const;
  rollups.sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || firstMember(a.members) - firstMember(b.members));
  const targets = targetChecks(c, checks, sums, statics, trials);
  const defOrder = new Map(defs.map((d, j) => [d.id, j]));
  const subjectRank = (subject: string) => sheetOrder.get(subject) ?? rollups.findIndex((u) => u.name === subject);
  targets.sort((a, b) => defOrder.get(a.id)! - defOrder.get(b.id)! || subjectRank(a.subject) - subjectRank(b.subject));
  platformList.sort((a, b) => position(a.name) - position(b.name));
  return {
    engine: { name: "ParkPlan", version: ENGINE_VERSION, model: MODEL_VERSION },
    scenario,
    baseYear,
    years: c.years,
    reportYears: horizon,
    platforms: platformList,
    rollups,
    targets,
    balances: balances(c, path),
    evaluation: baseEvaluation(c),
    warnings: c.warnings,
    monteCarlo: trials ? { runs, seed: scenario.monteCarlo.seed } : null,
  };
}
