/**
 * Which platforms the allocation LP may grant land in which year (models/README.md "Optimal allocation",
 * Eligibility): the kernel's rules and the scenario strategy's, on the deterministic path.
 */
import { NEVER, type Compiled } from "../../compile.js";
import { WAN_PER_YI } from "../../perMu.js";
import type { PreparedSimulation } from "../../simulate.js";

/** Why a platform may not receive land in a year (the minimum-grant conflicts name it). */
export type Ineligible = "exits" | "phased" | "entry" | "mainOnly" | "classWeight" | "late";

/**
 * Why platform i may not receive a grant in step k, or null. The kernel's own rules (gone before the grant
 * produces, a phased exit, 标准地 on last year's path figures), the scenario strategy's (main-only: main
 * platforms only; merit: a class whose weight is 0, or not evaluated), and a grant that would produce only
 * after the last projected year.
 */
export function whyIneligible(
  c: Compiled,
  prepared: PreparedSimulation,
  k: number,
  i: number,
  strategy: string,
  entry: boolean,
): Ineligible | null {
  if (k + c.lagYears > c.steps) return "late";
  if (c.exitStep[i] <= k + c.lagYears) return "exits";
  if (c.phasedExits && c.exitStep[i] !== NEVER) return "phased";
  const prev = (k - 1) * c.n + i;
  if (entry) {
    const land = prepared.path.land[prev];
    if (!(land > 0)) return "entry";
    const perMu = (prepared.path.output[prev] * WAN_PER_YI) / land;
    if (perMu < c.entryOutputPerMu || c.taxRatio[prev] * perMu < c.entryTaxPerMu) return "entry";
  }
  if (strategy === "main-only" && !c.isMain[i]) return "mainOnly";
  if (strategy === "merit") {
    const cls = prepared.path.classes[k * c.n + i];
    if (cls >= 4 || !(c.landClassWeights[cls] > 0)) return "classWeight";
  }
  return null;
}
