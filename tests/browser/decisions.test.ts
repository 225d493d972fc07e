/**
 * The 决策 section on the standalone page in chromium: open the 嘉兴 sample, choose the 2020 preset with a
 * quota of 6,000 亩, run 最优配置 in the worker (HiGHS from the bundle's highs.wasm) and compare its
 * objective and baseline with the pipeline's in-process optimizeScenario on the same workbook and scenario;
 * the section fits a 330 px pane without horizontal scroll; 下载结果 downloads the workbook with 优化配置.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { optimizeScenario, type OptimizeOutcome } from "../../src/pipeline/optimize.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { browserForTests, buildAndServe, launchChromium, type Site } from "./harness.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE = join(root, "assets", "samples", "jiaxing-2017.xlsx");
const executable = await browserForTests();
const skip = executable === null;

/** What the form sends after: sample opened, preset jiaxing-2020, quota 6000 亩, runs 200. */
const SCENARIO = {
  name: "嘉兴 平台优化提升攻坚行动（2020）",
  baseYear: 2017,
  horizon: [2018, 2019, 2020],
  targets: "jiaxing-2020",
  growth: { mean: 0.077, sd: 0.045, correlation: 0.5 },
  land: { quota: 6000, strategy: "main-only", lagYears: 1 },
  energy: { intensityDecline: 0.0343, strategy: "proportional" },
  exits: { relocationShare: 0.5 },
  monteCarlo: { runs: 200, seed: "parkplan" },
};

let site: Site;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let expected: OptimizeOutcome;

beforeAll(async () => {
  if (executable === null) return;
  browser = await launchChromium(executable);
  site = await buildAndServe();
  expected = await optimizeScenario(await openXlsxFile(SAMPLE), { scenario: SCENARIO, write: false });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.skipIf(skip)("决策 in the browser", () => {
  test("最优配置 runs in the worker and gives the pipeline's objective; the section fits 330 px; the download holds 优化配置", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setViewportSize({ width: 330, height: 900 });
    await page.goto(`${site.url}index.html`);
    await page.waitForSelector("#pp-file", { state: "attached", timeout: 15_000 });
    await page.setInputFiles("#pp-file", SAMPLE);
    await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 30_000 });
    await page.selectOption("#pp-preset", "jiaxing-2020");
    await page.fill("#pp-land-quota", "6000");
    await page.fill("#pp-runs", "200");

    await page.waitForSelector("#pp-decision-run:not([disabled])", { timeout: 30_000 });
    // The tools' strategy is not the form's: the form offers no optimal.
    expect(await page.$$eval("#pp-land-strategy option", (os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain("optimal");
    await page.click("#pp-decision-run");
    await page.waitForSelector("[data-testid=decision-status][data-phase=done]", { timeout: 120_000 });

    const plan = expected.optimization.plan;
    expect(plan.feasible).toBe(true);
    const value = Number(await page.getAttribute("[data-testid=decision-objective]", "data-value"));
    const baseline = Number(await page.getAttribute("[data-testid=decision-baseline]", "data-value"));
    expect(value).toBeCloseTo(plan.objective.value!, 9);
    expect(baseline).toBeCloseTo(plan.objective.baseline, 9);
    expect(value).toBeGreaterThanOrEqual(baseline);
    const granted = await page.$$eval("[data-testid=decision-grant]", (rs) => rs.map((r) => r.getAttribute("data-platform")));
    const order = expected.input.platforms.map((p) => p.name);
    const n = plan.names.length;
    const expectedGranted = order.filter((name) => {
      const i = plan.names.indexOf(name);
      return plan.years.some((_, k) => k > 0 && plan.grants[k * n + i] > 0);
    });
    expect(granted).toEqual(expectedGranted);
    expect(await page.locator("[data-testid=decision-shadow] li").count()).toBeGreaterThan(0);

    // Nothing in the section is wider than the section (no horizontal scroll at 330 px).
    const wide = await page.$eval("[data-testid=pp-decision-section]", (section) => {
      const right = section.getBoundingClientRect().right + 0.5;
      return [section, ...section.querySelectorAll("*")]
        .filter((e) => e.getBoundingClientRect().right > right || e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${e.scrollWidth}/${e.clientWidth}`);
    });
    expect(wide).toEqual([]);
    expect(await page.$eval("[data-testid=pp-decision-section]", (s) => s.getBoundingClientRect().right)).toBeLessThanOrEqual(330);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pp-decision-write")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("优化配置");
    await page.waitForSelector("[data-testid=decision-written]");
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
