/**
 * The pane's calls into the workbook side: find the candidate platform sheets, read one for display
 * (issues included, fatal or not), and the pipeline's prepare/finish steps around the worker's run.
 * Loaded lazily by the hooks so the sheet reader and result builders stay out of the first load.
 */
import type { SimulationResult } from "../../models/results.js";
import { finishRun, prepareRun, type RunOutcome } from "../pipeline/steps.js";
import { inputFor } from "../pipeline/loadPlatforms.js";
import type { WorkbookPort } from "../workbook/port.js";
import { isParkPlanSheet } from "../workbook/results/sheetNames.js";
import { findPlatformSheets, readPlatformSheet, type PlatformSheet } from "../workbook/sheet/index.js";
import { HEADER_SCAN_ROWS } from "../workbook/sheet/locate.js";

export interface SheetCandidate {
  sheet: string;
  /** > 0: looks like a platform table. */
  score: number;
}

/** The user's sheets, best platform-table candidates first; ParkPlan's own result sheets are left out. */
export async function listCandidates(port: WorkbookPort): Promise<SheetCandidate[]> {
  const names = (await port.listSheets()).map((s) => s.name).filter((n) => !isParkPlanSheet(n));
  const grids = await Promise.all(names.map((n) => port.readGrid(n, { rows: HEADER_SCAN_ROWS })));
  return findPlatformSheets(grids).map(({ sheet, score }) => ({ sheet, score }));
}

/** The sheet as read, for display: a fatal sheet comes back with its issues instead of throwing. */
export async function readSheet(port: WorkbookPort, sheet: string): Promise<PlatformSheet> {
  return readPlatformSheet(await port.readGrid(sheet));
}

/**
 * Step 1 of a run: re-read the sheet and check that the result sheets may be written; the sheet as of the
 * scenario's baseYear (a multi-year sheet), as the command line runs it (pipeline inputFor).
 */
export async function prepare(port: WorkbookPort, sheet: string, scenario: unknown): Promise<PlatformSheet> {
  return inputFor(await prepareRun(port, { sheet, write: true }), scenario);
}

/** Step 3: build the result sheets and write them (after the worker's step 2). */
export function finish(
  port: WorkbookPort,
  run: { result: SimulationResult; input: PlatformSheet; inputFile: string | null; startedAt: Date; finishedAt: Date },
): Promise<RunOutcome> {
  return finishRun(port, { ...run, write: true });
}
