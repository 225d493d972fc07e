/**
 * `parkplan reproduce` as a subprocess: a run stored by `simulate` reproduces bit for bit; a changed
 * input cell is detected and reported with exit code 1; an unknown scenario name is an input error.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, test } from "vitest";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const BOOK = join(REPO, "assets/samples/jiaxing-2017.xlsx");
const NAME = "嘉兴 2020 攻坚方案";

const root = mkdtempSync(join(tmpdir(), "parkplan-reproduce-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("parkplan reproduce", () => {
  const cwd = mkdtempSync(join(root, "run-"));
  const projected = join(cwd, "jiaxing-2017-projected.xlsx");

  test("reports identical numbers for an untouched projected workbook", () => {
    expect(run(["simulate", BOOK, "--runs", "40", "--seed", "r"], cwd).code).toBe(0);
    const r = run(["reproduce", projected, NAME, "--json"], cwd);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ identical: true, inputChanged: false, engineChanged: false, differenceCount: 0 });
    expect(report.stored).toMatchObject({ seed: "r", runs: 40, sheet: "平台基本情况" });
  });

  test("detects a changed input cell: input changed, figures differ, exit 1", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(projected);
    const ws = wb.getWorksheet("平台基本情况")!;
    // Column I is 规上工业产值 (亿元); row 4 is the first platform under the title, unit note and header.
    const cell = ws.getCell("I4");
    cell.value = (cell.value as number) * 1.1;
    const changed = join(cwd, "changed.xlsx");
    await wb.xlsx.writeFile(changed);
    const r = run(["reproduce", changed, NAME], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("输入数据 / input data: 已变化 / changed");
    expect(r.stdout).toMatch(/有 \d+ 个数值不同 \/ \d+ figures differ/);
  });

  test("names an unknown scenario in Chinese and English", () => {
    const r = run(["reproduce", projected, "无此方案"], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("没有情景“无此方案”的运行记录");
    expect(r.stderr).toContain('no stored run of scenario "无此方案"');
  });
});
