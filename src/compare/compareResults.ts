/**
 * compareResults: several scenario runs on the same platforms → one comparison (plain data), with each
 * figure's difference from a baseline scenario. The sheet builder, the HTML report and the pane all
 * read this model, so they show the same numbers.
 */
import type { SimulationResult } from "../../models/results.js";
import { assumptionsOf } from "./assumptions.js";
import { figureRows, regionOf } from "./figures.js";
import { targetRows } from "./targetRows.js";
import type { ComparedScenario, ComparisonModel, ComparisonRow, FanPoint } from "./types.js";

export interface NamedResult {
  name: string;
  result: SimulationResult;
}

/** A comparison that cannot be built (no runs, names repeated, unknown baseline); message in Chinese, then English. */
export class ComparisonError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "ComparisonError";
  }
}

/** The baseline's index: a scenario name, an index, or the first scenario by default. */
export function baselineIndex(names: readonly string[], baseline?: string | number): number {
  if (baseline === undefined) return 0;
  const at = typeof baseline === "number" ? baseline : names.indexOf(baseline);
  if (at < 0 || at >= names.length || !Number.isInteger(at)) {
    throw new ComparisonError(
      `基准情景“${baseline}”不在对比之列（可选：${names.join("、")}）`,
      `baseline scenario "${baseline}" is not among those compared (choose from: ${names.join(", ")})`,
    );
  }
  return at;
}

const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

function withDiffs(row: ComparisonRow, base: number): ComparisonRow {
  const b = row.cells[base];
  return {
    ...row,
    cells: row.cells.map((c) => ({ ...c, diff: minus(c.value, b.value), diffProbability: minus(c.probability, b.probability) })),
  };
}

function described(name: string, result: SimulationResult): ComparedScenario {
  return {
    name,
    baseYear: result.baseYear,
    reportYears: [...result.reportYears],
    runs: result.monteCarlo?.runs ?? 0,
    seed: result.monteCarlo?.seed ?? null,
    engine: `${result.engine.name} ${result.engine.version} (model ${result.engine.model})`,
    assumptions: assumptionsOf(result),
  };
}

function fan(result: SimulationResult): FanPoint[] {
  const region = regionOf(result);
  const ok = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
  return region.years.map((y) => {
    const q = region.stats?.[String(y.year)]?.output;
    // The base year is observed data: with Monte Carlo its band has zero width, so the fan starts there.
    if (y.year === result.baseYear && region.stats)
      return { year: y.year, value: ok(y.output), p10: ok(y.output), p50: ok(y.output), p90: ok(y.output) };
    return { year: y.year, value: ok(y.output), p10: ok(q?.p10), p50: ok(q?.p50), p90: ok(q?.p90) };
  });
}

/**
 * Compare runs: `results` in column order, each with its display name (unique); `baseline` a name or
 * index (default the first). Runs may differ in years and targets: a row a run lacks has empty cells.
 */
export function compareResults(results: readonly NamedResult[], baseline?: string | number): ComparisonModel {
  if (results.length === 0) throw new ComparisonError("没有可对比的情景", "no scenarios to compare");
  const names = results.map((r) => r.name);
  const repeated = names.find((n, k) => names.indexOf(n) !== k);
  if (repeated !== undefined)
    throw new ComparisonError(
      `情景名称“${repeated}”重复：对比中的情景须各有不同名称`,
      `scenario name "${repeated}" is repeated: compared scenarios need distinct names`,
    );
  const base = baselineIndex(names, baseline);
  const runs = results.map((r) => r.result);
  const years = [...new Set(runs.flatMap((r) => r.reportYears))].sort((a, b) => a - b);
  const rows = [...figureRows(runs, years), ...targetRows(runs)].map((row) => withDiffs(row, base));
  const targetBars = rows
    .filter((r) => r.kind === "target-count" && r.cells.some((c) => c.probability !== null))
    .map((r) => ({ targetId: r.targetId as string, label: r.label, probabilities: r.cells.map((c) => c.probability) }));
  return {
    scenarios: results.map((r) => described(r.name, r.result)),
    baseline: base,
    years,
    rows,
    fans: results.map((r) => ({ scenario: r.name, points: fan(r.result) })),
    targetBars,
  };
}
