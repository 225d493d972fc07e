/**
 * The engine's front door: platforms + scenario → SimulationResult. Preprocess (compile), run (the
 * deterministic path, then the Monte Carlo trials through the same kernel), postprocess (assemble).
 */
import { balances, baseEvaluation, pathSums, platformResults, rollupResults, settleThresholds, targetChecks } from "./assemble.js";
import { buildChecks, resolveTargets } from "./checks.js";
import type { Compiled } from "./compile.js";
import { deterministicGrowth } from "./growthModels.js";
import { platformStats, rollupStats } from "./trialStats.js";
import { classOdds, type ClassOdds } from "./classOdds.js";
import { compile } from "./compile.js";
import { createPathBuffers, createWorkspace, runPath, type PathBuffers } from "./kernel.js";
import { runMonteCarlo, type TrialSetup } from "./montecarlo.js";
import { targetGroups, type TrialRecord } from "./trialRecord.js";
import type { Platform } from "./platform.js";
import type { RollupResult, SimulationResult, Stats } from "./results.js";
import { rollupUnits, type Unit } from "./rollup.js";
import { horizonYears, parseScenario, ScenarioError, type Scenario } from "./scenario.js";
import { staticFigures, type Check, type StaticFigures } from "./targets.js";
import { validatePlatforms } from "./validate.js";
import { ENGINE_VERSION, MODEL_VERSION } from "./version.js";
import type { PlannedGrants } from "./policy/plannedGrants.js";

export interface SimulateOptions {
  /** Base year when the scenario does not set one (e.g. read from the sheet's title). */
  baseYear?: number | null;
  /**
   * Land and energy grants per platform name (an amount every year or a year map; policy/plannedGrants.ts)
   * for the strategies that read given grants: `optimal` needs them (else a ScenarioError naming
   * land.strategy / energy.strategy); with another strategy they are unused and a warning says so.
   */
  plannedGrants?: PlannedGrants;
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

/**
 * Values a Monte Carlo may record, 4 bytes each (1.6 GB at the limit): per run and report year, output
 * and land of every platform and the 8 sums of every roll-up. Above it the run is refused before it
 * starts, with the limit named.
 */
export const MAX_TRIAL_VALUES = 400_000_000;

/** Refuse a Monte Carlo whose record would not fit (MAX_TRIAL_VALUES), naming the limit and the most runs that fit. */
function checkRecordSize(runs: number, platforms: number, rollups: number, years: number): void {
  const perRun = years * (2 * platforms + 8 * rollups);
  const values = runs * perRun;
  if (values <= MAX_TRIAL_VALUES) return;
  const most = Math.floor(MAX_TRIAL_VALUES / Math.max(1, perRun));
  throw new ScenarioError([
    {
      path: "monteCarlo.runs",
      zh: `${runs} 次模拟需记录 ${values} 个数值（每次 ${perRun} 个：${years} 个预测年份 × (${platforms} 个平台 × 2 + ${rollups} 个汇总单元 × 8)），超过上限 ${MAX_TRIAL_VALUES}：请将次数减至 ${most} 以下，或减少预测年份`,
      en: `${runs} runs would record ${values} values (${perRun} per run: ${years} report years × (${platforms} platforms × 2 + ${rollups} roll-ups × 8)), above the limit of ${MAX_TRIAL_VALUES}: use at most ${most} runs, or fewer report years`,
    },
  ]);
}

/** Everything simulate() computes before the Monte Carlo trials, and what the trials need (setup). */
export interface PreparedSimulation {
  platforms: Platform[];
  sheetOrder: Map<string, number>;
  scenario: ReturnType<typeof resolveScenario>;
  defs: ReturnType<typeof resolveTargets>;
  c: Compiled;
  units: Unit[];
  checks: Check[];
  statics: StaticFigures;
  path: PathBuffers;
  sums: Float64Array;
  /** null for a deterministic run (runs = 0). */
  setup: TrialSetup | null;
}

/** Validate, compile and run the deterministic path; the same in every thread given the same input. */
export function prepareSimulation(
  input: readonly Platform[],
  scenarioInput: unknown,
  options: Pick<SimulateOptions, "baseYear" | "plannedGrants"> = {},
): PreparedSimulation {
  validatePlatforms(input);
  // Compute in a canonical order (by name) so that floating-point sums, and so every number, do not
  // depend on the order of the sheet's rows; present the results in the sheet's order.
  const platforms = [...input].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sheetOrder = new Map(input.map((p, i) => [p.name, i]));
  const scenario = resolveScenario(scenarioInput, options.baseYear);
  const { baseYear, horizon } = scenario;
  const defs = resolveTargets(scenario.targets);
  const lastReportYear = horizon[horizon.length - 1];
  const runs = scenario.monteCarlo.runs;
  const units = rollupUnits(platforms);
  checkRecordSize(runs, platforms.length, units.filter((u) => u.kind !== "platform").length, horizon.length);
  // Run far enough for every target year, even one past the reported horizon.
  const lastYear = Math.max(lastReportYear, ...defs.map((d) => (d.year !== undefined && !d.notEvaluable ? d.year : 0)));
  const c = compile(platforms, scenario, baseYear, lastYear, options.plannedGrants);
  const checks = buildChecks(defs, platforms, c, units, lastReportYear, scenario.references);
  const statics = staticFigures(platforms, units);

  const path = createPathBuffers(c);
  runPath(c, deterministicGrowth(c), path, createWorkspace(c));
  const sums = pathSums(c, path, units);
  settleThresholds(checks, sums, c, statics);
  const reportSteps = horizon.map((y) => y - baseYear);
  const setup = runs > 0 ? { c, units, checks, statics, sums, runs, seed: scenario.monteCarlo.seed, reportSteps } : null;
  return { platforms, sheetOrder, scenario, defs, c, units, checks, statics, path, sums, setup };
}

/** Monte Carlo statistics computed elsewhere (other threads, from record parts), in unit order. */
export interface TrialStatistics {
  platforms: Stats[];
  rollups: Stats[];
}

/**
 * The named results of a prepared simulation and its trial record (null for a deterministic run);
 * `statistics` when the record's statistics were already computed (trialStats.ts, by parts).
 */
export function finishSimulation(prepared: PreparedSimulation, trials: TrialRecord | null, statistics?: TrialStatistics): SimulationResult {
  const { platforms, sheetOrder, scenario, defs, c, units, checks, statics, path, sums } = prepared;
  const { baseYear, horizon } = scenario;
  const runs = scenario.monteCarlo.runs;
  const platformList = platformResults(c, platforms, path);
  const rollups = rollupResults(c, units, sums);
  if (trials) {
    (statistics?.platforms ?? platformStats(c, trials)).forEach((stats, i) => (platformList[i].stats = stats));
    (statistics?.rollups ?? rollupStats(c, trials)).forEach((stats, j) => (rollups[j].stats = stats));
  }
  const position = (name: string) => sheetOrder.get(name) ?? -1;
  // Sort keys computed once (a comparator that scans members or roll-ups grows as n² log n at 10⁵ platforms).
  const firstMember = new Map<RollupResult, number>();
  for (const u of rollups) {
    let first = Infinity;
    for (const m of u.members) first = Math.min(first, position(m));
    firstMember.set(u, first);
  }
  const kindRank = { main: 0, county: 1, region: 2 } as const;
  rollups.sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || firstMember.get(a)! - firstMember.get(b)!);
  const targets = targetChecks(c, checks, sums, statics, trials);
  const defOrder = new Map(defs.map((d, j) => [d.id, j]));
  const rollupRank = new Map<string, number>();
  rollups.forEach((u, j) => {
    if (!rollupRank.has(u.name)) rollupRank.set(u.name, j);
  });
  const subjectRank = (subject: string) => sheetOrder.get(subject) ?? rollupRank.get(subject) ?? -1;
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
    classOdds: sheetOrdered(classOdds(c, trials), position),
    allMet: trials && Object.fromEntries(targetGroups(checks).ids.map((id, g) => [id, trials.allMet[g] / trials.runs])),
    calibration: c.calibration && {
      ...c.calibration,
      platforms: [...c.calibration.platforms].sort((a, b) => position(a.name) - position(b.name)),
    },
  };
}

/** Class odds with the platforms in the sheet's order. */
function sheetOrdered(odds: ClassOdds | null, position: (name: string) => number): ClassOdds | null {
  return odds && { ...odds, platforms: [...odds.platforms].sort((a, b) => position(a.name) - position(b.name)) };
}

/** The whole simulation in this thread (src/engine runs the trials on every core with the same numbers). */
export function simulate(input: readonly Platform[], scenarioInput: unknown, options: SimulateOptions = {}): SimulationResult {
  const prepared = prepareSimulation(input, scenarioInput, options);
  const trials = prepared.setup
    ? runMonteCarlo(prepared.setup, { onProgress: options.onProgress, shouldCancel: options.shouldCancel })
    : null;
  return finishSimulation(prepared, trials);
}
