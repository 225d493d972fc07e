/**
 * The pane's calls into the scenario library, the comparison steps and the reproduce steps, loaded
 * lazily by the hooks (zod and the scenario validator stay out of the first load). The engine is not
 * here: the hooks run it in the worker between the steps.
 */
import { compareResults } from "../compare/compareResults.js";
import type { ComparisonModel } from "../compare/types.js";
import { finishComparison, prepareComparison, type ComparisonOutcome } from "../pipeline/comparisonSteps.js";
import { compareWithStored, readStoredRun, rerunOptions, type ReproduceReport, type StoredRun } from "../pipeline/reproduceSteps.js";
import { resultKey } from "../pipeline/storedResults.js";
import { inputFor } from "../pipeline/loadPlatforms.js";
import type { SimulationResult } from "../../models/results.js";
import type { WorkbookPort } from "../workbook/port.js";
import type { SheetLanguage } from "../workbook/results/language.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";

export {
  loadLibrary,
  saveScenario,
  duplicateScenario,
  renameScenario,
  deleteScenario,
  scenarioFromText,
  scenarioToText,
} from "../scenarios/index.js";
export { readStoredRun, compareWithStored, rerunOptions, type StoredRun, type ReproduceReport };

/** Each compared scenario runs on the sheet as of its own baseYear, as compareScenarios does (pipeline inputFor). */
export const sheetForScenario = (input: PlatformSheet, scenario: unknown): PlatformSheet => inputFor(input, scenario);

/** Step 1 of a comparison: the sheet, and 情景对比 must be ParkPlan's own (or absent). */
export function prepareCompare(port: WorkbookPort, sheet: string): Promise<PlatformSheet> {
  return prepareComparison(port, { sheet, write: true });
}

/** The comparison of the worker's runs (nothing written). */
export function compareModel(results: SimulationResult[], baseline: number): ComparisonModel {
  return compareResults(
    results.map((result) => ({ name: result.scenario.name, result })),
    baseline,
  );
}

/** Write 情景对比 and each run's stored result, exactly as `parkplan compare` does. */
export function writeComparison(
  port: WorkbookPort,
  run: { results: SimulationResult[]; input: PlatformSheet; baseline: number; lang: SheetLanguage },
): Promise<ComparisonOutcome> {
  return finishComparison(port, { ...run, write: true });
}

/** Which of `names` have a stored run (store key result:<name>). */
export async function storedRuns(port: WorkbookPort, names: readonly string[]): Promise<string[]> {
  const found = await Promise.all(names.map(async (n) => ((await port.readStore(resultKey(n))) === null ? null : n)));
  return found.filter((n): n is string => n !== null);
}
