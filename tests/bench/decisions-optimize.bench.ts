/**
 * Optimal allocation benchmark (issue 14; aim: LP ≤ 1 s): the LP's size (rows, columns, non-zeros) and the
 * time to build and solve it with HiGHS (loaded once beforehand, its load timed apart), (a) on the 嘉兴 sample
 * with its own scenario, (b) on 100 platforms × 10 years (tests/bench/region.ts scenario B: merit land, an
 * energy cap binding from the middle years) for each objective, at the horizon and over all years, and the robust
 * (sample-average) LP over K = 10 and 50 sampled trials (output at the horizon; K = 10 over all years). The median
 * of a few repeats. No assertions: a benchmark, not a test.
 *
 *   npx tsx tests/bench/decisions-optimize.bench.ts [--repeats=5]
 */
import { readFileSync } from "node:fs";
import { optimize, type ObjectiveKind, type ObjectiveSpan, type LpSolver } from "../../models/decisions/optimize/index.js";
import type { Platform } from "../../models/platform.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { scenarioB, syntheticRegion } from "./region.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const REPEATS = Number(arg("repeats", "5"));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bench(label: string, solver: LpSolver, platforms: readonly Platform[], doc: Record<string, unknown>, baseYear: number | null) {
  const times: number[] = [];
  let last: ReturnType<typeof optimize> | null = null;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    last = optimize(platforms, doc, solver, { baseYear });
    times.push(performance.now() - t0);
  }
  const { plan } = last!;
  const { rows, columns, nonzeros } = plan.size;
  const gain =
    plan.objective.value === null ? "infeasible" : `${plan.objective.value.toFixed(1)} vs ${plan.objective.baseline.toFixed(1)} 亿元`;
  process.stdout.write(
    `${label.padEnd(40)} ${String(rows).padStart(6)} rows ${String(columns).padStart(6)} cols ${String(nonzeros).padStart(7)} nz  ${median(times).toFixed(1).padStart(7)} ms  (${gain})\n`,
  );
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const solver = await loadLpSolver();
  process.stdout.write(`Optimal allocation benchmark · median of ${REPEATS} · HiGHS loaded in ${(performance.now() - t0).toFixed(0)} ms\n`);
  process.stdout.write("(build + solve + tie-break re-solve + the baseline's deterministic path)\n\n");

  const book = await openXlsxFile("assets/samples/jiaxing-2017.xlsx");
  const doc = JSON.parse(readFileSync("assets/samples/jiaxing-2017.scenario.json", "utf8")) as Record<string, unknown>;
  const input = inputFor(await loadPlatforms(book), doc);
  bench("嘉兴 sample, output at the horizon", solver, input.platforms, doc, input.baseYear);
  bench("嘉兴 sample, output over all years", solver, input.platforms, { ...doc, optimize: { over: "all" } }, input.baseYear);

  const region = syntheticRegion();
  const b = scenarioB(region, 0) as Record<string, unknown>;
  for (const objective of ["output", "valueAdded", "tax"] as ObjectiveKind[])
    for (const over of ["horizon", "all"] as ObjectiveSpan[])
      bench(`100 × 10, cap, ${objective} / ${over}`, solver, region, { ...b, optimize: { objective, over } }, null);
  // Robust (sample-average) LP over the first K Monte Carlo trials (optimize --robust K): K copies of the outputs,
  // land-capacity rows and energy links in the objective's years (all of them with over = all), shared grants and quotas.
  for (const robust of [10, 50]) bench(`100 × 10, cap, output, robust K = ${robust}`, solver, region, { ...b, optimize: { robust } }, null);
  bench("100 × 10, cap, all, robust K = 10", solver, region, { ...b, optimize: { over: "all", robust: 10 } }, null);
}

await main();
