/**
 * Sensitivity benchmark (issue 14; aim ≤ 5 s): a tornado over 10 assumptions (21 evaluations: the base
 * and each assumption at low and high) at 2,000 runs each, (a) on the 嘉兴 sample, (b) on 100 platforms ×
 * 10 years (tests/bench/region.ts scenario B: merit land, an energy cap, the jiaxing-2020 targets), each
 * for a metric's P50 and for a target's probability; then a 5 × 5 two-way table. Each evaluation is the
 * Monte Carlo of the one figure (figures.ts preparedFigure), in this thread (1 thread) and as a decision
 * question on the engine's threads (src/engine/decisions.ts; all threads, "cold" = the threads started
 * inside the timing, "warm" = a second question on the same engine), with the same numbers (checked
 * here); one full simulate() and one full run on the engine's threads are timed beside it for reference.
 * In this thread the CPU time is printed beside the wall time (the machine is shared: CPU time is steadier).
 * No assertions: a benchmark.
 *
 *   npx tsx tests/bench/decisions-sensitivity.bench.ts [--runs=2000]
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import {
  planSensitivity,
  sensitivity,
  type AssumptionId,
  type SensitivityRequest,
  type SensitivityResult,
} from "../../models/decisions/sensitivity.js";
import type { Platform } from "../../models/platform.js";
import { simulate } from "../../models/simulate.js";
import { sensitivityOnEngine } from "../../src/engine/decisions.js";
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

/** CPU time of this process (ms): steadier than wall time on a shared machine. */
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
let lastCpu = 0;

function timed(request: SensitivityRequest): [SensitivityResult, number] {
  const [t0, c0] = [performance.now(), cpu()];
  const r = sensitivity(request);
  lastCpu = Math.round(cpu() - c0);
  return [r, ms(t0)];
}

/** The same analysis on all threads: cold (a new engine, its threads started inside the timing) and warm (a second question). */
async function threaded(label: string, request: SensitivityRequest, here: SensitivityResult, evaluations: number): Promise<void> {
  const engine = nodeEngine(availableParallelism());
  try {
    let t0 = performance.now();
    const cold = await sensitivityOnEngine(engine, request);
    const coldMs = ms(t0);
    t0 = performance.now();
    const warm = await sensitivityOnEngine(engine, request);
    const warmMs = ms(t0);
    const same = JSON.stringify(cold) === JSON.stringify(here) && JSON.stringify(warm) === JSON.stringify(here);
    process.stdout.write(
      `${`${label}, ${engine.threads} threads`.padEnd(46)} ${String(coldMs).padStart(6)} ms cold, ${warmMs} ms warm  ${String(evaluations).padStart(2)} evaluations  ${String(Math.round(warmMs / evaluations)).padStart(4)} ms each (warm)  ${same ? "same numbers" : "DIFFERENT NUMBERS"}\n`,
    );
  } finally {
    engine.close();
  }
}

function line(label: string, r: SensitivityResult, wall: number, evaluations: number): string {
  const top = r.rows[0];
  return `${label.padEnd(46)} ${String(wall).padStart(6)} ms (${lastCpu} ms CPU)  ${String(evaluations).padStart(2)} evaluations  ${String(Math.round(wall / evaluations)).padStart(4)} ms each  → base ${r.base.toFixed(4)}, top ${top.assumption} (swing ${top.swing.toFixed(4)})`;
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
    process.stdout.write(line(`(a) 嘉兴 ${figure}, 1 thread`, r, wall, 21) + "\n");
    await threaded(`(a) 嘉兴 ${figure}`, a(figure), r, 21);
  }
  const gridRequest = a("metric:outputPerMu:全市:2020", [], ["growth.mean", "land.quota"]);
  const [grid, gridMs] = timed(gridRequest);
  const gridEvaluations = planSensitivity(gridRequest).evaluations.length;
  const corners = [grid.twoWay!.values[0][0], grid.twoWay!.values[4][4]].map((v) => v.toFixed(1)).join(" … ");
  process.stdout.write(
    `${"(a) 嘉兴 two-way 5 × 5, 1 thread".padEnd(46)} ${String(gridMs).padStart(6)} ms (${lastCpu} ms CPU)  ${gridEvaluations} evaluations  ${String(Math.round(gridMs / gridEvaluations)).padStart(4)} ms each  → ${corners}\n`,
  );
  await threaded("(a) 嘉兴 two-way 5 × 5", gridRequest, grid, gridEvaluations);
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
    process.stdout.write(line(`(b) 100 × 10 ${figure}, 1 thread`, r, wall, 21) + "\n");
    await threaded(`(b) 100 × 10 ${figure}`, b(figure), r, 21);
  }
  await reference("(b) for reference", region, planB, null);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
