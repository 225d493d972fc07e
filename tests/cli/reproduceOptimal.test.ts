/**
 * `parkplan optimize --out` then `parkplan reproduce` as subprocesses on the 嘉兴 sample: the optimal plan's
 * run is stored as "<scenario> · 最优配置" and re-runs with its stored grants to identical numbers, on one
 * thread and on several (the grants cross to the engine's threads); the summary names the stored run; the
 * scenario's own name has no run in the optimized copy.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { resultKey, type StoredResult } from "../../src/pipeline/storedResults.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const BOOK = join(REPO, "assets/samples/jiaxing-2017.xlsx");
const PLAN = join(REPO, "assets/samples/jiaxing-2017.scenario.json");
const NAME = "嘉兴 2020 攻坚方案";
const OPTIMAL = `${NAME} · 最优配置`;

const root = mkdtempSync(join(tmpdir(), "parkplan-reproduce-optimal-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("parkplan reproduce of an optimal run", () => {
  const cwd = mkdtempSync(join(root, "run-"));
  const file = join(cwd, "plan.scenario.json");
  const doc = JSON.parse(readFileSync(PLAN, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...doc, monteCarlo: { runs: 60, seed: "opt" } }));
  const out = join(cwd, "opt.xlsx");

  test("optimize --out stores the plan's run with its grants and says so", async () => {
    const r = run(["optimize", BOOK, "--scenario", file, "--out", out, "--threads", "1"], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`最优配置的运行已保存为“${OPTIMAL}”`);
    const stored = JSON.parse((await (await XlsxWorkbook.open(readFileSync(out))).readStore(resultKey(OPTIMAL)))!) as StoredResult;
    expect(stored.scenario.land.strategy).toBe("optimal");
    expect(stored.scenario.monteCarlo).toMatchObject({ runs: 60, seed: "opt" });
    // The sample's 6000 亩 a year, all granted in 2018 and 2019 (main-only: main platforms only).
    for (const year of ["2018", "2019"]) {
      const maps = Object.values(stored.plannedGrants!.land!) as Record<string, number>[];
      expect(maps.reduce((s, m) => s + (m[year] ?? 0), 0)).toBeCloseTo(6000, 6);
    }
    expect(stored.optimization!.objective).toMatchObject({ kind: "output", over: "horizon", years: [2020] });
    // Region output in 2020 on the stored deterministic path is the LP's objective.
    expect(stored.rollups["全市"].output!["2020"][0]).toBeCloseTo(stored.optimization!.objective.value, 6);
  });

  test("reproduce re-runs it with the stored grants: identical, on one thread and on three", () => {
    for (const threads of ["1", "3"]) {
      const r = run(["reproduce", out, OPTIMAL, "--json", "--threads", threads], cwd);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report).toMatchObject({ identical: true, inputChanged: false, engineChanged: false, differenceCount: 0 });
      expect(report.stored).toMatchObject({ seed: "opt", runs: 60, plannedGrants: true, sheet: "平台基本情况" });
      expect(report.stored.optimization.objective.kind).toBe("output");
    }
    const text = run(["reproduce", out, OPTIMAL, "--threads", "1"], cwd);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("按保存的逐平台配置重跑 / re-run with the stored per-platform grants (strategy optimal)");
    expect(text.stdout).toMatch(/线性规划目标 \/ LP objective: 规上工业产值（预测期末年份）\d+ 亿元，情景原策略 \d+ 亿元/);
    expect(text.stdout).toContain("结果完全一致 / every number is identical");
  });

  test("the scenario's own name has no stored run in the optimized copy", () => {
    const r = run(["reproduce", out, NAME], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`没有情景“${NAME}”的运行记录`);
  });
});
