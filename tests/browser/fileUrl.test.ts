/**
 * The standalone page opened from disk (file://) with the network off: the single-file page
 * (dist/parkplan.html, webpack --env single) runs the Jiaxing sample in its inlined Blob worker and shows
 * simulate()'s numbers; the ordinary build's index.html opened from disk runs on the page's thread
 * (workers refused) and says so in both languages, with the same numbers and no raw error.
 */
import ExcelJS from "exceljs";
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { YEAR_METRICS, type SimulationResult } from "../../models/results.js";
import { simulate } from "../../models/simulate.js";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { browserForTests, buildAndServe, buildSingleFile, launchChromium, type Site } from "./harness.js";
import { JIAXING_FORM_SCENARIO } from "./formScenario.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE = join(root, "assets", "samples", "jiaxing-2017.xlsx");
/** PARKPLAN_SCREENSHOTS=1 keeps assets/screenshots/standalone-file.png (the single file after a run). */
const keepShots = process.env.PARKPLAN_SCREENSHOTS === "1";
const executable = await browserForTests();
const skip = executable === null;

const SCENARIO = JIAXING_FORM_SCENARIO;

let browser: Awaited<ReturnType<typeof launchChromium>>;
let single: Awaited<ReturnType<typeof buildSingleFile>>;
let site: Site;
let expected: SimulationResult;

beforeAll(async () => {
  if (executable === null) return;
  browser = await launchChromium(executable);
  single = await buildSingleFile();
  site = await buildAndServe();
  const input = await loadPlatforms(await openXlsxFile(SAMPLE));
  expected = simulate(input.platforms, SCENARIO, { baseYear: input.baseYear });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  single?.close();
  await site?.close();
});

/** A page from disk with every network request refused (and recorded). */
async function openOffline(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route(/^(https?|wss?):/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("#pp-file", { state: "attached", timeout: 30_000 });
  return { page, requests, errors };
}

async function runSample(page: Page): Promise<void> {
  await page.setInputFiles("#pp-file", SAMPLE);
  await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 60_000 });
  await page.selectOption("#pp-preset", "jiaxing-2020");
  await page.fill("#pp-runs", "200");
  await page.click("#pp-run");
  await page.waitForSelector("[data-testid=run-status][data-phase=done], [data-testid=error-box]", { timeout: 120_000 });
  expect(await page.locator("[data-testid=error-box]").count()).toBe(0);
}

async function expectEngineNumbers(page: Page): Promise<void> {
  const region = expected.rollups.find((u) => u.kind === "region")!;
  await page.waitForSelector("[data-testid=fan-last]", { timeout: 30_000 });
  expect(await page.textContent("[data-testid=fan-last]")).toBe(region.years.find((y) => y.year === 2020)!.output.toFixed(2));
  const rows = await page.$$eval("[data-testid=target-row]", (trs) =>
    trs.map((tr) => [tr.getAttribute("data-id"), tr.getAttribute("data-subject")]),
  );
  expect(rows).toEqual(expected.targets.map((c) => [c.id, c.subject]));
  // The download: 预测's output of a few platforms in 2020 equals the engine's.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pp-write")]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
  const projection = wb.getWorksheet("预测")!;
  const outputColumn = 6 + YEAR_METRICS.indexOf("output");
  for (const p of [expected.platforms[0], expected.platforms[7], expected.platforms[20]]) {
    let found: unknown = null;
    projection.eachRow((row) => {
      if (row.getCell(1).value === p.name && row.getCell(5).value === 2020) found = row.getCell(outputColumn).value;
    });
    expect(found).toBe(p.years.find((y) => y.year === 2020)!.output);
  }
}

describe.skipIf(skip)("the page opened from disk, no network", () => {
  test("the single-file page is one file with no script or asset outside it", () => {
    const html = readFileSync(single.file, "utf8");
    expect(statSync(single.file).size).toBeGreaterThan(1_000_000);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('id="parkplan-worker-source"');
    expect(html).toContain("data:application/wasm;base64,");
    expect(html).toContain('href="data:image/png;base64,');
  });

  test("parkplan.html from file:// runs the Jiaxing sample in its Blob worker: the pane and the download show simulate()'s numbers", async () => {
    const { page, requests, errors } = await openOffline(single.file);
    expect(await page.locator("[data-testid=file-local-notice]").count()).toBe(0);
    await runSample(page);
    if (keepShots) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(root, "assets", "screenshots", "standalone-file.png") });
    }
    await expectEngineNumbers(page);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the ordinary index.html from file:// says in both languages that it runs on the page, then runs with the same numbers", async () => {
    const { page, errors } = await openOffline(join(site.dist, "index.html"));
    await page.setInputFiles("#pp-file", SAMPLE);
    const notice = await page.textContent("[data-testid=file-local-notice]");
    expect(notice).toContain("此页面是从本地文件打开的");
    expect(notice).toContain("This page was opened from disk");
    await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 60_000 });
    await page.selectOption("#pp-preset", "jiaxing-2020");
    await page.fill("#pp-runs", "200");
    await page.click("#pp-run");
    await page.waitForSelector("[data-testid=run-status][data-phase=done], [data-testid=error-box]", { timeout: 120_000 });
    expect(await page.locator("[data-testid=error-box]").count()).toBe(0);
    await expectEngineNumbers(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
