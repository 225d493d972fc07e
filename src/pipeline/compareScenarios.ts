/**
 * Run several scenarios on the same platform sheet and write their comparison: the 情景对比 sheet and
 * each run's stored result (store key result:<name>, so worksheet functions and reproduce can read it).
 * The command line's `compare` and, later, the task pane call this. Everything that can fail (the sheet,
 * every scenario, names, the baseline, a user's own sheet named 情景对比) fails before the first write.
 */
import { simulate } from "../../models/simulate.js";
import type { SimulationResult } from "../../models/results.js";
import { compareResults } from "../compare/compareResults.js";
import type { ComparisonModel } from "../compare/types.js";
import type { WorkbookPort } from "../workbook/port.js";
import { buildComparisonSheet } from "../workbook/results/comparison.js";
import { SHEET_NAMES } from "../workbook/results/sheetNames.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { foreignSheetIssue, InputError } from "./errors.js";
import { inputHash } from "./inputHash.js";
import { loadPlatforms } from "./loadPlatforms.js";
import { WRITTEN_SHEETS_KEY } from "./steps.js";
import { resultKey, storedResult } from "./storedResults.js";

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
}

export interface CompareOutcome {
  model: ComparisonModel;
  results: SimulationResult[];
  sheet: SheetSpec;
  input: PlatformSheet;
  inputHash: string;
}

async function writtenSheets(port: WorkbookPort): Promise<string[]> {
  const stored = await port.readStore(WRITTEN_SHEETS_KEY);
  return stored ? (JSON.parse(stored) as string[]) : [];
}

export async function compareScenarios(port: WorkbookPort, request: CompareRequest): Promise<CompareOutcome> {
  const now = request.now ?? (() => new Date());
  const write = request.write !== false;
  const input = await loadPlatforms(port, request.sheet);
  const ours = await writtenSheets(port);
  const name = SHEET_NAMES.comparison;
  if (write && (await port.listSheets()).some((s) => s.name === name) && !ours.includes(name)) throw new InputError([foreignSheetIssue(name)]);

  const count = request.scenarios.length;
  const results = request.scenarios.map((scenario, index) =>
    simulate(input.platforms, scenario, {
      baseYear: input.baseYear,
      onProgress: request.onProgress && ((done: number, total: number) => request.onProgress?.(index, count, done, total)),
      shouldCancel: request.shouldCancel,
    }),
  );
  const model = compareResults(
    results.map((result) => ({ name: result.scenario.name, result })),
    request.baseline,
  );
  const sheet = buildComparisonSheet(model);
  const hash = await inputHash(input.platforms);
  if (write) {
    await port.writeSheets([sheet]);
    await port.writeStore(WRITTEN_SHEETS_KEY, JSON.stringify([...ours.filter((s) => s !== name), name]));
    const finishedAt = now();
    for (const result of results) {
      await port.writeStore(resultKey(result.scenario.name), JSON.stringify(storedResult(result, { inputHash: hash, sheet: input.sheet, finishedAt })));
    }
  }
  return { model, results, sheet, input, inputHash: hash };
}
