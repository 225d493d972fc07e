/**
 * parkplan solve on the 嘉兴 sample: the pipeline in-process (common random numbers against the simulate
 * run, the engine on threads giving the same answer as this thread, the per-platform table, the 反推 sheet
 * and its chart), and the real command as a subprocess (the JSON's shape, usage and input errors with
 * their exit codes, nothing written).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { simulate } from "../../models/simulate.js";
import { nodeEngine } from "../../src/engine/node/nodeThreads.js";
import { solveJson } from "../../src/cli/solve.js";
import { inputFor, loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { solveWorkbook } from "../../src/pipeline/solve.js";
import { SHEET_NAMES } from "../../src/workbook/results/sheetNames.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const BIN = fileURLToPath(new URL("../../bin/parkplan.js", import.meta.url));
const SAMPLE = fileURLToPath(new URL("../../assets/samples/jiaxing-2017.xlsx", import.meta.url));
const SCENARIO = JSON.parse(readFileSync(new URL("../../assets/samples/jiaxing-2017.scenario.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;
const KEYS = [
  "lever",
  "value",
  "probability",
  "reachable",
  "curve",
  "target",
  "subject",
  "year",
  "range",
  "goal",
  "tolerance",
  "status",
  "base",
  "platforms",
  "runs",
  "evaluations",
  "monotone",
  "sentence",
];

const book = async () => XlsxWorkbook.open(readFileSync(SAMPLE), "jiaxing-2017.xlsx");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(args: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), "pp-solve-"));
  dirs.push(cwd);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, written: readdirSync(cwd) };
}

describe("solve pipeline on the 嘉兴 sample", () => {
  it("嘉善 JX-7 by growth: the base is the simulate run's probability, and threads give the same answer", { timeout: 60_000 }, async () => {
    const request = { scenario: SCENARIO, target: "JX-7", subject: "嘉善经济技术开发区", lever: { kind: "growth" as const }, write: false };
    const one = await solveWorkbook(await book(), request);
    expect(one.single).toBe(true);
    const [r] = one.results;
    const input = inputFor(await loadPlatforms(await book()), SCENARIO);
    const base = simulate(input.platforms, SCENARIO, { baseYear: input.baseYear }).targets.find(
      (t) => t.id === "JX-7" && t.subject === "嘉善经济技术开发区",
    )!;
    expect(r.base).toEqual({ x: 0, p: base.probability });
    expect(r.status).toBe("solved");
    expect(r.value! > 0 && r.value! < 0.2).toBe(true);
    expect(r.probability).toBeGreaterThanOrEqual(0.8);
    expect(r.curve.find((q) => Math.abs(q.x - (r.value! - 0.001)) < 1e-12)!.p).toBeLessThan(0.8);
    expect(r.platforms).toEqual(["嘉善经济技术开发区", "姚庄镇工业园区"]);
    expect(Object.keys(solveJson(r))).toEqual(KEYS);
    const engine = nodeEngine(2);
    try {
      const threaded = await solveWorkbook(await book(), { ...request, engine });
      expect(threaded.results).toEqual(one.results);
    } finally {
      engine.close();
    }
  });

  it(
    "without --subject: one row per main platform, and the 反推 sheet with the answer, the table and a curve chart each",
    { timeout: 60_000 },
    async () => {
      const port = await book();
      const scenario = { ...SCENARIO, monteCarlo: { runs: 200, seed: "jiaxing" } };
      const outcome = await solveWorkbook(port, { scenario, target: "JX-7", lever: { kind: "growth" } });
      expect(outcome.single).toBe(false);
      expect(outcome.results).toHaveLength(10);
      expect(outcome.results[0].subject).toBe("嘉兴经济技术开发区");
      // 桐乡 (262 万元/亩 in 2020) cannot reach 500 within +20 points of growth.
      expect(outcome.results.find((r) => r.subject === "桐乡经济开发区")?.status).toBe("unreachable");
      const sheet = outcome.sheet;
      expect(sheet.name).toBe(SHEET_NAMES.backSolve);
      expect(sheet.charts).toHaveLength(10);
      const cells = sheet.rows.flat().map((c) => c.v);
      for (const r of outcome.results) expect(cells).toContain(r.sentence.zh);
      expect((await port.listSheets()).map((s) => s.name)).toContain("反推");
    },
  );
});

describe("parkplan solve", () => {
  it("prints the JSON object for one subject and writes nothing with --json alone", () => {
    const r = run(["solve", SAMPLE, "--target", "JX-7", "--subject", "嘉兴港区", "--lever", "growth", "--runs", "200", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(KEYS);
    expect(doc).toMatchObject({
      lever: "growth",
      target: "JX-7",
      subject: "嘉兴港区",
      year: 2020,
      range: [-0.05, 0.2],
      goal: 0.8,
      runs: 200,
    });
    expect(r.written).toEqual([]);
  });

  it("input errors (exit 1) and usage errors (exit 2) name the option; nothing is written", () => {
    const base = ["solve", SAMPLE, "--lever", "growth", "--runs", "0"];
    const target = run([...base, "--target", "JX-99"]);
    expect(target.code).toBe(1);
    expect(target.stderr).toContain("选项 --target");
    expect(target.stderr).toContain("option --target");
    const subject = run([...base, "--target", "JX-7", "--subject", "嘉兴"]);
    expect(subject.code).toBe(1);
    expect(subject.stderr).toContain("--subject");
    const range = run([...base, "--target", "JX-7", "--range", "0.2,0.1"]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain("--range 须为两个数");
    const lever = run([...base.slice(0, 2), "--lever", "ratio:nope", "--target", "JX-7"]);
    expect(lever.code).toBe(2);
    expect(lever.stderr).toContain("--lever");
    for (const r of [target, subject, range, lever]) expect(r.written).toEqual([]);
  });
});
