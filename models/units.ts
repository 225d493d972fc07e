/**
 * Units: the one place where ParkPlan converts between the units analysts write and the model's
 * canonical units (亿元, 亩, 万吨标煤, 万元/亩, ratios as fractions). Sheets are converted when read;
 * the model never multiplies by 15 or 1e4 anywhere else.
 *
 * Area uses mathjs's unit system with 亩 defined as 1/15 公顷 (666.67 m²); money and energy are plain
 * decimal factors (mathjs has no currency), kept in one table. mathjs is loaded on first use, not with
 * the add-in: this module names units and converts money, energy and ratios; `await loadUnits()` gives
 * the full converter, area included (unitSystem.ts builds it once with `unitConverter` below).
 */

export type MoneyUnit = "亿元" | "万元" | "元";
/** Area units; mathjs converts between them once loaded (unitSystem.ts names each in mathjs). */
export const AREA_UNITS = ["亩", "公顷", "平方公里", "平方米"] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];
export type EnergyUnit = "万吨标煤" | "吨标煤";
export type RatioUnit = "ratio" | "%";
export type UnitKind = "money" | "area" | "energy" | "ratio" | "count";
export type AnyUnit = MoneyUnit | AreaUnit | EnergyUnit | RatioUnit;

/** Canonical unit of each kind. */
export const CANONICAL = {
  money: "亿元",
  area: "亩",
  energy: "万吨标煤",
  ratio: "ratio",
} as const;

// How many of each unit make one canonical unit. Dividing by these (never multiplying by 1e-4) keeps
// decimal inputs exact: 3500 万元 / 1e4 = 0.35 亿元, where 3500 × 1e-4 = 0.35000000000000003.
const PER_YI: Record<MoneyUnit, number> = { 亿元: 1, 万元: 1e4, 元: 1e8 };
const PER_WAN_TONNE: Record<EnergyUnit, number> = { 万吨标煤: 1, 吨标煤: 1e4 };

/** Spellings found in sheets, mapped to the unit they mean. Keys are compared after trimming and lower-casing. */
const ALIASES: Record<string, AnyUnit> = {
  亿元: "亿元",
  亿: "亿元",
  "100 million yuan": "亿元",
  "100m yuan": "亿元",
  "yi yuan": "亿元",
  万元: "万元",
  万: "万元",
  "10k yuan": "万元",
  "10,000 yuan": "万元",
  元: "元",
  yuan: "元",
  rmb: "元",
  cny: "元",
  亩: "亩",
  mu: "亩",
  公顷: "公顷",
  hectare: "公顷",
  hectares: "公顷",
  ha: "公顷",
  平方公里: "平方公里",
  平方千米: "平方公里",
  km2: "平方公里",
  "km²": "平方公里",
  "sq km": "平方公里",
  平方米: "平方米",
  m2: "平方米",
  "m²": "平方米",
  "sq m": "平方米",
  万吨标煤: "万吨标煤",
  万吨标准煤: "万吨标煤",
  "10k tce": "万吨标煤",
  "10kt ce": "万吨标煤",
  吨标煤: "吨标煤",
  吨标准煤: "吨标煤",
  tce: "吨标煤",
  "%": "%",
  "％": "%",
  百分比: "%",
  percent: "%",
};

/** Which kind a unit measures. */
export function unitKind(unit: AnyUnit): UnitKind {
  if (unit in PER_YI) return "money";
  if ((AREA_UNITS as readonly string[]).includes(unit)) return "area";
  if (unit in PER_WAN_TONNE) return "energy";
  return "ratio";
}

/** Recognise a unit as written in a sheet ("万元", "公顷", "km²", "％" …); undefined when unknown. */
export function parseUnit(text: string): AnyUnit | undefined {
  return ALIASES[text.trim().toLowerCase()];
}

/** Convert money to 亿元. @example toYi(3500, "万元") // => 0.35 */
export function toYi(value: number, from: MoneyUnit): number {
  return value / PER_YI[from];
}

/** Convert energy to 万吨标煤. @example toWanTonne(5000, "吨标煤") // => 0.5 */
export function toWanTonne(value: number, from: EnergyUnit): number {
  return value / PER_WAN_TONNE[from];
}

/** Convert a ratio written as "%" or as a fraction to a fraction. */
export function toRatio(value: number, from: RatioUnit): number {
  return from === "%" ? value / 100 : value;
}

/** Area between two area units; mathjs's unit system does it once loaded (unitSystem.ts). */
export type AreaConversion = (value: number, from: AreaUnit, to: AreaUnit) => number;

/** The converter for every kind of unit; `await loadUnits()` returns it. Pure and synchronous. */
export interface UnitConverter {
  /** Convert an area to 亩. @example toMu(2, "公顷") // => 30 */
  toMu(value: number, from: AreaUnit): number;
  /** Convert between any two units of the same kind; throws a RangeError when the kinds differ. */
  convert(value: number, from: AnyUnit, to: AnyUnit): number;
  /** Convert a value to the canonical unit of its kind. */
  toCanonical(value: number, from: AnyUnit): number;
}

/** The converter around an area conversion (mathjs's, in unitSystem.ts; money, energy and ratios need none). */
export function unitConverter(area: AreaConversion): UnitConverter {
  const convert = (value: number, from: AnyUnit, to: AnyUnit): number => {
    const kind = unitKind(from);
    if (kind !== unitKind(to)) {
      throw new RangeError(`单位不可换算：${from} → ${to} / cannot convert ${from} to ${to}`);
    }
    if (from === to) return value;
    switch (kind) {
      case "money":
        return (value * PER_YI[to as MoneyUnit]) / PER_YI[from as MoneyUnit];
      case "energy":
        return (value * PER_WAN_TONNE[to as EnergyUnit]) / PER_WAN_TONNE[from as EnergyUnit];
      case "area":
        return area(value, from as AreaUnit, to as AreaUnit);
      default:
        return from === "%" ? value / 100 : value * 100;
    }
  };
  return {
    toMu: (value, from) => (from === "亩" ? value : area(value, from, "亩")),
    convert,
    toCanonical: (value, from) => {
      const kind = unitKind(from);
      return kind === "ratio" ? toRatio(value, from as RatioUnit) : convert(value, from, CANONICAL[kind as "money"]);
    },
  };
}

/**
 * The converter for every unit, loading mathjs the first time (a lazy chunk in the browser). Every caller
 * gets the same converter: the module system evaluates unitSystem.ts once, and a chunk that failed to
 * arrive is fetched again on the next call.
 */
export async function loadUnits(): Promise<UnitConverter> {
  return (await import("./unitSystem.js")).units;
}

// The per-mu figure lives apart (no mathjs), so light bundles such as the pane can use it.
export { perMu } from "./perMu.js";
