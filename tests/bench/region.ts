/**
 * A synthetic but realistic region for the Monte Carlo benchmark: 100 platforms in 10 counties, one
 * main platform per county with sub-parks, some kept platforms, ~15% exits with exit years, every
 * optional column filled. Deterministic: all numbers come from a seeded seedrandom stream.
 */
import seedrandom from "seedrandom";
import { platform, type Level, type Platform, type ScenarioInput, type Status } from "../../models/index.js";

export const BASE_YEAR = 2017;
export const HORIZON = Array.from({ length: 10 }, (_, k) => BASE_YEAR + 1 + k);

const COUNTIES = ["南湖区", "秀洲区", "嘉善县", "平湖市", "海盐县", "海宁市", "桐乡市", "经开区", "港区", "湾北新区"];
const LEVELS: Level[] = ["national", "provincial", "municipal", "county", "township"];

export function syntheticRegion(seed = "parkplan-bench", counties = 10, perCounty = 10): Platform[] {
  const rng = seedrandom(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rng();
  const platforms: Platform[] = [];
  // 10 per county: 1 main, 4 sub-parks, 3 kept, 1–2 exits or transforms (15 of 100 overall).
  const exitsPerCounty = Array.from({ length: counties }, (_, j) => (j % 2 === 0 ? 2 : 1));
  for (let j = 0; j < counties; j++) {
    const county = COUNTIES[j % COUNTIES.length] + (j >= COUNTIES.length ? String(j) : "");
    const main = `${county}高新区`;
    const exits = exitsPerCounty[j];
    for (let q = 0; q < perCounty; q++) {
      const status: Status =
        q === 0 ? "main" : q <= 4 ? "subPark" : q <= perCounty - 1 - exits ? "kept" : q % 3 === 0 ? "transform" : "exit";
      const name = q === 0 ? main : `${county}${status === "subPark" ? "分园" : status === "kept" ? "园区" : "小微园"}${q}`;
      const land =
        status === "main"
          ? between(12000, 30000)
          : status === "subPark"
            ? between(2000, 8000)
            : status === "kept"
              ? between(1500, 6000)
              : between(300, 1500);
      const perMu =
        status === "main" ? between(350, 650) : status === "exit" || status === "transform" ? between(60, 180) : between(150, 420);
      const output = (land * perMu) / 1e4; // 亿元
      const valueAdded = output * between(0.17, 0.26);
      const energy = valueAdded * between(0.25, 0.6); // 万吨标煤 (吨标煤/万元 × 亿元)
      platforms.push(
        platform({
          name,
          county,
          level: status === "main" ? LEVELS[j % 2] : LEVELS[2 + (q % 3)],
          status,
          mainPlatform: status === "subPark" || status === "exit" || status === "transform" ? main : null,
          exitYear: status === "exit" || status === "transform" ? BASE_YEAR + 1 + Math.floor(between(0, 10)) : null,
          developableLand: land * between(1.05, status === "main" ? 1.6 : 1.3),
          land,
          output,
          valueAdded,
          tax: output * between(0.03, 0.08),
          energy,
          rd: output * between(0.01, 0.04),
          highTechValueAdded: valueAdded * between(0.2, 0.7),
          strategicEmergingOutput: output * between(0.1, 0.5),
          listedCompanies: Math.floor(between(0, status === "main" ? 8 : 3)),
          enterprises100: Math.floor(between(0, status === "main" ? 3 : 1.2)),
          employees: Math.round(land * between(0.5, 2)),
          emissions: energy * between(0.5, 2),
          manualLand: Math.round(between(0, 200)),
          manualEnergy: energy * between(0, 0.05),
        }),
      );
    }
  }
  return platforms;
}

const totalEnergy = (platforms: readonly Platform[]) => platforms.reduce((s, p) => s + (p.energy ?? 0), 0);

/** (a) proportional land, no energy cap, no targets. */
export function scenarioA(runs: number, seed: string | number = "bench"): ScenarioInput {
  return {
    name: "A proportional",
    baseYear: BASE_YEAR,
    horizon: HORIZON,
    growth: { mean: 0.07, sd: 0.05, correlation: 0.5, byLevel: { national: { mean: 0.08, sd: 0.04 } } },
    land: { quota: 6000, strategy: "proportional", lagYears: 1 },
    monteCarlo: { runs, seed },
  };
}

/** (b) merit land, an energy cap growing 2.5% a year from 106% of base energy (binding from the middle years), the jiaxing-2020 preset targets. */
export function scenarioB(platforms: readonly Platform[], runs: number, seed: string | number = "bench"): ScenarioInput {
  const e0 = totalEnergy(platforms);
  const cap = Object.fromEntries(HORIZON.map((y, k) => [String(y), Math.round(e0 * 1.06 * Math.pow(1.025, k + 1) * 100) / 100]));
  return {
    name: "B merit + cap + jiaxing-2020",
    baseYear: BASE_YEAR,
    horizon: HORIZON,
    targets: "jiaxing-2020",
    growth: { mean: 0.07, sd: 0.05, correlation: 0.5, byLevel: { national: { mean: 0.08, sd: 0.04 } } },
    land: { quota: 6000, strategy: "merit", lagYears: 1 },
    energy: { cap, strategy: "proportional" },
    monteCarlo: { runs, seed },
  };
}

/** More scenarios for the bit-identity snapshot: other strategies, lags, energy merit, custom targets. */
export function extraScenarios(platforms: readonly Platform[], runs: number): Record<string, ScenarioInput> {
  const b = scenarioB(platforms, runs, 7);
  return {
    mainOnlyLag2: {
      ...scenarioA(runs, "x"),
      land: { quota: { "2019": 3000, "2021": 9000, "2024": 500 }, strategy: "main-only", lagYears: 2 },
    },
    manualBoth: { ...b, land: { strategy: "manual", lagYears: 0 }, energy: { cap: b.energy!.cap, strategy: "manual" }, targets: [] },
    energyMerit: {
      ...b,
      energy: { cap: b.energy!.cap, strategy: "merit", intensityDecline: 0.05 },
      growth: { mean: 0.06, sd: 0.08, correlation: 0.2 },
    },
    meritCapped: {
      ...b,
      land: { quota: 9000, strategy: "merit", lagYears: 0, classWeights: { A: 2, D: 0.2 } },
      energy: { cap: b.energy!.cap, strategy: "merit" },
      evaluation: {
        itemCap: 1.2,
        benchmarks: { taxPerMu: 30 },
        weights: { rdShare: 15, laborProductivity: 0 },
        classCuts: { A: 0.3, B: 0.4, C: 0.2, D: 0.1 },
      },
    },
    customTargets: {
      ...scenarioA(runs, "c"),
      horizon: [2019, 2022, 2027],
      targets: [
        "lishui-2025",
        { id: "R1", level: "region", metric: "outputPerMu", comparison: ">=", threshold: 2, relativeTo: "base" },
        { id: "C1", level: "county", metric: "energyIntensity", comparison: "<=", threshold: 0.3, year: 2024 },
        {
          id: "C2",
          level: "county",
          aggregate: "count",
          where: { metric: "taxPerMu", comparison: ">=", threshold: 25 },
          comparison: ">=",
          threshold: 3,
        },
        { id: "P1", level: "platform", metric: "output", comparison: "between", threshold: 100, thresholdMax: 300, subjects: "all" },
      ],
    },
  };
}
