/**
 * Run several scenarios on the same platform sheet and write their comparison: the 情景对比 sheet and
 * each run's stored result (store key result:<name>, so worksheet functions and reproduce can read it).
 * The command line's `compare` calls this; the pane runs the same steps (comparisonSteps.ts) around its
 * worker. Everything that can fail (the sheet, every scenario, names, the baseline, a user's own sheet
 * named 情景对比) fails before the first write.
 */
import type { SimulationResult } from "../../models/results.js";
import { inThreadEngine, type Engine } from "../engine/engine.js";
import type { ComparisonModel } from "../compare/types.js";
import type { WorkbookPort } from "../workbook/port.js";
import type { SheetLanguage } from "../workbook/results/language.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { finishComparison, prepareComparison } from "./comparisonSteps.js";
import { inputFor } from "./loadPlatforms.js";

export interface CompareRequest {
  /** Scenario documents, in column order (validated by the model). */
  scenarios: unknown[];
  /** The platform sheet; absent = detected. */
  sheet?: string;
  /** Baseline scenario name or index; default the first. */
  baseline?: string | number;
  /** false = compute only, write nothing. */
  write?: boolean;
  /** Progress of scenario `index` (0-based) of `count`. */
  onProgress?: (index: number, count: number, done: number, total: number) => void;
  shouldCancel?: () => boolean;
  now?: () => Date;
  /** Where the trials run (default: this thread); every engine gives the same numbers. */
  engine?: Engine;
  /** The result sheets' language (--lang; default both: "中文 / English"). */
  lang?: SheetLanguage;
}

export interface CompareOutcome {
  model: ComparisonModel;
  results: SimulationResult[];
  sheet: SheetSpec;
  input: PlatformSheet;
  inputHash: string;
}

export async function compareScenarios(port: WorkbookPort, request: CompareRequest): Promise<CompareOutcome> {
  const write = request.write !== false;
  const input = await prepareComparison(port, { sheet: request.sheet, write });
  const count = request.scenarios.length;
  const engine = request.engine ?? inThreadEngine;
  const results: SimulationResult[] = [];
  for (const [index, scenario] of request.scenarios.entries()) {
    // Each scenario on the sheet as of its own baseYear (a multi-year sheet; loadPlatforms.ts inputFor).
    const at = inputFor(input, scenario);
    results.push(
      await engine.simulate(at.platforms, scenario, {
        baseYear: at.baseYear,
        onProgress: request.onProgress && ((done: number, total: number) => request.onProgress?.(index, count, done, total)),
        shouldCancel: request.shouldCancel,
      }),
    );
  }
  const { model, sheet, inputHash } = await finishComparison(port, {
    results,
    input,
    baseline: request.baseline,
    write,
    now: request.now,
    lang: request.lang,
  });
  return { model, results, sheet, input, inputHash };
}
