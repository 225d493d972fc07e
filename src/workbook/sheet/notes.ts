/**
 * What the rows around a table say about it: a unit note above it ("单位：亿元、亩、万吨标煤"), a base year in
 * the title ("…（2017年）", "2017年度"), or a row of units right under the header ("亿元 | 亩").
 */
import { parseUnit, unitKind, type AnyUnit, type UnitKind } from "../../../models/units.js";
import { cellText } from "./cells.js";
import { normaliseText } from "./text.js";
import type { GridView } from "./view.js";

export type UnitNote = Partial<Record<UnitKind, AnyUnit>>;

function unitTokens(text: string): AnyUnit[] {
  return text
    .split(/[、,，;；/\s()（）[\]【】]+/)
    .map((t) => parseUnit(t))
    .filter((u): u is AnyUnit => u !== undefined);
}

/** Units declared by "单位：…" / "Unit: …" notes in rows [0, end): the first unit seen of each kind wins. */
export function unitNote(view: GridView, end: number): UnitNote {
  const note: UnitNote = {};
  for (let r = 0; r < end; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const m = /(?:单位|units?)\s*[:：]\s*(.+)/i.exec(normaliseText(cellText(view.value(r, c))));
      if (!m) continue;
      for (const u of unitTokens(m[1])) {
        const kind = unitKind(u);
        if (!note[kind]) note[kind] = u;
      }
    }
  }
  return note;
}

/** A year in title text: "…（2017年）", "2017年度", "(2017)", "Platforms 2017"; null when none. */
export function yearInText(text: string): number | null {
  const t = normaliseText(text);
  const m = /((?:19|20)\d{2})\s*年/.exec(t) ?? /(?<![\d.])((?:19|20)\d{2})(?![\d.])/.exec(t);
  if (!m) return null;
  return Number(m[1]);
}

/** The first year named in rows [0, end) outside the unit notes. */
export function titleYear(view: GridView, end: number): number | null {
  for (let r = 0; r < end; r++) {
    for (let c = 0; c < view.colCount; c++) {
      const y = yearInText(cellText(view.value(r, c)));
      if (y !== null) return y;
    }
  }
  return null;
}

/**
 * A row of units under the header: every filled cell is a unit ("亿元", "（亩）") or the word 单位/Unit,
 * and at least one is a unit. Returns units by column, or null when the row is data.
 */
export function unitRow(view: GridView, row: number, left: number, right: number): Map<number, AnyUnit> | null {
  const units = new Map<number, AnyUnit>();
  for (let c = left; c <= right; c++) {
    const text = normaliseText(cellText(view.value(row, c))).replace(/^[([【]|[)\]】]$/g, "");
    if (text === "" || /^(单位|units?|计量单位)$/i.test(text)) continue;
    const u = parseUnit(text.replace(/^单位\s*[:：]/, ""));
    if (!u) return null;
    units.set(c, u);
  }
  return units.size > 0 ? units : null;
}
