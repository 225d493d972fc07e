/**
 * The pane's layout and accessibility in chromium, on the 嘉兴 sample after a run: no horizontal scroll at
 * 320, 350 and 1280 px (every accordion open; no element reaches past the viewport), the results beside the
 * form at 1280 px and first (scrolled to, heading focused) in a narrow pane; during a run a progressbar that
 * counts trials and a polite live region; the Run shortcut's action (commands.ts on the add-in page) starts
 * the same run as the Run button. PARKPLAN_SCREENSHOTS=1 writes assets/screenshots/pane-350.png and pane-1280.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { browserForTests, buildAndServe, checkCjkFonts, launchChromium, type Site } from "./harness.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE = join(root, "assets", "samples", "jiaxing-2017.xlsx");
const keepShots = process.env.PARKPLAN_SCREENSHOTS === "1";
const shots = keepShots ? join(root, "assets", "screenshots") : mkdtempSync(join(tmpdir(), "parkplan-layout-"));
mkdirSync(shots, { recursive: true });
const executable = await browserForTests();
const skip = executable === null;
if (!skip) checkCjkFonts(keepShots);

let site: Site;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (executable === null) return;
  browser = await launchChromium(executable);
  site = await buildAndServe();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (!keepShots) rmSync(shots, { recursive: true, force: true });
});

/** A page of `width` px with the sample read and the 2020 preset chosen (page errors collected). */
async function samplePage(
  width: number,
  file = "index.html",
  init?: (page: Page) => Promise<void>,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.setViewportSize({ width, height: 900 });
  await init?.(page);
  await page.goto(`${site.url}${file}`);
  await page.waitForSelector("#pp-file", { state: "attached", timeout: 15_000 });
  await page.setInputFiles("#pp-file", SAMPLE);
  await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 30_000 });
  await page.selectOption("#pp-preset", "jiaxing-2020");
  return { page, errors };
}

async function runToEnd(page: Page, runs: string, start: () => Promise<unknown> = () => page.click("#pp-run")): Promise<void> {
  await page.fill("#pp-runs", runs);
  await start();
  await page.waitForSelector("[data-testid=run-status][data-phase=done]", { timeout: 60_000 });
  await page.waitForSelector("[data-testid=fan-chart]", { timeout: 15_000 });
}

/** Open every collapsed accordion (levels, levers, fitted growth …): their panels must fit too. */
async function openAccordions(page: Page): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const closed = await page.$$("main button[aria-expanded=false]");
    if (closed.length === 0) return;
    for (const b of closed) await b.click();
  }
}

/** The document's scroll width and every element reaching past the viewport that no scroll box of its own clips. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    // HTML boxes and whole charts: what an <svg> draws past its own box makes no scroll.
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => !(e instanceof SVGElement) || e.tagName === "svg")
      .filter((e) => e.getBoundingClientRect().right > vw + 0.5 && !clipped(e))
      .map((e) => `${e.tagName}#${e.id}[${e.getAttribute("data-testid") ?? ""}] ${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, wide };
  });
}

const box = (page: Page, selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().toJSON() as DOMRect);

describe.skipIf(skip)("the pane at Excel's width and on a meeting-room screen", () => {
  test.each([320, 350])(
    "%i px: no horizontal scroll after a run; the results come first with their heading focused; the form stays reachable",
    async (width) => {
      const { page, errors } = await samplePage(width);
      await runToEnd(page, "200");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("pp-result-section-title");
      const heading = await box(page, "#pp-result-section-title");
      expect(heading.top).toBeGreaterThanOrEqual(0);
      expect(heading.bottom).toBeLessThanOrEqual(900);
      // One column: the results under the run.
      expect((await box(page, "[data-testid=pp-result-section]")).top).toBeGreaterThan(
        (await box(page, "[data-testid=pp-run-section]")).bottom - 1,
      );
      if (width === 350) await page.screenshot({ path: join(shots, "pane-350.png") });

      await openAccordions(page);
      expect(await overflow(page)).toEqual({ scrollWidth: width, clientWidth: width, wide: [] });

      await page.click("#pp-back-to-form");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("pp-scenario-section-title");
      const scenario = await box(page, "#pp-scenario-section-title");
      expect(scenario.top).toBeGreaterThanOrEqual(0);
      expect(scenario.bottom).toBeLessThanOrEqual(900);
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );

  test("1280 px: results beside the form (two columns), no horizontal scroll", async () => {
    const { page, errors } = await samplePage(1280);
    // Started from the keyboard: on the standalone page the pane hears Ctrl+Alt+R itself, and says so.
    expect(await page.textContent("#pp-run-shortcut")).toBe("快捷键：Ctrl+Alt+R");
    await runToEnd(page, "200", () => page.keyboard.press("Control+Alt+KeyR"));
    const form = await box(page, "[data-testid=pp-form-column]");
    const results = await box(page, "[data-testid=pp-result-section]");
    expect(results.left).toBeGreaterThanOrEqual(form.right);
    expect(results.top).toBeLessThan(form.top + 50);
    expect(results.right).toBeLessThanOrEqual(1280);
    // The way back to the form is not needed beside it.
    expect(await page.isVisible("#pp-back-to-form")).toBe(false);
    await page.screenshot({ path: join(shots, "pane-1280.png") });
    await openAccordions(page);
    expect(await overflow(page)).toEqual({ scrollWidth: 1280, clientWidth: 1280, wide: [] });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  test("during a run: a progressbar counting trials and a polite live region saying the share done; cancel is announced", async () => {
    const { page, errors } = await samplePage(350);
    expect(await page.getAttribute("[data-testid=run-live]", "aria-live")).toBe("polite");
    expect(await page.getAttribute("[data-testid=run-live]", "role")).toBe("status");
    await page.fill("#pp-runs", "200000"); // long enough to watch, then cancelled
    await page.click("#pp-run");
    const bar = page.locator("[data-testid=run-progress][role=progressbar][aria-valuenow]");
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute("aria-valuemin")).toBe("0");
    expect(await bar.getAttribute("aria-valuemax")).toBe("200000");
    const now = Number(await bar.getAttribute("aria-valuenow"));
    expect(Number.isInteger(now) && now >= 0 && now <= 200000).toBe(true);
    expect(await bar.getAttribute("aria-label")).toBe("模拟进度");
    expect(await bar.getAttribute("aria-valuetext")).toMatch(/^已完成 \d+ \/ 200000 次模拟$/);
    expect(await page.textContent("[data-testid=run-live]")).toMatch(/^正在模拟：已完成 (0|25|50|75|100)%$/);
    await page.click("#pp-cancel");
    await page.waitForSelector("[data-testid=run-status][data-phase=cancelled]", { timeout: 10_000 });
    expect(await page.textContent("[data-testid=run-live]")).toBe("已取消，工作簿未改动。");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  test("the Run shortcut's action on the add-in page shows the pane and gives the Run button's numbers", async () => {
    // office.js outside Office (no host: the standalone pane on taskpane.html), recording the page's actions.
    const stub = async (page: Page) => {
      await page.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: `window.__actions = {}; window.__shown = 0;
                 window.Office = { HostType: { Excel: "Excel" }, onReady: (cb) => { const info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); },
                   actions: { associate: (id, fn) => { window.__actions[id] = fn; } },
                   addin: { showAsTaskpane: () => { window.__shown += 1; return Promise.resolve(); } } };
                 window.CustomFunctions = { associate: () => {} };`,
        }),
      );
    };
    const { page, errors } = await samplePage(350, "taskpane.html", stub);
    expect(await page.evaluate(() => Object.keys((window as unknown as { __actions: object }).__actions).sort())).toEqual([
      "RunScenario",
      "showPane",
    ]);
    const rows = () =>
      page.$$eval("[data-testid=target-row]", (trs) =>
        trs.map((tr) => [tr.getAttribute("data-id"), tr.getAttribute("data-subject"), tr.textContent]),
      );

    await runToEnd(page, "200", () =>
      page.evaluate(() => (window as unknown as { __actions: Record<string, () => Promise<void>> }).__actions.RunScenario()),
    );
    expect(await page.evaluate(() => (window as unknown as { __shown: number }).__shown)).toBe(1);
    const byShortcut = { rows: await rows(), last: await page.textContent("[data-testid=fan-last]") };
    expect(byShortcut.rows.length).toBeGreaterThan(10);

    await runToEnd(page, "200");
    expect({ rows: await rows(), last: await page.textContent("[data-testid=fan-last]") }).toEqual(byShortcut);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
