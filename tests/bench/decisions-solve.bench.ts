/**
 * Back-solve benchmark (issue 14; aim ≤ 3 s): the growth needed for P ≥ 80% to 0.1 point (grid step
 * 0.001 over [−0.05, 0.20]), (a) on the 嘉兴 sample, JX-7 (亩均产出 ≥ 500 万元/亩 in 2020) for 嘉善经济技术
 * 开发区, 1,000 runs; (b) on 100 platforms × 10 years (tests/bench/region.ts scenario B), 亩均产出 in 2027
 * 10% above the first main platform's deterministic figure, 1,000 runs. For each: wall time and evaluations
 * in this thread (the restricted Monte Carlo of the one check) and on the engine with all threads (full
 * runs), the time per evaluation, and the answer (the same both ways). Also (a) for every main platform
 * (the per-platform table). No assertions: a benchmark, not a test.
 *
 *   npx tsx tests/bench/decisions-solve.bench.ts [--runs=1000]
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { planSolve, runSteps, evaluate, solveAll, type SolveProblem, type SolveResult } from "../../models/decisions/solve.js";
import { simulate } from "../../models/simulate.js";
import { nodeEngine } from "../../src/engine/node/nodeThreads.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { solveWorkbook } from "../../src/pipeline/solve.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { HORIZON, scenarioB, syntheticRegion } from "./region.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg("runs", "1000"));

const ms = (t0: number) => Math.round(performance.now() - t0);

function line(label: string, r: SolveResult, wall: number): string {
  return `${label.padEnd(34)} ${String(wall).padStart(6)} ms  ${String(r.evaluations).padStart(2)} evaluations  ${String(Math.round(wall / r.evaluations)).padStart(4)} ms each  → ${r.status} ${r.value ?? "—"} (P ${r.probability}, base ${r.base.p})`;
}

async function inThread(problem: SolveProblem): Promise<[SolveResult, number]> {
  const t0 = performance.now();
  const plan = planSolve(problem);
  const r = runSteps(plan, (x) => evaluate(plan, x));
  return [r, ms(t0)];
}

async function main(): Promise<void> {
  const threads = availableParallelism();
  process.stdout.write(`Back-solve benchmark · ${RUNS} runs · ${threads} threads available\n\n`);

  // (a) The 嘉兴 sample.
  const bytes = readFileSync("assets/samples/jiaxing-2017.xlsx");
  const scenario = {
    ...JSON.parse(readFileSync("assets/samples/jiaxing-2017.scenario.json", "utf8")),
    monteCarlo: { runs: RUNS, seed: "jiaxing" },
  };
  const input = inputFor(await loadPlatforms(await XlsxWorkbook.open(bytes, "jiaxing-2017.xlsx")), scenario);
  const sample: SolveProblem = {
    platforms: input.platforms,
    scenario,
    baseYear: input.baseYear,
    target: "JX-7",
    subject: "嘉善经济技术开发区",
    lever: { kind: "growth" },
  };
  await inThread(sample); // warm-up
  const [a, aMs] = await inThread(sample);
  process.stdout.write(line("(a) 嘉兴 JX-7 嘉善, this thread", a, aMs) + "\n");
  const engine = nodeEngine(threads);
  try {
    const book = await XlsxWorkbook.open(bytes, "jiaxing-2017.xlsx");
    let t0 = performance.now();
    const threaded = await solveWorkbook(book, {
      scenario,
      target: "JX-7",
      subject: "嘉善经济技术开发区",
      lever: { kind: "growth" },
      write: false,
      engine,
    });
    process.stdout.write(line(`(a) same, engine ${threads} threads`, threaded.results[0], ms(t0)) + "\n");
    t0 = performance.now();
    const all = solveAll({ ...sample, subject: undefined });
    const allMs = ms(t0);
    const evaluations = all.reduce((s, r) => s + r.evaluations, 0);
    process.stdout.write(
      `${"(a) every main platform, this thread".padEnd(34)} ${String(allMs).padStart(6)} ms  ${evaluations} evaluations over ${all.length} platforms\n`,
    );
    for (const r of all) process.stdout.write(`      ${r.subject.padEnd(16)} ${r.status.padEnd(11)} ${r.value ?? "—"}\n`);

    // (b) 100 platforms × 10 years.
    const region = syntheticRegion();
    const base = scenarioB(region, RUNS);
    const main = region.find((p) => p.status === "main")!.name;
    const last = HORIZON[HORIZON.length - 1];
    const deterministic = simulate(region, { ...base, monteCarlo: { runs: 0, seed: 1 } });
    const perMu = deterministic.rollups.find((u) => u.kind === "main" && u.name === main)!.years.find((y) => y.year === last)!.outputPerMu!;
    const target = { id: "B7", level: "platform", metric: "outputPerMu", comparison: ">=", threshold: Math.round(perMu * 1.1), year: last };
    const big: SolveProblem = {
      platforms: region,
      scenario: { ...base, targets: [target] },
      target: "B7",
      subject: main,
      lever: { kind: "growth" },
    };
    await inThread(big); // warm-up
    const [b, bMs] = await inThread(big);
    process.stdout.write("\n" + line(`(b) 100 × 10, ${main}, this thread`, b, bMs) + "\n");
    t0 = performance.now();
    const plan = planSolve(big);
    const { runStepsAsync, resultProbability } = await import("../../models/decisions/solve.js");
    const bt = await runStepsAsync(plan, async (x) => resultProbability(await engine.simulate(region, plan.scenarioAt(x)), "B7", main));
    process.stdout.write(line(`(b) same, engine ${threads} threads`, bt, ms(t0)) + "\n");
  } finally {
    engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
