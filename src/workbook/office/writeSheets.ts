/**
 * writeSheets over Excel. A replaced result sheet is rewritten IN PLACE — the same Worksheet, cleared and
 * written again — so a user's `=预测!B5`, chart or pivot on it keeps pointing at 预测 (deleting and
 * renaming, as a staged swap does, turns every such reference into #REF! for good).
 * (1) Reads only: sheet names, positions, visibility, protection, the replaced sheets' used range, tables
 *     and charts, the tables of sheets that stay; `checkSpecs`; a protected structure (when sheets must be
 *     added) or a protected result sheet stops here with nothing changed; where a result changes shape,
 *     the user's formulas that reference it are listed as warnings (references.ts).
 * (2) One sync clears the replaced sheets (their tables and charts, conditional formats, merges, cells and
 *     formats, column widths, row heights, frozen panes) and adds the new ones before the store sheet,
 *     which is never moved or deleted (Excel refuses to delete a very hidden sheet).
 * (3) Each sheet written in row blocks, tables and charts (series by series) included.
 * (4) Page layout in a batch of its own per sheet: a refusal becomes a warning, the results stay.
 * Safety: Excel batches are not transactions. A failure in (2)–(3) leaves a ParkPlan sheet incomplete;
 * the error ("write-incomplete") says which and asks for a re-run. The user's own sheets are never written.
 */
import { WorkbookError, type WorkbookWarning, type WriteReport } from "../port.js";
import { STORE_SHEET } from "../results/sheetNames.js";
import { printArea, type SheetSpec } from "../sheetSpec.js";
import { checkSpecs, sameName } from "../specChecks.js";
import { queueSeries, SERIES_CALLS, type PendingChart } from "./officeCharts.js";
import { toWorkbookError } from "./officeErrors.js";
import { applyPageLayout } from "./pageLayout.js";
import { Batcher, OP_BYTES } from "./payload.js";
import { referenceWarnings, type ShapeChange } from "./references.js";
import type { ApiSupport } from "./runner.js";
import { writeSheetContent } from "./writeSheet.js";

interface Existing {
  ws: Excel.Worksheet;
  name: string;
  position: number;
}

interface Replaced extends Existing {
  used: Excel.Range;
}

/** Rows × columns a spec fills from A1. */
const specShape = (spec: SheetSpec) => ({ rows: spec.rows.length, cols: Math.max(0, ...spec.rows.map((r) => r.length)) });

/** Everything ParkPlan may have put on a result sheet, removed; the sheet object (and references to it) stays. */
function clearInPlace(ws: Excel.Worksheet): void {
  for (const t of ws.tables.items) t.delete();
  for (const c of ws.charts.items) c.delete();
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.unmerge();
  all.clear("All");
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  ws.freezePanes.unfreeze();
}

/** Refuse before writing: a protected structure cannot take new sheets, a protected sheet cannot be rewritten. */
function checkProtection(structureProtected: boolean, added: string[], protectedSheets: string[]): void {
  if (protectedSheets.length > 0) {
    const list = protectedSheets.map((n) => `“${n}”`).join("、");
    throw new WorkbookError(
      "protected",
      `结果表 ${list} 受保护，未写入任何内容：请在“审阅 → 撤销工作表保护”后重试`,
      `result sheet ${protectedSheets.map((n) => `"${n}"`).join(", ")} is protected; nothing was written: unprotect it (Review → Unprotect Sheet), then try again`,
    );
  }
  if (structureProtected && added.length > 0) {
    throw new WorkbookError(
      "protected",
      `工作簿结构受保护，无法添加工作表 ${added.map((n) => `“${n}”`).join("、")}，未写入任何内容：请在“审阅 → 保护工作簿”中取消保护后重试`,
      `the workbook structure is protected, so sheets ${added.map((n) => `"${n}"`).join(", ")} cannot be added; nothing was written: turn off Review → Protect Workbook, then try again`,
    );
  }
}

/** A failure while writing: Excel's reason, then which ParkPlan sheets may be incomplete. */
function incomplete(err: unknown, names: string[]): unknown {
  const mapped = toWorkbookError(err);
  if (!(mapped instanceof WorkbookError)) return mapped;
  const list = names.map((n) => `“${n}”`).join("、");
  const error = new WorkbookError(
    "write-incomplete",
    `${mapped.zh}。结果表 ${list} 可能不完整，请重新运行；你自己的工作表未被改动`,
    `${mapped.en}. Result sheets ${names.map((n) => `"${n}"`).join(", ")} may be incomplete: run again; your own sheets were not changed`,
  );
  (error as { cause?: unknown }).cause = err;
  return error;
}

export async function writeAllSheets(context: Excel.RequestContext, specs: SheetSpec[], supports: ApiSupport): Promise<WriteReport> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  const structure = context.workbook.protection;
  structure.load("protected");
  await context.sync();
  const existing: Existing[] = sheets.items.map((ws) => ({ ws, name: ws.name, position: ws.position }));
  const kept = existing.filter((e) => !specs.some((s) => sameName(s.name, e.name)));
  const replaced = new Map<SheetSpec, Replaced>();
  for (const spec of specs) {
    const old = existing.find((e) => sameName(e.name, spec.name));
    if (!old) continue;
    const used = old.ws.getUsedRangeOrNullObject(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    old.ws.protection.load("protected");
    old.ws.tables.load("items/name");
    old.ws.charts.load("items/name");
    replaced.set(spec, { ...old, used });
  }
  for (const e of kept) e.ws.tables.load("items/name");
  await context.sync();
  checkSpecs(
    specs,
    kept.filter((e) => e.name !== STORE_SHEET).flatMap((e) => e.ws.tables.items.map((t) => t.name)),
  );
  if (specs.length === 0) return { warnings: [] };
  const added = specs.filter((s) => !replaced.has(s));
  checkProtection(
    structure.protected,
    added.map((s) => s.name),
    [...replaced.values()].filter((r) => r.ws.protection.protected).map((r) => r.name),
  );

  const changes: ShapeChange[] = [];
  for (const [spec, r] of replaced) {
    const before = r.used.isNullObject
      ? { rows: 0, cols: 0 }
      : { rows: r.used.rowIndex + r.used.rowCount, cols: r.used.columnIndex + r.used.columnCount };
    const after = specShape(spec);
    if (before.rows !== after.rows || before.cols !== after.cols) changes.push({ sheet: r.name, before, after });
  }
  const users = kept.filter((e) => e.name !== STORE_SHEET);
  const warnings: WorkbookWarning[] = await referenceWarnings(
    context,
    users.map((e) => e.ws),
    users.map((e) => e.name),
    changes,
    supports,
  );

  const targets = new Map<SheetSpec, Excel.Worksheet>();
  try {
    for (const r of replaced.values()) clearInPlace(r.ws);
    const store = existing.findIndex((e) => e.name === STORE_SHEET);
    added.forEach((spec, k) => {
      const ws = sheets.add(spec.name);
      // New sheets go before the very hidden store sheet, which itself is never moved.
      if (store >= 0) ws.position = store + k;
      targets.set(spec, ws);
    });
    await context.sync();
    for (const spec of specs) {
      const ws = targets.get(spec) ?? replaced.get(spec)!.ws;
      const batch = new Batcher(context, (first) => {
        context.application.suspendApiCalculationUntilNextSync();
        // Once per sheet: Office warns that repeated calls make the window flicker.
        if (first && supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
      });
      const charts: PendingChart[] = await writeSheetContent(batch, ws, spec, supports);
      await batch.flush();
      for (const chart of charts) {
        await batch.add(OP_BYTES * SERIES_CALLS * (chart.spec.range.right - chart.spec.range.left + chart.chart.series.count), () =>
          queueSeries(ws, chart, spec.rows),
        );
      }
      await batch.flush();
    }
  } catch (err) {
    throw incomplete(
      err,
      specs.map((s) => s.name),
    );
  }

  for (const spec of specs) {
    if (!spec.print || !supports("1.9")) continue;
    const ws = targets.get(spec) ?? replaced.get(spec)!.ws;
    try {
      applyPageLayout(ws, spec.print, printArea(spec));
      // A sync per sheet on purpose: one refused print setup must not undo another sheet's.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      const reason = toWorkbookError(err);
      // Only Excel's refusals are a warning; anything else is a bug and stays an error.
      if (!(reason instanceof WorkbookError)) throw reason;
      warnings.push({
        code: "print-setup-skipped",
        sheet: spec.name,
        cell: null,
        zh: `“${spec.name}”已写入，但 Excel 拒绝了打印设置（A4 横向、页眉）：${reason.zh}`,
        en: `"${spec.name}" was written, but Excel refused its print setup (A4 landscape, page header): ${reason.en}`,
      });
    }
  }
  return { warnings };
}
