/**
 * Sync budget: the four result sheets of a 2,000-platform × 10-year run go to Excel in a bounded number
 * of syncs, and no request (or response) comes near Excel on the web's 5 MB cap.
 */
import { describe, expect, it } from "vitest";
import type { PlatformResult, SimulationResult, YearFigures } from "../../../models/results.js";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook.js";
import { buildResultSheets } from "../../../src/workbook/results/index.js";
import { fig, makeResult, runContext } from "../resultFixture.js";
import { FakeExcel } from "./fakeExcel.js";

const CAP = 5 * 1024 * 1024;
const YEARS = Array.from({ length: 10 }, (_, k) => 2017 + k);

function bigResult(): SimulationResult {
  const base = makeResult({ horizon: YEARS.slice(1) });
  const platforms: PlatformResult[] = Array.from({ length: 2000 }, (_, i) => {
    const years: YearFigures[] = YEARS.map((year, k) => {
      const output = 50 + i * 0.37 + k * 3.141592653589793;
      const land = 1000 + i;
      return fig(year, k ? "land" : null, {
        output,
        land,
        valueAdded: output / 4.9,
        tax: output / 19.7,
        energy: output / 12.3,
        rd: output / 47,
        highTechValueAdded: output / 9.1,
        strategicEmergingOutput: output / 3.3,
        outputPerMu: (output * 1e4) / land,
        taxPerMu: ((output / 19.7) * 1e4) / land,
        valueAddedPerMu: ((output / 4.9) * 1e4) / land,
        energyIntensity: 4.9 / 12.3,
      });
    });
    const stats = Object.fromEntries(
      YEARS.slice(1).map((y, k) => {
        const o = years[k + 1].output;
        return [
          String(y),
          {
            output: { mean: o, p10: o * 0.9, p50: o, p90: o * 1.1 },
            outputPerMu: { mean: 1, p10: 0.9, p50: 1, p90: 1.1 },
            taxPerMu: { mean: 1, p10: 0.9, p50: 1, p90: 1.1 },
          },
        ];
      }),
    );
    return {
      name: `平台${i + 1}号产业园区`,
      county: `县${i % 40}`,
      level: "provincial",
      status: i % 20 ? "subPark" : "main",
      mainPlatform: null,
      years,
      stats,
    };
  });
  return { ...base, years: YEARS, reportYears: YEARS.slice(1), platforms };
}

describe("Office sync budget", () => {
  it("writes 2,000 platforms × 10 years in ≤ 12 syncs per sheet, every request and response under 1.2 MB (cap 5 MB)", async () => {
    const sheets = buildResultSheets(bigResult(), runContext);
    const projection = sheets[0];
    expect(projection.rows.length).toBe(3 + 2000 * 10);
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const port = new OfficeWorkbook(fake.run, () => true);
    const perSheet: Record<string, number> = {};
    for (const spec of sheets) {
      const from = fake.syncs.length;
      await port.writeSheets([spec]);
      perSheet[spec.name] = fake.since(from).length;
    }
    // Measured: 预测 11 (2 reads, the add, 8 blocks of values then formats and the table); 达标 and 运行记录 4
    // (2 reads, the add, 1 write); 汇总 5 (its charts' series in one more batch).
    expect(perSheet["预测"]).toBeLessThanOrEqual(12);
    for (const n of Object.values(perSheet)) expect(n).toBeLessThanOrEqual(12);
    // A re-run rewrites the four sheets in place (same shape: no formula search), each within the same budget.
    const rerun = fake.syncs.length;
    await port.writeSheets(sheets);
    // Measured: 16 for the four sheets in one call (2 reads, the clearing sync, 13 content batches).
    expect(fake.since(rerun).length).toBeLessThanOrEqual(12 * sheets.length);
    expect(fake.sheet("预测")!.rows[3 + 19_999]?.[0]?.v).toBe("平台2000号产业园区");
    const largest = Math.max(...fake.syncs.map((s) => s.requestBytes));
    expect(largest).toBeLessThan(1.2e6);
    expect(largest).toBeGreaterThan(0.5e6); // blocks are full, not one row per sync
    expect(Math.max(...fake.syncs.map((s) => s.responseBytes))).toBeLessThan(CAP);
    const total = fake.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(total).toBeGreaterThan(CAP); // the 预测 sheet alone would break the cap in one request

    const from = fake.syncs.length;
    const grid = await port.readGrid("预测");
    expect(grid.values[3 + 19_999][0]).toBe("平台2000号产业园区");
    expect(grid.values[3 + 19_999][4]).toBe(2026);
    // Measured: 20 syncs (the existence check, the used range, 18 blocks: 30,000 cells first, then sized from the
    // last response to ≈ 0.9 MB), the largest response 0.90 MB.
    expect(fake.since(from).length).toBeLessThanOrEqual(22);
    expect(Math.max(...fake.since(from).map((s) => s.responseBytes))).toBeLessThan(1.2e6);
  }, 60_000);
});
