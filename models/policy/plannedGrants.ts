/**
 * Planned grants: per-platform land and energy grants given to a run from outside the scenario
 * (SimulateOptions.plannedGrants), read by the strategies whose requests are `planned` (today `optimal`,
 * model.md §2.5: `parkplan optimize` solves the LP, then runs the Monte Carlo of its grants this way).
 *
 * Shape: by platform name, an amount every year or a year → amount map, exactly like `land.manual` and
 * like `optimize --json`'s `allocation` ({ land: { 甲: { "2019": 120 } } }). Names, not indices: the model
 * computes in its own (name) order, so a positional array would be ambiguous. Plain data, so a job with
 * planned grants crosses to worker threads by structured clone.
 */
import { ScenarioError, yearlyValue, type ScenarioIssue } from "../scenario.js";
import type { Allocated } from "./strategies.js";

/** Per platform: 亩 (land) or 万吨标煤 (energy) per year; a year missing from a map gets 0. */
export type GrantTable = Record<string, number | Record<string, number>>;

export interface PlannedGrants {
  land?: GrantTable;
  energy?: GrantTable;
}

/**
 * The grants of `table` per step, step-major [k·n + i] over `years` (row 0, the base year, is 0); null
 * without a table. An unknown platform, a negative or non-finite amount, a key that is not a year: a
 * ScenarioError naming `plannedGrants.<land|energy>.<platform>[.<year>]`.
 */
export function plannedRequests(
  names: readonly string[],
  years: readonly number[],
  what: Allocated,
  table: GrantTable | undefined,
): Float64Array | null {
  if (table === undefined) return null;
  const n = names.length;
  const index = new Map(names.map((name, i) => [name, i]));
  const issues: ScenarioIssue[] = [];
  const bad = (path: string, zh: string, en: string) => issues.push({ path: `plannedGrants.${what}.${path}`, zh, en });
  for (const [name, value] of Object.entries(table)) {
    if (!index.has(name)) bad(name, `平台“${name}”不在平台表中`, `platform "${name}" is not in the sheet`);
    const entries = typeof value === "number" ? [["", value] as const] : Object.entries(value);
    for (const [year, amount] of entries) {
      const at = year === "" ? name : `${name}.${year}`;
      if (year !== "" && !/^\d{4}$/.test(year)) bad(at, `“${year}”不是四位年份`, `"${year}" is not a 4-digit year`);
      if (!(typeof amount === "number" && Number.isFinite(amount) && amount >= 0))
        bad(at, `配置量应为非负数，实为 ${String(amount)}`, `a grant must be a number ≥ 0, got ${String(amount)}`);
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  const out = new Float64Array(years.length * n);
  for (const [name, value] of Object.entries(table)) {
    const i = index.get(name)!;
    for (let k = 1; k < years.length; k++) out[k * n + i] = yearlyValue(value, years[k]);
  }
  return out;
}
