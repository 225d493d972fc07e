/**
 * Argument checks shared by the worksheet functions. Excel passes numbers as numbers, text as strings,
 * an omitted optional argument as null, and a range as a 2-D array whose blank cells are null or "".
 * Each check returns the clean value or throws a cell error naming the argument in Chinese and English.
 */
import { parseUnit, unitKind, type AnyUnit, type UnitKind } from "../../models/units.js";
import { cellError } from "./errors.js";

/** An argument's display name: Chinese, English. */
export type ArgName = readonly [zh: string, en: string];

export const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A required finite number. */
export function requireNumber(v: unknown, name: ArgName): number {
  if (isBlank(v)) throw cellError("invalidValue", `缺少${name[0]}`, `${name[1]} is missing`);
  if (typeof v !== "number" || !Number.isFinite(v)) throw cellError("invalidValue", `${name[0]}应为数字`, `${name[1]} must be a number`);
  return v;
}

/** A number that must satisfy `ok`, else #VALUE! with the rule in both languages (a message #NUM! could not show). */
export function requireRange(v: unknown, name: ArgName, ok: (x: number) => boolean, ruleZh: string, ruleEn: string): number {
  const x = requireNumber(v, name);
  if (!ok(x)) throw cellError("invalidValue", `${name[0]}${ruleZh}`, `${name[1]} ${ruleEn}`);
  return x;
}

/** A whole number (a year, a count) within [min, max]. */
export function requireInteger(v: unknown, name: ArgName, min: number, max: number): number {
  return requireRange(
    v,
    name,
    (x) => Number.isInteger(x) && x >= min && x <= max,
    `应为 ${min}–${max} 之间的整数`,
    `must be a whole number from ${min} to ${max}`,
  );
}

/** Optional: the default when blank, else checked by `check`. */
export function optional<T>(v: unknown, fallback: T, check: (v: unknown) => T): T {
  return isBlank(v) ? fallback : check(v);
}

/** A unit of the given kind, written as in a sheet ("万元", "公顷", "km²" …). */
export function requireUnit<K extends UnitKind>(v: unknown, name: ArgName, kinds: readonly K[]): AnyUnit {
  const text = typeof v === "string" ? v : String(v ?? "");
  const unit = parseUnit(text);
  if (!unit || !kinds.includes(unitKind(unit) as K)) {
    throw cellError("invalidValue", `${name[0]}“${text}”无法识别`, `unknown ${name[1]} "${text}"`);
  }
  return unit;
}

/** A required text argument, trimmed. */
export function requireText(v: unknown, name: ArgName): string {
  if (isBlank(v)) throw cellError("invalidValue", `缺少${name[0]}`, `${name[1]} is missing`);
  return String(v).trim();
}

/** A range as rows of numbers; blanks become NaN, text or errors are #VALUE!. */
export function numberMatrix(v: unknown, name: ArgName): number[][] {
  const rows = Array.isArray(v) ? (v as unknown[]) : [[v]];
  return rows.map((row) =>
    (Array.isArray(row) ? row : [row]).map((cell) => {
      if (isBlank(cell)) return NaN;
      if (typeof cell !== "number" || !Number.isFinite(cell))
        throw cellError("invalidValue", `${name[0]}中有非数字的单元格`, `${name[1]} holds a cell that is not a number`);
      return cell;
    }),
  );
}

/** A single row or column of numbers (a range of either shape), flattened; blanks become NaN. */
export function numberList(v: unknown, name: ArgName): number[] {
  return numberMatrix(v, name).flat();
}
