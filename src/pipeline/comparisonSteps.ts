/**
 * The steps of a comparison around the model, apart from the engine so the pane (which runs the model
 * in a Web Worker) does not load it: check the sheet and that 情景对比 may be written
 * (prepareComparison), then build the comparison from the runs and write the sheet with each run's
 * stored result (finishComparison). compareScenarios is these two steps with simulate() between, so the
 * command line and the pane write the same sheet.
 */
import type { SimulationResult } from "../../models/results.js";
import { compareResults } from "../compare/compareResults.js";
import type { ComparisonModel } from "../compare/types.js";
import type { WorkbookPort } from "../workbook/port.js";
import { buildComparisonSheet } from "../workbook/results/comparison.js";
import { words, type SheetLanguage } from "../workbook/results/language.js";
import { SHEET_NAMES } from "../workbook/results/sheetNames.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { assertOwnSheets, writeOwnSheets } from "./ownSheets.js";
import { inputHash } from "./inputHash.js";
import { loadPlatforms } from "./loadPlatforms.js";
import { resultKey, storedResult } from "./storedResults.js";

export interface ComparisonOutcome {
  model: ComparisonModel;
  sheet: SheetSpec;
  inputHash: string;
}

/** Step 1: read the platform sheet (absent = detected) and, when writing, check 情景对比 may be written. */
export async function prepareComparison(port: WorkbookPort, options: { sheet?: string; write?: boolean } = {}): Promise<PlatformSheet> {
  const input = await loadPlatforms(port, options.sheet);
  if (options.write !== false) await assertOwnSheets(port, [SHEET_NAMES.comparison]);
  return input;
}

/**
 * Step 3: the comparison of the runs (names from their scenarios, baseline a name or index, default the
 * first), and when `write` the 情景对比 sheet and each run's stored result (key result:<name>).
 */
export async function finishComparison(
  port: WorkbookPort,
  run: {
    results: SimulationResult[];
    input: PlatformSheet;
    baseline?: string | number;
    write: boolean;
    now?: () => Date;
    /** The sheet's language (default both). */
    lang?: SheetLanguage;
  },
): Promise<ComparisonOutcome> {
  const model = compareResults(
    run.results.map((result) => ({ name: result.scenario.name, result })),
    run.baseline,
  );
  const sheet = buildComparisonSheet(model, words(run.lang));
  const hash = await inputHash(run.input.platforms);
  if (run.write) {
    await writeOwnSheets(port, [sheet]);
    const finishedAt = (run.now ?? (() => new Date()))();
    for (const result of run.results) {
      await port.writeStore(
        resultKey(result.scenario.name),
        JSON.stringify(storedResult(result, { inputHash: hash, sheet: run.input.sheet, finishedAt })),
      );
    }
  }
  return { model, sheet, inputHash: hash };
}
