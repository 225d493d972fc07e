/**
 * The four result sheets the command line and the add-in both write: 预测, 达标, 汇总, 运行记录.
 * Pure: a SimulationResult in, SheetSpecs out; adapters render them.
 */
import type { SimulationResult } from "../../../models/results.js";
import type { SheetSpec } from "../sheetSpec.js";
import { buildProjectionSheet } from "./projection.js";
import { buildRollupsSheet } from "./rollups.js";
import { buildRunLogSheet, type RunContext } from "./runLog.js";
import { buildTargetsSheet } from "./targets.js";

export type { RunContext, RunIssue } from "./runLog.js";
export { isParkPlanSheet, RESULT_SHEETS, SHEET_NAMES, STORE_SHEET } from "./sheetNames.js";

export function buildResultSheets(result: SimulationResult, ctx: RunContext): SheetSpec[] {
  return [buildProjectionSheet(result), buildTargetsSheet(result), buildRollupsSheet(result), buildRunLogSheet(result, ctx)];
}
