/**
 * PARKPLAN.SCENARIO on the run `parkplan optimize --out` stores ("<scenario> · 最优配置"): built through the
 * pipeline on a small sheet, read like any stored run, and equal to the figures of the optimize JSON's
 * `simulation` (the plan's Monte Carlo as `simulate --json` writes it), through JSON text as the CLI prints it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LpSolver } from "../../models/decisions/optimize/index.js";
import { optimizeJson } from "../../src/cli/optimize.js";
import { toJson } from "../../src/cli/jsonOutput.js";
import { loadLpSolver } from "../../src/engine/lp/highs.js";
import { scenarioFunction } from "../../src/functions/functions.js";
import { useWorkbook } from "../../src/functions/storedRuns.js";
import { optimizeScenario } from "../../src/pipeline/optimize.js";
import { optimalRunName } from "../../src/pipeline/storedResults.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { BASE, platformGrid } from "../compare/fixture.js";
import { rejectionOf } from "./cellError.js";

/** Land below 甲经开区's headroom, so the plan gives it all (tests/pipeline/optimalRun.test.ts). */
const SCENARIO = { ...BASE, name: "优化", land: { quota: 500, strategy: "proportional" } };
const NAME = optimalRunName("优化");

interface JsonYear {
  year: number;
  [metric: string]: number;
}
interface JsonSubject {
  name: string;
  years: JsonYear[];
  stats?: Record<string, Record<string, { mean: number; p10: number; p50: number; p90: number }>>;
}
let simulation: { platforms: JsonSubject[]; rollups: JsonSubject[] };

beforeAll(async () => {
  const solver: LpSolver = await loadLpSolver();
  const port = new MemoryWorkbook([platformGrid()]);
  const outcome = await optimizeScenario(port, { scenario: SCENARIO, solver });
  simulation = (JSON.parse(toJson(optimizeJson(outcome))) as { simulation: typeof simulation }).simulation;
  useWorkbook(port);
});
afterAll(() => useWorkbook(new MemoryWorkbook()));

const subject = (list: JsonSubject[], name: string) => list.find((s) => s.name === name)!;

describe("PARKPLAN.SCENARIO on a stored optimal run", () => {
  it("reads a platform's deterministic figure and statistics: the optimize JSON's simulation figures", async () => {
    const jia = subject(simulation.platforms, "甲经开区");
    // 10000 亩 + 500 granted in 2020 (in use from 2021) + 500 in 2021 (from 2022): by hand.
    expect(await scenarioFunction(NAME, "甲经开区", "工业用地", 2022)).toBe(11000);
    expect(jia.years.find((y) => y.year === 2022)!.land).toBe(11000);
    expect(await scenarioFunction(NAME, "甲经开区", "亩均产出", 2022)).toBe(jia.years.find((y) => y.year === 2022)!.outputPerMu);
    expect(await scenarioFunction(NAME, "甲经开区", "产值", 2020, "P50")).toBe(jia.stats!["2020"].output.p50);
    expect(await scenarioFunction(NAME, "甲经开区", "output", 2022, "均值")).toBe(jia.stats!["2022"].output.mean);
  });

  it("reads a roll-up: the region's output in 2022 (the LP's objective on the deterministic path)", async () => {
    const region = subject(simulation.rollups, "全市");
    expect(await scenarioFunction(NAME, "全市", "产值", 2022)).toBe(region.years.find((y) => y.year === 2022)!.output);
    expect(await scenarioFunction(NAME, "全市", "产值", 2022, "p90")).toBe(region.stats!["2022"].output.p90);
  });

  it("a platform the plan granted nothing reads its own figures, and the scenario's own name has no run", async () => {
    expect(await scenarioFunction(NAME, "丁园", "工业用地", 2022)).toBe(1000);
    const e = await rejectionOf(scenarioFunction("优化", "甲经开区", "产值", 2022), "#N/A");
    expect(e.message).toContain("没有情景“优化”的运行结果");
  });
});
