/**
 * The one path every front end takes (task pane, standalone page, command line): read the platform
 * sheet → run the model → build the result sheets → write them. Everything that can fail is checked
 * before the first write, so a failed run leaves the workbook as it was.
 */
import { inThreadEngine, type Engine } from "../engine/engine.js";
import type { WorkbookPort } from "../workbook/port.js";
import type { SheetLanguage } from "../workbook/results/language.js";
import { inputFor } from "./loadPlatforms.js";
import { finishRun, prepareRun, type RunOutcome } from "./steps.js";
import { timed } from "./timings.js";

export { finishRun, prepareRun, WRITTEN_SHEETS_KEY, type RunOutcome } from "./steps.js";

export interface RunRequest {
  /** The platform sheet; absent = the sheet that looks most like one. */
  sheet?: string;
  /** A scenario document (validated by the model). */
  scenario: unknown;
  /** Shown in the run log. */
  inputFile?: string | null;
  /** false = compute only, write nothing (the CLI's --json without --out, previews). */
  write?: boolean;
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
  /** Clock, injectable for reproducible run logs in tests. */
  now?: () => Date;
  /** Where the trials run (default: this thread); every engine gives the same numbers. */
  engine?: Engine;
  /** The result sheets' language (--lang; default both: "中文 / English"). */
  lang?: SheetLanguage;
}

export async function runScenario(port: WorkbookPort, request: RunRequest): Promise<RunOutcome> {
  const now = request.now ?? (() => new Date());
  const startedAt = now();
  // A multi-year sheet as of the scenario's baseYear (loadPlatforms.ts inputFor).
  const input = inputFor(
    await timed("read-sheet", () => prepareRun(port, { sheet: request.sheet, write: request.write !== false })),
    request.scenario,
  );
  const engine = request.engine ?? inThreadEngine;
  const result = await timed("simulate", () =>
    engine.simulate(input.platforms, request.scenario, {
      baseYear: input.baseYear,
      onProgress: request.onProgress,
      shouldCancel: request.shouldCancel,
    }),
  );
  return finishRun(port, {
    result,
    input,
    inputFile: request.inputFile ?? null,
    startedAt,
    finishedAt: now(),
    write: request.write !== false,
    lang: request.lang,
  });
}
