/**
 * Monte Carlo benchmark (npm run bench): 100 platforms × 10 report years × 10,000 runs, two
 * configurations: (a) proportional land, no cap, no targets; (b) merit land + energy cap + the
 * jiaxing-2020 preset targets. For each: wall time of simulate(), the trial loop alone (runMonteCarlo
 * on the same compiled inputs), platform-year steps per second, and peak memory. Each configuration
 * runs in its own child process so peak memory is its own. No assertions: a benchmark, not a test.
 *
 *   npm run bench                         both configurations, 3 repeats each, medians
 *   npm run bench -- --runs=2000 --repeat=1
 *   npm run bench -- --config=b --child   one configuration in this process (for --cpu-prof)
 */
import { spawnSync } from "node:child_process";
import { runMonteCarlo } from "../../models/montecarlo.js";
import { prepareSimulation } from "../../models/simulate.js";
import { simulate, type Platform, type ScenarioInput } from "../../models/index.js";
import { scenarioA, scenarioB, syntheticRegion } from "./region.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg("runs", "10000"));
const REPEAT = Number(arg("repeat", "3"));
const CONFIGS = arg("config", "a,b").split(",");
const CHILD = process.argv.includes("--child");

interface Measure {
  config: string;
  platforms: number;
  reportYears: number;
  runs: number;
  simulateMs: number[];
  loopMs: number[];
  simulateCpuMs: number[];
  loopCpuMs: number[];
  idleRssMB: number;
  peakRssMB: number;
  maxRssMB: number;
  peakHeapPlusBuffersMB: number;
}

const MB = 1024 * 1024;
let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed + m.arrayBuffers > peakHeap) peakHeap = m.heapUsed + m.arrayBuffers;
}

function scenarioFor(config: string, region: Platform[], runs: number): ScenarioInput {
  return config === "a" ? scenarioA(runs) : scenarioB(region, runs);
}

/** The trial loop alone: simulate()'s preprocessing, untimed, then runMonteCarlo timed. */
function timeLoop(platforms: Platform[], input: ScenarioInput): [wall: number, cpu: number] {
  const setup = prepareSimulation(platforms, input).setup!;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  runMonteCarlo(setup, { onProgress: sample });
  return [performance.now() - t0, cpuMs(cpu0)];
}

/** CPU time (user + system) since `from`, ms: less sensitive than wall time to other work on the machine. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

function runConfig(config: string): Measure {
  const region = syntheticRegion();
  // Warm up once (a shorter run, so it does not set the peak).
  simulate(region, scenarioFor(config, region, Math.min(RUNS, 1000)));
  timeLoop(region, scenarioFor(config, region, Math.min(RUNS, 1000)));
  const input = scenarioFor(config, region, RUNS);
  const simulateMs: number[] = [];
  const loopMs: number[] = [];
  const simulateCpuMs: number[] = [];
  const loopCpuMs: number[] = [];
  let reportYears = 0;
  let idleRss = Infinity;
  let worstRss = 0;
  let worstHeap = 0;
  for (let r = 0; r < REPEAT; r++) {
    // Memory is sampled during simulate() only (progress callbacks and at its end), after a full GC.
    global.gc?.();
    idleRss = Math.min(idleRss, process.memoryUsage().rss);
    peakRss = 0;
    peakHeap = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let result: ReturnType<typeof simulate> | null = simulate(region, input, { onProgress: sample });
    simulateMs.push(performance.now() - t0);
    simulateCpuMs.push(cpuMs(cpu0));
    sample();
    worstRss = Math.max(worstRss, peakRss);
    worstHeap = Math.max(worstHeap, peakHeap);
    reportYears = result.reportYears.length;
    result = null;
    global.gc?.();
    const [wall, cpu] = timeLoop(region, input);
    loopMs.push(wall);
    loopCpuMs.push(cpu);
  }
  return {
    config,
    platforms: region.length,
    reportYears,
    runs: RUNS,
    simulateMs,
    loopMs,
    simulateCpuMs,
    loopCpuMs,
    idleRssMB: idleRss / MB,
    peakRssMB: worstRss / MB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    peakHeapPlusBuffersMB: worstHeap / MB,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function printTable(measures: Measure[]): void {
  const rows = measures.map((m) => {
    const steps = m.platforms * m.reportYears * m.runs;
    const sim = median(m.simulateMs);
    const loop = median(m.loopMs);
    return [
      m.config,
      `${m.platforms}×${m.reportYears}×${m.runs}`,
      sim.toFixed(0),
      loop.toFixed(0),
      median(m.simulateCpuMs).toFixed(0),
      median(m.loopCpuMs).toFixed(0),
      (((steps / sim) * 1e3) / 1e6).toFixed(1),
      (((steps / loop) * 1e3) / 1e6).toFixed(1),
      m.idleRssMB.toFixed(0),
      m.peakRssMB.toFixed(0),
      m.maxRssMB.toFixed(0),
      m.peakHeapPlusBuffersMB.toFixed(0),
    ];
  });
  const head = [
    "config",
    "size",
    "simulate ms",
    "loop ms",
    "sim cpu ms",
    "loop cpu ms",
    "Msteps/s sim",
    "Msteps/s loop",
    "idle rss MB",
    "peak rss MB",
    "maxRSS MB",
    "heap+buf MB",
  ];
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j < 2 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.forEach((r) => console.log(line(r)));
  console.log(
    `(a) proportional land, no cap, no targets; (b) merit land + energy cap + jiaxing-2020 targets. Medians of ${REPEAT} (simulate: ${measures.map((m) => m.config + " " + m.simulateMs.map((t) => t.toFixed(0)).join("/")).join("; ")}).`,
  );
  console.log(
    "steps = platforms × report years × runs. idle rss: after GC before simulate(); peak rss, heap+buf: sampled during simulate() (max over repeats); maxRSS: the process's peak (warm-up and trial-loop runs included).",
  );
}

if (CHILD) {
  const measures = CONFIGS.map(runConfig);
  if (process.argv.includes("--json")) process.stdout.write(JSON.stringify(measures));
  else printTable(measures);
} else {
  const measures: Measure[] = [];
  for (const config of CONFIGS) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        "--expose-gc",
        process.argv[1],
        `--config=${config}`,
        `--runs=${RUNS}`,
        `--repeat=${REPEAT}`,
        "--child",
        "--json",
      ],
      { encoding: "utf8", maxBuffer: 64 * MB },
    );
    if (child.status !== 0) throw new Error(`bench child for config ${config} failed:\n${child.stderr}`);
    measures.push(...(JSON.parse(child.stdout) as Measure[]));
  }
  printTable(measures);
}
