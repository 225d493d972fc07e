/**
 * The scenario document: what the analyst chooses (horizon, growth, land and energy quotas, targets,
 * evaluation, Monte Carlo). Validated with zod; every default is written here once and documented
 * field by field in models/README.md.
 */
import { z } from "zod";
import { customTargetSchema, referencesSchema } from "./targetSchema.js";
import { growthSchema, pricesSchema } from "./growthSchema.js";
import { ratiosSchema } from "./levers/ratioSchema.js";
import { ASSUMPTION_IDS } from "./decisions/assumptionNames.js";

const year = z.number().int().min(1990).max(2100);
const fraction = z.number().min(0).max(1);
/** A number, or a year → number map ("2019": 500). */
const yearly = z.union([z.number().min(0), z.record(z.string().regex(/^\d{4}$/, "year keys are 4-digit years"), z.number().min(0))]);

/** Each strategy's behaviour is its rule in policy/strategies.ts (STRATEGIES), its labels in vocabulary.ts. */
export const ALLOCATION_STRATEGIES = ["proportional", "merit", "main-only", "manual", "optimal"] as const;
export type AllocationStrategy = (typeof ALLOCATION_STRATEGIES)[number];
const strategy = z.enum(ALLOCATION_STRATEGIES);

export { CLASSES, INDICATORS, type EvaluationClass, type Indicator } from "./evaluationNames.js";
import { INDICATORS, type EvaluationClass, type Indicator } from "./evaluationNames.js";

const classNumbers = (defaults: Record<EvaluationClass, number>) =>
  z
    .object({ A: z.number().min(0), B: z.number().min(0), C: z.number().min(0), D: z.number().min(0) })
    .partial()
    .strict()
    .default({})
    .transform((v) => ({ ...defaults, ...v }));

export const DEFAULT_WEIGHTS: Record<Indicator, number> = {
  taxPerMu: 30,
  valueAddedPerMu: 20,
  valueAddedPerEnergy: 20,
  valueAddedPerEmission: 10,
  laborProductivity: 10,
  rdShare: 10,
};

export const scenarioSchema = z
  .object({
    /** Shown in result sheets and comparisons. */
    name: z.string().min(1).max(80).default("基准方案"),
    /** t0: the year of the sheet's figures. */
    baseYear: year.optional(),
    /** Years to report; the projection runs to the latest. */
    horizon: z.union([year, z.array(year).min(1)]).optional(),
    /** A preset id, target ids, or custom target objects. */
    targets: z.union([z.string(), z.array(z.union([z.string(), customTargetSchema]))]).default([]),
    /** Figures of the city a plan compares against (targetSchema.ts referencesSchema, models/README.md). */
    references: referencesSchema.optional(),
    growth: growthSchema.default({
      distribution: "normal",
      mean: 0.077,
      sd: 0.045,
      correlation: 0.5,
      persistence: 0,
      basis: "nominal",
      byLevel: {},
      byPlatform: {},
    }),
    prices: pricesSchema.default({ inflation: 0 }),
    /** How the sheet's figures are taken: outputScope "accept" reads a 工业总产值 column as 规上 output without a note (default "note"). */
    inputs: z
      .object({ outputScope: z.enum(["note", "accept"]).optional() })
      .strict()
      .optional(),
    /** Ratio paths (model.md §2.1): v, τ, R&D, high-tech and strategic-emerging shares moving over the years. */
    ratios: ratiosSchema.default({}),
    land: z
      .object({
        /** New industrial land quota for the whole region, 亩 per year; absent = 0 (manual: the sum of the requests). */
        quota: yearly.optional(),
        strategy: strategy.default("proportional"),
        /** λ: years before a grant produces. */
        lagYears: z.number().int().min(0).max(10).default(1),
        /** Weights of evaluation classes for the merit strategy. */
        classWeights: classNumbers({ A: 1.5, B: 1, C: 0.5, D: 0 }),
        /** Per-platform grants for the manual strategy, 亩 per year (number or year map). */
        manual: z.record(z.string(), yearly).default({}),
        /** 标准地 entry thresholds (model.md §2.4), 万元/亩: last year's 亩均产出 and 亩均税收 a platform needs to receive land. */
        entry: z
          .object({ outputPerMu: z.number().min(0).optional(), taxPerMu: z.number().min(0).optional() })
          .strict()
          .optional(),
      })
      .strict()
      .default({ strategy: "proportional", lagYears: 1, classWeights: { A: 1.5, B: 1, C: 0.5, D: 0 }, manual: {} }),
    energy: z
      .object({
        /** d: annual decline of energy per unit of value added (0.0343 = 3.43%). */
        intensityDecline: z.number().min(-0.5).max(0.5).default(0.0343),
        /** Regional energy cap C(t), 万吨标煤 per year; absent = no cap. */
        cap: yearly.optional(),
        strategy: strategy.default("proportional"),
        classWeights: classNumbers({ A: 1.5, B: 1, C: 0.5, D: 0 }),
        /** Per-platform quotas for the manual strategy, 万吨标煤 per year. */
        manual: z.record(z.string(), yearly).default({}),
      })
      .strict()
      .default({ intensityDecline: 0.0343, strategy: "proportional", classWeights: { A: 1.5, B: 1, C: 0.5, D: 0 }, manual: {} }),
    exits: z
      .object({
        /** s: share of an exiting platform's last output that relocates to its receiver. */
        relocationShare: fraction.default(0.5),
        /** immediate (version 1) or phased (逐步退出型, model.md §2.3). */
        mode: z.enum(["immediate", "phased"]).default("immediate"),
        /** r: share of an exited platform's land that returns to the regional quota (腾退), λ_R years after its exit. */
        landReturnShare: fraction.default(0),
        landReturnLag: z.number().int().min(0).max(10).default(1),
      })
      .strict()
      .default({ relocationShare: 0.5, mode: "immediate", landReturnShare: 0, landReturnLag: 1 }),
    defaults: z
      .object({
        /** v when the sheet has no value added: V/Y. */
        valueAddedRatio: z.number().min(0).max(1).default(0.204),
        /** τ when the sheet has no tax: T/Y. */
        taxRatio: z.number().min(0).max(1).default(0.05),
        /** e0 when the sheet has no energy: 吨标煤 per 万元 of value added. */
        energyIntensity: z.number().min(0).max(20).default(0.385),
      })
      .strict()
      .default({ valueAddedRatio: 0.204, taxRatio: 0.05, energyIntensity: 0.385 }),
    evaluation: z
      .object({
        weights: z
          .partialRecord(z.enum(INDICATORS), z.number().min(0))
          .default({})
          .transform((w) => ({ ...DEFAULT_WEIGHTS, ...w })),
        /** Benchmarks per indicator; absent = the sheet's aggregate (Σ numerator ÷ Σ denominator). */
        benchmarks: z.partialRecord(z.enum(INDICATORS), z.number().positive()).default({}),
        /** Item score cap as a multiple of its weight (开化: 1.5); absent = no cap. */
        itemCap: z.number().positive().optional(),
        /** Shares of platforms per class, best first; must add up to 1. */
        classCuts: classNumbers({ A: 0.2, B: 0.6, C: 0.15, D: 0.05 }),
      })
      .strict()
      .default({ weights: DEFAULT_WEIGHTS, benchmarks: {}, classCuts: { A: 0.2, B: 0.6, C: 0.15, D: 0.05 } }),
    /**
     * The tornado and two-way table (model.md §2.6, models/README.md "Sensitivity"): low/high per assumption
     * (absent = the default rule), the runs per evaluation (absent = monteCarlo.runs), the two-way grid's points per side.
     */
    sensitivity: z
      .object({
        assumptions: z.partialRecord(z.enum(ASSUMPTION_IDS), z.object({ low: z.number(), high: z.number() }).strict()).optional(),
        runs: z.number().int().min(0).max(1_000_000).optional(),
        gridPoints: z.number().int().min(2).max(21).optional(),
      })
      .strict()
      .optional(),
    /**
     * Optimal allocation (model.md §2.5, models/README.md "Optimal allocation"): the objective, at the last horizon
     * year or summed over the years, per-platform weights, per-platform minimum/maximum grants (亩 per year),
     * target ids to meet as constraints. Absent = output at the horizon, no bounds, no target constraints.
     */
    optimize: z
      .object({
        objective: z.enum(["output", "valueAdded", "tax"]).default("output"),
        over: z.enum(["horizon", "all"]).default("horizon"),
        weights: z.record(z.string(), z.number().min(0)).default({}),
        land: z
          .object({ min: z.record(z.string(), yearly).default({}), max: z.record(z.string(), yearly).default({}) })
          .strict()
          .default({ min: {}, max: {} }),
        targets: z.array(z.string().min(1)).default([]),
        /** Robust (sample-average) LP over the first K Monte Carlo trials; absent = the deterministic path. Max: MAX_ROBUST_TRIALS. */
        robust: z.number().int().min(1).max(200).optional(),
      })
      .strict()
      .optional(),
    monteCarlo: z
      .object({
        /** Trials; 0 = deterministic only. */
        runs: z.number().int().min(0).max(1_000_000).default(0),
        seed: z.union([z.string().min(1), z.number().int()]).default("parkplan"),
      })
      .strict()
      .default({ runs: 0, seed: "parkplan" }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const total = s.evaluation.classCuts.A + s.evaluation.classCuts.B + s.evaluation.classCuts.C + s.evaluation.classCuts.D;
    if (Math.abs(total - 1) > 1e-9) {
      const shown = Number(total.toFixed(6));
      ctx.addIssue({
        code: "custom",
        path: ["evaluation", "classCuts"],
        message: `class shares add up to ${shown}, not 1`,
        params: { zh: `各类别比例之和为 ${shown}，应为 1` },
      });
    }
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

export interface ScenarioIssue {
  /** Dotted path of the field, e.g. "land.quota". */
  path: string;
  zh: string;
  en: string;
}

export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map((i) => `情景字段 ${i.path || "(根)"}：${i.zh} / scenario field ${i.path || "(root)"}: ${i.en}`).join("\n"));
    this.name = "ScenarioError";
  }
}

/**
 * Validate a scenario document and fill every default. Throws ScenarioError naming each invalid field
 * in Chinese and English.
 */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input ?? {});
  // A fresh copy: zod hands out its shared default objects, which a caller must not be able to change.
  if (result.success) return JSON.parse(JSON.stringify(result.data)) as Scenario;
  const zh = scenarioSchema.safeParse(input ?? {}, { error: z.locales.zhCN().localeError });
  const zhIssues = zh.success ? [] : zh.error.issues;
  throw new ScenarioError(
    result.error.issues.map((issue, k) => ({
      path: issue.path.join("."),
      en: issue.message,
      zh:
        (issue.code === "custom" ? (issue.params as { zh?: string } | undefined)?.zh : undefined) ?? zhIssues[k]?.message ?? issue.message,
    })),
  );
}

/** The value of a yearly field (a number or a year map) in a year; a map gives 0 for years it lacks. */
export function yearlyValue(field: number | Record<string, number> | undefined, y: number): number {
  if (field === undefined) return 0;
  return typeof field === "number" ? field : (field[String(y)] ?? 0);
}

/** The years reported: the horizon list, sorted; defaults to baseYear + 5. */
export function horizonYears(s: Scenario, baseYear: number): number[] {
  const h = s.horizon ?? baseYear + 5;
  const years = (Array.isArray(h) ? h : [h]).filter((y) => y > baseYear);
  return [...new Set(years)].sort((a, b) => a - b);
}
