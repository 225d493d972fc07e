/**
 * The real `parkplan` command, run as a subprocess (node bin/parkplan.js …): the README quick start, the
 * --json document checked against simulate() in-process, exit codes and messages, check and presets.
 * Each subprocess costs a tsx start (~1–2 s), so runs are few and small.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PRESETS } from "../../models/presets.js";
import type { SimulationResult } from "../../models/results.js";
import { simulate } from "../../models/simulate.js";
import { inputHash } from "../../src/pipeline/inputHash.js";
import { readPlatformSheet, type PlatformSheet } from "../../src/workbook/sheet/index.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "bin/parkplan.js");
const SAMPLE = join(REPO, "assets/samples/jiaxing-2017.xlsx");
const SAMPLE_SCENARIO = join(REPO, "assets/samples/jiaxing-2017.scenario.json");
const SAMPLE_SHEET = "平台基本情况";
const RESULTS = ["预测", "达标", "汇总", "运行记录"];

const TOP_KEYS = ["engine", "scenario", "warnings", "platforms", "rollups", "targets", "classOdds", "allMet"];
const PLATFORM_KEYS = ["name", "county", "level", "status", "mainPlatform", "years", "stats"];
const YEAR_KEYS = [
  "year",
  "output",
  "land",
  "valueAdded",
  "tax",
  "energy",
  "rd",
  "highTechValueAdded",
  "strategicEmergingOutput",
  "outputPerMu",
  "taxPerMu",
  "valueAddedPerMu",
  "energyIntensity",
  "rdShare",
  "highTechShare",
  "binding",
];

let root: string;
let fatalBook: string;
let sample: PlatformSheet;

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh empty folder to run in, so any file the command writes shows up. */
function freshDir(): string {
  return mkdtempSync(join(root, "cwd-"));
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Plain JSON data, NaN and ±Infinity as null: what --json promises for the model's numbers. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v)));
/** The document's year: the model's figures, and R&D ÷ output and high-tech VA ÷ VA computed here (null when the whole is 0). */
const pickYear = (y: object) => {
  const f = y as Record<string, number>;
  const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : NaN);
  const derived: Record<string, unknown> = { rdShare: shareOf(f.rd, f.output), highTechShare: shareOf(f.highTechValueAdded, f.valueAdded) };
  return Object.fromEntries(YEAR_KEYS.map((k) => [k, k in derived ? derived[k] : (y as Record<string, unknown>)[k]]));
};

function sampleScenario(extra: Record<string, unknown>): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(SAMPLE_SCENARIO, "utf8")) as Record<string, unknown>;
  return { ...doc, monteCarlo: { ...(doc.monteCarlo as object), ...extra } };
}

/** What --json must hold for this in-process result, built from the result itself. */
function expectedDocument(result: SimulationResult) {
  return plain({
    engine: result.engine,
    scenario: result.scenario,
    platforms: result.platforms.map((p) => ({
      name: p.name,
      county: p.county,
      level: p.level,
      status: p.status,
      mainPlatform: p.mainPlatform,
      years: p.years.map(pickYear),
      ...(p.stats ? { stats: p.stats } : {}),
    })),
    rollups: result.rollups.map((u) => ({
      name: u.name,
      kind: u.kind,
      years: u.years.map(pickYear),
      ...(u.stats ? { stats: u.stats } : {}),
    })),
    targets: result.targets.map((t) => ({
      id: t.id,
      subject: t.subject,
      year: t.year,
      metric: t.metric,
      threshold: t.threshold,
      thresholdMax: t.thresholdMax,
      strictMax: t.strictMax ?? null,
      value: t.value,
      met: t.met,
      probability: t.probability,
      firstYear: t.firstYear,
      metBy: t.metBy,
      medianFirstYear: t.medianFirstYear,
      reason: t.reason ? `${t.reason.zh} / ${t.reason.en}` : null,
      notes: t.notes.map((n) => `${n.zh} / ${n.en}`),
    })),
    classOdds: result.classOdds ?? null,
    allMet: result.allMet ?? null,
  }) as Record<string, unknown>;
}

/** A platform sheet with a negative land in D5 (the 4th platform). */
async function writeFatalBook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("平台表");
  ws.addRows([
    ["平台名称", "整合类型", "整合去向", "工业用地面积", "产值"],
    ["甲经开区", "主平台", null, 10000, 500],
    ["乙园", "分区", "甲经开区", 2000, 60],
    ["丙园", "保留", null, 3000, 90],
    ["丁园", "保留", null, -120, 5],
  ]);
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "parkplan-cli-"));
  mkdirSync(join(root, "books"));
  fatalBook = join(root, "books", "fatal.xlsx");
  await writeFatalBook(fatalBook);
  sample = readPlatformSheet(await (await openXlsxFile(SAMPLE)).readGrid(SAMPLE_SHEET));
  expect(sample.fatal).toBe(false);
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("parkplan simulate: the README quick start", () => {
  test("writes <name>-projected.xlsx in the current folder with the user's sheets and the four result sheets; the input is untouched", async () => {
    const cwd = freshDir();
    const before = sha256(SAMPLE);
    const r = run(["simulate", SAMPLE], cwd);
    expect(r.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("嘉兴 2020 攻坚方案");
    expect(r.stdout).toContain("目标检查");
    expect(r.stdout).toContain("基年 2017 → 2020");
    expect(r.stdout).toContain("蒙特卡洛 1000 次（种子 jiaxing）");
    expect(r.stdout).toContain(`${sample.platforms.length} 个平台`);
    expect(readdirSync(cwd)).toEqual(["jiaxing-2017-projected.xlsx"]);
    const out = join(cwd, "jiaxing-2017-projected.xlsx");
    expect(r.stdout).toContain(out);
    expect(sha256(SAMPLE)).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const visible = wb.worksheets.filter((ws) => ws.state !== "veryHidden" && ws.state !== "hidden").map((ws) => ws.name);
    expect(visible).toEqual([SAMPLE_SHEET, "说明", ...RESULTS]);

    // The user's sheet reads back the same; the run log carries the hash of the platforms read.
    const reopened = await openXlsxFile(out);
    expect(readPlatformSheet(await reopened.readGrid(SAMPLE_SHEET)).platforms).toEqual(sample.platforms);
    const log = (await reopened.readGrid("运行记录")).values.flat();
    expect(log).toContain(await inputHash(sample.platforms));
    expect(log).toContain("jiaxing-2017.xlsx");
    expect(JSON.parse((await reopened.readStore("writtenSheets"))!)).toEqual(RESULTS);
  });
});

describe("parkplan simulate --json", () => {
  let seedS: ReturnType<typeof run>;
  let doc: Record<string, unknown>;
  let cwdS: string;

  beforeAll(() => {
    cwdS = freshDir();
    seedS = run(["simulate", SAMPLE, "--json", "--runs", "50", "--seed", "s"], cwdS);
    doc = JSON.parse(seedS.stdout) as Record<string, unknown>;
  }, 60_000);

  test("prints exactly the documented keys, exits 0, writes nothing, no NaN", () => {
    expect(seedS.code).toBe(0);
    expect(Object.keys(doc)).toEqual(TOP_KEYS);
    const platforms = doc.platforms as Record<string, unknown>[];
    expect(platforms).toHaveLength(sample.platforms.length);
    for (const p of platforms) {
      expect(Object.keys(p)).toEqual(PLATFORM_KEYS);
      for (const y of p.years as Record<string, unknown>[]) expect(Object.keys(y)).toEqual(YEAR_KEYS);
      expect(Object.keys(p.stats as object).sort()).toEqual(["2018", "2019", "2020"]);
    }
    expect(seedS.stdout).not.toMatch(/NaN|Infinity/);
    expect(readdirSync(cwdS)).toEqual([]);
    expect(existsSync(join(REPO, "assets/samples/jiaxing-2017-projected.xlsx"))).toBe(false);
  });

  test("the numbers are simulate() in-process on the sheet's platforms with the sample scenario, runs 50, seed s", () => {
    const result = simulate(sample.platforms, sampleScenario({ runs: 50, seed: "s" }), { baseYear: sample.baseYear });
    expect(result.monteCarlo?.runs).toBe(50);
    const expected = expectedDocument(result);
    expect(doc.engine).toEqual(expected.engine);
    expect(doc.scenario).toEqual(expected.scenario);
    expect((doc.scenario as { monteCarlo: unknown }).monteCarlo).toEqual({ runs: 50, seed: "s" });
    expect(doc.platforms).toEqual(expected.platforms);
    expect(doc.rollups).toEqual(expected.rollups);
    expect(doc.targets).toEqual(expected.targets);
    expect(doc.classOdds).toEqual(expected.classOdds);
    expect(doc.allMet).toEqual(expected.allMet);
    // Base-year figures are the sheet's own.
    const first = (doc.platforms as { name: string; years: { year: number; output: number; land: number }[] }[])[0];
    expect(first.name).toBe(sample.platforms[0].name);
    expect(first.years[0]).toMatchObject({ year: 2017, output: sample.platforms[0].output, land: sample.platforms[0].land });
    // Sheet issues come first with sheet and cell; then the model's warnings.
    const warnings = doc.warnings as { sheet: string | null; cell: string | null; code: string }[];
    expect(warnings.map((w) => [w.sheet, w.cell, w.code])).toEqual([
      ...sample.issues.map((i) => [i.sheet, i.cell, i.code]),
      ...result.warnings.map((w) => [null, null, w.code]),
    ]);
    expect(warnings.some((w) => w.code === "SHEET_TOTAL_ROW" && w.cell === "A32")).toBe(true);
  });

  test("the same seed gives the same document; another seed changes the statistics only (--out still writes)", async () => {
    const again = run(["simulate", SAMPLE, "--json", "--runs", "50", "--seed", "s"], freshDir());
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(seedS.stdout);
    const cwd = freshDir();
    const other = run(["simulate", SAMPLE, "--json", "--runs", "50", "--seed", "t", "--out", "t.xlsx"], cwd);
    expect(other.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(["t.xlsx"]);
    expect((await (await openXlsxFile(join(cwd, "t.xlsx"))).listSheets()).map((x) => x.name)).toEqual([SAMPLE_SHEET, "说明", ...RESULTS]);
    const t = JSON.parse(other.stdout) as { platforms: { years: unknown; stats: unknown }[]; rollups: { stats: unknown }[] };
    const s = doc as unknown as typeof t;
    expect(t.platforms.map((p) => p.years)).toEqual(s.platforms.map((p) => p.years));
    expect(t.platforms.map((p) => p.stats)).not.toEqual(s.platforms.map((p) => p.stats));
    expect(t.rollups.map((u) => u.stats)).not.toEqual(s.rollups.map((u) => u.stats));
  });

  test("--runs 0: no stats, no probabilities, deterministic numbers equal simulate()", () => {
    const cwd = freshDir();
    const r = run(["simulate", SAMPLE, "--json", "--runs", "0"], cwd);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Record<string, unknown>;
    const platforms = d.platforms as Record<string, unknown>[];
    for (const p of platforms) expect(Object.keys(p)).toEqual(PLATFORM_KEYS.filter((k) => k !== "stats"));
    for (const u of d.rollups as Record<string, unknown>[]) expect(u).not.toHaveProperty("stats");
    for (const t of d.targets as { probability: unknown; metBy: unknown }[]) expect([t.probability, t.metBy]).toEqual([null, null]);
    expect([d.classOdds, d.allMet]).toEqual([null, null]);
    const expected = expectedDocument(simulate(sample.platforms, sampleScenario({ runs: 0 }), { baseYear: sample.baseYear }));
    expect(d.platforms).toEqual(expected.platforms);
    expect(d.rollups).toEqual(expected.rollups);
    expect(d.targets).toEqual(expected.targets);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("parkplan: input errors exit 1 and write nothing", () => {
  test("a workbook with a negative land: stderr names 平台表!D5 in Chinese and English", () => {
    const cwd = freshDir();
    const r = run(["simulate", fatalBook, "--runs", "0"], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("平台表!D5：工业用地面积为负数（-120）");
    expect(r.stderr).toContain("平台表!D5: land in use is negative (-120)");
    expect(r.stderr).toContain("未写出任何文件");
    expect(r.stderr).toContain("nothing was written");
    expect(r.stdout).toBe("");
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(dirname(fatalBook))).toEqual(["fatal.xlsx"]);
  });

  test("an invalid scenario file: stderr names the field land.strategy", () => {
    const cwd = freshDir();
    const bad = join(cwd, "bad.scenario.json");
    writeFileSync(bad, JSON.stringify({ land: { strategy: "random" } }));
    const r = run(["simulate", SAMPLE, "--scenario", bad, "--runs", "0"], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("情景字段 land.strategy");
    expect(r.stderr).toContain("scenario field land.strategy");
    expect(readdirSync(cwd)).toEqual(["bad.scenario.json"]);
  });

  test("no base year anywhere (no scenario file, no year in the sheet): stderr names the field baseYear", async () => {
    const cwd = freshDir();
    const book = join(cwd, "no-year.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("平台").addRows([
      ["平台名称", "工业用地面积", "产值"],
      ["甲园", 1000, 50],
    ]);
    await wb.xlsx.writeFile(book);
    const r = run(["simulate", book, "--runs", "0"], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("情景字段 baseYear");
    expect(r.stderr).toContain("scenario field baseYear");
    expect(readdirSync(cwd)).toEqual(["no-year.xlsx"]);
  });
});

describe("parkplan: usage errors exit 2", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown option", ["simulate", SAMPLE, "--bogus"], /unknown option '--bogus'/],
    ["a missing argument", ["simulate"], /missing required argument 'workbook'/],
    ["a workbook file that does not exist", ["simulate", "no-such-book.xlsx"], /找不到工作簿文件.*workbook not found: no-such-book\.xlsx/],
    ["--runs abc", ["simulate", SAMPLE, "--runs", "abc"], /'--runs <n>' argument 'abc' is invalid/],
    [
      "--out naming the input workbook",
      ["simulate", SAMPLE, "--runs", "0", "--out", SAMPLE],
      /输出文件不能覆盖输入工作簿 \/ the output file must not overwrite the input workbook/,
    ],
  ];
  test.each(cases)("%s", (_what, args, message) => {
    const cwd = freshDir();
    const before = sha256(SAMPLE);
    const r = run(args, cwd);
    expect(sha256(SAMPLE)).toBe(before);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("parkplan check", () => {
  test("the sample: sheet, base year and platform count; exit 0", () => {
    const r = run(["check", SAMPLE], freshDir());
    expect(r.code).toBe(0);
    expect(sample.platforms.length).toBe(28);
    expect(r.stdout).toContain(`平台表“${SAMPLE_SHEET}”（表头第 ${sample.headerRow} 行），基年 2017，28 个平台`);
    for (const p of sample.platforms) expect(r.stdout).toContain(p.name);
  });

  test("the fatal fixture: exit 1 naming the cell", () => {
    const r = run(["check", fatalBook], freshDir());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("平台表!D5");
  });
});

describe("parkplan presets", () => {
  test("lists the five preset ids", () => {
    const r = run(["presets"], freshDir());
    expect(r.code).toBe(0);
    expect(PRESETS.map((p) => p.id)).toEqual(["jiaxing-2020", "lishui-2025", "hangzhou-2020", "jiading-2020", "jinhua-2025"]);
    for (const p of PRESETS) expect(r.stdout).toContain(`${p.id} · ${p.name.zh}`);
  });

  test("--json parses to the five presets with their targets", () => {
    const r = run(["presets", "--json"], freshDir());
    expect(r.code).toBe(0);
    const presets = JSON.parse(r.stdout) as { id: string; targets: { id: string }[] }[];
    expect(presets.map((p) => p.id)).toEqual(PRESETS.map((p) => p.id));
    expect(presets.map((p) => p.targets.map((t) => t.id))).toEqual(PRESETS.map((p) => p.targets.map((t) => t.id)));
  });
});
