/**
 * Preprocess: platforms + scenario → the plain typed arrays the year loop reads (model.md "Base year").
 * Everything here is computed once per simulation; the kernel only reads it.
 */
import type { ModelWarning } from "./results.js";
import { isExiting, type Platform } from "./platform.js";
import { ScenarioError, yearlyValue, type AllocationStrategy, type Scenario } from "./scenario.js";
import { applyRatioPaths } from "./levers/ratioPaths.js";
import { perMu } from "./units.js";
import { evaluationSettings, type EvaluationSettings } from "./evaluation.js";
import { baseIndicatorData } from "./indicatorData.js";
import type { GrowthDistribution } from "./growthModels.js";
import { compileGrowth } from "./growthCompile.js";
import type { CalibrationResult } from "./calibration/apply.js";
import type { ResolvedAllocation } from "./policy/strategies.js";
import type { PlannedGrants } from "./policy/plannedGrants.js";
import { resolveStrategies } from "./policy/resolve.js";

export interface Compiled {
  n: number;
  names: string[];
  /** Projected years after the base year: years[k] for k = 0 … steps (years[0] = base year). */
  years: number[];
  steps: number;
  baseYear: number;
  /** Base 亩均产出 p(t0), 万元/亩. */
  p0: Float64Array;
  land0: Float64Array;
  output0: Float64Array;
  /** D − L0, 亩 (≥ 0). */
  headroom: Float64Array;
  /** Base energy intensity e0 per platform. */
  energyIntensity0: Float64Array;
  /**
   * Ratios v, τ, ρ_RD, η and the strategic-emerging share σ_S per step, step-major ([k * n + i]; row 0 =
   * the base year): constant rows in version 1, moved by the scenario's `ratios` (model.md §2.1).
   */
  vaRatio: Float64Array;
  taxRatio: Float64Array;
  rdRatio: Float64Array;
  highTechShare: Float64Array;
  seiRatio: Float64Array;
  /** Platforms by growth model (growthModels.ts), in index order within each group. */
  growthGroups: { model: GrowthDistribution; members: Int32Array }[];
  /** μ and σ of the normal model (0 for other models). */
  mean: Float64Array;
  sd: Float64Array;
  /** Triangular and PERT: the mode (the deterministic rate) and the curve x ↦ F⁻¹(Φ(x)); null for normal. */
  growthMode: Float64Array;
  growthCurves: (((x: number) => number) | null)[];
  /** φ: persistence of the regional shock (AR(1)); π: inflation when growth is real, else 0. */
  persistence: number;
  inflation: number;
  correlation: number;
  /** growth.fromHistory's fit (models/calibration/); null when off. */
  calibration: CalibrationResult | null;
  /** Index of the first year (k) with no output; NEVER when the platform never exits. */
  exitStep: Int32Array;
  /** Receiver of an exit's relocated output, −1 if none. */
  receiver: Int32Array;
  isMain: Uint8Array;
  nameRank: Int32Array;
  relocationShare: number;
  /** Phased exits (§2.3): no grants, output Ŷ × (x − t)/(x − t0) before the exit year; r and λ_R of returned land. */
  phasedExits: boolean;
  landReturnShare: number;
  landReturnLag: number;
  lagYears: number;
  /** Per step k: land quota Q, energy cap C (NaN = none), (1 − d)^k. */
  landQuota: Float64Array;
  energyCap: Float64Array;
  intensityFactor: Float64Array;
  landStrategy: AllocationStrategy;
  /** 标准地 entry thresholds (万元/亩; NaN = none): last year's 亩均产出 and 亩均税收 needed to receive land. */
  entryOutputPerMu: number;
  entryTaxPerMu: number;
  energyStrategy: AllocationStrategy;
  /** Manual requests per step, step-major: [k * n + i]. */
  manualLand: Float64Array;
  manualEnergy: Float64Array;
  landClassWeights: Float64Array;
  energyClassWeights: Float64Array;
  /** The strategies resolved for this run (policy/strategies.ts): what the kernel reads to split land and energy. */
  landAllocation: ResolvedAllocation;
  energyAllocation: ResolvedAllocation;
  /** Whether either strategy needs the merit evaluation's classes each year. */
  needsClasses: boolean;
  /** Static per-platform figures used by the evaluation: employees, emissions per unit of energy. */
  employees: Float64Array;
  emissionsPerEnergy: Float64Array;
  evaluation: EvaluationSettings;
  /** Whether the sheet gave the figure (not a default ratio): per field, per platform. */
  has: Record<
    | "valueAdded"
    | "tax"
    | "energy"
    | "rd"
    | "highTechValueAdded"
    | "strategicEmergingOutput"
    | "developableLand"
    | "listedCompanies"
    | "enterprises100",
    Uint8Array
  >;
  warnings: ModelWarning[];
}

/** exitStep of a platform that never exits: beyond any step, even step + lag. */
export const NEVER = 1 << 30;

const f64 = (n: number, fill = 0) => new Float64Array(n).fill(fill);

/** `planned`: grants given to the run for the strategies that read them (`optimal`; policy/plannedGrants.ts). */
export function compile(
  platforms: readonly Platform[],
  scenario: Scenario,
  baseYear: number,
  lastYear: number,
  planned: PlannedGrants = {},
): Compiled {
  const n = platforms.length;
  const steps = lastYear - baseYear;
  const years = Array.from({ length: steps + 1 }, (_, k) => baseYear + k);
  const names = platforms.map((p) => p.name);
  const index = new Map(names.map((name, i) => [name, i]));
  const warnings: ModelWarning[] = [];
  const d = scenario.defaults;
  const c: Compiled = {
    n,
    names,
    years,
    steps,
    baseYear,
    p0: f64(n),
    land0: f64(n),
    output0: f64(n),
    headroom: f64(n),
    energyIntensity0: f64(n),
    vaRatio: f64((steps + 1) * n),
    taxRatio: f64((steps + 1) * n),
    rdRatio: f64((steps + 1) * n),
    highTechShare: f64((steps + 1) * n),
    seiRatio: f64((steps + 1) * n),
    growthGroups: [],
    mean: f64(n),
    sd: f64(n),
    growthMode: f64(n),
    growthCurves: new Array<((x: number) => number) | null>(n).fill(null),
    persistence: scenario.growth.persistence,
    inflation: scenario.growth.basis === "real" ? scenario.prices.inflation : 0,
    correlation: scenario.growth.correlation,
    calibration: null,
    exitStep: new Int32Array(n).fill(NEVER),
    receiver: new Int32Array(n).fill(-1),
    isMain: new Uint8Array(n),
    nameRank: rankByName(names),
    relocationShare: scenario.exits.relocationShare,
    phasedExits: scenario.exits.mode === "phased",
    landReturnShare: scenario.exits.landReturnShare,
    landReturnLag: scenario.exits.landReturnLag,
    lagYears: scenario.land.lagYears,
    landQuota: f64(steps + 1),
    energyCap: f64(steps + 1, NaN),
    intensityFactor: f64(steps + 1),
    landStrategy: scenario.land.strategy,
    entryOutputPerMu: scenario.land.entry?.outputPerMu ?? NaN,
    entryTaxPerMu: scenario.land.entry?.taxPerMu ?? NaN,
    energyStrategy: scenario.energy.strategy,
    manualLand: f64((steps + 1) * n),
    manualEnergy: f64((steps + 1) * n),
    landClassWeights: classWeights(scenario.land.classWeights),
    energyClassWeights: classWeights(scenario.energy.classWeights),
    landAllocation: undefined as unknown as ResolvedAllocation,
    energyAllocation: undefined as unknown as ResolvedAllocation,
    needsClasses: false,
    employees: f64(n, NaN),
    emissionsPerEnergy: f64(n, NaN),
    evaluation: undefined as unknown as EvaluationSettings,
    has: {
      valueAdded: new Uint8Array(n),
      tax: new Uint8Array(n),
      energy: new Uint8Array(n),
      rd: new Uint8Array(n),
      highTechValueAdded: new Uint8Array(n),
      strategicEmergingOutput: new Uint8Array(n),
      developableLand: new Uint8Array(n),
      listedCompanies: new Uint8Array(n),
      enterprises100: new Uint8Array(n),
    },
    warnings,
  };
  const defaulted: Record<"valueAdded" | "tax" | "energy", string[]> = { valueAdded: [], tax: [], energy: [] };

  platforms.forEach((p, i) => {
    const y0 = p.output;
    c.land0[i] = p.land;
    c.output0[i] = y0;
    c.p0[i] = p.land > 0 ? perMu(y0, p.land) : 0;
    c.headroom[i] = Math.max(0, (p.developableLand ?? p.land) - p.land);
    c.isMain[i] = p.status === "main" ? 1 : 0;
    for (const key of Object.keys(c.has) as (keyof Compiled["has"])[]) c.has[key][i] = p[key] !== null ? 1 : 0;

    const ratio = (value: number | null, base: number) => (value !== null && base > 0 ? value / base : null);
    const v = ratio(p.valueAdded, y0);
    if (v === null) defaulted.valueAdded.push(p.name);
    c.vaRatio[i] = v ?? d.valueAddedRatio;
    const tau = ratio(p.tax, y0);
    if (tau === null) defaulted.tax.push(p.name);
    c.taxRatio[i] = tau ?? d.taxRatio;
    const va0 = c.vaRatio[i] * y0;
    const e0 = p.energy !== null && va0 > 0 ? p.energy / va0 : null;
    if (e0 === null) defaulted.energy.push(p.name);
    c.energyIntensity0[i] = e0 ?? d.energyIntensity;
    c.rdRatio[i] = ratio(p.rd, y0) ?? 0;
    c.highTechShare[i] = ratio(p.highTechValueAdded, va0) ?? 0;
    c.seiRatio[i] = ratio(p.strategicEmergingOutput, y0) ?? 0;
    if (p.employees !== null && p.employees > 0) c.employees[i] = p.employees;
    const energy0 = c.energyIntensity0[i] * va0;
    if (p.emissions !== null && p.emissions > 0 && energy0 > 0) c.emissionsPerEnergy[i] = p.emissions / energy0;

    if (isExiting(p)) {
      const x = p.exitYear ?? baseYear + 1;
      if (x <= baseYear) {
        warnings.push(
          warn(
            "EXIT_BEFORE_BASE",
            p.name,
            `退出年份 ${x} 不晚于基年 ${baseYear}，按 ${baseYear + 1} 年退出计算`,
            `exit year ${x} is not after the base year ${baseYear}; treated as ${baseYear + 1}`,
          ),
        );
      }
      c.exitStep[i] = Math.max(1, x - baseYear);
    }
  });

  compileGrowth(c, platforms, scenario.growth);
  const ratioArrays = { valueAdded: c.vaRatio, tax: c.taxRatio, rd: c.rdRatio, highTech: c.highTechShare, strategic: c.seiRatio };
  const ratioIssues = applyRatioPaths(ratioArrays, platforms, c.has, scenario.ratios, years, warnings);
  if (ratioIssues.length > 0) throw new ScenarioError(ratioIssues);

  platforms.forEach((p, i) => {
    if (!isExiting(p)) return;
    let r = p.mainPlatform !== null ? (index.get(p.mainPlatform) ?? -1) : -1;
    if (r < 0) r = largestMainInCounty(platforms, p.county);
    c.receiver[i] = r === i ? -1 : r;
    if (c.receiver[i] < 0 && c.relocationShare > 0 && p.output > 0) {
      warnings.push(
        warn(
          "EXIT_NO_RECEIVER",
          p.name,
          "退出平台没有承接平台（整合去向为空且本县无主平台），迁移产值计为流失",
          "the exiting platform has no receiver (no 整合去向 and no main platform in its county): relocated output is lost",
        ),
      );
    }
  });

  for (let k = 0; k <= steps; k++) {
    const y = years[k];
    c.intensityFactor[k] = Math.pow(1 - scenario.energy.intensityDecline, k);
    if (k === 0) continue;
    const manualLandRow = scenarioRequests(platforms, scenario.land.manual, y, (p) => p.manualLand);
    const manualEnergyRow = scenarioRequests(platforms, scenario.energy.manual, y, (p) => p.manualEnergy);
    c.manualLand.set(manualLandRow, k * n);
    c.manualEnergy.set(manualEnergyRow, k * n);
    if (scenario.energy.cap !== undefined) c.energyCap[k] = yearlyValue(scenario.energy.cap, y);
  }
  resolveStrategies(c, scenario, planned); // also the land quota: a requests strategy's default is their sum
  const historyPlatforms = Object.keys((scenario.growth.fromHistory && scenario.growth.fromHistory.byPlatform) ?? {});
  const leverPlatforms = Object.values(scenario.ratios).flatMap((spec) => (spec ? Object.keys(spec.byPlatform) : []));
  for (const name of new Set([
    ...Object.keys({ ...scenario.land.manual, ...scenario.energy.manual, ...scenario.growth.byPlatform }),
    ...leverPlatforms,
    ...historyPlatforms,
  ])) {
    if (!index.has(name))
      warnings.push(
        warn(
          "SCENARIO_UNKNOWN_PLATFORM",
          null,
          `情景中的平台“${name}”不在平台表中，已忽略`,
          `platform "${name}" named in the scenario is not in the sheet; ignored`,
        ),
      );
  }
  const labels = {
    valueAdded: ["增加值", "value added", "valueAddedRatio"],
    tax: ["税收", "tax", "taxRatio"],
    energy: ["能耗", "energy", "energyIntensity"],
  } as const;
  for (const key of ["valueAdded", "tax", "energy"] as const) {
    const list = defaulted[key];
    if (list.length === 0) continue;
    const [zh, en, field] = labels[key];
    warnings.push(
      warn(
        `DEFAULT_${key.toUpperCase()}`,
        null,
        `${list.length} 个平台缺少${zh}，按情景默认值 defaults.${field} 估算：${list.join("、")}`,
        `${list.length} platform(s) lack ${en}; estimated with defaults.${field}: ${list.join(", ")}`,
      ),
    );
  }
  const active = new Uint8Array(n).fill(1);
  c.evaluation = evaluationSettings(baseIndicatorData(c), active, scenario.evaluation);
  return c;
}

function scenarioRequests(
  platforms: readonly Platform[],
  manual: Record<string, number | Record<string, number>>,
  y: number,
  fromSheet: (p: Platform) => number | null,
): number[] {
  return platforms.map((p) => (p.name in manual ? yearlyValue(manual[p.name], y) : (fromSheet(p) ?? 0)));
}

function largestMainInCounty(platforms: readonly Platform[], county: string): number {
  let best = -1;
  platforms.forEach((q, j) => {
    if (q.status === "main" && q.county === county && (best < 0 || q.output > platforms[best].output)) best = j;
  });
  return best;
}

function rankByName(names: string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const rank = new Int32Array(names.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

function classWeights(w: { A: number; B: number; C: number; D: number }): Float64Array {
  return Float64Array.of(w.A, w.B, w.C, w.D);
}

function warn(code: string, platform: string | null, zh: string, en: string): ModelWarning {
  return { code, platform, zh, en };
}
