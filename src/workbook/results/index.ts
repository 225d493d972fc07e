/**
 * The four result sheets the command line and the add-in both write: 预测, 达标, 汇总, 运行记录.
 * Pure: a SimulationResult in, SheetSpecs out; adapters render them.
 */
import type { SimulationResult } from "../../../models/results.js";
import type { SheetSpec } from "../sheetSpec.js";
import { words, type Words } from "./language.js";
import { buildProjectionSheet } from "./projection.js";
import { buildRollupsSheet } from "./rollups.js";
import { buildRunLogSheet, type RunContext } from "./runLog.js";
import { buildTargetsSheet } from "./targets.js";

export type { RunContext, RunIssue } from "./runLog.js";
export { DEFAULT_SHEET_LANGUAGE, isSheetLanguage, SHEET_LANGUAGES, words, type SheetLanguage, type Words } from "./language.js";
export { isParkPlanSheet, RESULT_SHEETS, SHEET_NAMES, STORE_SHEET } from "./sheetNames.js";

/** The four sheets in `w`'s language (bilingual by default: `--lang both`). */
export function buildResultSheets(result: SimulationResult, ctx: RunContext, w: Words = words()): SheetSpec[] {
  return [buildProjectionSheet(result, w), buildTargetsSheet(result, w), buildRollupsSheet(result, w), buildRunLogSheet(result, ctx, w)];
}
