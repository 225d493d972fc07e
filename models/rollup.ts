/**
 * Roll-ups (model.md "Integration"): a main platform with its sub-parks, each county, the region.
 * Amounts are summed over members; per-mu figures and ratios are recomputed from the sums, never
 * averaged.
 */
import type { Compiled } from "./compile.js";
import type { Platform } from "./platform.js";
import type { Binding, YearFigures } from "./results.js";
import { perMu } from "./units.js";

/** The amounts summed over a unit's members, in this order. */
export const SUM_METRICS = [
  "output",
  "land",
  "valueAdded",
  "tax",
  "energy",
  "rd",
  "highTechValueAdded",
  "strategicEmergingOutput",
] as const;
export const SUMS = SUM_METRICS.length;

export interface Unit {
  name: string;
  kind: "platform" | "main" | "county" | "region";
  members: Int32Array;
}

export const REGION_NAME = "全市";

/** Main-platform roll-ups (each main with its sub-parks), counties (in order of first appearance), the region. */
export function rollupUnits(platforms: readonly Platform[]): Unit[] {
  const units: Unit[] = [];
  // Sub-parks by the main platform they name, in row order: one pass, not one per main platform.
  const subParks = new Map<string, number[]>();
  platforms.forEach((q, j) => {
    if (q.status !== "subPark" || q.mainPlatform === null) return;
    const list = subParks.get(q.mainPlatform);
    if (list) list.push(j);
    else subParks.set(q.mainPlatform, [j]);
  });
  platforms.forEach((p, i) => {
    if (p.status !== "main") return;
    units.push({ name: p.name, kind: "main", members: Int32Array.from([i, ...(subParks.get(p.name) ?? [])]) });
  });
  const counties = new Map<string, number[]>();
  platforms.forEach((p, i) => {
    if (!p.county) return;
    const list = counties.get(p.county) ?? [];
    list.push(i);
    counties.set(p.county, list);
  });
  for (const [name, members] of counties) units.push({ name, kind: "county", members: Int32Array.from(members) });
  units.push({ name: REGION_NAME, kind: "region", members: Int32Array.from(platforms.map((_, i) => i)) });
  return units;
}

/**
 * Sum a unit's amounts in step k into target[offset … offset + SUMS). Output and land come from the path;
 * the other amounts are the platform's ratios of step k applied to its output (model.md step 5, §2.1).
 */
export function sumUnit(
  c: Compiled,
  output: Float64Array,
  land: Float64Array,
  k: number,
  members: Int32Array,
  target: Float64Array,
  offset: number,
): void {
  let y = 0,
    l = 0,
    va = 0,
    tax = 0,
    energy = 0,
    rd = 0,
    ht = 0,
    sei = 0;
  const row = k * c.n;
  const factor = c.intensityFactor[k];
  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    const at = row + i;
    const out = output[at];
    const v = c.vaRatio[at] * out;
    y += out;
    l += land[at];
    va += v;
    tax += c.taxRatio[at] * out;
    energy += c.energyIntensity0[i] * factor * v;
    rd += c.rdRatio[at] * out;
    ht += c.highTechShare[at] * v;
    sei += c.seiRatio[at] * out;
  }
  target[offset] = y;
  target[offset + 1] = l;
  target[offset + 2] = va;
  target[offset + 3] = tax;
  target[offset + 4] = energy;
  target[offset + 5] = rd;
  target[offset + 6] = ht;
  target[offset + 7] = sei;
}

/** Every reported figure of a year from a unit's sums: per-mu and intensity recomputed from the sums. */
export function figuresFromSums(sums: ArrayLike<number>, offset: number, year: number, binding: Binding | null): YearFigures {
  const [output, land, valueAdded, tax, energy, rd, highTechValueAdded, strategicEmergingOutput] = Array.from(
    { length: SUMS },
    (_, j) => sums[offset + j],
  );
  const hasLand = land > 0;
  return {
    year,
    binding,
    output,
    land,
    valueAdded,
    tax,
    energy,
    rd,
    highTechValueAdded,
    strategicEmergingOutput,
    outputPerMu: hasLand ? perMu(output, land) : NaN,
    taxPerMu: hasLand ? perMu(tax, land) : NaN,
    valueAddedPerMu: hasLand ? perMu(valueAdded, land) : NaN,
    energyIntensity: valueAdded > 0 ? energy / valueAdded : NaN,
  };
}
