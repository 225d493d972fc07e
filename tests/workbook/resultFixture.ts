/** A SimulationResult written by hand: 2 platforms, 2017–2018, a target met, one not met, one not evaluable. */
import { ENGINE_VERSION, MODEL_VERSION } from "../../models/version.js";
import { parseScenario } from "../../models/scenario.js";
import type { SimulationResult, YearFigures } from "../../models/results.js";

export const fig = (year: number, binding: YearFigures["binding"], v: Omit<YearFigures, "year" | "binding">): YearFigures => ({ year, binding, ...v });

// 嘉兴经开区: 1000亿 on 20,000 亩 = 500 万元/亩; tax 50亿 → 25 万元/亩; VA 204亿 → 102 万元/亩; 80万吨 / 204亿 = 0.392 吨/万元.
const a2017 = fig(2017, null, {
  output: 1000, land: 20000, valueAdded: 204, tax: 50, energy: 80, rd: 15, highTechValueAdded: 90, strategicEmergingOutput: 300,
  outputPerMu: 500, taxPerMu: 25, valueAddedPerMu: 102, energyIntensity: 80 / 204,
});
const a2018 = fig(2018, "land", {
  output: 1077, land: 20000, valueAdded: 219.708, tax: 53.85, energy: 83.3, rd: 16.2, highTechValueAdded: 96.9, strategicEmergingOutput: 323.1,
  outputPerMu: 538.5, taxPerMu: 26.925, valueAddedPerMu: 109.854, energyIntensity: 83.3 / 219.708,
});
const b2017 = fig(2017, null, {
  output: 200, land: 5000, valueAdded: 40.8, tax: 8, energy: 16, rd: 2, highTechValueAdded: 10, strategicEmergingOutput: 50,
  outputPerMu: 400, taxPerMu: 16, valueAddedPerMu: 81.6, energyIntensity: 16 / 40.8,
});
const b2018 = fig(2018, "energy", {
  output: 210, land: 5000, valueAdded: 0, tax: 8.4, energy: 0, rd: 2.1, highTechValueAdded: 10.5, strategicEmergingOutput: 52.5,
  outputPerMu: 420, taxPerMu: 16.8, valueAddedPerMu: 0, energyIntensity: NaN,
});
const sum = (x: YearFigures, y: YearFigures): YearFigures => fig(x.year, null, {
  output: x.output + y.output, land: x.land + y.land, valueAdded: x.valueAdded + y.valueAdded, tax: x.tax + y.tax, energy: x.energy + y.energy,
  rd: x.rd + y.rd, highTechValueAdded: x.highTechValueAdded + y.highTechValueAdded, strategicEmergingOutput: x.strategicEmergingOutput + y.strategicEmergingOutput,
  outputPerMu: ((x.output + y.output) * 1e4) / (x.land + y.land), taxPerMu: ((x.tax + y.tax) * 1e4) / (x.land + y.land),
  valueAddedPerMu: ((x.valueAdded + y.valueAdded) * 1e4) / (x.land + y.land), energyIntensity: (x.energy + y.energy) / (x.valueAdded + y.valueAdded),
});

export function makeResult(scenarioInput: Record<string, unknown> = {}): SimulationResult {
  const scenario = parseScenario({ name: "测试方案", baseYear: 2017, horizon: 2018, monteCarlo: { runs: 500, seed: "jx" }, ...scenarioInput });
  return {
    engine: { name: "ParkPlan", version: ENGINE_VERSION, model: MODEL_VERSION },
    scenario: { ...scenario, baseYear: 2017, horizon: [2018] },
    baseYear: 2017,
    years: [2017, 2018],
    reportYears: [2018],
    platforms: [
      {
        name: "嘉兴经济技术开发区", county: "南湖区", level: "national", status: "main", mainPlatform: null, years: [a2017, a2018],
        stats: {
          "2018": {
            output: { mean: 1080, p10: 1020.5, p50: 1077, p90: 1140.25 },
            outputPerMu: { mean: 540, p10: 510.25, p50: 538.5, p90: 570.125 },
            taxPerMu: { mean: 27, p10: 25.5, p50: 26.925, p90: 28.5 },
          },
        },
      },
      { name: "=平湖分区", county: "平湖市", level: null, status: "subPark", mainPlatform: "嘉兴经济技术开发区", years: [b2017, b2018] },
    ],
    rollups: [
      { name: "全市", kind: "region", members: ["嘉兴经济技术开发区", "=平湖分区"], years: [sum(a2017, b2017), sum(a2018, b2018)] },
      { name: "南湖区", kind: "county", members: ["嘉兴经济技术开发区"], years: [a2017, a2018] },
      { name: "嘉兴经济技术开发区", kind: "main", members: ["嘉兴经济技术开发区", "=平湖分区"], years: [sum(a2017, b2017), sum(a2018, b2018)] },
    ],
    targets: [
      {
        id: "JX-7", label: { zh: "亩均产出 ≥ 500万元/亩", en: "Output per mu ≥ 500" }, level: "platform", subject: "嘉兴经济技术开发区", year: 2018,
        metric: "outputPerMu", comparison: ">=", threshold: 500, thresholdMax: null, value: 538.5, baseValue: 500, met: true, gap: 38.5,
        firstYear: 2018, probability: 0.85, metBy: [{ year: 2018, probability: 0.85 }], medianFirstYear: 2018, evaluable: true, reason: null,
        notes: [{ zh: "含分区", en: "sub-parks included" }],
      },
      {
        id: "JX-8", label: { zh: "亩均税收 ≥ 30万元/亩", en: "Tax per mu ≥ 30" }, level: "platform", subject: "嘉兴经济技术开发区", year: 2018,
        metric: "taxPerMu", comparison: ">=", threshold: 30, thresholdMax: null, value: 26.925, baseValue: 25, met: false, gap: -3.075,
        firstYear: null, probability: 0.1, metBy: [{ year: 2018, probability: 0.1 }], medianFirstYear: null, evaluable: true, reason: null, notes: [],
      },
      {
        id: "JX-4", label: { zh: "主导产业链 1–2 条", en: "1–2 leading industrial chains" }, level: "platform", subject: "嘉兴经济技术开发区", year: 2018,
        metric: null, comparison: ">=", threshold: 1, thresholdMax: null, value: null, baseValue: null, met: null, gap: null,
        firstYear: null, probability: null, metBy: null, medianFirstYear: null, evaluable: false,
        reason: { zh: "平台表没有产业链数据", en: "the platform sheet has no industrial chain data" }, notes: [],
      },
    ],
    balances: [
      { year: 2017, landQuota: 0, landGranted: 0, landUnallocated: 0, energyCap: null, energyAllocated: null, energyUnused: null, relocatedOutput: 0, relocationLost: 0 },
      { year: 2018, landQuota: 500, landGranted: 480, landUnallocated: 20, energyCap: 120, energyAllocated: 118.5, energyUnused: 1.5, relocatedOutput: 0, relocationLost: 0 },
    ],
    evaluation: {
      year: 2017,
      indicators: ["taxPerMu", "valueAddedPerMu"],
      omitted: ["valueAddedPerEmission"],
      weights: { taxPerMu: 60, valueAddedPerMu: 40 },
      benchmarks: { taxPerMu: 24.097, valueAddedPerMu: 136.16 },
      platforms: [
        { name: "=平湖分区", score: 63.8, class: "C", rank: 2, items: { taxPerMu: { value: 16, score: 39.8 }, valueAddedPerMu: { value: 81.6, score: 24 } } },
        { name: "嘉兴经济技术开发区", score: 92.2, class: "A", rank: 1, items: { taxPerMu: { value: 25, score: 62.2 }, valueAddedPerMu: { value: 102, score: 30 } } },
      ],
    },
    warnings: [{ code: "land-capped", platform: "=平湖分区", zh: "用地已达可开发空间", en: "land reached developable space" }],
    monteCarlo: { runs: 500, seed: "jx" },
  };
}

export const runContext = {
  issues: [{ code: "unit-guessed", severity: "warning", sheet: "平台清单", cell: "C3", zh: "单位按万元理解", en: "unit taken as 万元" }],
  inputHash: "sha256:abc123",
  inputFile: "jiaxing-2017.xlsx",
  sheet: "平台清单",
  startedAt: new Date("2026-11-03T08:00:00.000Z"),
  finishedAt: new Date("2026-11-03T08:00:12.500Z"),
};
