/** parkplan … --lang zh|en|both: the language of the sheets written; a bad value is a usage error. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const BOOK = join(REPO, "assets/samples/jiaxing-2017.xlsx");
const PLAN = join(REPO, "assets/samples/jiaxing-2017.scenario.json");

const root = mkdtempSync(join(tmpdir(), "parkplan-lang-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scenario = join(root, "s.json");
writeFileSync(scenario, JSON.stringify({ ...JSON.parse(readFileSync(PLAN, "utf8")), monteCarlo: { runs: 20, seed: "jiaxing" } }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The row of a sheet whose first cell is `first`. */
async function rowStarting(file: string, sheet: string, first: string): Promise<unknown[] | undefined> {
  const grid = await (await openXlsxFile(file)).readGrid(sheet);
  return grid.values.find((r) => r[0] === first);
}

describe("--lang", () => {
  test("simulate --lang en writes English result sheets: 达标's header reads ID, Target, …, Met", async () => {
    const out = join(root, "en.xlsx");
    const r = run(["simulate", BOOK, "--scenario", scenario, "--lang", "en", "--out", out]);
    expect(r.code).toBe(0);
    const head = await rowStarting(out, "达标", "ID");
    expect(head?.slice(0, 6)).toEqual(["ID", "Target", "Level", "Subject", "Year", "Metric"]);
    expect(head).toContain("Met");
    expect(head).not.toContain("目标（英文）/ Target (English)");
    // The sheets keep their names (formulas and re-runs find them); the default stays bilingual.
    const both = join(root, "both.xlsx");
    expect(run(["simulate", BOOK, "--scenario", scenario, "--out", both]).code).toBe(0);
    expect((await rowStarting(both, "达标", "编号 / ID"))?.[1]).toBe("目标 / Target");
  }, 60_000);

  test("a bad value names --lang and its choices in both languages, exits 2 and writes nothing", () => {
    const out = join(root, "fr.xlsx");
    const r = run(["simulate", BOOK, "--scenario", scenario, "--lang", "fr", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang 须为 zh、en、both 之一，收到“fr”");
    expect(r.stderr).toContain('--lang must be one of zh, en, both, got "fr"');
    expect(existsSync(out)).toBe(false);
    for (const command of [
      ["compare", BOOK, scenario, scenario],
      ["optimize", BOOK],
      ["solve", BOOK, "--target", "JX-1", "--lever", "growth"],
      ["sensitivity", BOOK, "--figure", "target:JX-3"],
    ])
      expect(run([...command, "--lang", "de"]).code, command[0]).toBe(2);
  }, 60_000);
});
