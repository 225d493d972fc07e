/**
 * Back-solve benchmark (issue 14; aim ≤ 3 s): the growth needed for P ≥ 80% to 0.1 point (grid step
 * 0.001 over [−0.05, 0.20]), (a) on the 嘉兴 sample, JX-7 (亩均产出 ≥ 500 万元/亩 in 2020) for 嘉善经济技术
 * 开发区, 1,000 runs; (b) on 100 platforms × 10 years (tests/bench/region.ts scenario B), 亩均产出 in 2027
 * 10% above the first main platform's deterministic figure, 1,000 runs. For each: wall time and evaluations
 * in this thread (the restricted Monte Carlo of the one check), and for reference on the engine with all
 * threads as full runs, the time per evaluation, and the answer (the same both ways). Then the per-subject
 * table (every main platform) in this thread (1 thread) and as a decision question on all threads
 * (src/engine/decisions.ts: the subjects' bisections at once; cold = threads started inside the timing,
 * warm = a second question), checked to give the same results. No assertions: a benchmark, not a test.
 *
 *   npx tsx tests/bench/decisions-solve.bench.ts [--runs=1000]
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import {
  evaluate,
  planSolve,
  runSteps,
  solveAll,
  targetSubjects,
  type SolveProblem,
  type SolveResult,
} from "../../models/decisions/solve.js";
import { solveOnEngine } from "../../src/engine/decisions.js";
import { simulate } from "../../models/simulate.js";
import { nodeEngine } from "../../src/engine/node/nodeThreads.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { HORIZON, scenarioB, syntheticRegion } from "./region.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg("runs", "1000"));

const ms = (t0: number) => Math.round(performance.now() - t0);

function line(label: string, r: SolveResult, wall: number): string {
  return `${label.padEnd(34)} ${String(wall).padStart(6)} ms  ${String(r.evaluations).padStart(2)} evaluations  ${String(Math.round(wall / r.evaluations)).padStart(4)} ms each  → ${r.status} ${r.value ?? "—"} (P ${r.probability}, base ${r.base.p})`;
}

/** CPU time of this process (ms): steadier than wall time on a shared machine. */
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
let lastCpu = 0;

async function inThread(problem: SolveProblem): Promise<[SolveResult, number]> {
  const [t0, c0] = [performance.now(), cpu()];
  const plan = planSolve(problem);
  const r = runSteps(plan, (x) => evaluate(plan, x));
  lastCpu = Math.round(cpu() - c0);
  return [r, ms(t0)];
}

/** The per-subject table in this thread and on all threads (cold, then warm), with the same results checked. */
async function table(label: string, problem: SolveProblem): Promise<SolveResult[]> {
  let t0 = performance.now();
  const here = solveAll(problem);
  const hereMs = ms(t0);
  const evaluations = here.reduce((s, r) => s + r.evaluations, 0);
  const head = `${evaluations} evaluations over ${here.length} subjects`;
  process.stdout.write(`${`${label}, 1 thread`.padEnd(40)} ${String(hereMs).padStart(6)} ms  ${head}\n`);
  const engine = nodeEngine(availableParallelism());
  try {
    const plans = () => targetSubjects(problem).map((subject) => planSolve(problem, subject));
    t0 = performance.now();
    const cold = await solveOnEngine(engine, plans());
    const coldMs = ms(t0);
    t0 = performance.now();
    const warm = await solveOnEngine(engine, plans());
    const warmMs = ms(t0);
    const same = [cold, warm].every((r) => JSON.stringify(r) === JSON.stringify(here));
    process.stdout.write(
      `${`${label}, ${engine.threads} threads`.padEnd(40)} ${String(coldMs).padStart(6)} ms cold, ${warmMs} ms warm  ${same ? "same results" : "DIFFERENT RESULTS"}\n`,
    );
  } finally {
    engine.close();
  }
  return here;
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
  process.stdout.write(line("(a) 嘉兴 JX-7 嘉善, this thread", a, aMs) + ` (${lastCpu} ms CPU)\n`);
  const engine = nodeEngine(threads);
  try {
    const all = await table("(a) every main platform", { ...sample, subject: undefined });
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
    process.stdout.write("\n" + line(`(b) 100 × 10, ${main}, this thread`, b, bMs) + ` (${lastCpu} ms CPU)\n`);
    const t0 = performance.now();
    const plan = planSolve(big);
    const { runStepsAsync, resultProbability } = await import("../../models/decisions/solve.js");
    const bt = await runStepsAsync(plan, async (x) => resultProbability(await engine.simulate(region, plan.scenarioAt(x)), "B7", main));
    process.stdout.write(line(`(b) same, full runs, ${threads} threads`, bt, ms(t0)) + "\n");
    await table("(b) every main platform", { ...big, subject: undefined });
  } finally {
    engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
