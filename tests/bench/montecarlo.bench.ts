/**
 * Monte Carlo benchmark (npm run bench): 100 platforms × 10 report years × 10,000 runs, two
 * configurations: (a) proportional land, no cap, no targets; (b) merit land + energy cap + the
 * jiaxing-2020 preset targets. For each: wall time of simulate() on one thread, of the engine on all
 * threads (nodeEngine, the command line's), the trial loop alone (runMonteCarlo, one thread), platform-
 * year steps per second, and peak memory; each configuration in its own child process so peak memory is
 * its own. Then the whole command line for job (a) (start to JSON written, `simulate … --json`) with
 * 1 thread and all threads: wall time and peak RSS of the process. No assertions: a benchmark, not a test.
 *
 *   npm run bench:montecarlo                         both configurations, 3 repeats each, medians
 *   npm run bench:montecarlo -- --runs=2000 --repeat=1
 *   npm run bench:montecarlo -- --config=b --child   one configuration in this process (for --cpu-prof)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeEngine } from "../../src/engine/node/nodeThreads.js";
import { writeBigPlatformWorkbook, BIG_BASE_YEAR } from "./bigWorkbook.js";
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
  threadedMs: number[];
  threads: number;
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

async function runConfig(config: string): Promise<Measure> {
  const region = syntheticRegion();
  // Warm up once (a shorter run, so it does not set the peak).
  simulate(region, scenarioFor(config, region, Math.min(RUNS, 1000)));
  timeLoop(region, scenarioFor(config, region, Math.min(RUNS, 1000)));
  const input = scenarioFor(config, region, RUNS);
  const simulateMs: number[] = [];
  const threadedMs: number[] = [];
  const engine = nodeEngine(availableParallelism());
  await engine.simulate(region, scenarioFor(config, region, Math.min(RUNS, 1000))); // starts the threads
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
    global.gc?.();
    const t1 = performance.now();
    await engine.simulate(region, input, { onProgress: sample });
    threadedMs.push(performance.now() - t1);
  }
  engine.close();
  return {
    config,
    platforms: region.length,
    reportYears,
    runs: RUNS,
    simulateMs,
    threadedMs,
    threads: engine.threads,
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
    const threaded = median(m.threadedMs);
    const loop = median(m.loopMs);
    return [
      m.config,
      `${m.platforms}×${m.reportYears}×${m.runs}`,
      sim.toFixed(0),
      `${threaded.toFixed(0)} (${m.threads})`,
      (((steps / threaded) * 1e3) / 1e6).toFixed(1),
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
    "all threads ms",
    "Msteps/s threads",
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
    `(a) proportional land, no cap, no targets; (b) merit land + energy cap + jiaxing-2020 targets. Medians of ${REPEAT} (simulate: ${measures.map((m) => m.config + " " + m.simulateMs.map((t) => t.toFixed(0)).join("/")).join("; ")}). simulate: one thread; all threads: nodeEngine (threads in brackets), the same numbers bit for bit.`,
  );
  console.log(
    "steps = platforms × report years × runs. idle rss: after GC before simulate(); peak rss, heap+buf: sampled during simulate() (max over repeats); maxRSS: the process's peak (warm-up and trial-loop runs included).",
  );
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TIME = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p));

/** The whole command line on job (a), as an analyst runs it: wall time and peak RSS of the process. */
async function cliJob(): Promise<void> {
  const dir = join(tmpdir(), "parkplan-bench");
  mkdirSync(dir, { recursive: true });
  const book = join(dir, "platforms-100.xlsx");
  if (!existsSync(book)) await writeBigPlatformWorkbook(book, 100);
  const scenario = join(dir, "job-a.scenario.json");
  const years = Array.from({ length: 10 }, (_, k) => BIG_BASE_YEAR + 1 + k);
  writeFileSync(scenario, JSON.stringify({ ...scenarioA(RUNS), baseYear: BIG_BASE_YEAR, horizon: years }));
  const out = join(dir, "job-a.json");
  const bin = join(ROOT, "bin", "parkplan.js");
  // The compiled command line, as `npm ci` leaves it (bin would fall back to the sources if it were stale).
  spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs")], { stdio: "ignore" });
  console.log(
    `\nWhole command line, job (a) on 100 platforms × 10 years × ${RUNS} runs: parkplan simulate … --json > file (${REPEAT} runs each, medians)`,
  );
  for (const threads of [1, availableParallelism()]) {
    const walls: number[] = [];
    const rss: number[] = [];
    for (let r = 0; r < REPEAT + 1; r++) {
      const args = [bin, "simulate", book, "--scenario", scenario, "--json", "--threads", String(threads)];
      const t0 = performance.now();
      const child = TIME
        ? spawnSync(TIME, ["-f", "%M", "-o", join(dir, "rss.txt"), process.execPath, ...args], {
            stdio: ["ignore", "pipe", "pipe"],
            maxBuffer: 256 * MB,
          })
        : spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * MB });
      const wall = performance.now() - t0;
      if (child.status !== 0) throw new Error(`parkplan failed: ${child.stderr}`);
      writeFileSync(out, child.stdout);
      if (r === 0) continue; // the first run warms the file cache
      walls.push(wall);
      if (TIME) rss.push(Number(readFirstLine(join(dir, "rss.txt"))) / 1024);
    }
    console.log(
      `  --threads ${threads}: ${median(walls).toFixed(0)} ms (${walls.map((w) => w.toFixed(0)).join("/")}), peak RSS ${rss.length ? median(rss).toFixed(0) + " MB" : "n/a (no /usr/bin/time)"}`,
    );
  }
}

const readFirstLine = (path: string) => readFileSync(path, "utf8").split("\n")[0].trim();

if (CHILD) {
  const measures: Measure[] = [];
  for (const config of CONFIGS) measures.push(await runConfig(config));
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
  await cliJob();
}
