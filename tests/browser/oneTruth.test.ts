/**
 * One truth across front ends: for every sample (assets/samples/<name>.xlsx with <name>.scenario.json),
 * the standalone page with the scenario file imported shows the numbers the pipeline computes in Node for
 * the same workbook and scenario (what `parkplan simulate <name>.xlsx` runs), and its download carries
 * them in 预测; the .json export of an imported scenario is that document, and imports back as itself.
 */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { YEAR_METRICS } from "../../models/results.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { formatProbability } from "../../src/taskpane/hooks/resultView.js";
import { saveScenario } from "../../src/scenarios/index.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { browserForTests, buildAndServe, launchChromium, type Site } from "./harness.js";

const samples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "assets", "samples");
const SAMPLES = readdirSync(samples)
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""));
const executable = await browserForTests();
const skip = executable === null;

let site: Site;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (executable === null) return;
  browser = await launchChromium(executable);
  site = await buildAndServe();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openWithScenario(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${site.url}index.html`);
  await page.setInputFiles("#pp-file", join(samples, `${name}.xlsx`));
  await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 60_000 });
  await page.setInputFiles("#pp-scenario-file", join(samples, `${name}.scenario.json`));
  await page.waitForSelector("[data-testid=scenario-imported]", { timeout: 30_000 });
  return page;
}

async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

describe.skipIf(skip)("the pane gives the command line's numbers", () => {
  test.each(SAMPLES)("%s with its scenario file: figures, target rows and 预测 equal the pipeline's", async (name) => {
    const scenario = JSON.parse(readFileSync(join(samples, `${name}.scenario.json`), "utf8")) as Record<string, unknown>;
    const cli = await runScenario(await openXlsxFile(join(samples, `${name}.xlsx`)), { scenario, write: false });
    const expected = cli.result;
    const page = await openWithScenario(name);
    await page.click("#pp-run");
    await page.waitForSelector("[data-testid=run-status][data-phase=done], [data-testid=error-box]", { timeout: 120_000 });
    expect(await page.locator("[data-testid=error-box]").count()).toBe(0);

    const last = expected.years[expected.years.length - 1];
    const region = expected.rollups.find((u) => u.kind === "region")!;
    await page.waitForSelector("[data-testid=fan-last]", { timeout: 30_000 });
    expect(await page.textContent("[data-testid=fan-last]")).toBe(region.years.find((y) => y.year === last)!.output.toFixed(2));
    const rows = await page.$$eval("[data-testid=target-row]", (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-id"),
        tr.getAttribute("data-subject"),
        tr.querySelector("[data-testid=target-probability]")?.textContent,
      ]),
    );
    expect(rows).toEqual(expected.targets.map((c) => [c.id, c.subject, formatProbability(c.probability)]));

    const book = await downloaded(page, "#pp-write");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book.bytes as unknown as ExcelJS.Buffer);
    const projection = wb.getWorksheet("预测")!;
    const outputColumn = 6 + YEAR_METRICS.indexOf("output");
    const written = new Map<string, unknown>();
    projection.eachRow((row) => {
      if (row.getCell(5).value === last) written.set(String(row.getCell(1).value), row.getCell(outputColumn).value);
    });
    for (const p of expected.platforms) expect(written.get(p.name), p.name).toBe(p.years.find((y) => y.year === last)!.output);
    await page.close();
  });

  test("the Jiaxing sample with its scenario file: 全市 2020 output as the command line gives it (not the form's defaults)", async () => {
    const scenario = JSON.parse(readFileSync(join(samples, "jiaxing-2017.scenario.json"), "utf8")) as Record<string, unknown>;
    const cli = await runScenario(await openXlsxFile(join(samples, "jiaxing-2017.xlsx")), { scenario, write: false });
    const region = cli.result.rollups.find((u) => u.kind === "region")!;
    expect(region.years.find((y) => y.year === 2020)!.output).toBeGreaterThan(6400);
  });
});

describe.skipIf(skip)("defaults from the workbook's library", () => {
  test("a workbook with saved scenarios starts the form from the latest one, which then runs as the pipeline runs it", async () => {
    const merit = JSON.parse(readFileSync(join(samples, "jiaxing-2017.merit.scenario.json"), "utf8")) as Record<string, unknown>;
    const plain = JSON.parse(readFileSync(join(samples, "jiaxing-2017.scenario.json"), "utf8")) as Record<string, unknown>;
    const book = await XlsxWorkbook.open(readFileSync(join(samples, "jiaxing-2017.xlsx")), "jiaxing-2017.xlsx");
    await saveScenario(book, { scenario: plain }, { now: () => new Date("2025-01-01T00:00:00Z") });
    await saveScenario(book, { scenario: merit }, { now: () => new Date("2025-02-01T00:00:00Z") });
    const bytes = Buffer.from(await book.toBuffer());
    const cli = await runScenario(await XlsxWorkbook.open(bytes, "with-library.xlsx"), { scenario: merit, write: false });
    const page = await browser.context.newPage();
    await page.goto(`${site.url}index.html`);
    await page.setInputFiles("#pp-file", { name: "with-library.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    await page.waitForSelector("[data-testid=scenario-from-library]", { timeout: 60_000 });
    expect(await page.textContent("[data-testid=scenario-from-library]")).toContain("嘉兴 2020 亩均论英雄方案");
    expect(await page.inputValue("#pp-land-strategy")).toBe("merit");
    await page.click("#pp-run");
    await page.waitForSelector("[data-testid=run-status][data-phase=done]", { timeout: 120_000 });
    const region = cli.result.rollups.find((u) => u.kind === "region")!;
    await page.waitForSelector("[data-testid=fan-last]", { timeout: 30_000 });
    expect(await page.textContent("[data-testid=fan-last]")).toBe(region.years.find((y) => y.year === 2020)!.output.toFixed(2));
    await page.close();
  });
});

describe.skipIf(skip)("scenario .json export and import", () => {
  test.each(SAMPLES)("%s: the export of the imported file is that document; imported again, it exports the same", async (name) => {
    const original = JSON.parse(readFileSync(join(samples, `${name}.scenario.json`), "utf8")) as unknown;
    const page = await openWithScenario(name);
    const first = await downloaded(page, "#pp-scenario-export");
    expect(first.name).toBe(`${name}.scenario.json`);
    expect(JSON.parse(first.bytes.toString("utf8"))).toEqual(original);
    await page.setInputFiles("#pp-scenario-file", { name: first.name, mimeType: "application/json", buffer: first.bytes });
    await page.waitForSelector("[data-testid=scenario-imported]");
    const second = await downloaded(page, "#pp-scenario-export");
    expect(JSON.parse(second.bytes.toString("utf8"))).toEqual(original);
    await page.close();
  });

  test("an edit is exported over the imported document; an invalid file is refused naming its JSON path in Chinese and English", async () => {
    const page = await openWithScenario("jiading-2017");
    await page.fill("#pp-runs", "300");
    const edited = JSON.parse((await downloaded(page, "#pp-scenario-export")).bytes.toString("utf8")) as Record<string, unknown>;
    const original = JSON.parse(readFileSync(join(samples, "jiading-2017.scenario.json"), "utf8")) as Record<string, unknown>;
    expect(edited).toEqual({ ...original, monteCarlo: { runs: 300, seed: "jiading" } });
    await page.setInputFiles("#pp-scenario-file", {
      name: "bad.scenario.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ growth: { correlation: 2 } })),
    });
    const box = page.locator("[data-testid=error-box]");
    await box.waitFor({ timeout: 30_000 });
    const text = (await box.textContent()) ?? "";
    expect(text).toContain("情景文件未导入");
    expect(text).toContain("情景字段 growth.correlation");
    expect(text).toContain("scenario field growth.correlation");
    expect(text).toContain("bad.scenario.json");
    // The form is unchanged: still the edited document.
    expect(await page.inputValue("#pp-runs")).toBe("300");
    await page.close();
  });
});
