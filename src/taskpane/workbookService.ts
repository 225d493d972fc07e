/**
 * The pane's calls into the workbook side: find the candidate platform sheets, read one for display
 * (issues included, fatal or not), and the pipeline's prepare/finish steps around the worker's run; for
 * the 决策 tools, their dropdowns' choices, their prepare step and the write of their result sheet.
 * Loaded lazily by the hooks so the sheet reader and result builders stay out of the first load.
 */
import type { SimulationResult } from "../../models/results.js";
import type { SheetLanguage } from "../workbook/results/language.js";
import { finishRun, prepareRun, type RunOutcome } from "../pipeline/steps.js";
import { writeOwnSheets } from "../pipeline/ownSheets.js";
import { inputHash } from "../pipeline/inputHash.js";
import { resultKey, storedOptimalRun } from "../pipeline/storedResults.js";
import type { DecisionOutcome } from "../worker/decisionProtocol.js";
import { inputFor } from "../pipeline/loadPlatforms.js";
import type { WorkbookPort, WorkbookWarning } from "../workbook/port.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { decisionChoices, type DecisionChoices } from "./hooks/decisionChoices.js";
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
  run: { result: SimulationResult; input: PlatformSheet; inputFile: string | null; startedAt: Date; finishedAt: Date; lang: SheetLanguage },
): Promise<RunOutcome> {
  return finishRun(port, { ...run, write: true });
}

/** The 决策 tools' dropdowns for the form's scenario, on the sheet as of its base year (a multi-year sheet). */
export function decisionChoicesFor(sheet: PlatformSheet, scenario: Record<string, unknown>): DecisionChoices {
  const input = inputFor(sheet, scenario);
  return decisionChoices(input.platforms, input.baseYear, scenario);
}

/**
 * A 决策 tool's step 1: the platforms as of the scenario's base year (the run's prepare step without its
 * check of the run's result sheets: a tool writes only its own sheet, checked when it is written).
 */
export async function prepareDecision(port: WorkbookPort, sheet: string, scenario: unknown): Promise<PlatformSheet> {
  return inputFor(await prepareRun(port, { sheet, write: false }), scenario);
}

/**
 * Write a 决策 tool's result sheet (优化配置 / 反推 / 敏感性, built in the worker by the command line's
 * builder) as the command line does: ParkPlan's own sheet of that name is replaced, a user's is refused,
 * and the sheet joins the list of sheets ParkPlan wrote.
 */
export async function writeDecisionSheet(
  port: WorkbookPort,
  spec: SheetSpec,
  optimal?: { run: NonNullable<DecisionOutcome["optimalRun"]>; input: PlatformSheet },
): Promise<{ sheets: string[]; warnings: WorkbookWarning[] }> {
  const report = await writeOwnSheets(port, [spec]);
  // 最优配置: the plan's run stored beside its sheet, under "<scenario> · 最优配置", as the command line stores it.
  if (optimal) {
    const { result, plannedGrants, objective } = optimal.run;
    const ctx = { inputHash: await inputHash(optimal.input.platforms), sheet: optimal.input.sheet, finishedAt: new Date() };
    const stored = storedOptimalRun(result, { plan: { objective }, plannedGrants }, ctx);
    if (stored) await port.writeStore(resultKey(stored.name), JSON.stringify(stored.record));
  }
  return { sheets: [spec.name], warnings: report?.warnings ?? [] };
}
