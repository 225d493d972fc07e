/** ParkPlan's stored JSON read back from the store sheet's grid (store.ts writes it: key in A, text split across B, C …). */
import type { SheetGrid } from "../grid.js";

export function storeEntriesOf(grid: SheetGrid): Map<string, string> {
  const entries = new Map<string, string>();
  for (const row of grid.values) {
    const key = row[0];
    if (typeof key !== "string") continue;
    let text = "";
    for (let c = 1; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string") text += v;
    }
    entries.set(key, text);
  }
  return entries;
}
