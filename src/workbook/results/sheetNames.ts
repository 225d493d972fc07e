/** Names of the sheets ParkPlan owns: the four result sheets and the very hidden store. */
export const SHEET_NAMES = {
  projection: "预测",
  targets: "达标",
  rollups: "汇总",
  runLog: "运行记录",
  /** Written by `parkplan compare` (and later the pane), not by a single run. */
  comparison: "情景对比",
  /** Written by `parkplan solve` (issue 14 back-solve). */
  backSolve: "反推",
  /** Written by `parkplan sensitivity`: the tornado and two-way table of one figure. */
  sensitivity: "敏感性",
  /** Written by `parkplan optimize`: the optimal split of the land quota and energy cap, shadow prices. */
  optimization: "优化配置",
} as const;

/** The result sheets in the order they are written. */
export const RESULT_SHEETS: readonly string[] = [SHEET_NAMES.projection, SHEET_NAMES.targets, SHEET_NAMES.rollups, SHEET_NAMES.runLog];

/** Very hidden sheet holding ParkPlan's stored JSON (key | chunks). */
export const STORE_SHEET = "_parkplan";

/** True for a sheet ParkPlan writes (result sheets and the store), which a re-run may replace. */
export function isParkPlanSheet(name: string): boolean {
  return name === STORE_SHEET || (Object.values(SHEET_NAMES) as string[]).includes(name);
}
