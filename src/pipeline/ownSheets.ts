/**
 * ParkPlan's own sheets: which sheets of a workbook ParkPlan wrote (the store's writtenSheets list), the
 * check that a user's sheet carrying one of ParkPlan's names is never overwritten, and the write that
 * records the new ones. Every command that writes a sheet (run, compare, optimize, solve, sensitivity,
 * the pane's decision tools) goes through here.
 */
import type { WorkbookPort, WriteReport } from "../workbook/port.js";
import type { SheetSpec } from "../workbook/sheetSpec.js";
import { foreignSheetIssue, InputError } from "./errors.js";

export const WRITTEN_SHEETS_KEY = "writtenSheets";

/** The sheets ParkPlan has written into this workbook. */
export async function writtenSheets(port: WorkbookPort): Promise<string[]> {
  const stored = await port.readStore(WRITTEN_SHEETS_KEY);
  return stored ? (JSON.parse(stored) as string[]) : [];
}

/** InputError naming each of `names` that is a user's own sheet (ParkPlan's own ones may be replaced). */
export async function assertOwnSheets(port: WorkbookPort, names: readonly string[]): Promise<void> {
  const ours = new Set(await writtenSheets(port));
  const taken = (await port.listSheets()).map((s) => s.name).filter((name) => names.includes(name) && !ours.has(name));
  if (taken.length > 0) throw new InputError(taken.map(foreignSheetIssue));
}

/**
 * Write `sheets` (checked first) and record them as ParkPlan's own, keeping the sheets other commands
 * wrote (情景对比 beside 预测 …) recognised too.
 */
export async function writeOwnSheets(port: WorkbookPort, sheets: SheetSpec[]): Promise<WriteReport | void> {
  await assertOwnSheets(
    port,
    sheets.map((s) => s.name),
  );
  const report = await port.writeSheets(sheets);
  const others = (await writtenSheets(port)).filter((n) => !sheets.some((s) => s.name === n));
  await port.writeStore(WRITTEN_SHEETS_KEY, JSON.stringify([...others, ...sheets.map((s) => s.name)]));
  return report;
}
