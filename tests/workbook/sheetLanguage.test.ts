/**
 * --lang: the result sheets in Chinese only, English only or both (the default), on the 嘉兴 sample. Both is
 * today's sheet cell for cell; a Chinese sheet's headers and labels hold no English words (ids, units and
 * codes listed below excepted), an English sheet's no Chinese (data — platform and scenario names — left
 * out); the Chinese sheets print at least as large as the bilingual ones.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { parseLever } from "../../models/decisions/levers.js";
import { optimizeScenario } from "../../src/pipeline/optimize.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { runSensitivity } from "../../src/pipeline/sensitivity.js";
import { solveWorkbook } from "../../src/pipeline/solve.js";
import { words, type SheetLanguage } from "../../src/workbook/results/language.js";
import { printScale } from "../../src/workbook/results/print.js";
import { buildResultSheets } from "../../src/workbook/results/index.js";
import type { SheetSpec } from "../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SAMPLE = join(REPO, "assets/samples/jiaxing-2017");
const scenario = { ...JSON.parse(readFileSync(`${SAMPLE}.scenario.json`, "utf8")), monteCarlo: { runs: 40, seed: "jiaxing" } };
const deterministic = { ...scenario, monteCarlo: { runs: 0, seed: 1 } };
const open = () => XlsxWorkbook.open(new Uint8Array(readFileSync(`${SAMPLE}.xlsx`)), "jiaxing-2017.xlsx");
const now = () => new Date("2026-01-01T00:00:00Z");

/** Every result sheet the sample gives, in one language (absent: the default). */
async function sheetsIn(lang?: SheetLanguage): Promise<SheetSpec[]> {
  const run = await runScenario(await open(), { scenario, inputFile: "jiaxing-2017.xlsx", write: false, now, lang });
  const sensitivity = await runSensitivity(await open(), {
    scenario: deterministic,
    figure: "target:JX-1:嘉兴港区",
    twoWay: ["growth.mean", "land.quota"],
    write: false,
    lang,
  });
  const solve = await solveWorkbook(await open(), {
    scenario: { ...scenario, monteCarlo: { runs: 20, seed: 1 } },
    target: "JX-1",
    lever: parseLever("growth"),
    write: false,
    lang,
  });
  const optimize = await optimizeScenario(await open(), { scenario: deterministic, write: false, now, lang });
  return [...run.sheets, sensitivity.sheet, solve.sheet, optimize.sheet];
}

const sheets = {} as Record<"default" | SheetLanguage, SheetSpec[]>;
beforeAll(async () => {
  for (const lang of ["zh", "en", "both"] as const) sheets[lang] = await sheetsIn(lang);
  sheets.default = await sheetsIn();
}, 120_000);

/** Rows as plain values (lazy rows read once). */
const cells = (s: SheetSpec) => s.rows.map((r) => r.map((c) => ({ ...c })));

/** What a reader takes for the sheet's words: titles, headers, the page header and footer, chart titles and axes. */
function labels(s: SheetSpec): string[] {
  const out: string[] = [];
  for (const row of s.rows)
    for (const c of row) if ((c.style === "header" || c.style === "title") && typeof c.v === "string") out.push(c.v);
  // 运行记录's items are labels too (引擎, 随机种子 …: the first column of its first table).
  const items = s.tables?.find((t) => t.name === "PP_Run");
  if (items) for (let r = items.range.top; r <= items.range.bottom; r++) out.push(String(s.rows[r][0].v));
  if (s.print) out.push(s.print.title ?? "", s.print.footer ?? "");
  for (const chart of s.charts ?? []) out.push(chart.title ?? "", chart.xAxisTitle ?? "", chart.yAxisTitle ?? "");
  return out.filter((t) => t !== "");
}

/** Latin words a Chinese sheet keeps: quantiles, ids and codes, units written in Latin letters, proper names. */
const LATIN_KEPT = new Set(["P10", "P50", "P90", "P10–P90", "p*", "JSON", "UTC", "CO2"]);
/** …and target ids (JX-1) and assumption ids (growth.mean, in the two-way table's corner). */
const isKeptLatin = (word: string) => LATIN_KEPT.has(word) || /^[A-Z]{2}-\d+$/.test(word) || /^[a-z]+\.[a-zA-Z]+$/.test(word);

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

describe("--lang", () => {
  test("both is the default sheet, cell for cell (rows, widths, heights, tables, charts, page setup)", () => {
    expect(sheets.both.map((s) => s.name)).toEqual(["预测", "达标", "汇总", "运行记录", "敏感性", "反推", "优化配置"]);
    sheets.both.forEach((s, k) => {
      const d = sheets.default[k];
      expect(cells(s)).toEqual(cells(d));
      expect({ ...s, rows: null }).toEqual({ ...d, rows: null });
    });
    // Spot checks of today's texts.
    const [, targets, rollups] = sheets.both;
    expect(targets.rows.find((r) => r[0]?.v === "编号 / ID")?.map((c) => c.v)).toContain("目标（英文）/ Target (English)");
    expect(rollups.rows.some((r) => r[1]?.v === "新增用地指标（亩）/ Land quota (mu)")).toBe(true);
  });

  test("buildResultSheets with words('both') equals the default call", async () => {
    const run = await runScenario(await open(), { scenario: deterministic, write: false, now });
    const ctx = { issues: [], inputHash: "h", inputFile: null, sheet: "平台基本情况", startedAt: now(), finishedAt: now() };
    const a = buildResultSheets(run.result, ctx, words("both"));
    const b = buildResultSheets(run.result, ctx);
    a.forEach((s, k) => expect(cells(s)).toEqual(cells(b[k])));
  });

  test("zh: headers, titles, page headers and charts hold no Latin words beyond the listed ids, units and codes", () => {
    for (const s of sheets.zh) {
      // The footer's fields ({page}, {pages}) are filled in when printed.
      const words = labels(s).flatMap((t) => t.replace(/\{pages?\}/g, "").match(/[A-Za-z][A-Za-z0-9.*–-]*/g) ?? []);
      expect(
        words.filter((word) => !isKeptLatin(word)),
        s.name,
      ).toEqual([]);
    }
    // 达标 in Chinese: one column for the target's text, one for the reason; the met marks 是 / 否.
    const targets = sheets.zh[1];
    const head = targets.rows.find((r) => r[0]?.v === "编号")!.map((c) => c.v);
    expect(head.slice(0, 4)).toEqual(["编号", "目标", "层级", "对象"]);
    expect(head).toHaveLength(17);
    expect(head).toContain("达标");
  });

  test("en: headers, titles, page headers and charts hold no Chinese (platform, subject and scenario names left out)", () => {
    const run = sheets.en[0];
    const names = new Set<string>([scenario.name as string]);
    // The names are data: the 预测 sheet's first two columns (platforms, counties) and the roll-ups' names.
    for (const r of run.rows) for (const c of r.slice(0, 2)) if (typeof c.v === "string") names.add(c.v);
    for (const r of sheets.en[2].rows) if (typeof r[0]?.v === "string") names.add(r[0].v);
    names.add("全市");
    const sorted = [...names].filter((n) => CJK.test(n)).sort((a, b) => b.length - a.length);
    for (const s of sheets.en) {
      const left = labels(s)
        .map((t) => sorted.reduce((x, n) => x.split(n).join(""), t))
        .filter((t) => CJK.test(t));
      expect(left, s.name).toEqual([]);
    }
    const targets = sheets.en[1];
    const head = targets.rows.find((r) => r[0]?.v === "ID")!.map((c) => c.v);
    expect(head.slice(0, 4)).toEqual(["ID", "Target", "Level", "Subject"]);
    expect(targets.print?.footer).toBe("Page {page} of {pages}");
    // The met marks in English, and the highlights key on them.
    const met = head.indexOf("Met");
    const marks = new Set(targets.rows.slice(targets.rows.findIndex((r) => r[0]?.v === "ID") + 1).map((r) => r[met]?.v));
    expect([...marks].every((m) => m === "yes" || m === "no" || m === "—")).toBe(true);
    expect(targets.conditionalFormats?.map((f) => [f.column, f.equals])).toEqual([
      [met, "yes"],
      [met, "no"],
      [met, "—"],
    ]);
  });

  test("printing: each zh sheet is at most as wide as the bilingual one and prints at least as large", () => {
    sheets.zh.forEach((zh, k) => {
      const both = sheets.both[k];
      const width = (s: SheetSpec) => (s.columnWidths ?? []).reduce((a, b) => a + b, 0);
      expect(width(zh), zh.name).toBeLessThanOrEqual(width(both));
      expect(printScale(zh), zh.name).toBeGreaterThanOrEqual(printScale(both));
    });
    // 达标 loses its two English-only columns: strictly narrower.
    const sum = (s: SheetSpec) => (s.columnWidths ?? []).reduce((a, b) => a + b, 0);
    expect(sum(sheets.zh[1])).toBeLessThan(sum(sheets.both[1]));
  });
});
