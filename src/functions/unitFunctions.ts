/**
 * PARKPLAN.PERMU and PARKPLAN.UNITCONVERT: argument checks around models/units.ts. Both wait for the unit
 * system (mathjs, loaded on the first call rather than with the add-in); once loaded it is shared.
 */
import { loadUnits, perMu, type UnitConverter } from "../../models/units.js";
import { optional, requireNumber, requireRange, requireUnit } from "./args.js";
import { cellError } from "./errors.js";

/**
 * The unit system, kept once loaded: a recalculation calls these functions thousands of times, and each
 * `import()` costs a module lookup (hundreds of µs through a loader such as tsx).
 */
let loaded: UnitConverter | null = null;
const units = async (): Promise<UnitConverter> => (loaded ??= await loadUnits());

/** A per-mu figure in 万元/亩 from an amount (亿元 unless told) and land (亩 unless told). */
export async function perMuFigure(valueArg: unknown, landArg: unknown, valueUnitArg: unknown, landUnitArg: unknown): Promise<number> {
  const value = requireNumber(valueArg, ["金额", "value"]);
  const land = requireRange(landArg, ["用地面积", "land"], (x) => x >= 0, "不能为负", "must not be negative");
  const valueUnit = optional(valueUnitArg, "亿元" as const, (u) => requireUnit(u, ["金额单位", "value unit"], ["money"]));
  const landUnit = optional(landUnitArg, "亩" as const, (u) => requireUnit(u, ["面积单位", "land unit"], ["area"]));
  const { toCanonical } = await units();
  const figure = perMu(toCanonical(value, valueUnit), toCanonical(land, landUnit));
  if (Number.isNaN(figure)) throw cellError("divisionByZero", "用地面积为零，无法计算亩均值", "land is zero: no per-mu figure");
  return figure;
}

/** A value converted between two units of the same kind (money, area or energy). */
export async function convertUnits(valueArg: unknown, fromArg: unknown, toArg: unknown): Promise<number> {
  const value = requireNumber(valueArg, ["数值", "value"]);
  const kinds = ["money", "area", "energy"] as const;
  const from = requireUnit(fromArg, ["原单位", "unit"], kinds);
  const to = requireUnit(toArg, ["目标单位", "target unit"], kinds);
  const { convert } = await units();
  try {
    return convert(value, from, to);
  } catch {
    throw cellError("invalidValue", `单位不可换算：${from} → ${to}`, `cannot convert ${from} to ${to}`);
  }
}
