/**
 * The tornado of one figure on a workbook's platform sheet: read the sheet (as of the scenario's baseYear),
 * run models/decisions/sensitivity.ts (each evaluation the Monte Carlo of the one figure: in this thread,
 * or with an engine of several threads all at once on its threads, src/engine/decisions.ts, the same
 * numbers bit for bit), build the 敏感性
 * sheet and, when writing, write it (ParkPlan's own 敏感性 is replaced; a user's sheet of that name stops
 * the run before any work). The command line's `sensitivity` calls this.
 */
import { sensitivity, type Figure, type SensitivityResult } from "../../models/decisions/sensitivity.js";
import type { AssumptionId } from "../../models/decisions/assumptionNames.js";
import { sensitivityOnEngine } from "../engine/decisions.js";
import type { Engine } from "../engine/engine.js";
import type { WorkbookPort } from "../workbook/port.js";
import { buildSensitivitySheet } from "../workbook/results/sensitivity.js";
import { words, type SheetLanguage } from "../workbook/results/language.js";
import { SHEET_NAMES } from "../workbook/results/sheetNames.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { assertOwnSheets, writeOwnSheets } from "./ownSheets.js";
import { inputFor, loadPlatforms } from "./loadPlatforms.js";

export interface SensitivityRunRequest {
  /** The platform sheet; absent = detected. */
  sheet?: string;
  /** A scenario document (validated by the model). */
  scenario: unknown;
  figure: Figure | string;
  assumptions?: readonly AssumptionId[];
  twoWay?: readonly [AssumptionId, AssumptionId];
  /** false = compute only, write nothing. */
  write?: boolean;
  /** Evaluations done of the total (each one simulation). */
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
  /** Where the evaluations run (default: this thread); every engine gives the same numbers. */
  engine?: Engine;
  /** The result sheets' language (--lang; default both: "中文 / English"). */
  lang?: SheetLanguage;
}

export interface SensitivityOutcome {
  result: SensitivityResult;
  sheet: SheetSpec;
  input: PlatformSheet;
}

export async function runSensitivity(port: WorkbookPort, request: SensitivityRunRequest): Promise<SensitivityOutcome> {
  const write = request.write !== false;
  const engine = request.engine && request.engine.threads > 1 ? request.engine : null;
  engine?.warm(); // the threads load while the sheet is read
  const sheetInput = await loadPlatforms(port, request.sheet);
  if (write) await assertOwnSheets(port, [SHEET_NAMES.sensitivity]);
  const input = inputFor(sheetInput, request.scenario);
  const analysis = {
    platforms: input.platforms,
    scenario: request.scenario,
    baseYear: input.baseYear,
    figure: request.figure,
    assumptions: request.assumptions,
    twoWay: request.twoWay,
    shouldCancel: request.shouldCancel,
    onProgress: request.onProgress,
  };
  const result = engine ? await sensitivityOnEngine(engine, analysis) : sensitivity(analysis);
  const sheet = buildSensitivitySheet(result, words(request.lang));
  if (write) {
    await writeOwnSheets(port, [sheet]);
  }
  return { result, sheet, input };
}
