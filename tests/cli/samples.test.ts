/**
 * The samples of issue 13 item 5 (assets/samples/, written by scripts/make-samples.ts): 杭州 2017 (a wide sheet,
 * land and output for 2015–2017), 嘉定 2016/2017 (a long sheet with a 年份 column) and 金华 2020 (one year).
 * Each is read as the command line reads it and run with its own scenario file, which names its plan's preset;
 * the figures checked by hand are the generator's own numbers (make-samples.ts), so a change there shows here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findPreset } from "../../models/presets.js";
import type { Platform } from "../../models/platform.js";
import { loadPlatforms } from "../../src/pipeline/loadPlatforms.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const sample = (name: string) => new URL(`../../assets/samples/${name}`, import.meta.url);
const open = (name: string) => XlsxWorkbook.open(new Uint8Array(readFileSync(sample(`${name}.xlsx`))), `${name}.xlsx`);
const scenarioOf = (name: string) => JSON.parse(readFileSync(sample(`${name}.scenario.json`), "utf8")) as Record<string, unknown>;
const byName = (platforms: Platform[], name: string) => platforms.find((p) => p.name === name)!;
/** 亩均产出, 万元/亩: output (亿元) × 10⁴ ÷ land (亩). */
const perMu = (output: number, land: number) => (output * 1e4) / land;

/**
 * Whether the sheet reader reads history years (issue 13 item 1), seen on the 杭州 wide sample. Until it does, a
 * wide sheet is read the old way and a long sheet is refused: the tests that need history are skipped, and their
 * names say so.
 */
const MULTI_YEAR_READER = (await loadPlatforms(await open("hangzhou-2017"))).platforms.some((p) => (p.history ?? []).length > 0);
const WHY_SKIPPED = MULTI_YEAR_READER ? "" : " (skipped: the sheet reader does not read history years yet)";

const SAMPLES = [
  { name: "hangzhou-2017", preset: "hangzhou-2020", baseYear: 2017, history: [2015, 2016], layout: "wide" },
  { name: "jiading-2017", preset: "jiading-2020", baseYear: 2017, history: [2016], layout: "long" },
  { name: "jinhua-2020", preset: "jinhua-2025", baseYear: 2020, history: [], layout: "single" },
] as const;

describe("each sample names its plan's preset and runs it with no other argument", () => {
  for (const s of SAMPLES) {
    const readable = s.layout !== "long" || MULTI_YEAR_READER;
    test.skipIf(!readable)(
      `${s.name}: preset ${s.preset}, base year ${s.baseYear}, every preset target checked`,
      { timeout: 120_000 },
      async () => {
        const scenario = scenarioOf(s.name);
        expect(scenario.targets).toBe(s.preset);
        expect(scenario.baseYear).toBe(s.baseYear);
        // Fewer trials than the file's 1,000: the point is that the preset runs on this sheet, not the statistics.
        const { result, input } = await runScenario(await open(s.name), {
          scenario: { ...scenario, monteCarlo: { ...(scenario.monteCarlo as object), runs: 50 } },
          write: false,
        });
        expect(input.baseYear).toBe(s.baseYear);
        expect(result.baseYear).toBe(s.baseYear);
        expect(result.scenario.horizon.at(-1)).toBe(findPreset(s.preset)!.horizon);
        const ids = new Set(result.targets.map((t) => t.id));
        for (const t of findPreset(s.preset)!.targets) expect(ids.has(t.id)).toBe(true);
        expect(input.issues.filter((i) => i.severity === "error")).toEqual([]);
        if (s.name === "hangzhou-2017" && MULTI_YEAR_READER) {
          // growth.fromHistory: every platform fitted on its two growth observations (2015→2016, 2016→2017).
          expect(result.calibration!.platforms.map((p) => p.years)).toEqual(Array<number>(25).fill(2));
          const econ = result.calibration!.platforms.find((p) => p.name === "杭州经济技术开发区")!;
          // Its own 亩均产出 growth was 4.8% and 6.5%; the fit lies between them (shrunk toward the pool, within it).
          expect(econ.mean).toBeGreaterThan(0.048);
          expect(econ.mean).toBeLessThan(0.066);
        }
      },
    );
  }
});

describe("hand-checked figures of the generator", () => {
  test("杭州: 杭州经济技术开发区 2017 output 1718.6 on 39,263 亩 (104.7 km² × 1500 × 25%): 亩均产出 437.7 万元/亩", async () => {
    const sheet = await loadPlatforms(await open("hangzhou-2017"));
    expect(sheet.baseYear).toBe(2017);
    const econ = byName(sheet.platforms, "杭州经济技术开发区");
    if (MULTI_YEAR_READER) {
      expect([econ.output, econ.land]).toEqual([1718.6, 39263]);
      expect(perMu(econ.output, econ.land)).toBeCloseTo(437.71, 2);
    }
    // The 2017-only columns are the base year's whichever way the year columns are read: VA = 1718.6 × 20.4%.
    expect(econ.valueAdded).toBe(350.59);
    // 整合托管型 is a sub-park of its receiver, 转为创新型 a transform, 逐步退出型 an exit with its year.
    expect(byName(sheet.platforms, "瓜沥镇工业功能区")).toMatchObject({ status: "subPark", mainPlatform: "萧山经济技术开发区" });
    expect(byName(sheet.platforms, "半山街道工业功能区")).toMatchObject({ status: "transform", exitYear: 2019 });
    expect(byName(sheet.platforms, "党湾镇工业功能区")).toMatchObject({ status: "exit", exitYear: 2019 });
    expect(byName(sheet.platforms, "临浦镇工业功能区").status).toBe("kept");
  });

  test("金华: 金华经开区 568.4 on 21,500 亩 = 264.4 万元/亩; 义乌经开区 = 60% of 1163.7 ÷ 1.667; VA at 22.4%", async () => {
    const sheet = await loadPlatforms(await open("jinhua-2020"));
    expect(sheet.baseYear).toBe(2020);
    const econ = byName(sheet.platforms, "金华经济技术开发区");
    expect(perMu(econ.output, econ.land)).toBeCloseTo(264.37, 2);
    expect(byName(sheet.platforms, "义乌经济技术开发区").output).toBe(418.85);
    // 12374.91 ÷ 55334.56 = 0.2236 → 22.4%: 568.4 × 0.224 = 127.32.
    expect(econ.valueAdded).toBe(127.32);
    expect(sheet.platforms.filter((p) => p.status === "main")).toHaveLength(11);
  });
});

describe.skipIf(!MULTI_YEAR_READER)(`history years (the multi-year reader)${WHY_SKIPPED}`, () => {
  test("杭州 wide: 2015 and 2016 are history of every platform; 杭州经开区 2015 = 1498.36 on 38,224 亩", async () => {
    const sheet = await loadPlatforms(await open("hangzhou-2017"));
    for (const p of sheet.platforms) expect(p.history!.map((h) => h.year)).toEqual([2015, 2016]);
    const econ = byName(sheet.platforms, "杭州经济技术开发区");
    // 1718.6 ÷ 1.078 = 1594.25, ÷ 1.064 = 1498.36; 39263 ÷ 1.012 = 38797, ÷ 1.015 = 38224.
    expect(econ.history!.map((h) => [h.figures.output, h.figures.land])).toEqual([
      [1498.36, 38224],
      [1594.25, 38797],
    ]);
    // 亩均产出 grew (1594.25/38797)/(1498.36/38224) − 1 = 4.8% into 2016 and 6.5% into 2017.
    const [a, b] = econ.history!;
    expect(perMu(b.figures.output!, b.figures.land!) / perMu(a.figures.output!, a.figures.land!) - 1).toBeCloseTo(0.0482, 3);
    expect(perMu(econ.output, econ.land) / perMu(b.figures.output!, b.figures.land!) - 1).toBeCloseTo(0.0652, 3);
  });

  test("嘉定 long: base 2017, 2016 history; 嘉定工业区 2017 = 1223.7 ÷ 1.034 on 26,500 亩, tax 67.6 ÷ 1.076", async () => {
    const sheet = await loadPlatforms(await open("jiading-2017"));
    expect(sheet.baseYear).toBe(2017);
    expect(sheet.platforms).toHaveLength(15);
    const ind = byName(sheet.platforms, "嘉定工业区");
    expect([ind.output, ind.land, ind.tax]).toEqual([1183.46, 26500, 62.83]);
    expect(perMu(ind.output, ind.land)).toBeCloseTo(446.59, 2);
    expect(ind.history!.map((h) => [h.year, h.figures.output, h.figures.land])).toEqual([[2016, 1131.41, 26238]]);
    // 2016's tax follows the ratio rule (the 2017 anchor is not carried back): 1131.41 × 20.4% × 25.5/102.6.
    expect(ind.history![0].figures.tax).toBe(57.37);
  });
});
