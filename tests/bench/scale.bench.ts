/**
 * Scale benchmark (npm run bench:scale): `parkplan simulate <book> --scenario <s> --out <out>` on
 * 1,000 / 10,000 / 100,000 platforms × 10 years, deterministic (runs 0), in a child process each. Prints
 * the child's wall time and peak RSS (/usr/bin/time -f %M, else a preload writing
 * process.resourceUsage().maxRSS at exit) and the phase breakdown the command line prints with
 * PARKPLAN_TIMINGS=1 (src/pipeline/timings.ts): open (unzip + parse the package), read-sheet (the
 * platform sheet to records), simulate, build-sheets, write-sheets, store-run, save (patch, deflate,
 * fidelity check, file), and "other" (Node's start, loading the command line, the summary, exit). The workbooks are generated once and cached in the OS temp folder.
 * Two scenarios: "default" (the model's defaults, ten years) and "merit" (land and energy quotas
 * allocated by merit). No assertions: a benchmark, not a test.
 *
 *   npm run bench:scale                                   1k and 10k, both scenarios
 *   npm run bench:scale -- --sizes=1000,10000,100000 --scenarios=merit --repeat=1
 *   npm run bench:scale -- --sizes=100000 --node-args=--max-old-space-size=4096
 *   npm run bench:scale -- --sizes=10000 --node-args=--cpu-prof,--cpu-prof-dir=/tmp/prof
 *   npm run bench:scale -- --cli=source     the TypeScript sources through tsx, not the bundle (PARKPLAN_CLI)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultScenario, meritScenario, scaleWorkbookBytes } from "./scaleWorkbook.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZES = arg("sizes", "1000,10000").split(",").map(Number);
const SCENARIOS = arg("scenarios", "default,merit").split(",") as ("default" | "merit")[];
const REPEAT = Number(arg("repeat", "1"));
const NODE_ARGS = arg("node-args", "").split(",").filter(Boolean);
const KEEP = process.argv.includes("--keep");
/** "dist" or "source" forces bin/parkplan.js's choice (PARKPLAN_CLI); default: the bundle when current. */
const CLI = arg("cli", "");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CACHE = join(tmpdir(), "parkplan-scale");
const GENERATOR_VERSION = 1;
const TIME = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p));

async function workbookOf(rows: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `platforms-${rows}-v${GENERATOR_VERSION}.xlsx`);
  if (!existsSync(path)) {
    const started = performance.now();
    writeFileSync(path, await scaleWorkbookBytes(rows));
    console.log(
      `generated ${path} (${(statSync(path).size / 2 ** 20).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return path;
}

function scenarioFile(kind: "default" | "merit", rows: number): string {
  const path = join(CACHE, `scenario-${kind}-${rows}.json`);
  writeFileSync(path, JSON.stringify(kind === "merit" ? meritScenario(rows) : defaultScenario(), null, 2));
  return path;
}

interface Measure {
  wallMs: number;
  rssMB: number;
  phases: Record<string, number>;
  ok: boolean;
  tail: string;
}

/** Preload for machines without /usr/bin/time: prints the peak RSS (kB) as the last stderr line. */
const RSS_PRELOAD = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\n"+process.resourceUsage().maxRSS+"\\n"))`;

function runOnce(book: string, scenario: string, out: string): Measure {
  const cli = [...NODE_ARGS, join(ROOT, "bin", "parkplan.js"), "simulate", book, "--scenario", scenario, "--out", out];
  const [command, args] = TIME ? [TIME, ["-f", "%M", process.execPath, ...cli]] : [process.execPath, ["--import", RSS_PRELOAD, ...cli]];
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd: CACHE,
    env: { ...process.env, PARKPLAN_TIMINGS: "1", ...(CLI ? { PARKPLAN_CLI: CLI } : {}) },
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - started;
  const lines = child.stderr.trim().split("\n");
  const phases: Record<string, number> = {};
  for (const line of lines) {
    const m = /^parkplan-timing (\S+) ([\d.]+)$/.exec(line);
    if (m) phases[m[1]] = (phases[m[1]] ?? 0) + Number(m[2]);
  }
  const rssKB = Number(lines[lines.length - 1]);
  const noise = lines.filter((l) => !l.startsWith("parkplan-timing") && !/^\d+$/.test(l) && !l.startsWith("提示 / note"));
  return { wallMs, rssMB: rssKB / 1024, phases, ok: child.status === 0, tail: noise.slice(-5).join("\n") };
}

const PHASES = ["open", "read-sheet", "simulate", "build-sheets", "write-sheets", "store-run", "save"];
const s = (ms: number | undefined) => (ms === undefined ? "–" : (ms / 1000).toFixed(2));

console.log(
  `node ${process.version}, ${NODE_ARGS.join(" ") || "default heap"}, CLI ${CLI || "bundle when current"}, peak RSS by ${TIME ?? "resourceUsage preload"}`,
);
console.log(["platforms", "scenario", "wall s", "peak MB", ...PHASES.map((p) => `${p} s`), "other s"].join("\t"));
for (const rows of SIZES) {
  const book = await workbookOf(rows);
  for (const kind of SCENARIOS) {
    const scenario = scenarioFile(kind, rows);
    const out = join(CACHE, `out-${kind}-${rows}.xlsx`);
    const runs = Array.from({ length: REPEAT }, () => runOnce(book, scenario, out));
    const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    // "other": starting Node and loading the command line, the summary printed, exiting.
    const other = best.wallMs - PHASES.reduce((n, p) => n + (best.phases[p] ?? 0), 0);
    const row = [String(rows), kind, s(best.wallMs), best.rssMB.toFixed(0), ...PHASES.map((p) => s(best.phases[p])), s(other)];
    console.log(row.join("\t") + (best.ok ? "" : `\tFAILED\n${best.tail}`));
    if (existsSync(out) && !KEEP) rmSync(out);
  }
}
