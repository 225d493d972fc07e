/**
 * A run stored by engine 0.1.0 (before the Monte Carlo streams were split into blocks): reproduce says
 * the engine changed, and every figure that differs is a Monte Carlo statistic — the deterministic path
 * is the same bit for bit. The fixture is the sample projected by ParkPlan 0.1.0 (commit 56a84ca) with
 * `simulate assets/samples/jiaxing-2017.xlsx --runs 300 --seed old-engine`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { reproduce } from "../../src/pipeline/index.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { ENGINE_VERSION } from "../../models/version.js";

const FIXTURE = new URL("../fixtures/engines/jiaxing-2017-engine-0.1.0.xlsx", import.meta.url);
const SCENARIO = "嘉兴 2020 攻坚方案";

describe("reproduce a run of engine 0.1.0", () => {
  test("reports the engine change, the input unchanged, and differences only in Monte Carlo statistics", async () => {
    const book = await XlsxWorkbook.open(new Uint8Array(readFileSync(FIXTURE)), "jiaxing-2017-engine-0.1.0.xlsx");
    const report = await reproduce(book, SCENARIO, { limit: 100_000 });
    expect(report.stored.engine.version).toBe("0.1.0");
    expect(report.now.engine.version).toBe(ENGINE_VERSION);
    expect(report).toMatchObject({ engineChanged: true, inputChanged: false, identical: false });
    expect(report.differenceCount).toBeGreaterThan(100);
    expect(report.differences).toHaveLength(report.differenceCount);
    const statistics = new Set(report.differences.map((d) => d.statistic));
    expect([...statistics].every((s) => ["mean", "p10", "p50", "p90", "probability"].includes(s))).toBe(true);
  });
});
