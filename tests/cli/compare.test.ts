/**
 * `parkplan compare` as a subprocess on the 嘉兴 sample: the comparison sheet, the stored runs and the
 * HTML report it writes, checked against simulate() in-process; usage and input errors write nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { resultKey, type StoredResult } from "../../src/pipeline/index.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { figureAt } from "../workbook/comparisonLookup.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const SAMPLES = join(REPO, "assets/samples");
const BOOK = join(SAMPLES, "jiaxing-2017.xlsx");
const PLAN = join(SAMPLES, "jiaxing-2017.scenario.json");
const MERIT = join(SAMPLES, "jiaxing-2017.merit.scenario.json");
const NAMES = ["嘉兴 2020 攻坚方案", "嘉兴 2020 亩均论英雄方案"];

const root = mkdtempSync(join(tmpdir(), "parkplan-compare-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("parkplan compare", () => {
  test("writes 情景对比 and both stored runs into the copy, and a self-contained report; numbers are simulate()'s", async () => {
    const cwd = mkdtempSync(join(root, "ok-"));
    const r = run(["compare", BOOK, PLAN, MERIT, "--out", "cmp.xlsx", "--report", "cmp.html", "--baseline", NAMES[1]], cwd);
    expect(r.stderr).not.toMatch(/Error|错误/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`基准 baseline: ${NAMES[1]}`);
    expect(readdirSync(cwd).sort()).toEqual(["cmp.html", "cmp.xlsx"]);

    const out = await openXlsxFile(join(cwd, "cmp.xlsx"));
    expect((await out.listSheets()).map((s) => s.name)).toContain("情景对比");
    const input = await openXlsxFile(BOOK);
    const sheet = readPlatformSheet(await input.readGrid("平台基本情况"));
    const grid = await out.readGrid("情景对比");
    // Years are columns; each scenario's value row under the 全市产值 heading (comparisonLookup.ts).
    const OUTPUT = "全市产值（亿元）/ Region output (100M yuan)";
    const cell = (k: number, measure: string) => figureAt(grid.values, 3, OUTPUT, k + 1, measure, 2020) as number;
    for (const [k, file] of [PLAN, MERIT].entries()) {
      const doc = JSON.parse(readFileSync(file, "utf8"));
      // The deterministic path does not depend on the number of Monte Carlo runs.
      const alone = simulate(sheet.platforms, { ...doc, monteCarlo: { runs: 0 } }, { baseYear: 2017 });
      const output = alone.rollups.find((u) => u.kind === "region")!.years.find((y) => y.year === 2020)!.output;
      expect(cell(k, "数值 / value")).toBe(output);
      const stored = JSON.parse((await out.readStore(resultKey(NAMES[k])))!) as StoredResult;
      expect(stored.scenario.monteCarlo).toEqual({ runs: 1000, seed: "jiaxing" });
      expect(stored.rollups["全市"].output!["2020"][0]).toBe(cell(k, "数值 / value"));
    }
    // The baseline is the second scenario: the first one's difference is its value minus the second's.
    expect(cell(0, "差值 / diff")).toBe(cell(0, "数值 / value") - cell(1, "数值 / value"));
    expect(() => cell(1, "差值 / diff")).toThrow(/no 差值/);

    const html = readFileSync(join(cwd, "cmp.html"), "utf8");
    for (const name of NAMES) expect(html).toContain(name);
    expect(html).toContain("<svg");
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/https?:\/\//);
  });

  test("an unknown --baseline is a usage error (2), a repeated scenario name an input error (1); nothing is written", () => {
    const cwd = mkdtempSync(join(root, "bad-"));
    const usage = run(["compare", BOOK, PLAN, MERIT, "--baseline", "无此方案"], cwd);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--baseline “无此方案”不是所列情景之一");
    expect(usage.stderr).toContain(`choose from: ${NAMES.join(", ")}`);
    const twice = run(["compare", BOOK, PLAN, PLAN], cwd);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("both named");
    expect(readdirSync(cwd)).toEqual([]);
  });
});
