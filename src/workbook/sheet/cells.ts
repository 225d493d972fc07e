/**
 * Reading single cells as people type them: numbers stored as text ("1,234.5", "１２３", "1 234", "45%"),
 * numbers with a unit written after them ("120亩", "3.5 万元", "1,200 吨标煤"), dashes for "none", levels and statuses in Chinese or English, total rows and footnotes.
 */
import { isCellError, type CellValue } from "../grid.js";
import type { Level, Status } from "../../../models/platform.js";
import { parseUnit, type AnyUnit } from "../../../models/units.js";
import { normaliseText, textKey } from "./text.js";

export type NumberCell =
  | { kind: "blank" }
  | { kind: "dash" }
  | { kind: "error"; error: string }
  | { kind: "invalid"; text: string }
  /**
   * percent: the value came as "45%" text or with a % number format, so it is already a fraction.
   * unit: a unit other than % written in the cell ("120亩" → 亩); value is the number as written.
   */
  | { kind: "number"; value: number; percent: boolean; unit?: AnyUnit };

const DASHES = /^(-+|—+|–+|\/|\\|－+|n\/a|na|无)$/i;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A number, then text starting with a letter or CJK character: "120亩", "1,200 吨标煤", "2 km2". */
const WITH_UNIT = /^([+-]?[\d.,\s\u00a0]*\d\.?)\s*([^\d\s.,+\-%].*)$/;

/** Is the cell empty (null, or text of only spaces)? */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** Cell text for labels and names: strings trimmed, numbers printed, errors and blanks "". */
export function cellText(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * Parse a numeric cell. @example parseNumber("1,234.5") // => { kind: "number", value: 1234.5, percent: false }
 * @example parseNumber(0.45, "0%") // => { kind: "number", value: 0.45, percent: true }
 * @example parseNumber("3.5 万元") // => { kind: "number", value: 3.5, percent: false, unit: "万元" }
 */
export function parseNumber(v: CellValue, format?: string | null): NumberCell {
  if (isBlank(v)) return { kind: "blank" };
  if (isCellError(v)) return { kind: "error", error: v.error };
  if (typeof v === "number") {
    // ±Infinity stays a number so the model's checks report it as out of range, with the cell.
    if (Number.isNaN(v)) return { kind: "invalid", text: String(v) };
    return { kind: "number", value: v, percent: !!format && /%/.test(format.replace(/"[^"]*"|\\./g, "")) };
  }
  if (typeof v !== "string") return { kind: "invalid", text: cellText(v) };
  const t = normaliseText(v);
  if (DASHES.test(t)) return { kind: "dash" };
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/i.test(t)) return { kind: "error", error: t.toUpperCase() };
  // A known unit after the number ("120亩"); otherwise the whole text must be a number ("1e5", "约50" → invalid).
  const m = WITH_UNIT.exec(t);
  const unit = m ? parseUnit(m[2]) : undefined;
  let s = (unit ? m![1] : t).replace(/[\s\u00a0]+/g, "");
  const percent = unit === "%" || /%$/.test(s);
  if (/%$/.test(s)) s = s.slice(0, -1);
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  if (!PLAIN.test(s)) return { kind: "invalid", text: v.trim() };
  const n = Number(s);
  const value = percent ? n / 100 : n;
  return unit && unit !== "%" ? { kind: "number", value, percent, unit } : { kind: "number", value, percent };
}

const LEVEL_RULES: [RegExp, Level][] = [
  [/^(国家|national)/, "national"],
  [/^(省|provincial|province)/, "provincial"],
  [/^(市|地市|municipal|city)/, "municipal"],
  [/^(县|区|county|district)/, "county"],
  [/^(乡镇|镇|街道|乡|township|town)/, "township"],
];

/** 国家级 → national … 乡镇(级)/镇级/街道 → township; undefined when unknown. */
export function parseLevel(text: string): Level | undefined {
  const k = textKey(text);
  return LEVEL_RULES.find(([re]) => re.test(k))?.[1];
}

// Order matters: 逐步退出型 is an exit, 纳入主平台 a sub-park, 保留提升型 kept.
const STATUS_RULES: [RegExp, Status][] = [
  [/退出|撤销|关停|exit|close|withdraw/, "exit"],
  [/转型|转为|创新型|transform|convert/, "transform"],
  [/分区|分园|托管|纳入|sub-?park|merged?/, "subPark"],
  [/主平台|重大平台|核心区|^main/, "main"],
  [/保留|提升|kept|keep|retain/, "kept"],
];

/** 主平台 → main, 分区/分园/整合托管型 → subPark, 保留 → kept, 退出 → exit, 转型 → transform; undefined when unknown. */
export function parseStatus(text: string): Status | undefined {
  const k = textKey(text);
  return STATUS_RULES.find(([re]) => re.test(k))?.[1];
}

/** A name or county cell marking a total or subtotal row: 合计, 小计, 总计, 全市, Total, Subtotal. */
export function isTotalText(text: string): boolean {
  const k = normaliseText(text);
  return /合计|小计|总计|全市/.test(k) || /\b(sub-?)?totals?\b/i.test(k);
}

/** A row starting a footnote: 注：/说明：/资料来源/数据来源/Note/Source. */
export function isFootnoteText(text: string): boolean {
  const k = normaliseText(text);
  return /^(注\d*\s*[:：.、]|注释|说明\s*[:：]|备注\s*[:：]|资料来源|数据来源|来源\s*[:：])/.test(k) || /^(notes?|sources?)\b/i.test(k);
}
