/**
 * The one path every front end takes (task pane, standalone page, command line): read the platform
 * sheet → run the model → build the result sheets → write them. Everything that can fail is checked
 * before the first write, so a failed run leaves the workbook as it was.
 */
import { simulate } from "../../models/simulate.js";
import type { SimulationResult } from "../../models/results.js";
import type { WorkbookPort } from "../workbook/port.js";
import { buildResultSheets, RESULT_SHEETS } from "../workbook/results/index.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import { foreignSheetIssue, InputError } from "./errors.js";
import { inputHash } from "./inputHash.js";
import { loadPlatforms } from "./loadPlatforms.js";

/** Store key listing the sheets ParkPlan wrote, so a re-run replaces those and nothing else. */
export const WRITTEN_SHEETS_KEY = "writtenSheets";

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
}

export interface RunOutcome {
  result: SimulationResult;
  input: PlatformSheet;
  inputHash: string;
  sheets: SheetSpec[];
}

export async function runScenario(port: WorkbookPort, request: RunRequest): Promise<RunOutcome> {
  const now = request.now ?? (() => new Date());
  const startedAt = now();
  const input = await loadPlatforms(port, request.sheet);
  if (request.write !== false) await assertOwnSheets(port);
  const result = simulate(input.platforms, request.scenario, { baseYear: input.baseYear, onProgress: request.onProgress, shouldCancel: request.shouldCancel });
  const hash = await inputHash(input.platforms);
  const sheets = buildResultSheets(result, { issues: input.issues, inputHash: hash, inputFile: request.inputFile ?? null, sheet: input.sheet, startedAt, finishedAt: now() });
  if (request.write !== false) {
    await port.writeSheets(sheets);
    await port.writeStore(WRITTEN_SHEETS_KEY, JSON.stringify(sheets.map((s) => s.name)));
  }
  return { result, input, inputHash: hash, sheets };
}

/** Refuse to overwrite a user's own sheet that happens to carry one of ParkPlan's sheet names. */
async function assertOwnSheets(port: WorkbookPort): Promise<void> {
  const stored = await port.readStore(WRITTEN_SHEETS_KEY);
  const ours = new Set<string>(stored ? (JSON.parse(stored) as string[]) : []);
  const existing = (await port.listSheets()).map((s) => s.name);
  const taken = existing.filter((name) => (RESULT_SHEETS as readonly string[]).includes(name) && !ours.has(name));
  if (taken.length > 0) throw new InputError(taken.map(foreignSheetIssue));
}
