/**
 * The unit converter on mathjs's unit system, with 亩 defined as 1/15 公顷. Built once, when this module
 * is first evaluated; nothing imports it statically: `loadUnits()` (units.ts) does, on first use, so
 * mathjs (≈ 75 KB gzipped) stays out of the add-in's first load. The module system keeps the one instance.
 */
import { create, createUnitDependencies, unitDependencies } from "mathjs";
import { unitConverter, type AreaUnit, type UnitConverter } from "./units.js";

/** Each area unit's name in mathjs ("mu" is defined below). */
const AREA_MATHJS = { 亩: "mu", 公顷: "hectare", 平方公里: "km^2", 平方米: "m^2" } as const satisfies Record<AreaUnit, string>;

const math = create({ unitDependencies, createUnitDependencies });
// 1 亩 = 10000/15 m² exactly; written this way so 1 hectare converts to exactly 15 亩.
math.createUnit("mu", "666.666666666666667 m^2");

export const units: UnitConverter = unitConverter((value, from, to) => math.unit(value, AREA_MATHJS[from]).toNumber(AREA_MATHJS[to]));
