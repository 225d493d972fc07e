/**
 * The HTML report in the browser: its Content-Security-Policy (the page's own inline CSS and inline SVG
 * render, and markup slipped into it, as an escaping bug would, can neither run nor fetch anything), and
 * page 1 with the answer on the 嘉兴 sample: headline colours by direction (more energy use red), both
 * charts drawn, the answer within one A4 landscape page when printed. Screenshots: PARKPLAN_SCREENSHOTS=1
 * writes assets/screenshots/report-headline.png (page 1) and comparison-report.png (the tables after it),
 * else to a temp folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { compareResults, headlines } from "../../src/compare/index.js";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { comparisonReport } from "../../src/report/index.js";
import { REPORT_CSP } from "../../src/report/report.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, platformGrid } from "../compare/fixture.js";
import { browserForTests, checkCjkFonts, launchChromium } from "./harness.js";

const executable = await browserForTests();
const sheet = readPlatformSheet(platformGrid());
const results = [BASE, MERIT].map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
const html = comparisonReport(compareResults(results.map((result) => ({ name: result.scenario.name, result }))), {});

/** Markup an escaping bug could let through: an inline script, a script file, an image, a stylesheet, a form. */
const injected = (origin: string) => `<script>document.title = "ran";</script><script src="${origin}/x.js"></script>
<img id="beacon" src="${origin}/beacon.png"><link rel="stylesheet" href="${origin}/x.css">
<form id="f" action="${origin}/post" method="post"><input name="q" value="1"></form>`;

let dir: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
/** A server on loopback that records every request the report's page makes to it. */
let server: Server;
let origin: string;
const hits: string[] = [];

beforeAll(async () => {
  if (executable === null) return;
  dir = mkdtempSync(join(tmpdir(), "parkplan-report-"));
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium(executable);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the report declares the policy in <head>, before any content", () => {
  expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
  const head = html.slice(0, html.indexOf("<title>"));
  expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
});

/** Open the report with the injected markup; the page, what the server saw, and the CSP messages. */
async function open(page: string) {
  hits.length = 0;
  const file = join(dir, "report.html");
  writeFileSync(file, page.replace("</body>", `${injected(origin)}</body>`));
  const tab = await browser.context.newPage();
  const violations: string[] = [];
  tab.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  await tab.goto(pathToFileURL(file).href);
  await tab.waitForLoadState("load");
  return { tab, violations, url: pathToFileURL(file).href };
}

describe.skipIf(executable === null)("Content-Security-Policy in chromium", () => {
  test("inline styles and SVG render; injected script, image, stylesheet and form are refused, the server sees nothing", async () => {
    const { tab, violations, url } = await open(html);
    // The page's own CSS applied: h2's blue rule (#1f6fb2), table borders collapsed.
    expect(await tab.$eval("h2", (h) => getComputedStyle(h).borderBottomColor)).toBe("rgb(31, 111, 178)");
    expect(await tab.$eval("table", (t) => getComputedStyle(t).borderCollapse)).toBe("collapse");
    // Inline SVG drew: the fan charts have a visible area.
    const charts = await tab.$$eval("svg", (svgs) => svgs.map((s) => s.getBoundingClientRect().width * s.getBoundingClientRect().height));
    expect(charts.length).toBeGreaterThanOrEqual(2);
    for (const area of charts) expect(area).toBeGreaterThan(1000);
    // Nothing injected ran or fetched.
    expect(await tab.title()).not.toBe("ran");
    expect(await tab.$eval("#beacon", (img) => (img as HTMLImageElement).naturalWidth)).toBe(0);
    for (const what of ["inline script", "x.js", "beacon.png", "x.css"]) expect(violations.some((v) => v.includes(what))).toBe(true);
    // Submitting the form is refused by form-action (the violation event says so), and the page stays.
    const refused = await tab.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener(
            "securitypolicyviolation",
            (e) => e.effectiveDirective === "form-action" && resolve(e.effectiveDirective),
          );
          (document.getElementById("f") as HTMLFormElement).submit();
        }),
    );
    expect(refused).toBe("form-action");
    expect(tab.url()).toBe(url);
    expect(hits).toEqual([]);
    await tab.close();
  });

  test("control: the same page without the policy runs the script and hits the server", async () => {
    const { tab } = await open(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
    expect(await tab.title()).toBe("ran");
    await expect.poll(() => [...hits].sort()).toEqual(["/beacon.png", "/x.css", "/x.js"]);
    await tab.close();
  });
});

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const keepShots = process.env.PARKPLAN_SCREENSHOTS === "1";
if (executable !== null) checkCjkFonts(keepShots);
/** Colours of the report's CSS: .better and .worse. */
const COLOUR = { better: "rgb(30, 123, 52)", worse: "rgb(179, 38, 30)" };
/** The tables' screenshot stops at this height (CSS px). */
const REPORT_SHOT_HEIGHT = 1400;
/** A4 landscape less the 12 mm margins, in CSS pixels (96 per inch). */
const A4_PRINTABLE = { width: Math.floor(((297 - 24) / 25.4) * 96), height: Math.floor(((210 - 24) / 25.4) * 96) };

describe.skipIf(executable === null)("page 1 in chromium", () => {
  test("the fixture: the faster-growing scenario's extra energy use is red, its extra output green", async () => {
    const model = compareResults(results.map((result) => ({ name: result.scenario.name, result })));
    const merit = headlines(model)[1];
    expect(merit.figures.find((f) => f.key === "energy")!.improvement).toBe("worse");
    const tab = await browser.context.newPage();
    await tab.setContent(html);
    const colour = (key: string) =>
      tab.$eval(`[data-scenario="${merit.scenario}"] .line-en [data-key=${key}]`, (el) => getComputedStyle(el).color);
    expect(await colour("energy")).toBe(COLOUR.worse);
    expect(await colour("output")).toBe(COLOUR.better);
    await tab.close();
  });

  test("the 嘉兴 sample: colours follow the model's judgement, both charts drawn, the answer fits one A4 page", async () => {
    const input = await loadPlatforms(await openXlsxFile(join(root, "assets", "samples", "jiaxing-2017.xlsx")));
    const runs = ["jiaxing-2017.scenario.json", "jiaxing-2017.merit.scenario.json", "jiaxing-2017.levers.scenario.json"].map((f) => {
      const scenario = JSON.parse(readFileSync(join(root, "assets", "samples", f), "utf8")) as { monteCarlo: { runs: number } };
      scenario.monteCarlo.runs = 200;
      return simulate(input.platforms, scenario, { baseYear: input.baseYear });
    });
    const model = compareResults(runs.map((result) => ({ name: result.scenario.name, result })));
    const page = comparisonReport(model, {
      inputFile: "jiaxing-2017.xlsx",
      sheet: input.sheet,
      generatedAt: new Date("2026-12-02T12:37:00Z"),
      engine: runs[0].engine.version,
    });
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.setContent(page);
    for (const h of headlines(model).filter((x) => !x.isBaseline))
      for (const f of h.figures.filter((x) => x.improvement === "better" || x.improvement === "worse"))
        expect(
          await tab.$eval(`[data-scenario="${h.scenario}"] .line-en [data-key=${f.key}]`, (el) => getComputedStyle(el).color),
          `${h.scenario} ${f.key}`,
        ).toBe(COLOUR[f.improvement as "better" | "worse"]);
    expect(await tab.textContent("header")).toContain("2026-12-02 20:37 (北京时间)");
    // Both charts on screen, side by side at 1280 px, each with a visible area.
    const boxes = await tab.$$eval(".answer svg", (svgs) => svgs.map((s) => s.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(2);
    for (const b of boxes) expect(b.width * b.height).toBeGreaterThan(50_000);
    expect(boxes[1].top).toBeLessThan(boxes[0].bottom);
    await tab.screenshot({
      path: keepShots ? join(root, "assets", "screenshots", "report-headline.png") : join(dir, "report-headline.png"),
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil(Math.max(...boxes.map((b) => b.bottom))) + 16 },
    });
    // comparison-report.png: the tables that follow the answer, from its end, at most REPORT_SHOT_HEIGHT tall.
    const rest = await tab.evaluate(() => ({
      top: document.querySelector(".answer")!.getBoundingClientRect().bottom + window.scrollY,
      bottom: document.documentElement.scrollHeight,
    }));
    expect(rest.bottom).toBeGreaterThan(rest.top);
    await tab.screenshot({
      path: keepShots ? join(root, "assets", "screenshots", "comparison-report.png") : join(dir, "comparison-report.png"),
      fullPage: true,
      clip: { x: 0, y: rest.top, width: 1280, height: Math.min(rest.bottom - rest.top, REPORT_SHOT_HEIGHT) },
    });
    // Printed: the answer (headlines and both charts) within one A4 landscape page, no chart wider than it.
    await tab.emulateMedia({ media: "print" });
    await tab.setViewportSize(A4_PRINTABLE);
    const answer = await tab.$eval(".answer", (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(answer.height).toBeLessThanOrEqual(A4_PRINTABLE.height);
    const printed = await tab.$$eval(".answer svg", (svgs) => svgs.map((s) => s.getBoundingClientRect().right));
    for (const right of printed) expect(right).toBeLessThanOrEqual(A4_PRINTABLE.width);
    expect(await tab.$eval(".answer", (el) => getComputedStyle(el).breakAfter)).toBe("page");
    await tab.close();
  }, 120_000);
});
