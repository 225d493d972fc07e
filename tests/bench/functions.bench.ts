/**
 * Worksheet function benchmark: 10,000 calls of each cheap function, (a) each with new arguments (cache
 * misses, so the model runs and the LRU inserts and evicts) and (b) the same arguments every time (cache
 * hits, a recalculation that changes nothing); PROBABILITY (10,000 runs × 5 years) per call; SCENARIO
 * reading a cached stored run. Prints calls per second (median of 3 repeats). No assertions.
 *
 *   npx tsx tests/bench/functions.bench.ts [--calls=10000] [--repeat=3]
 */
import { performance } from "node:perf_hooks";
import { resultCache } from "../../src/functions/cache.js";
import * as f from "../../src/functions/functions.js";
import { useWorkbook } from "../../src/functions/storedRuns.js";
import { resultKey, STORED_RESULT_VERSION } from "../../src/pipeline/storedResults.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const CALLS = Number(arg("calls", "10000"));
const REPEAT = Number(arg("repeat", "3"));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median calls per second of `calls` calls of `call(i)`. */
async function rate(call: (i: number) => unknown, calls = CALLS): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    resultCache.clear();
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      const out = call(i);
      if (out instanceof Promise) await out;
    }
    times.push(performance.now() - start);
  }
  return (calls / median(times)) * 1000;
}

const table = Array.from({ length: 30 }, (_, i) => [10 + (i % 7), 80 + i, i % 5 === 0 ? "" : 2 + (i % 3)]);
const scores = Array.from({ length: 30 }, (_, i) => [(i * 37) % 101]);

const cheap: [string, (i: number) => unknown][] = [
  ["PERMU", (i) => f.perMuFunction(50 + i, 10000, "万元", "公顷")],
  ["UNITCONVERT", (i) => f.unitConvertFunction(i, "公顷", "亩")],
  ["CAGR", (i) => f.cagrFunction(100, 200 + i, 5)],
  ["REQUIREDGROWTH", (i) => f.requiredGrowthFunction(100, 200 + i, 5)],
  ["YEARREACHED", (i) => f.yearReachedFunction(100, 0.05 + i * 1e-6, 300, 2017)],
  ["DOUBLINGYEAR", (i) => f.doublingYearFunction(100, 0.05 + i * 1e-6, 2017)],
  ["PROJECT (14 years)", (i) => f.projectFunction(100 + i, 0.07, 2017, 2030)],
  ["SCORE (30 × 3)", (i) => f.scoreFunction([[i, 90, 2], ...table], [[12, 95, 3]], [[0.4, 0.4, 0.2]])],
  ["CLASS (30)", (i) => f.classFunction([[i], ...scores])],
];

async function main(): Promise<void> {
  const rows: string[][] = [];
  for (const [name, call] of cheap) {
    const miss = await rate(call);
    const hit = await rate(() => call(0));
    rows.push([name, miss.toFixed(0), hit.toFixed(0)]);
  }
  const prob = await rate((i) => f.probabilityFunction(100, 0.077, 0.045, 5, 140 + i, 10000, "bench"), 20);
  rows.push([
    "PROBABILITY (10,000 × 5)",
    prob.toFixed(1),
    (await rate(() => f.probabilityFunction(100, 0.077, 0.045, 5, 140, 10000, "bench"))).toFixed(0),
  ]);

  const workbook = new MemoryWorkbook();
  const run = {
    version: STORED_RESULT_VERSION,
    platforms: { P: { output: Object.fromEntries(Array.from({ length: 14 }, (_, k) => [String(2017 + k), [k, k, k, k, k]])) } },
    rollups: {},
  };
  await workbook.writeStore(resultKey("S"), JSON.stringify(run));
  useWorkbook(workbook);
  const scenario = await rate((i) =>
    f.scenarioFunction("S", "P", i % 2 ? "产值" : "output", 2017 + (i % 14), i % 3 ? "p50" : (null as unknown as undefined)),
  );
  rows.push(["SCENARIO (async, stored run cached)", scenario.toFixed(0), "—"]);

  console.log(`worksheet functions, ${CALLS} calls each (PROBABILITY: 20), median of ${REPEAT}; Node ${process.version}`);
  console.log(["function", "calls/s new args", "calls/s same args"].join("\t"));
  for (const r of rows) console.log(r.join("\t"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
