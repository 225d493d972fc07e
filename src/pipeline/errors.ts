/**
 * Errors a run can end with before anything is written: bad input in the sheet (with sheet and cell)
 * or in the scenario. Each carries its problems in Chinese and English.
 */
import type { SheetIssue } from "../workbook/sheet/index.js";

export class InputError extends Error {
  constructor(readonly issues: SheetIssue[]) {
    super(issues.map((i) => `${i.zh} / ${i.en}`).join("\n"));
    this.name = "InputError";
  }
}

/** A sheet ParkPlan would overwrite but did not write itself. */
export function foreignSheetIssue(sheet: string): SheetIssue {
  return {
    code: "OUTPUT_SHEET_TAKEN",
    severity: "error",
    sheet,
    cell: null,
    zh: `${sheet}：工作簿中已有同名工作表“${sheet}”，且不是 ParkPlan 生成的；为免覆盖，已停止。请重命名该表后再运行`,
    en: `${sheet}: the workbook already has a sheet named "${sheet}" that ParkPlan did not write; stopped so as not to overwrite it. Rename that sheet and run again`,
  };
}
