/**
 * writeSheets over Excel, so a failure never leaves the user's workbook half-written:
 * (1) read sheet names, positions and the tables of sheets that stay, and check every spec — nothing
 *     has changed if this fails;
 * (2) write each sheet in full under a temporary name (the user's sheets untouched; on failure the
 *     temporary sheets are deleted);
 * (3) swap in one sync: delete the replaced sheets, rename the new ones into their tab positions, add
 *     the tables (names are workbook-wide, so only once the old ones are gone), keep the store last.
 */
import { STORE_SHEET } from "../results/sheetNames.js";
import type { SheetSpec } from "../sheetSpec.js";
import { checkSpecs, sameName } from "../specChecks.js";
import { Batcher } from "./payload.js";
import { rangeAt } from "./ranges.js";
import type { ApiSupport } from "./runner.js";
import { writeSheetContent } from "./writeSheet.js";

interface Existing {
  ws: Excel.Worksheet;
  name: string;
  position: number;
}

/** A sheet name not in use (Excel compares names case-insensitively). */
function stagingName(taken: Set<string>): string {
  for (let k = 1; ; k++) {
    const name = `_pp_staging_${k}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Best effort: remove the staged sheets after a failure; the original error is what the caller reports. */
async function discard(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    for (const ws of found) if (!ws.isNullObject) ws.delete();
    await context.sync();
  } catch {
    // The workbook may refuse (protected, connection lost); the user's own sheets were never touched.
  }
}

export async function writeAllSheets(context: Excel.RequestContext, specs: SheetSpec[], supports: ApiSupport): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  await context.sync();
  const existing: Existing[] = sheets.items.map((ws) => ({ ws, name: ws.name, position: ws.position }));
  const kept = existing.filter((e) => !specs.some((s) => sameName(s.name, e.name)));
  for (const e of kept) e.ws.tables.load("items/name");
  await context.sync();
  checkSpecs(
    specs,
    kept.filter((e) => e.name !== STORE_SHEET).flatMap((e) => e.ws.tables.items.map((t) => t.name)),
  );
  if (specs.length === 0) return;

  const taken = new Set(existing.map((e) => e.name.toLowerCase()));
  const staged: { spec: SheetSpec; ws: Excel.Worksheet; tempName: string; old?: Existing }[] = [];
  try {
    for (const spec of specs) {
      const tempName = stagingName(taken);
      const ws = sheets.add(tempName);
      staged.push({ spec, ws, tempName, old: existing.find((e) => sameName(e.name, spec.name)) });
      const batch = new Batcher(context, (first) => {
        context.application.suspendApiCalculationUntilNextSync();
        // Once per sheet: Office warns that repeated calls make the window flicker.
        if (first && supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
      });
      await writeSheetContent(batch, ws, spec, supports);
      await batch.flush();
      // An empty spec queued nothing but the add: sync it here, where a failure is still cleaned up.
      if (batch.syncs === 0) await context.sync();
    }
  } catch (err) {
    await discard(context, staged.map((s) => s.tempName));
    throw err;
  }

  for (const s of staged) s.old?.ws.delete();
  for (const s of staged) s.ws.name = s.spec.name;
  // Ascending old positions: each sheet before a replaced one's old slot is already in its final place.
  const replaced = staged.filter((s) => s.old).sort((a, b) => a.old!.position - b.old!.position);
  for (const s of replaced) s.ws.position = s.old!.position;
  for (const s of staged) {
    for (const t of s.spec.tables ?? []) {
      const table = s.ws.tables.add(rangeAt(s.ws, t.range), t.header);
      table.name = t.name;
      table.style = "TableStyleLight1";
    }
  }
  const store = existing.find((e) => e.name === STORE_SHEET);
  if (store) store.ws.position = existing.length - replaced.length + staged.length - 1;
  await context.sync();
}
