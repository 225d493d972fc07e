/**
 * The 情景库 section in chromium (registered by pane.test.ts, which owns the build and the browser):
 * save two scenarios of the Jiaxing sample, compare them in the worker, check the table against
 * compareResults() run here on the scenarios the downloaded workbook's library holds, write the
 * comparison (情景对比 and the library in the download), reproduce a stored run: identical.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { compareResults } from "../../src/compare/compareResults.js";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { loadLibrary } from "../../src/scenarios/index.js";
import { compareView } from "../../src/taskpane/hooks/compareView.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

export interface PaneFixture {
  openPage(): Promise<Page>;
  openSample(page: Page): Promise<void>;
  shots: string;
}

export function scenarioLibraryTests(fx: PaneFixture): void {
  test("scenario library: save two, compare in the worker (numbers = compareResults), write 情景对比 with the library, reproduce identical", async () => {
    const page = await fx.openPage();
    await fx.openSample(page);
    await page.waitForSelector("[data-testid=pp-library-section]");
    await page.selectOption("#pp-preset", "jiaxing-2020");
    await page.fill("#pp-runs", "40");
    await page.fill("#pp-lib-name", "攻坚方案");
    await page.click("#pp-lib-save");
    await page.waitForSelector("[data-testid=lib-entry][data-name=攻坚方案]");
    await page.selectOption("#pp-land-strategy", "merit");
    await page.fill("#pp-lib-name", "亩均论英雄");
    await page.click("#pp-lib-save");
    await page.waitForSelector("[data-testid=lib-entry][data-name=亩均论英雄]");
    expect(await page.$$eval("[data-testid=lib-entry]", (es) => es.map((e) => e.getAttribute("data-name")))).toEqual([
      "攻坚方案",
      "亩均论英雄",
    ]);

    await page.locator("[data-testid=lib-select]").nth(0).check();
    await page.locator("[data-testid=lib-select]").nth(1).check();
    await page.click("#pp-cmp-start");
    await page.waitForSelector("[data-testid=cmp-status][data-phase=done]", { timeout: 60_000 });
    const shown = await page.$$eval("[data-testid=cmp-row]", (rows) =>
      rows.map((r) => ({
        key: r.getAttribute("data-key"),
        cells: [...r.querySelectorAll("[data-testid=cmp-cell]")].map((c) => [
          c.getAttribute("data-text"),
          c.getAttribute("data-detail"),
          c.getAttribute("data-diff"),
        ]),
      })),
    );
    const top = (await page.locator("[data-testid=pp-library-section]").boundingBox())!;
    const bottom = (await page.locator("[data-testid=pp-compare-section]").boundingBox())!;
    await page.screenshot({
      path: join(fx.shots, "pane-scenarios.png"),
      fullPage: true,
      clip: { x: 0, y: top.y, width: 420, height: bottom.y + bottom.height - top.y },
    });

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#pp-cmp-write")]);
    expect(download.suggestedFilename()).toBe("jiaxing-2017-compared.xlsx");
    await page.waitForSelector("[data-testid=cmp-written]");
    const book = await XlsxWorkbook.open(readFileSync((await download.path())!));
    expect((await book.listSheets()).map((s) => s.name)).toContain("情景对比");
    const library = await loadLibrary(book);
    expect(library.problems).toEqual([]);
    expect(
      library.entries.map((e) => [
        e.name,
        (e.scenario.land as { strategy: string }).strategy,
        (e.scenario.monteCarlo as { runs: number }).runs,
      ]),
    ).toEqual([
      ["攻坚方案", "main-only", 40],
      ["亩均论英雄", "merit", 40],
    ]);

    // The same comparison in-process, on the platforms of the downloaded book and the library's scenarios.
    const input = await loadPlatforms(book);
    const results = library.entries.map((e) => simulate(input.platforms, e.scenario, { baseYear: input.baseYear }));
    const view = compareView(
      compareResults(
        results.map((result) => ({ name: result.scenario.name, result })),
        0,
      ),
    );
    expect(shown).toEqual(view.rows.map((r) => ({ key: r.key, cells: r.cells.map((c) => [c.text, c.detail ?? "", c.diff ?? ""]) })));
    expect(shown[0].key).toBe("output@2020");
    const region = results[1].rollups.find((u) => u.kind === "region")!;
    expect(shown[0].cells[1][0]).toBe(region.years.find((y) => y.year === 2020)!.output.toFixed(2));
    expect(shown.length).toBeGreaterThan(3);

    await page.waitForSelector("#pp-rep-run option[value=亩均论英雄]", { state: "attached" });
    await page.selectOption("#pp-rep-run", "亩均论英雄");
    await page.click("#pp-rep-start");
    await page.waitForSelector("[data-testid=rep-report]", { timeout: 60_000 });
    expect(await page.getAttribute("[data-testid=rep-report]", "data-identical")).toBe("true");
    expect(await page.getAttribute("[data-testid=rep-report]", "data-input-changed")).toBe("false");
    expect(await page.getAttribute("[data-testid=rep-report]", "data-count")).toBe("0");
    await page.close();
  });
}
