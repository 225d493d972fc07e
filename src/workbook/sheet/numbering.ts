/**
 * The rows between a header and its data: a row of units ("亿元 | 亩") and a column-number row as statistical
 * tables have one (甲 | 乙 | 1 | 2 | 3 …, "（1）", full-width digits, "4=2+3", 栏次/序号 in the first cell),
 * in either order. Neither is data.
 */
import type { AnyUnit } from "../../../models/units.js";
import { cellText } from "./cells.js";
import { unitRow } from "./notes.js";
import type { GridView } from "./view.js";

const STEMS = "甲乙丙丁戊己庚辛壬癸";
/** A label for the numbering itself, allowed in the row's first filled cell. */
const LABEL = /^(栏次|栏号|序号|列号|列次|编号|代码|行次)$/;
/** 3, (3), 3=1+2: the column number, and what a computed column is computed from. */
const NUMBER = /^(?:\((\d+)\)|(\d+)(?:=[\d+\-*/×÷()]+)?)$/;

/**
 * Is the row a column-number row? Every filled cell (after an optional 栏次/序号 label first) is a stem
 * 甲, 乙, 丙 … in order from 甲, or a column number after the stems, the numbers consecutive from 1 or
 * more (each one more than the last); at least two such cells.
 */
export function isNumberingRow(view: GridView, row: number, left: number, right: number): boolean {
  let stems = 0,
    count = 0,
    filled = 0;
  let last: number | null = null;
  for (let c = left; c <= right; c++) {
    const text = cellText(view.value(row, c)).normalize("NFKC").replace(/\s+/g, "");
    if (text === "") continue;
    filled++;
    if (filled === 1 && LABEL.test(text)) continue;
    if (text.length === 1 && STEMS.includes(text)) {
      if (STEMS.indexOf(text) !== stems || last !== null) return false;
      stems++;
      count++;
      continue;
    }
    const m = NUMBER.exec(text);
    if (!m) return false;
    const n = Number(m[1] ?? m[2]);
    if (last === null ? n < 1 : n !== last + 1) return false;
    last = n;
    count++;
  }
  return count >= 2;
}

/** Units by column from a unit row, and the first data row after any unit and column-number rows. */
export function bodyStart(
  view: GridView,
  first: number,
  left: number,
  right: number,
): { units: Map<number, AnyUnit> | null; start: number } {
  let units: Map<number, AnyUnit> | null = null;
  let numbered = false;
  let r = first;
  for (;;) {
    const u: Map<number, AnyUnit> | null = units ? null : unitRow(view, r, left, right);
    if (u) units = u;
    else if (!numbered && isNumberingRow(view, r, left, right)) numbered = true;
    else return { units, start: r };
    r++;
  }
}
