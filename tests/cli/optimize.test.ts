/**
 * `parkplan optimize` as a subprocess on the 嘉兴 sample: the JSON document's shape (objective, allocation,
 * shadowPrices, infeasible, simulation as `simulate --json` has it), its numbers against the LP in-process,
 * the 优化配置 sheet it writes; an infeasible target exits 1 naming the conflict; usage errors name the option.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { optimize, type LpSolver } from "../../models/decisions/optimize/index.js";
import { simulate } from "../../models/simulate.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const BOOK = join(REPO, "assets/samples/jiaxing-2017.xlsx");
const PLAN = join(REPO, "assets/samples/jiaxing-2017.scenario.json");

const root = mkdtempSync(join(tmpdir(), "parkplan-optimize-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sample's scenario with fewer runs (the shape, not the statistics, is under test). */
function scenarioFile(cwd: string, change: (doc: Record<string, unknown>) => Record<string, unknown> = (d) => d): string {
  const doc = JSON.parse(readFileSync(PLAN, "utf8")) as Record<string, unknown>;
  const file = join(cwd, "plan.scenario.json");
  writeFileSync(file, JSON.stringify(change({ ...doc, monteCarlo: { runs: 50, seed: "jiaxing" } })));
  return file;
}

describe("parkplan optimize", () => {
  test("--json: exactly objective, allocation, shadowPrices, infeasible and the plan's run as simulate --json; numbers are the LP's", async () => {
    const cwd = mkdtempSync(join(root, "json-"));
    const file = scenarioFile(cwd);
    const r = run(["optimize", BOOK, "--scenario", file, "--json", "--threads", "1"], cwd);
    expect(r.stderr).not.toMatch(/Error|错误/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["objective", "allocation", "shadowPrices", "infeasible", "robust", "simulation"]);
    expect(doc.robust).toBeNull();
    expect(Object.keys(doc.objective)).toEqual(["kind", "value", "baseline"]);
    expect(Object.keys(doc.allocation)).toEqual(["land", "energy"]);
    expect(Object.keys(doc.shadowPrices)).toEqual(["land", "energy", "headroom"]);
    expect(doc.infeasible).toEqual([]);
    expect(Object.keys(doc.simulation)).toEqual([
      "engine",
      "scenario",
      "warnings",
      "platforms",
      "rollups",
      "targets",
      "classOdds",
      "allMet",
    ]);
    expect(doc.simulation.scenario.land.strategy).toBe("optimal");
    expect(doc.simulation.platforms[0].stats).toBeDefined();

    // The same LP in-process: value, baseline and grants.
    const sheet = readPlatformSheet(await (await openXlsxFile(BOOK)).readGrid("平台基本情况"));
    const scenario = JSON.parse(readFileSync(file, "utf8"));
    const { plan } = optimize(sheet.platforms, scenario, solver, { baseYear: 2017 });
    expect(doc.objective).toEqual({ kind: "output", value: plan.objective.value, baseline: plan.objective.baseline });
    expect(doc.objective.value).toBeGreaterThan(doc.objective.baseline);
    // The main-only scenario keeps its eligibility: every platform granted land is a main platform, 6000 亩 a year in all.
    const mains = new Set(sheet.platforms.filter((p) => p.status === "main").map((p) => p.name));
    expect(Object.keys(doc.allocation.land).every((name) => mains.has(name))).toBe(true);
    for (const year of ["2018", "2019"]) {
      const total = Object.values(doc.allocation.land as Record<string, Record<string, number>>).reduce((s, m) => s + (m[year] ?? 0), 0);
      expect(total).toBeCloseTo(6000, 6);
    }
    // The plan's deterministic path gives the LP's objective: region output in 2020.
    const region = doc.simulation.rollups.find((u: { kind: string }) => u.kind === "region");
    expect(region.years.find((y: { year: number }) => y.year === 2020).output).toBeCloseTo(doc.objective.value, 6);
    // Without an energy cap there are no energy quotas or prices; land prices per grant year.
    expect(doc.allocation.energy).toEqual({});
    expect(doc.shadowPrices.energy).toEqual({});
    expect(Object.keys(doc.shadowPrices.land)).toEqual(["2018", "2019"]);
    // Same as a direct simulate() of the plan's scenario (strategy optimal, planned grants): the first target's value.
    const again = simulate(
      sheet.platforms,
      { ...doc.simulation.scenario, monteCarlo: { runs: 0 } },
      { baseYear: 2017, plannedGrants: { land: doc.allocation.land } },
    );
    expect(again.targets[0].value).toBe(doc.simulation.targets[0].value);
  });

  test("writes 优化配置 with the objective, the grants and the shadow prices with their sentences", async () => {
    const cwd = mkdtempSync(join(root, "sheet-"));
    const file = scenarioFile(cwd, (d) => ({ ...d, monteCarlo: { runs: 0 } }));
    const r = run(["optimize", BOOK, "--scenario", file, "--over", "all", "--out", "opt.xlsx"], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("每增加 1 亩 2018 年新增用地指标，2018–2020 年合计规上工业产值可增加");
    const out = await openXlsxFile(join(cwd, "opt.xlsx"));
    expect((await out.listSheets()).map((s) => s.name)).toContain("优化配置");
    const grid = await out.readGrid("优化配置");
    const texts = grid.values.flat().filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.startsWith("每增加 1 亩 2019 年新增用地指标"))).toBe(true);
    expect(texts).toContain("各预测年份合计 / summed over the projected years");
  });

  test("an infeasible target constraint exits 1 and names it with its shortfall", () => {
    const cwd = mkdtempSync(join(root, "infeasible-"));
    const target = {
      id: "X-1",
      level: "platform",
      metric: "output",
      comparison: ">=",
      threshold: 5000,
      year: 2020,
      subjects: { names: ["嘉兴港区"] },
    };
    const file = scenarioFile(cwd, (d) => ({ ...d, targets: [target], optimize: { targets: ["X-1"] } }));
    const r = run(["optimize", BOOK, "--scenario", file, "--json"], cwd);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.objective.value).toBeNull();
    expect(doc.simulation).toBeNull();
    expect(doc.allocation).toEqual({ land: {}, energy: {} });
    const conflict = doc.infeasible.find((c: { kind: string }) => c.kind === "target");
    expect(conflict).toMatchObject({ id: "X-1", subject: "嘉兴港区", year: 2020, required: 5000 });
    expect(conflict.message).toContain("目标 X-1（嘉兴港区，2020 年产值 ≥ 5000 亿元）无法满足");
    expect(doc.infeasible.some((c: { kind: string }) => c.kind === "quota" || c.kind === "headroom")).toBe(true);
  });

  test("--robust K: the sample-average LP over the first K trials, robust {trials: K}, numbers the in-process plan's", async () => {
    const cwd = mkdtempSync(join(root, "robust-"));
    const file = scenarioFile(cwd);
    const r = run(["optimize", BOOK, "--scenario", file, "--robust", "5", "--json", "--threads", "1"], cwd);
    expect(r.stderr).not.toMatch(/Error|错误/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["objective", "allocation", "shadowPrices", "infeasible", "robust", "simulation"]);
    expect(doc.robust).toEqual({ trials: 5 });
    const sheet = readPlatformSheet(await (await openXlsxFile(BOOK)).readGrid("平台基本情况"));
    const scenario = JSON.parse(readFileSync(file, "utf8"));
    const { plan } = optimize(sheet.platforms, { ...scenario, optimize: { robust: 5 } }, solver, { baseYear: 2017 });
    expect(doc.objective).toEqual({ kind: "output", value: plan.objective.value, baseline: plan.objective.baseline });
    expect(Object.keys(doc.shadowPrices.land)).toEqual(["2018", "2019"]);
    expect(doc.simulation.platforms[0].stats).toBeDefined();
    // The scenario's optimize.robust is the same as the option.
    const inFile = scenarioFile(cwd, (d) => ({ ...d, optimize: { robust: 5 } }));
    const again = JSON.parse(run(["optimize", BOOK, "--scenario", inFile, "--json", "--threads", "1"], cwd).stdout);
    expect(again.objective).toEqual(doc.objective);
    expect(again.allocation).toEqual(doc.allocation);
    expect(again.robust).toEqual({ trials: 5 });
  });

  test("a bad --robust is a usage error in both languages naming the bound", () => {
    const cwd = mkdtempSync(join(root, "robust-usage-"));
    for (const bad of ["0", "201", "2.5"]) {
      const r = run(["optimize", BOOK, "--robust", bad], cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--robust 须为 1 至 200 之间的整数`);
      expect(r.stderr).toContain(`--robust must be a whole number from 1 to 200`);
      expect(r.stderr).toContain(`"${bad}"`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test("a bad --objective is a usage error naming the choices; nothing written", () => {
    const cwd = mkdtempSync(join(root, "usage-"));
    const r = run(["optimize", BOOK, "--objective", "profit"], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--objective 须为 output、valueAdded、tax 之一");
  });
});
