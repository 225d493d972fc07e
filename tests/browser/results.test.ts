/**
 * The pane's result views in chromium on the Jiaxing sample (200 trials, as tests/browser/pane.test.ts):
 * target texts visible without hover, JX-1 as the plan's range, the not-met filter and the groups against
 * the view models computed here on simulate(), the first year met and the class probabilities, a
 * tooltip on keyboard focus, and 导出图片 giving a PNG (magic bytes) and an SVG that parses.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { CLASS_LABELS } from "../../models/vocabulary.js";
import type { SimulationResult } from "../../models/results.js";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { classOddsView } from "../../src/taskpane/hooks/resultView.js";
import { filterTargets, firstYearChoices, firstYearDistribution, groupTargets } from "../../src/taskpane/hooks/targetView.js";
import { formatProbability } from "../../src/taskpane/hooks/resultView.js";
import { openXlsxFile } from "../../src/workbook/xlsx/xlsxFile.js";
import { browserForTests, buildAndServe, launchChromium, type Site } from "./harness.js";
import { JIAXING_FORM_SCENARIO } from "./formScenario.js";

/** The vocabulary's class labels (CLASS_LABELS.zh already start with the letter). */
const classLabelZh = Object.fromEntries(Object.entries(CLASS_LABELS).map(([c, l]) => [c, l.zh])) as Record<"A" | "B" | "C" | "D", string>;

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SAMPLE = join(root, "assets", "samples", "jiaxing-2017.xlsx");
const executable = await browserForTests();
const skip = executable === null;

const EXPECTED_SCENARIO = JIAXING_FORM_SCENARIO;

let site: Site;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let expected: SimulationResult;
let page: Page;

beforeAll(async () => {
  if (skip) return;
  browser = await launchChromium(executable);
  site = await buildAndServe();
  const input = await loadPlatforms(await openXlsxFile(SAMPLE));
  expected = simulate(input.platforms, EXPECTED_SCENARIO, { baseYear: input.baseYear });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 340, height: 900 });
  await page.goto(`${site.url}index.html`);
  await page.setInputFiles("#pp-file", SAMPLE);
  await page.waitForSelector("[data-testid=sheet-summary]", { timeout: 30_000 });
  await page.selectOption("#pp-preset", "jiaxing-2020");
  await page.fill("#pp-runs", "200");
  await page.click("#pp-run");
  await page.waitForSelector("[data-testid=run-status][data-phase=done]", { timeout: 60_000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const rowsShown = () =>
  page.$$eval("[data-testid=target-row]", (trs) => trs.map((tr) => [tr.getAttribute("data-id"), tr.getAttribute("data-subject")]));

describe.skipIf(skip)("result views on the Jiaxing sample", () => {
  test("each target's id and full text are on the page without hover; groups carry the count met", async () => {
    const groups = groupTargets(expected.targets, false);
    const shown = await page.$$eval("[data-testid=target-group]", (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute("data-id"),
        met: Number(tr.getAttribute("data-met")),
        of: Number(tr.getAttribute("data-of")),
        text: tr.querySelector("[data-testid=target-text]")?.textContent,
      })),
    );
    expect(shown).toEqual(groups.map((g) => ({ id: g.id, met: g.met, of: g.of, text: g.label.zh })));
    const jx3 = page.locator("[data-testid=target-group][data-id=JX-3]");
    expect(await jx3.isVisible()).toBe(true);
    expect(await jx3.textContent()).toContain(`${groups.find((g) => g.id === "JX-3")!.met}/10 达标`);
    expect(await rowsShown()).toEqual(expected.targets.map((t) => [t.id, t.subject]));
    // Ungrouped: every row shows its id and text.
    await page.click("#pp-group-targets");
    const first = page.locator("[data-testid=target-row]").first();
    expect(await first.locator("[data-testid=target-text]").isVisible()).toBe(true);
    expect(await first.locator("[data-testid=target-text]").textContent()).toBe(expected.targets[0].label.zh);
    await page.click("#pp-group-targets");
  });

  test("at 340 px the checks, the first-year table and the class table fit without a horizontal scroll", async () => {
    await page.waitForSelector("[data-testid=class-odds-table]", { timeout: 15_000 });
    const shot = process.env.PARKPLAN_RESULT_SHOT; // a folder: the result section in 700 px slices, to look at
    if (shot) {
      const box = await page.$eval("[data-testid=pp-result-section]", (el) => {
        const r = el.getBoundingClientRect();
        return { y: r.top + window.scrollY, height: r.height };
      });
      for (let y = 0; y < box.height; y += 700)
        await page.screenshot({
          path: join(shot, `results-${y}.png`),
          fullPage: true,
          clip: { x: 0, y: box.y + y, width: 340, height: 700 },
        });
    }
    for (const id of [
      "target-table",
      "first-year-table",
      "class-odds-table",
      "fan-chart",
      "permu-chart",
      "first-year-chart",
      "class-odds-chart",
    ]) {
      const fit = await page.$eval(`[data-testid=${id}]`, (el) => {
        const box = el.parentElement!;
        return {
          scroll: box.scrollWidth,
          client: box.clientWidth,
          right: el.getBoundingClientRect().right,
          page: document.documentElement.clientWidth,
        };
      });
      expect(fit.scroll, id).toBeLessThanOrEqual(fit.client);
      expect(fit.right, id).toBeLessThanOrEqual(fit.page);
    }
  });

  test("JX-1 shows the plan's range 1–2 with the allowance apart, not 1", async () => {
    const cell = page.locator("[data-testid=target-row][data-id=JX-1] [data-testid=target-threshold]").first();
    expect(await cell.textContent()).toBe("1–2放宽上限 4");
    expect(await cell.locator("[data-testid=target-allowance]").textContent()).toBe("放宽上限 4");
  });

  test("只看未达标 leaves exactly the checks not met, grouped or not", async () => {
    const notMet = filterTargets(expected.targets, true);
    expect(notMet.length).toBeGreaterThan(0);
    expect(notMet.length).toBeLessThan(expected.targets.length);
    await page.click("#pp-not-met-only");
    expect(await rowsShown()).toEqual(notMet.map((t) => [t.id, t.subject]));
    expect(await page.$$eval("[data-testid=target-row]", (trs) => trs.map((tr) => tr.getAttribute("data-status")))).toEqual(
      notMet.map(() => "notMet"),
    );
    expect(await page.$$eval("[data-testid=target-group]", (trs) => trs.map((tr) => tr.getAttribute("data-id")))).toEqual(
      groupTargets(expected.targets, true).map((g) => g.id),
    );
    await page.click("#pp-group-targets");
    expect(await rowsShown()).toEqual(notMet.map((t) => [t.id, t.subject]));
    await page.click("#pp-group-targets");
    await page.click("#pp-not-met-only");
    expect(await rowsShown()).toHaveLength(expected.targets.length);
  });

  test("the first year met of the first uncertain check, and each platform's class probabilities, as the engine computed them", async () => {
    await page.waitForSelector("[data-testid=first-year-table]", { timeout: 15_000 });
    const { checks, initial } = firstYearChoices(expected.targets);
    const d = firstYearDistribution(checks[initial])!;
    const rows = await page.$$eval("[data-testid=first-year-row]", (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)),
    );
    expect(rows).toEqual(
      d.rows.map((r) => [r.year === 2017 ? "2017（基年）" : String(r.year), formatProbability(r.first), formatProbability(r.by)]),
    );
    expect(await page.textContent("[data-testid=first-year-summary]")).toContain(`预测期内未达标 ${formatProbability(d.never)}`);
    expect(await page.textContent("[data-testid=first-year-label]")).toBe(checks[initial].label.zh);

    const view = classOddsView(expected)!;
    const odds = await page.$$eval("[data-testid=class-odds-row]", (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-name"),
        ...Array.from(tr.querySelectorAll("[data-testid=class-odds-share]")).map((td) => Number(td.getAttribute("data-value"))),
      ]),
    );
    expect(odds).toEqual(
      view.rows.map((r) => [r.name, r.shares.A, r.shares.B, r.shares.C, r.shares.D, ...(view.anyUnclassified ? [r.unclassified] : [])]),
    );
    expect(await page.getAttribute("[data-testid=class-odds]", "data-year")).toBe("2020");
    // The chart: one 100% bar a platform, its tooltip every share that is not 0.
    expect(await page.locator("[data-testid=class-odds-bar]").count()).toBe(view.rows.length);
    const port = view.rows[1];
    expect(await page.locator(`[data-testid=class-odds-bar][data-name="${port.name}"] title`).textContent()).toBe(
      [
        port.name,
        ...(["A", "B", "C", "D"] as const)
          .filter((c) => port.shares[c] > 0)
          .map((c) => `${classLabelZh[c]} ${formatProbability(port.shares[c])}`),
      ].join("\n"),
    );
  });

  test("a fan point focused from the keyboard shows a tooltip with the year and P10 / P50 / P90", async () => {
    await page.mouse.move(0, 0); // no point under the pointer: the tooltip is the focused one's
    await page.locator("[data-testid=fan-point][data-year='2019']").focus();
    const tip = page.locator("[data-testid=chart-tooltip]");
    await tip.waitFor({ timeout: 5_000 });
    const text = (await tip.textContent())!;
    const region = expected.rollups.find((u) => u.kind === "region")!;
    const q = region.stats!["2019"].output!;
    const two = (v: number) => v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(text).toContain("2019");
    expect(text).toContain(`P10 ${two(q.p10)} · P50 ${two(q.p50)} · P90 ${two(q.p90)}`);
    expect(await page.locator("[data-testid=fan-point][data-year='2019'] title").textContent()).toContain("P50");
    await page.locator("[data-testid=fan-point][data-year='2019']").blur();
    expect(await tip.count()).toBe(0);
  });

  test("导出图片: the fan chart as a PNG (magic bytes, 2× the SVG) and as an SVG that parses with its title and line", async () => {
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=fan-chart-export-png]")]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pngWidth = bytes.readUInt32BE(16);

    const [svg] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=fan-chart-export-svg]")]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const text = readFileSync((await svg.path())!, "utf8");
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      const el = doc.documentElement;
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: el.localName,
        ns: el.namespaceURI,
        width: Number(el.getAttribute("width")),
        polylines: el.getElementsByTagName("polyline").length,
        classes: el.querySelectorAll("[class]").length,
        heading: el.getElementsByTagName("text")[0]?.textContent,
        hitAreas: el.querySelectorAll("[data-export=skip]").length,
        lineStroke: el.getElementsByTagName("polyline")[0]?.getAttribute("stroke"),
      };
    }, text);
    expect(parsed).toMatchObject({ error: 0, root: "svg", ns: "http://www.w3.org/2000/svg", polylines: 1, classes: 0, hitAreas: 0 });
    expect(parsed.heading).toBe("规上工业产值（亿元）：全市");
    expect(parsed.lineStroke).toMatch(/^rgb/); // the theme's colour resolved, so it renders without the page's CSS
    expect(pngWidth).toBe(2 * parsed.width);
  });
});
