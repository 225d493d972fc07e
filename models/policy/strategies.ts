/**
 * Every allocation strategy of the land quota and the energy cap, in one table (models/README.md,
 * "Allocation strategies"): how it splits the amount, whether it needs the merit evaluation's classes,
 * where its fixed requests come from. `STRATEGIES satisfies Record<AllocationStrategy, StrategyRule>`, so
 * a strategy added to ALLOCATION_STRATEGIES does not compile until it has its rule here (and its labels in
 * vocabulary.ts). The table is resolved once per run (resolveAllocation, called by compile.ts) into plain
 * arrays the year loop reads without asking which strategy it runs.
 */
import { ScenarioError, type AllocationStrategy } from "../scenario.js";

/**
 * What a weights strategy multiplies a platform's current use (land L(t−1), energy E(t−1)) by before the
 * amount is water-filled: 1; the class weight of its evaluation on year t−1 figures (0 when not
 * evaluated); 1 for a main platform, else 0.
 */
export type WeightFactor = "one" | "classWeight" | "isMain";

/**
 * Where a requests strategy's per-platform requests come from: `manual`, the scenario's `land.manual` /
 * `energy.manual` else the sheet's 新增用地 / 能耗指标 columns; `planned`, the grants given to the run
 * (SimulateOptions.plannedGrants, e.g. the optimal split of `parkplan optimize`).
 */
export type RequestSource = "manual" | "planned";

export type StrategyRule =
  /** ∝ current use × factor, water-filled against each platform's room (allocate.ts waterFill). */
  | { allocation: "weights"; factor: WeightFactor; needsClasses: boolean }
  /**
   * Fixed requests: scaled down together when they exceed the amount, cut to the room, never re-split
   * (allocate.ts allocateRequests). Without `land.quota` the quota is the sum of the requests.
   */
  | { allocation: "requests"; source: RequestSource; needsClasses: false };

export const STRATEGIES = {
  proportional: { allocation: "weights", factor: "one", needsClasses: false },
  merit: { allocation: "weights", factor: "classWeight", needsClasses: true },
  "main-only": { allocation: "weights", factor: "isMain", needsClasses: false },
  manual: { allocation: "requests", source: "manual", needsClasses: false },
  optimal: { allocation: "requests", source: "planned", needsClasses: false },
} as const satisfies Record<AllocationStrategy, StrategyRule>;

/** The amount a strategy splits: the land quota or the energy cap. */
export type Allocated = "land" | "energy";

/**
 * A strategy resolved for one run, as the kernel reads it. Requests strategies: `requests` per step,
 * step-major [k·n + i]. Weights strategies: `requests` null, and platform i's weight is
 * use × factor[i] × (classWeights === null ? 1 : classWeights[class], 0 for a platform not evaluated);
 * a factor of 0 gives weight 0 whatever the use.
 */
export interface ResolvedAllocation {
  strategy: AllocationStrategy;
  requests: Float64Array | null;
  factor: Float64Array;
  classWeights: Float64Array | null;
  needsClasses: boolean;
}

/** What resolveAllocation reads; `planned` is null when the run was given no planned grants for this amount. */
export interface AllocationInputs {
  n: number;
  isMain: Uint8Array;
  /** The scenario's class weights, A … D. */
  classWeights: Float64Array;
  /** Manual requests per step, step-major. */
  manual: Float64Array;
  planned: Float64Array | null;
  /** Whether the kernel splits this amount at all (energy: only under a cap). */
  used: boolean;
}

/** Resolve `strategy` for `what` (land or energy) once per run; optimal without planned grants is a ScenarioError. */
export function resolveAllocation(what: Allocated, strategy: AllocationStrategy, inputs: AllocationInputs): ResolvedAllocation {
  const rule: StrategyRule = STRATEGIES[strategy];
  const { n } = inputs;
  if (rule.allocation === "requests") {
    return {
      strategy,
      requests: requestsOf(what, strategy, rule.source, inputs),
      factor: new Float64Array(n),
      classWeights: null,
      needsClasses: false,
    };
  }
  const factor = rule.factor === "isMain" ? Float64Array.from(inputs.isMain) : new Float64Array(n).fill(1);
  const classWeights = rule.factor === "classWeight" ? inputs.classWeights : null;
  return { strategy, requests: null, factor, classWeights, needsClasses: rule.needsClasses };
}

function requestsOf(what: Allocated, strategy: AllocationStrategy, source: RequestSource, inputs: AllocationInputs): Float64Array {
  if (source === "manual") return inputs.manual;
  if (inputs.planned !== null) return inputs.planned;
  // Energy under no cap is never split: its strategy is then moot and needs no grants.
  if (!inputs.used) return new Float64Array(inputs.manual.length);
  const amount = what === "land" ? { zh: "新增用地", en: "land" } : { zh: "能耗指标", en: "energy" };
  throw new ScenarioError([
    {
      path: `${what}.strategy`,
      zh: `策略 ${strategy} 按给定的逐平台${amount.zh}配置分配，本次运行未给出：最优配置由 \`parkplan optimize\` 或任务窗格的“决策”部分计算并运行`,
      en: `strategy ${strategy} allocates given per-platform ${amount.en} grants, and this run was given none: the optimal split comes from \`parkplan optimize\` or the pane's 决策 section`,
    },
  ]);
}
