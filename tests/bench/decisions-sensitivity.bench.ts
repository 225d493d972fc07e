/**
 * Sensitivity benchmark (issue 14; aim ≤ 5 s): a tornado over 10 assumptions (21 evaluations: the base
 * and each assumption at low and high) at 2,000 runs each, (a) on the 嘉兴 sample, (b) on 100 platforms ×
 * 10 years (tests/bench/region.ts scenario B: merit land, an energy cap, the jiaxing-2020 targets), each
 * for a metric's P50 and for a target's probability; then a 5 × 5 two-way table. Every evaluation runs in
 * this thread as the Monte Carlo of the one figure (figures.ts preparedFigure); one full simulate() and
 * one full run on the engine's threads are timed beside it for reference. No assertions: a benchmark.
 *
 *   npx tsx tests/bench/decisions-sensitivity.bench.ts [--runs=2000]
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { sensitivity, type AssumptionId, type SensitivityRequest, type SensitivityResult } from "../../models/decisions/sensitivity.js";
import type { Platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { nodeEngine } from "../../src/engine/node/nodeThreads.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { HORIZON, scenarioB, syntheticRegion } from "./region.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg("runs", "2000"));

const COMMON: AssumptionId[] = [
  "growth.mean",
  "growth.sd",
  "growth.correlation",
  "energy.intensityDecline",
  "land.quota",
  "exits.relocationShare",
  "land.lagYears",
  "ratios.valueAdded.change",
  "ratios.tax.change",
];
/** The 嘉兴 sample has no energy cap: its tenth assumption is the R&D share's change. */
const TEN_A: AssumptionId[] = [...COMMON, "ratios.rd.change"];
const TEN_B: AssumptionId[] = [...COMMON, "energy.cap"];

const ms = (t0: number) => Math.round(performance.now() - t0);

function timed(request: SensitivityRequest): [SensitivityResult, number] {
  const t0 = performance.now();
  const r = sensitivity(request);
  return [r, ms(t0)];
}

function line(label: string, r: SensitivityResult, wall: number, evaluations: number): string {
  const top = r.rows[0];
  return `${label.padEnd(46)} ${String(wall).padStart(6)} ms  ${String(evaluations).padStart(2)} evaluations  ${String(Math.round(wall / evaluations)).padStart(4)} ms each  → base ${r.base.toFixed(4)}, top ${top.assumption} (swing ${top.swing.toFixed(4)})`;
}

async function reference(label: string, platforms: readonly Platform[], scenario: object, baseYear: number | null): Promise<void> {
  let t0 = performance.now();
  simulate(platforms, scenario, { baseYear });
  const one = ms(t0);
  const engine = nodeEngine(availableParallelism());
  try {
    await engine.simulate(platforms, scenario, { baseYear }); // threads start
    t0 = performance.now();
    await engine.simulate(platforms, scenario, { baseYear });
    const threaded = ms(t0);
    process.stdout.write(
      `${label.padEnd(46)} one full simulate() ${one} ms, on the engine's ${engine.threads} threads ${threaded} ms (× 21 evaluations ≈ ${21 * Math.min(one, threaded)} ms)\n`,
    );
  } finally {
    engine.close();
  }
}

async function main(): Promise<void> {
  process.stdout.write(
    `Sensitivity benchmark · ${RUNS} runs per evaluation · 10 assumptions · ${availableParallelism()} threads available\n\n`,
  );

  // (a) The 嘉兴 sample.
  const bytes = readFileSync("assets/samples/jiaxing-2017.xlsx");
  const planA = {
    ...JSON.parse(readFileSync("assets/samples/jiaxing-2017.scenario.json", "utf8")),
    monteCarlo: { runs: RUNS, seed: "jiaxing" },
  };
  const input = inputFor(await loadPlatforms(await XlsxWorkbook.open(bytes, "jiaxing-2017.xlsx")), planA);
  const a = (figure: string, assumptions = TEN_A, twoWay?: [AssumptionId, AssumptionId]): SensitivityRequest => ({
    platforms: input.platforms,
    scenario: planA,
    baseYear: input.baseYear,
    figure,
    assumptions,
    twoWay,
  });
  timed(a("metric:outputPerMu:全市:2020")); // warm-up
  for (const figure of ["metric:outputPerMu:全市:2020", "target:JX-7:平湖经济技术开发区"]) {
    const [r, wall] = timed(a(figure));
    process.stdout.write(line(`(a) 嘉兴 ${figure}`, r, wall, 21) + "\n");
  }
  const [grid, gridMs] = timed(a("metric:outputPerMu:全市:2020", [], ["growth.mean", "land.quota"]));
  const corners = [grid.twoWay!.values[0][0], grid.twoWay!.values[4][4]].map((v) => v.toFixed(1)).join(" … ");
  process.stdout.write(
    `${"(a) 嘉兴 two-way 5 × 5 growth.mean × land.quota".padEnd(46)} ${String(gridMs).padStart(6)} ms  26 evaluations  ${String(Math.round(gridMs / 26)).padStart(4)} ms each  → ${corners}\n`,
  );
  await reference("(a) for reference", input.platforms, planA, input.baseYear);

  // (b) 100 platforms × 10 years.
  const region = syntheticRegion();
  const planB = scenarioB(region, RUNS);
  const last = HORIZON[HORIZON.length - 1];
  const b = (figure: string): SensitivityRequest => ({ platforms: region, scenario: planB, figure, assumptions: TEN_B });
  const probe = simulate(region, { ...planB, monteCarlo: { runs: 200, seed: "bench" } });
  const target =
    probe.targets.find((t) => t.evaluable && t.probability !== null && t.probability > 0.05 && t.probability < 0.95) ?? probe.targets[0];
  for (const figure of [`metric:outputPerMu:全市:${last}`, `target:${target.id}:${target.subject}`]) {
    const [r, wall] = timed(b(figure));
    process.stdout.write(line(`(b) 100 × 10 ${figure}`, r, wall, 21) + "\n");
  }
  await reference("(b) for reference", region, planB, null);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
