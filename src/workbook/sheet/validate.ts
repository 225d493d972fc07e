/**
 * Checks across rows: platform names are unique; every sub-park's 整合去向 names a main platform of the same
 * sheet; no platform merges into itself, a main platform not into its own sub-park, nothing into an exiting
 * platform. A 整合去向 that matches a name up to spaces and full-width forms is rewritten to it.
 */
import { isExiting, STATUS_LABELS, type Platform } from "../../../models/platform.js";
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
      issues.error(
        "SHEET_DUPLICATE_NAME",
        cell,
        `平台名称“${r.platform.name}”重复（另见第 ${first.platform.source!.row} 行）`,
        `platform name "${r.platform.name}" appears twice (also row ${first.platform.source!.row})`,
      );
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
        issues.error(
          "SHEET_SUBPARK_WITHOUT_MAIN",
          where,
          `分区“${p.name}”未填写整合去向`,
          `sub-park "${p.name}" has no main platform (整合去向)`,
        );
      }
      continue;
    }
    const target = byName.get(textKey(p.mainPlatform));
    if (!target) {
      unknownTarget(p, where, cellText(mainCell?.value ?? null), issues);
      continue;
    }
    p.mainPlatform = target.platform.name;
    checkTarget(r, target, where, issues);
  }
}

/** A 整合去向 naming no platform of the sheet: fatal for a sub-park; an exit's output goes to its county's largest main platform. */
function unknownTarget(p: Platform, where: string, text: string, issues: IssueList): void {
  if (p.status === "subPark") {
    issues.error(
      "SHEET_UNKNOWN_MAIN",
      where,
      `整合去向“${text}”不是本表中的平台`,
      `"${p.mainPlatform}" (merged into) is not a platform of this sheet`,
    );
  } else if (isExiting(p)) {
    issues.warn(
      "SHEET_UNKNOWN_MAIN",
      where,
      `整合去向“${text}”不是本表中的平台，迁移产值按本县最大的主平台承接计算`,
      `"${p.mainPlatform}" (merged into) is not a platform of this sheet; relocated output goes to the largest main platform of the county`,
    );
  } else {
    issues.warn(
      "SHEET_UNKNOWN_MAIN",
      where,
      `整合去向“${text}”不是本表中的平台；${STATUS_LABELS[p.status].zh}平台的整合去向不参与计算`,
      `"${p.mainPlatform}" (merged into) is not a platform of this sheet; the model does not use the 整合去向 of a ${STATUS_LABELS[p.status].en} platform`,
    );
  }
}

/** The rules of 整合去向 (model.md "Integration and exits"): no self-merge, no cycle, no chain, no exiting target. */
function checkTarget(r: BuiltRow, target: BuiltRow, where: string, issues: IssueList): void {
  const p = r.platform,
    t = target.platform;
  const targetCell = `${issues.sheet}!${target.cells.get("name")!.cell}`;
  if (target === r) {
    issues.error("SHEET_MERGED_INTO_ITSELF", where, `“${p.name}”的整合去向是它自己`, `"${p.name}" is merged into itself`);
  } else if (p.status === "main" && t.status === "subPark" && t.mainPlatform !== null && textKey(t.mainPlatform) === textKey(p.name)) {
    issues.error(
      "SHEET_MAIN_INTO_OWN_SUBPARK",
      where,
      `主平台“${p.name}”的整合去向是它自己的分区“${t.name}”（${targetCell}），形成循环`,
      `main platform "${p.name}" is merged into its own sub-park "${t.name}" (${targetCell}): a cycle`,
    );
  } else if (p.status === "subPark" && t.status === "subPark") {
    issues.error(
      "SHEET_SUBPARK_CHAIN",
      where,
      `分区“${p.name}”的整合去向“${t.name}”（${targetCell}）本身是分区；分区只能并入主平台`,
      `sub-park "${p.name}" merges into "${t.name}" (${targetCell}), itself a sub-park; a sub-park can only merge into a main platform`,
    );
  } else if ((p.status === "subPark" || isExiting(p)) && isExiting(t)) {
    issues.error(
      "SHEET_MERGED_INTO_EXIT",
      where,
      `“${p.name}”的整合去向“${t.name}”（${targetCell}）本身${STATUS_LABELS[t.status].zh}`,
      `"${p.name}" merges into "${t.name}" (${targetCell}), which is itself marked ${STATUS_LABELS[t.status].en}`,
    );
  } else if (p.status === "subPark" && t.status !== "main") {
    issues.error(
      "SHEET_MAIN_NOT_MAIN",
      where,
      `分区“${p.name}”的整合去向“${t.name}”不是主平台`,
      `sub-park "${p.name}" merges into "${t.name}", which is not a main platform`,
    );
  }
}
