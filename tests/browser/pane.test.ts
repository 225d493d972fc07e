/**
 * The standalone page end to end in chromium: open the Jiaxing sample, run 200 Monte Carlo trials in the
 * worker, compare what the pane shows and the downloaded workbook with simulate() run here on the same
 * platforms and scenario; cancel; a sheet with negative land shows sheet!cell and offers no run.
 * Screenshots: PARKPLAN_SCREENSHOTS=1 writes them to assets/screenshots/ (else to a temp folder).
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { YEAR_METRICS, type SimulationResult } from "../../models/results.js";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { printArea } from "../../src/workbook/sheetSpec.js";
import { columnLetters } from "../../src/workbook/grid.js";
import { formatProbability, perMuBars, targetCounts } from "../../src/taskpane/hooks/resultView.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { browserForTests, buildAndServe, checkCjkFonts, launchChromium, type Site } from "./harness.js";
import { JIAXING_FORM_SCENARIO } from "./formScenario.js";
import { scenarioLibraryTests } from "./scenarios.js";
// @ts-expect-error plain JS module without type declarations
import { firstLoad } from "../../scripts/load-size.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE = join(root, "assets", "samples", "jiaxing-2017.xlsx");
const keepShots = process.env.PARKPLAN_SCREENSHOTS === "1";
const shots = keepShots ? join(root, "assets", "screenshots") : mkdtempSync(join(tmpdir(), "parkplan-shots-"));
mkdirSync(shots, { recursive: true });
/** Null when no browser can be had (then every test here is skipped, with one line saying what to install). */
const executable = await browserForTests();
const skip = executable === null;
if (!skip) checkCjkFonts(keepShots);

const EXPECTED_SCENARIO = JIAXING_FORM_SCENARIO;

let site: Site;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let expected: SimulationResult;

beforeAll(async () => {
  if (executable === null) return;
  browser = await launchChromium(executable);
  site = await buildAndServe();
  const input = await loadPlatforms(await openXlsxFile(SAMPLE));
  expected = simulate(input.platforms, EXPECTED_SCENARIO, { baseYear: input.baseYear });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (!keepShots) rmSync(shots, { recursive: true, force: true });
});

/** Results shots stop at this height (CSS px) at the most: about one and a half screens of the pane. */
const RESULTS_SHOT_HEIGHT = 1600;

/**
 * A screenshot of the results section from its heading down to the 亩均 bars (where the first-year charts
 * begin), at most RESULTS_SHOT_HEIGHT tall: the whole page after a run is several screens tall.
 */
async function resultsShot(page: Page, path: string): Promise<void> {
  const top = (selector: string) =>
    page.$eval(selector, (el) => el.getBoundingClientRect().top + window.scrollY).catch(() => Number.POSITIVE_INFINITY);
  const box = await page.$eval("[data-testid=pp-result-section]", (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top + window.scrollY, width: r.width, bottom: r.bottom + window.scrollY };
  });
  const end = Math.min(box.bottom, await top("[data-testid=first-year]"), box.y + RESULTS_SHOT_HEIGHT);
  await page.screenshot({ path, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: end - box.y } });
}

async function openPage(): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${site.url}index.html`);
  await page.waitForSelector("#pp-file", { state: "attached", timeout: 15_000 });
  expect(errors).toEqual([]);
  return page;
}

async function openSample(page: Page): Promise<void> {
  await page.setInputFiles("#pp-file", SAMPLE);
  await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 30_000 });
}

describe.skipIf(skip)("production build", () => {
  test("the add-in's first load (taskpane.html and its initial scripts) stays within 250 KB gzipped; heavy parts are lazy", () => {
    type Load = { gzip: number; files: { file: string }[] };
    const pane = firstLoad(site.dist, "taskpane.html") as Load;
    const page = firstLoad(site.dist, "index.html") as Load;
    // One runtime for the three entries (shared modules are one instance), shared code split out once.
    const paneFiles = pane.files.map((f) => f.file);
    expect(paneFiles[0]).toBe("taskpane.html");
    for (const entry of ["runtime.js", "taskpane.js", "functions.js", "commands.js"]) expect(paneFiles).toContain(entry);
    expect(paneFiles.filter((f) => f.startsWith("chunks/"))).toEqual([]);
    expect(page.files.map((f) => f.file)).not.toContain("functions.js");
    // exceljs (~250 KB gzipped), mathjs (~75 KB) and the engine must not be in the first load.
    expect(pane.gzip).toBeLessThanOrEqual(250 * 1024);
    expect(page.gzip).toBeLessThanOrEqual(pane.gzip);
    // mathjs is its own lazy chunk, fetched with the first unit conversion; no first-load script holds
    // mathjs itself or the unit system built on it (the 亩 definition, models/unitSystem.ts).
    const chunks = readdirSync(join(site.dist, "chunks"));
    expect(chunks.filter((f) => /^mathjs\.[0-9a-f]+\.js$/.test(f))).toHaveLength(1);
    for (const { file } of pane.files) {
      const text = readFileSync(join(site.dist, file), "utf8");
      expect(text, file).not.toContain("666.666666666666667 m^2");
      expect(text, file).not.toContain("[DecimalError]"); // decimal.js, which only mathjs brings
    }
  });
});

describe.skipIf(skip)("standalone page", () => {
  test("opens in Chinese as the standalone host (the page loads no office.js)", async () => {
    const page = await openPage();
    expect(await page.getAttribute("html", "data-host")).toBe("standalone");
    await expect.poll(() => page.textContent("h1")).toContain("平台优化提升情景模拟");
    expect(await page.isVisible("#pp-run")).toBe(false);
    await page.click("#pp-language");
    await expect.poll(() => page.textContent("h1")).toContain("Platform integration scenarios");
    expect(await page.textContent("#pp-language")).toBe("中文");
    await page.close();
  });

  test("on an old webview (a feature the bundle needs is missing) the add-in page says why in both languages, and nothing mounts", async () => {
    const page = await browser.context.newPage();
    // What Office 2016/2019's EdgeHTML lacks: Object.fromEntries and String.prototype.matchAll.
    await page.addInitScript(() => {
      delete (Object as { fromEntries?: unknown }).fromEntries;
      delete (String.prototype as { matchAll?: unknown }).matchAll;
    });
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `window.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: null }), actions: { associate: () => {} } };`,
      }),
    );
    await page.goto(`${site.url}taskpane.html`);
    const text = await page.textContent("#pp-unsupported");
    expect(text).toContain("此版本的 Office 使用旧的网页内核");
    expect(text).toContain("This Office shows add-ins in an old web view");
    expect(text).toContain("缺少 / missing: Object.fromEntries, String.prototype.matchAll");
    // The bundle ran after the check (index.tsx sees #pp-unsupported and starts nothing): the message stays.
    await page.waitForLoadState("load");
    expect(await page.$("#container")).toBeNull();
    expect(await page.$("#pp-file")).toBeNull();
    await page.close();
  });

  test("with every feature present the check leaves the page alone", async () => {
    const page = await openPage();
    expect(await page.$("#pp-unsupported")).toBeNull();
    await page.close();
  });

  test("the add-in page (runtime, pane, functions, commands) starts without errors; with no Office host it is the standalone pane", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const associated: string[] = [];
    await page.exposeFunction("recordAssociate", (id: string) => associated.push(id));
    // office.js as a browser outside Office sees it: onReady settles with no host.
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `window.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.resolve({ host: null, platform: null }), actions: { associate: () => {} } };
               window.CustomFunctions = { associate: (id) => window.recordAssociate(id) };`,
      }),
    );
    await page.goto(`${site.url}taskpane.html`);
    await page.waitForSelector("#pp-file", { state: "attached", timeout: 15_000 });
    expect(await page.getAttribute("html", "data-host")).toBe("standalone");
    await expect.poll(() => associated.length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("inside Excel (office.js reports Excel, English display language) the pane uses the Office adapter and shows its failure", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `window.Office = { HostType: { Excel: "Excel" }, context: { displayLanguage: "en-US", requirements: { isSetSupported: () => false } },
                 onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }), actions: { associate: () => {} } };
               window.CustomFunctions = { associate: () => {} };
               window.Excel = { run: () => Promise.reject(new Error("RichApi.Error: the workbook is busy")) };`,
      }),
    );
    await page.goto(`${site.url}taskpane.html`);
    await page.waitForSelector("[data-testid=error-box]", { timeout: 15_000 });
    expect(await page.getAttribute("html", "data-host")).toBe("office");
    expect(await page.textContent("h1")).toContain("Platform integration scenarios");
    expect(await page.textContent("[data-testid=error-box]")).toContain("RichApi.Error: the workbook is busy");
    expect(await page.locator("#pp-file").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("runs the Jiaxing sample in the worker; summary, charts and download equal simulate() in-process", async () => {
    const page = await openPage();
    await openSample(page);
    expect(await page.getAttribute("[data-testid=sheet-summary]", "data-count")).toBe("28");
    expect(await page.locator("[data-testid=platform-table] tbody tr").count()).toBe(28);
    await page.screenshot({ path: join(shots, "pane-sheet.png"), fullPage: true });

    await page.selectOption("#pp-preset", "jiaxing-2020");
    expect(await page.inputValue("#pp-end-year")).toBe("2020");
    expect(await page.inputValue("#pp-land-strategy")).toBe("main-only");
    await page.fill("#pp-runs", "200");
    await page.click("#pp-run");
    await page.waitForSelector("[data-testid=run-status][data-phase=done]", { timeout: 60_000 });

    // Target counts and every check's row, in the engine's order.
    const counts = targetCounts(expected.targets);
    expect(await page.getAttribute("[data-testid=count-met]", "data-value")).toBe(String(counts.met));
    expect(await page.getAttribute("[data-testid=count-not-met]", "data-value")).toBe(String(counts.notMet));
    expect(await page.getAttribute("[data-testid=count-not-evaluable]", "data-value")).toBe(String(counts.notEvaluable));
    expect(counts.met + counts.notMet).toBeGreaterThan(0);
    const rows = await page.$$eval("[data-testid=target-row]", (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-id"),
        tr.getAttribute("data-subject"),
        tr.getAttribute("data-status"),
        tr.querySelector("[data-testid=target-probability]")?.textContent,
      ]),
    );
    expect(rows).toEqual(
      expected.targets.map((c) => [
        c.id,
        c.subject,
        !c.evaluable || c.met === null ? "ne" : c.met ? "met" : "notMet",
        formatProbability(c.probability),
      ]),
    );
    expect(rows.some((r) => r[3] !== "—")).toBe(true);

    // Charts: the fan chart (line and P10–P90 band) and the per-mu bars with the engine's values.
    await page.waitForSelector("[data-testid=fan-chart]", { timeout: 15_000 });
    expect(await page.locator("[data-testid=fan-line]").count()).toBe(1);
    expect(await page.locator("[data-testid=fan-band]").count()).toBe(1);
    const region = expected.rollups.find((u) => u.kind === "region")!;
    expect(await page.textContent("[data-testid=fan-last]")).toBe(region.years.find((y) => y.year === 2020)!.output.toFixed(2));
    const bars = perMuBars(expected);
    expect(bars.bars.length).toBeGreaterThan(1);
    expect(await page.$$eval("[data-testid=permu-value]", (ts) => ts.map((t) => t.textContent))).toEqual(
      bars.bars.map((b) => b.value.toFixed(1)),
    );
    expect(await page.locator("[data-testid=permu-benchmark]").count()).toBe(1);
    // The results area only: its heading, the counts, the target table, the fan and the 亩均 bars.
    await resultsShot(page, join(shots, "pane-results.png"));

    // Download: the same four sheets the command line writes, with the engine's figures.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pp-write")]);
    expect(download.suggestedFilename()).toBe("jiaxing-2017-projected.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const sheet of ["预测", "达标", "汇总", "运行记录"]) expect(names).toContain(sheet);
    const projection = wb.getWorksheet("预测")!;
    let headerRow = 0;
    projection.eachRow((row, n) => {
      if (!headerRow && row.getCell(1).value === "平台 / Platform") headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const outputColumn = 6 + YEAR_METRICS.indexOf("output");
    expect(String(projection.getRow(headerRow).getCell(outputColumn).value)).toMatch(/产值/);
    for (const p of [expected.platforms[0], expected.platforms[5], expected.platforms[20]]) {
      let found: unknown = null;
      projection.eachRow((row) => {
        if (row.getCell(1).value === p.name && row.getCell(5).value === 2020) found = row.getCell(outputColumn).value;
      });
      expect(found).toBe(p.years.find((y) => y.year === 2020)!.output);
    }
    await page.waitForSelector("[data-testid=run-written]");
    await page.close();
  });

  test("结果表语言 仅中文（打印）: the download holds the command line's --lang zh sheets, print areas included; the choice is kept", async () => {
    const page = await openPage();
    await openSample(page);
    expect(await page.inputValue("#pp-sheet-lang")).toBe("both");
    await page.selectOption("#pp-preset", "jiaxing-2020");
    await page.fill("#pp-runs", "50");
    await page.selectOption("#pp-sheet-lang", "zh");
    await page.click("#pp-run");
    await page.waitForSelector("[data-testid=run-status][data-phase=done]", { timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pp-write")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const cli = await runScenario(await openXlsxFile(SAMPLE), {
      scenario: { ...EXPECTED_SCENARIO, monteCarlo: { ...EXPECTED_SCENARIO.monteCarlo, runs: 50 } },
      write: false,
      lang: "zh",
    });
    for (const spec of cli.sheets) {
      const ws = wb.getWorksheet(spec.name)!;
      const header = spec.tables![0].range.top;
      // The headers as the command line writes them in Chinese (no "中文 / English" pairs).
      expect(ws.getRow(header + 1).values, spec.name).toEqual([undefined, ...spec.rows[header].map((c) => c.v)]);
      const area = printArea(spec);
      // exceljs reads the defined name back without the sheet and the $ signs.
      expect(ws.pageSetup.printArea?.replace(/^.*!/, "").replace(/\$/g, "") ?? null, spec.name).toBe(
        area ? `A1:${columnLetters(area.right)}${area.bottom + 1}` : null,
      );
    }
    // Remembered on this computer: a new page starts with 仅中文.
    const again = await openPage();
    await openSample(again);
    expect(await again.inputValue("#pp-sheet-lang")).toBe("zh");
    // Back to the default for the tests after this one (the browser context keeps the page's storage).
    await again.selectOption("#pp-sheet-lang", "both");
    await again.close();
    await page.close();
  });

  test("cancel stops the worker mid-run and offers no result", async () => {
    const page = await openPage();
    await openSample(page);
    await page.fill("#pp-runs", "200000"); // long enough to cancel; 1,000,000 would exceed the record limit (MAX_TRIAL_VALUES) for this sample
    await page.click("#pp-run");
    await page.waitForSelector("[data-testid=run-progress]", { timeout: 15_000 });
    await page.click("#pp-cancel");
    await page.waitForSelector("[data-testid=run-status][data-phase=cancelled]", { timeout: 10_000 });
    expect(await page.isVisible("#pp-write")).toBe(false);
    expect(await page.isVisible("[data-testid=pp-result-section]")).toBe(false);
    expect(await page.isEnabled("#pp-run")).toBe(true);
    await page.close();
  });

  test("a run refused before the engine (a user's own 预测 sheet) shows why in Chinese and English and offers no download", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("平台表");
    ws.addRow(["某市平台基本情况表（2020年）"]);
    ws.addRow(["平台名称", "所在县（市、区）", "整合类型", "工业用地面积（亩）", "规上工业产值（亿元）"]);
    ws.addRow(["甲经济开发区", "甲县", "主平台", 5000, 300]);
    wb.addWorksheet("预测").addRow(["我自己的预测表"]);
    const page = await openPage();
    await page.setInputFiles("#pp-file", {
      name: "own-sheet.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 30_000 });
    await page.fill("#pp-runs", "0");
    await page.click("#pp-run");
    await page.waitForSelector("[data-testid=error-box]", { timeout: 30_000 });
    const text = await page.textContent("[data-testid=error-box]");
    expect(text).toContain("运行失败，工作簿未改动");
    expect(text).toContain("工作簿中已有同名工作表“预测”");
    expect(text).toContain('the workbook already has a sheet named "预测"');
    expect(await page.locator("[data-testid=run-status]").count()).toBe(0);
    expect(await page.isVisible("#pp-write")).toBe(false);
    expect(await page.isEnabled("#pp-run")).toBe(true);
    await page.close();
  });

  test("a sheet with negative land lists the problem with sheet!cell and offers no run or download", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("平台表");
    ws.addRow(["某市平台基本情况表（2020年）"]);
    ws.addRow(["平台名称", "所在县（市、区）", "整合类型", "工业用地面积（亩）", "规上工业产值（亿元）"]);
    ws.addRow(["甲经济开发区", "甲县", "主平台", 5000, 300]);
    ws.addRow(["乙工业园区", "乙县", "主平台", -1200, 40]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await openPage();
    await page.setInputFiles("#pp-file", {
      name: "bad-land.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await page.waitForSelector("[data-testid=sheet-fatal]", { timeout: 30_000 });
    const errors = page.locator("[data-testid=issue-item][data-severity=error]");
    expect(await errors.count()).toBeGreaterThan(0);
    const where = await errors.evaluateAll((items) => items.map((i) => [i.getAttribute("data-where"), i.textContent]));
    expect(where.some(([at, text]) => at === "平台表!D4" && text?.includes("平台表!D4"))).toBe(true);
    expect(await page.isVisible("#pp-run")).toBe(false);
    expect(await page.isVisible("#pp-write")).toBe(false);
    await page.screenshot({ path: join(shots, "pane-issues.png"), fullPage: true });
    await page.close();
  });
});

describe.skipIf(skip)("scenario library", () => scenarioLibraryTests({ openPage, openSample, shots }));
