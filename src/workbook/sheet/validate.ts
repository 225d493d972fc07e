/**
 * Checks across rows: platform names are unique, and every sub-park's 整合去向 names a main platform of
 * the same sheet. A 整合去向 that matches a name up to spaces and full-width forms is rewritten to it.
 */
import { cellText } from "./cells.js";
import type { BuiltRow } from "./build.js";
import type { IssueList } from "./issues.js";
import { textKey } from "./text.js";

export function checkRows(rows: BuiltRow[], issues: IssueList): void {
  const byName = new Map<string, BuiltRow>();
  for (const r of rows) {
    const key = textKey(r.platform.name);
    const first = byName.get(key);
    if (first) {
      const cell = r.cells.get("name")!.cell;
      issues.error("SHEET_DUPLICATE_NAME", cell, `平台名称“${r.platform.name}”重复（另见第 ${first.platform.source!.row} 行）`,
        `platform name "${r.platform.name}" appears twice (also row ${first.platform.source!.row})`);
    } else {
      byName.set(key, r);
    }
  }

  for (const r of rows) {
    const p = r.platform;
    const mainCell = r.cells.get("mainPlatform");
    const where = mainCell?.cell ?? r.cells.get("status")?.cell ?? r.cells.get("name")!.cell;
    if (p.mainPlatform === null) {
      if (p.status === "subPark") {
        issues.error("SHEET_SUBPARK_WITHOUT_MAIN", where, `分区“${p.name}”未填写整合去向`, `sub-park "${p.name}" has no main platform (整合去向)`);
      }
      continue;
    }
    const target = byName.get(textKey(p.mainPlatform));
    const subPark = p.status === "subPark";
    if (!target) {
      issues.add("SHEET_UNKNOWN_MAIN", subPark ? "error" : "warning", where,
        `整合去向“${cellText(mainCell?.value ?? null)}”不是本表中的平台`, `"${p.mainPlatform}" (merged into) is not a platform of this sheet`);
      continue;
    }
    p.mainPlatform = target.platform.name;
    if (subPark && (target.platform.status !== "main" || target === r)) {
      issues.error("SHEET_MAIN_NOT_MAIN", where, `分区“${p.name}”的整合去向“${target.platform.name}”不是主平台`,
        `sub-park "${p.name}" merges into "${target.platform.name}", which is not a main platform`);
    }
  }
}
