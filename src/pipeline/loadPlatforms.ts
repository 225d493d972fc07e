/**
 * Read the platform table from a workbook through the port: the named sheet, or the sheet that looks
 * most like a platform table. Fatal sheet problems stop here, before anything runs or is written.
 */
import type { WorkbookPort } from "../workbook/port.js";
import { findPlatformSheets, readPlatformSheet, type PlatformSheet } from "../workbook/sheet/index.js";
import { isParkPlanSheet } from "../workbook/results/index.js";
import { InputError } from "./errors.js";
import { HEADER_SCAN_ROWS } from "../workbook/sheet/locate.js";

export async function loadPlatforms(port: WorkbookPort, sheet?: string): Promise<PlatformSheet> {
  const name = sheet ?? (await pickPlatformSheet(port));
  const parsed = readPlatformSheet(await port.readGrid(name));
  if (parsed.fatal) throw new InputError(parsed.issues.filter((i) => i.severity === "error"));
  return parsed;
}

/** The user's sheet that looks most like a platform table; ParkPlan's own sheets are never candidates. */
export async function pickPlatformSheet(port: WorkbookPort): Promise<string> {
  const names = (await port.listSheets()).map((s) => s.name).filter((n) => !isParkPlanSheet(n));
  const grids = await Promise.all(names.map((n) => port.readGrid(n, { rows: HEADER_SCAN_ROWS })));
  const best = findPlatformSheets(grids).find((c) => c.score > 0);
  if (!best) {
    throw new InputError([
      {
        code: "SHEET_NO_TABLE",
        severity: "error",
        sheet: names.join("、"),
        cell: null,
        zh: `工作簿中没有找到平台表（已查看工作表：${names.join("、") || "无"}；需要含“平台名称”及“用地面积”或“产值”列的表头）`,
        en: `no platform table found in the workbook (sheets looked at: ${names.join(", ") || "none"}; a header row with a platform name and land or output columns is needed)`,
      },
    ]);
  }
  return best.sheet;
}
