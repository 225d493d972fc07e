/**
 * `parkplan sensitivity` as a subprocess on the 嘉兴 sample: the JSON's exact shape and order, its base
 * the in-process simulate()'s probability, the two-way grid's centre, the 敏感性 sheet it writes; bad
 * option text is a usage error naming the option and the choices, with nothing written.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const BOOK = join(REPO, "assets/samples/jiaxing-2017.xlsx");
const PLAN = join(REPO, "assets/samples/jiaxing-2017.scenario.json");
// JX-7 for 平湖经济技术开发区 is met in about half the sample's trials: the probability moves both ways.
const FIGURE = "target:JX-7:平湖经济技术开发区";
const ASSUMPTIONS = "exits.relocationShare,growth.mean,growth.sd";

const root = mkdtempSync(join(tmpdir(), "parkplan-sensitivity-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row {
  assumption: string;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
  swing: number;
}

describe("parkplan sensitivity", () => {
  test("--json: exactly figure, base, rows sorted by swing; base = simulate()'s probability; nothing written", async () => {
    const cwd = mkdtempSync(join(root, "json-"));
    const r = run(
      ["sensitivity", BOOK, "--scenario", PLAN, "--figure", FIGURE, "--assumptions", ASSUMPTIONS, "--runs", "400", "--json"],
      cwd,
    );
    expect(r.stderr).not.toMatch(/Error|错误/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { figure: string; base: number; rows: Row[] };
    expect(Object.keys(out)).toEqual(["figure", "base", "rows"]);
    expect(out.figure).toBe(FIGURE);
    for (const row of out.rows) {
      expect(Object.keys(row)).toEqual(["assumption", "low", "high", "atLow", "atHigh", "swing"]);
      expect(row.swing).toBe(Math.abs(row.atHigh - row.atLow));
    }
    expect(out.rows.map((x) => x.swing)).toEqual([...out.rows.map((x) => x.swing)].sort((a, b) => b - a));
    // Growth mean ± one sd (0.077 ± 0.045) moves a 50% target most; higher growth, higher probability.
    const growth = out.rows[0];
    expect(growth).toMatchObject({ assumption: "growth.mean", low: 0.077 - 0.045, high: 0.077 + 0.045 });
    expect(growth.atLow).toBeLessThan(out.base);
    expect(growth.atHigh).toBeGreaterThan(out.base);
    const relocation = out.rows.find((x) => x.assumption === "exits.relocationShare")!;
    expect(relocation).toMatchObject({ low: 0.4, high: 0.6 });

    const input = await openXlsxFile(BOOK);
    const sheet = readPlatformSheet(await input.readGrid("平台基本情况"));
    const doc = JSON.parse(readFileSync(PLAN, "utf8"));
    const alone = simulate(sheet.platforms, { ...doc, monteCarlo: { ...doc.monteCarlo, runs: 400 } }, { baseYear: 2017 });
    expect(out.base).toBe(alone.targets.find((t) => `target:${t.id}:${t.subject}` === FIGURE)!.probability);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test("--two-way: the grid's centre is the base; --out writes 敏感性 with both languages and the driver sentence", async () => {
    const cwd = mkdtempSync(join(root, "out-"));
    const figure = "metric:outputPerMu:全市:2020";
    const args = ["sensitivity", BOOK, "--scenario", PLAN, "--figure", figure, "--assumptions", "growth.mean,land.quota", "--runs", "0"];
    const r = run([...args, "--two-way", "growth.mean,land.quota", "--json", "--out", "s.xlsx"], cwd);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { base: number; rows: Row[]; twoWay: { aValues: number[]; bValues: number[]; values: number[][] } };
    expect(Object.keys(out)).toEqual(["figure", "base", "rows", "twoWay"]);
    expect(out.twoWay.bValues).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
    expect(out.twoWay.aValues[2]).toBe(0.077);
    expect(out.twoWay.values[2][2]).toBe(out.base);
    // runs 0: the deterministic 亩均产出 of the region, as simulate() gives it.
    const input = await openXlsxFile(BOOK);
    const sheet = readPlatformSheet(await input.readGrid("平台基本情况"));
    const doc = JSON.parse(readFileSync(PLAN, "utf8"));
    const alone = simulate(sheet.platforms, { ...doc, monteCarlo: { runs: 0 } }, { baseYear: 2017 });
    expect(out.base).toBe(alone.rollups.find((u) => u.kind === "region")!.years.find((y) => y.year === 2020)!.outputPerMu);

    expect(readdirSync(cwd)).toEqual(["s.xlsx"]);
    const book = await openXlsxFile(join(cwd, "s.xlsx"));
    expect((await book.listSheets()).map((s) => s.name)).toContain("敏感性");
    const cells = (await book.readGrid("敏感性")).values.flat().map(String);
    expect(cells).toContain("增速均值 μ");
    expect(cells).toContain("Growth mean μ");
    expect(cells.some((c) => c.startsWith("对“亩均产出 · 全市 · 2020”影响最大的是“增速均值 μ”"))).toBe(true);
    expect(cells.some((c) => c.startsWith("双因素表 / Two-way table"))).toBe(true);
  });

  test("a bad --figure, --two-way or subject is a usage error (2) naming the option and the choices; nothing is written", () => {
    const cwd = mkdtempSync(join(root, "bad-"));
    const metric = run(["sensitivity", BOOK, "--scenario", PLAN, "--figure", "metric:perMu:全市:2020"], cwd);
    expect(metric.code).toBe(2);
    expect(metric.stderr).toContain("--figure：无法识别指标“perMu”");
    expect(metric.stderr).toContain("outputPerMu");
    const pair = run(["sensitivity", BOOK, "--scenario", PLAN, "--figure", FIGURE, "--two-way", "growth.mean,quota"], cwd);
    expect(pair.code).toBe(2);
    expect(pair.stderr).toContain('--two-way: unknown assumption "quota"; use one of growth.mean, growth.sd');
    const subject = run(["sensitivity", BOOK, "--scenario", PLAN, "--figure", "target:JX-7:无此平台", "--runs", "0"], cwd);
    expect(subject.code).toBe(2);
    expect(subject.stderr).toContain("--figure：目标 JX-7 没有对象“无此平台”");
    expect(subject.stderr).toContain("平湖经济技术开发区");
    expect(readdirSync(cwd)).toEqual([]);
  });
});
