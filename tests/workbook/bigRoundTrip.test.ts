/**
 * 10,000 platforms × 10 years through the xlsx adapter: the generated workbook opened, run by the
 * pipeline (land and energy quotas allocated by merit), saved, and the output opened again. Checked: the
 * sheets, 预测's rows for platforms at the start, middle and end against the model's results to the bit,
 * the region's totals in 汇总 against the model and against the sum of 预测's rows, the stored run
 * (roll-ups only above STORED_PLATFORMS_LIMIT), and the platform sheet read back unchanged. No timing.
 */
import { describe, expect, it } from "vitest";
import { YEAR_METRICS } from "../../models/results.js";
import { REGION_NAME } from "../../models/rollup.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { resultKey, STORED_PLATFORMS_LIMIT, type StoredResult } from "../../src/pipeline/storedResults.js";
import { RESULT_SHEETS, SHEET_NAMES } from "../../src/workbook/results/sheetNames.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { meritScenario, SCALE_SHEET, scaleRows, scaleWorkbookBytes } from "../bench/scaleWorkbook.js";

const N = 10_000;
/** 预测: title, note, header, then one row per platform-year. */
const FIRST_DATA_ROW = 3;
/** 预测's columns: platform, county, level, type, year, then YEAR_METRICS in order, then the binding. */
const METRIC_COLUMN = 5;

describe(`a ${N.toLocaleString("en-US")}-platform workbook through the xlsx adapter`, () => {
  it("writes every platform-year into 预测, the region's totals into 汇总 and keeps the platform sheet", { timeout: 120_000 }, async () => {
    const input = await scaleWorkbookBytes(N);
    const book = await XlsxWorkbook.open(input, "/tmp/big.xlsx");
    const outcome = await runScenario(book, { scenario: meritScenario(N), inputFile: "big.xlsx", now: () => new Date(0) });
    const { result } = outcome;
    expect(outcome.input.platforms).toHaveLength(N);
    expect(result.platforms).toHaveLength(N);

    const out = await XlsxWorkbook.open(await book.toBuffer(), "/tmp/big-projected.xlsx");
    expect((await out.listSheets()).map((s) => s.name)).toEqual([SCALE_SHEET, ...RESULT_SHEETS]);

    const projection = (await out.readGrid(SHEET_NAMES.projection)).values;
    const years = result.platforms[0].years.length;
    expect(years).toBe(11); // the base year and ten projected years
    expect(projection.length).toBe(FIRST_DATA_ROW + N * years);
    for (const i of [0, 1, 4_999, 5_000, 7_777, N - 2, N - 1]) {
      const p = result.platforms[i];
      p.years.forEach((y, k) => {
        const row = projection[FIRST_DATA_ROW + i * years + k];
        expect(row.slice(0, 2)).toEqual([p.name, p.county]);
        expect(row[4]).toBe(y.year);
        YEAR_METRICS.forEach((metric, j) => {
          const want = Number.isFinite(y[metric]) ? y[metric] : null;
          expect(row[METRIC_COLUMN + j], `${p.name} ${y.year} ${metric}`).toBe(want);
        });
      });
    }
    // Names as generated, in sheet order.
    const generated = scaleRows(N);
    expect(projection[FIRST_DATA_ROW + (N - 1) * years][0]).toBe(generated[N - 1][0]);

    // The region's output in the last year: 汇总 holds the model's figure, and it is the sum of 预测's rows.
    const last = result.reportYears[result.reportYears.length - 1];
    const region = result.rollups.find((u) => u.kind === "region")!;
    const regionLast = region.years.find((y) => y.year === last)!;
    const rollups = (await out.readGrid(SHEET_NAMES.rollups)).values;
    const regionRow = rollups.find((r) => r[0] === REGION_NAME && r[3] === last)!;
    expect(regionRow[4]).toBe(regionLast.output);
    expect(regionRow[5]).toBe(regionLast.land);
    let sum = 0;
    for (let r = FIRST_DATA_ROW; r < projection.length; r++) if (projection[r][4] === last) sum += projection[r][METRIC_COLUMN] as number;
    expect(Math.abs(sum - regionLast.output) / regionLast.output).toBeLessThan(1e-12);
    // Land quotas were granted (merit): the region's land grows.
    expect(regionLast.land).toBeGreaterThan(region.years[0].land);

    // Above the limit, the stored run keeps the roll-ups and says how many platforms it left out.
    expect(N).toBeGreaterThan(STORED_PLATFORMS_LIMIT);
    const stored = JSON.parse((await out.readStore(resultKey(result.scenario.name)))!) as StoredResult;
    expect(stored.omittedPlatforms).toBe(N);
    expect(Object.keys(stored.platforms)).toHaveLength(0);
    expect(stored.rollups[REGION_NAME].output![String(last)]).toEqual([regionLast.output]);

    // The platform sheet is the input's, row for row.
    const sheet = (await out.readGrid(SCALE_SHEET)).values;
    expect(sheet).toHaveLength(N + 1);
    expect(sheet[N].slice(0, 9)).toEqual(generated[N - 1].slice(0, 9).map((v) => (v === null ? null : v)));
  });
});
