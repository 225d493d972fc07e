/**
 * The steps of a run around the model: read the platform sheet and check the results can be written
 * (prepareRun), then build the result sheets and write them with the stored run (finishRun). Kept apart
 * from runScenario so a front end that runs the model elsewhere (the pane's Web Worker) does not load the
 * engine to read a sheet.
 */
import type { SimulationResult } from "../../models/results.js";
import type { WorkbookPort, WorkbookWarning } from "../workbook/port.js";
import { buildResultSheets, RESULT_SHEETS } from "../workbook/results/index.js";
import { words, type SheetLanguage } from "../workbook/results/language.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { locateWarnings, type PlatformSheet } from "../workbook/sheet/index.js";
import { assertOwnSheets, WRITTEN_SHEETS_KEY, writeOwnSheets } from "./ownSheets.js";
import { inputHash } from "./inputHash.js";
import { loadPlatforms } from "./loadPlatforms.js";
import { resultKey, storedResult } from "./storedResults.js";
import { timed } from "./timings.js";

/** Store key listing the sheets ParkPlan wrote, so a re-run replaces those and nothing else (ownSheets.ts). */
export { WRITTEN_SHEETS_KEY };

export interface RunOutcome {
  result: SimulationResult;
  input: PlatformSheet;
  inputHash: string;
  sheets: SheetSpec[];
  /** What the write did that the user should know (references into reshaped result sheets, a print setup Excel refused …). */
  writeWarnings: WorkbookWarning[];
}

/**
 * Step 1 of a run: read the platform sheet and check that the results can be written. The task pane
 * calls this, runs the model in a Web Worker, then calls finishRun.
 */
export async function prepareRun(port: WorkbookPort, options: { sheet?: string; write?: boolean } = {}): Promise<PlatformSheet> {
  const input = await loadPlatforms(port, options.sheet);
  if (options.write !== false) await assertOwnSheets(port, RESULT_SHEETS);
  return input;
}

/** Step 3 of a run: build the result sheets and write them with the stored run (unless write is false). */
export async function finishRun(
  port: WorkbookPort,
  run: {
    result: SimulationResult;
    input: PlatformSheet;
    inputFile: string | null;
    startedAt: Date;
    finishedAt: Date;
    write: boolean;
    /** The sheets' language (default both). */
    lang?: SheetLanguage;
  },
): Promise<RunOutcome> {
  const { input } = run;
  // Warnings about one platform's field (an exit year before the base year …) name its sheet cell.
  const result = { ...run.result, warnings: locateWarnings(run.result.warnings, input) };
  const hash = await inputHash(input.platforms);
  const sheets = timed("build-sheets", () =>
    buildResultSheets(
      result,
      {
        issues: input.issues,
        inputHash: hash,
        inputFile: run.inputFile,
        sheet: input.sheet,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
      },
      words(run.lang),
    ),
  );
  let writeWarnings: WorkbookWarning[] = [];
  if (run.write) {
    writeWarnings = (await timed("write-sheets", () => writeOwnSheets(port, sheets)))?.warnings ?? [];
    await timed("store-run", () => {
      const stored = storedResult(result, { inputHash: hash, sheet: input.sheet, finishedAt: run.finishedAt });
      return port.writeStore(resultKey(result.scenario.name), JSON.stringify(stored));
    });
  }
  return { result, input, inputHash: hash, sheets, writeWarnings };
}
