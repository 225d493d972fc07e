/**
 * `parkplan check` on a sheet with history: the fitted 低/中/高 per platform (models/README's worked
 * example, read from a long xlsx with a 年份 column) beside the scenario's growth, with and without
 * growth.fromHistory in the scenario; a one-year sheet prints no such block.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { checkCommand } from "../../src/cli/commands.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let root: string;
let book: string;
let oneYear: string;

async function writeBook(path: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("平台");
  ws.addRow(["年份", "平台名称", "平台级别", "用地面积（亩）", "规上工业产值（亿元）"]);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

// models/README "Calibration from history": 甲 100 → 110 → 121亿, 乙 100 → 105 → 113.4, 丙 100 → 102 → 107.1 on 1,000 亩; 丁 only 2017.
const HISTORY: (string | number)[][] = [
  ...(["2015年", "2016年", "2017年"] as const).flatMap((y, k) => [
    [y, "甲", "省级", 1000, [100, 110, 121][k]],
    [y, "乙", "省级", 1000, [100, 105, 113.4][k]],
    [y, "丙", "省级", 1000, [100, 102, 107.1][k]],
  ]),
  ["2017年", "丁", "省级", 500, 50],
];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "pp-check-cal-"));
  book = join(root, "history.xlsx");
  oneYear = join(root, "one.xlsx");
  await writeBook(book, HISTORY);
  await writeBook(
    oneYear,
    HISTORY.filter((r) => r[0] === "2017年"),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** checkCommand in-process, stdout and stderr captured. */
async function check(path: string, scenario?: object) {
  let file: string | undefined;
  if (scenario) {
    file = join(root, `s${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(scenario));
  }
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  const code = await checkCommand(path, { scenario: file });
  vi.restoreAllMocks();
  return { code, stdout: out.join(""), stderr: err.join("") };
}
afterEach(() => vi.restoreAllMocks());

/** The lines of the calibration block, spaces collapsed. */
const block = (stdout: string) =>
  stdout
    .slice(stdout.indexOf("增长校准"))
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim());

describe("parkplan check: fitted growth from history", () => {
  test("scenario without fromHistory: the fit for reference beside the scenario's 7.7% ± 4.5%, no use column", async () => {
    const r = await check(book);
    expect(r.code).toBe(0);
    const lines = block(r.stdout);
    expect(lines[0]).toBe("增长校准（由历史数据估计） / Growth calibration (fitted from history) · 2017");
    // ρ = 0.5 from the two years' residuals; the run would use growth.correlation (0.5 by default).
    expect(lines[1]).toBe("拟合 ρ / Fitted ρ 0.500 · 所用 ρ / ρ used 0.500");
    expect(lines[3]).toBe("平台 Platform 拟合 低/中/高 fitted low/mode/high 历史年数 Years of history 情景增长 scenario growth");
    // 甲 9.528% ∓ 1.2816 × 1.225%; 乙 6.524% ∓ 2.482%; 丙 3.949% ∓ 2.482%; 丁 the pool 6.667% ∓ 2.220%.
    expect(lines.slice(5, 9)).toEqual([
      "甲 8.0 / 9.5 / 11.1% 2 7.7% ± 4.5%",
      "乙 4.0 / 6.5 / 9.0% 2 7.7% ± 4.5%",
      "丙 1.5 / 3.9 / 6.4% 2 7.7% ± 4.5%",
      "丁 4.4 / 6.7 / 8.9% 0 7.7% ± 4.5%",
    ]);
    expect(lines[10]).toBe(
      "情景未开启 growth.fromHistory：以上仅供参考，运行仍按情景增长 / the scenario does not set growth.fromHistory: shown for reference, a run uses the scenario's growth",
    );
    expect(r.stderr).not.toContain("HISTORY");
    expect(r.stderr).not.toContain("丁”的历史无法用于校准");
  });

  test("scenario with fromHistory and the analyst's entries: ρ used is the scenario's, each row says how the run uses its fit", async () => {
    const r = await check(book, {
      growth: {
        correlation: 0.3,
        byLevel: { provincial: { mean: 0.06, sd: 0.02 } },
        byPlatform: { 乙: { sd: 0.03 }, 丙: { distribution: "pert", low: 0.01, mode: 0.04, high: 0.08 } },
        fromHistory: { byPlatform: { 甲: true, 乙: true, 丙: true } },
      },
    });
    expect(r.code).toBe(0);
    const lines = block(r.stdout);
    expect(lines[1]).toBe("拟合 ρ / Fitted ρ 0.500 · 所用 ρ / ρ used 0.300");
    expect(lines[3]).toMatch(/情景增长 scenario growth 使用 Use$/);
    expect(lines.slice(5, 9)).toEqual([
      "甲 8.0 / 9.5 / 11.1% 2 6.0% ± 2.0% 已采用 / applied",
      "乙 4.0 / 6.5 / 9.0% 2 7.7% ± 3.0% 分析人员覆盖（growth.byPlatform） / overridden by the analyst (growth.byPlatform)",
      "丙 1.5 / 3.9 / 6.4% 2 1.0 / 4.0 / 8.0% 分析人员覆盖（growth.byPlatform） / overridden by the analyst (growth.byPlatform)",
      "丁 4.4 / 6.7 / 8.9% 0 6.0% ± 2.0% 未采用（不在 fromHistory 范围内） / not applied (not covered by fromHistory)",
    ]);
    expect(r.stdout).not.toContain("情景未开启");
  });

  test("fromHistory covering 丁, which has only the base year: the pool, and a note naming it on stderr", async () => {
    const r = await check(book, { growth: { fromHistory: true } });
    expect(block(r.stdout)[8]).toBe("丁 4.4 / 6.7 / 8.9% 0 7.7% ± 4.5% 已采用 / applied");
    expect(r.stderr).toContain("提示 / note: 平台“丁”的历史无法用于校准：只有基年 2017 的产值和用地");
  });

  test("a one-year sheet: no calibration block", async () => {
    const r = await check(oneYear);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("4 个平台");
    expect(r.stdout).not.toContain("增长校准");
  });

  test("the command line takes --scenario for check", () => {
    const scenario = join(root, "cli.json");
    writeFileSync(scenario, JSON.stringify({ growth: { mean: 0.05, sd: 0.01, fromHistory: true } }));
    const r = spawnSync(process.execPath, [join(REPO, "bin/parkplan.js"), "check", book, "--scenario", scenario], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status).toBe(0);
    expect(block(r.stdout)[5]).toBe("甲 8.0 / 9.5 / 11.1% 2 5.0% ± 1.0% 已采用 / applied");
  });
});
