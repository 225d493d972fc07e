/**
 * The HTML report's Content-Security-Policy, in the browser: the page's own inline CSS and inline SVG
 * render, and markup slipped into it (as an escaping bug would) can neither run nor fetch anything.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { compareResults } from "../../src/compare/index.js";
import { comparisonReport } from "../../src/report/index.js";
import { REPORT_CSP } from "../../src/report/report.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, platformGrid } from "../compare/fixture.js";
import { browserForTests, launchChromium } from "./harness.js";

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
