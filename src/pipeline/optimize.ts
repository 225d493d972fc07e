/**
 * parkplan optimize (and later the pane's 决策 section): read the platform sheet, solve the optimal allocation
 * LP on the scenario's deterministic path (models/decisions/optimize, HiGHS through src/engine/lp), run the
 * plan's grants through the Monte Carlo (strategy `optimal` with SimulateOptions.plannedGrants), build the
 * 优化配置 sheet and, when writing, write it with the plan's run stored as "<scenario> · 最优配置"
 * (optimalRunName; its planned grants and the LP's objective in the record, so PARKPLAN.SCENARIO reads it
 * and `parkplan reproduce` re-runs it). The scenario's own run (result:<scenario>) and the result sheets of
 * a simulate run (预测, 运行记录 …) are left as they are. Everything that can fail does before the first write.
 */
import { optimize, plannedRun, type Optimization, type OptimizeOverrides, type LpSolver } from "../../models/decisions/optimize/index.js";
import type { SimulationResult } from "../../models/results.js";
import { inThreadEngine, type Engine } from "../engine/engine.js";
import type { WorkbookPort } from "../workbook/port.js";
import { buildOptimizationSheet } from "../workbook/results/optimization.js";
import { words, type SheetLanguage } from "../workbook/results/language.js";
import { SHEET_NAMES } from "../workbook/results/sheetNames.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { assertOwnSheets, writeOwnSheets } from "./ownSheets.js";
import { inputHash } from "./inputHash.js";
import { inputFor, loadPlatforms } from "./loadPlatforms.js";
import { resultKey, storedOptimalRun, type StoredResult } from "./storedResults.js";
import { timed } from "./timings.js";

export interface OptimizeRequest {
  /** A scenario document (validated by the model). */
  scenario: Record<string, unknown>;
  sheet?: string;
  overrides?: OptimizeOverrides;
  /** false = compute only, write nothing. */
  write?: boolean;
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
  engine?: Engine;
  /** The stored run's finishing time (default now; tests fix it). */
  now?: () => Date;
  /** The LP solver (default HiGHS, loaded on first use). */
  solver?: LpSolver;
  /** The sheet's language (--lang; default both). */
  lang?: SheetLanguage;
}

export interface OptimizeOutcome {
  optimization: Optimization;
  /** The plan's run (Monte Carlo when the scenario asks for runs); null without a feasible plan. */
  result: SimulationResult | null;
  input: PlatformSheet;
  sheet: SheetSpec;
  /** Seconds to build and solve the LP (the solver's load excluded). */
  solveSeconds: number;
  /** The name the plan's run was stored under (optimalRunName); null when nothing was written or no plan is feasible. */
  storedAs: string | null;
}

export async function optimizeScenario(port: WorkbookPort, request: OptimizeRequest): Promise<OptimizeOutcome> {
  const write = request.write !== false;
  const sheet = await timed("read-sheet", () => loadPlatforms(port, request.sheet));
  if (write) await assertOwnSheets(port, [SHEET_NAMES.optimization]);
  const input = inputFor(sheet, request.scenario);
  const solver = request.solver ?? (await (await import("../engine/lp/highs.js")).loadLpSolver());
  const started = performance.now();
  const optimization = timed("optimize", () =>
    optimize(input.platforms, request.scenario, solver, { baseYear: input.baseYear, overrides: request.overrides }),
  );
  const solveSeconds = (performance.now() - started) / 1000;
  const { plan, prepared } = optimization;
  let result: SimulationResult | null = null;
  // The plan's run as stored (written with the sheet): its name and record.
  let toStore: { name: string; record: StoredResult } | null = null;
  if (plan.feasible) {
    const run = plannedRun(request.scenario, plan);
    const engine = request.engine ?? inThreadEngine;
    const ran = await timed("simulate", () =>
      engine.simulate(input.platforms, run.scenario, {
        baseYear: input.baseYear,
        plannedGrants: run.plannedGrants,
        onProgress: request.onProgress,
        shouldCancel: request.shouldCancel,
      }),
    );
    result = ran;
    if (write) {
      const ctx = { inputHash: await inputHash(input.platforms), sheet: input.sheet, finishedAt: (request.now ?? (() => new Date()))() };
      toStore = storedOptimalRun(ran, { plan, plannedGrants: run.plannedGrants }, ctx);
    }
  }
  const order = input.platforms.map((p) => p.name);
  const storedAs = toStore?.name ?? null;
  const spec = buildOptimizationSheet({ scenarioName: prepared.scenario.name, plan, result, order, storedAs }, words(request.lang));
  if (write) {
    await writeOwnSheets(port, [spec]);
    if (toStore) await port.writeStore(resultKey(toStore.name), JSON.stringify(toStore.record));
  }
  return { optimization, result, input, sheet: spec, solveSeconds, storedAs };
}
