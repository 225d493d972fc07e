/**
 * What a target is, as data: the shape presets are written in and analysts write custom targets in.
 * Evaluation lives in targets.ts.
 */
import { z } from "zod";
import { LEVELS, STATUSES } from "./platform.js";

/** Metrics a target can measure, on a platform (rolled up with its sub-parks), a county or the region. */
export const PLATFORM_METRICS = [
  "output",
  "valueAdded",
  "tax",
  "energy",
  "land",
  "rd",
  "highTechValueAdded",
  "strategicEmergingOutput",
  "outputPerMu",
  "taxPerMu",
  "valueAddedPerMu",
  "energyIntensity",
  "highTechShare",
  "rdShare",
  "developableLand",
  "listedCompanies",
  "enterprises100",
] as const;
/**
 * Metrics that also read the sheet's emissions or the scenario's `references` (targets.ts REFERENCE_METRICS):
 * value targets only, not conditions of a `where`.
 */
export const REFERENCE_METRICS = [
  "emissions",
  "cityIndustrialLand",
  "valueAddedShareOfGdp",
  "outputShareOfCity",
  "valueAddedGrowthAboveCity",
] as const;
export const METRICS = [...PLATFORM_METRICS, ...REFERENCE_METRICS] as const;
export type ReferenceMetric = (typeof REFERENCE_METRICS)[number];
export type Metric = (typeof METRICS)[number];

const yearKey = z.string().regex(/^\d{4}$/, "year keys are 4-digit years");
/** A year → amount map ("2017": 12603): a figure of the city for each year a target reads. */
const yearAmounts = z.record(yearKey, z.number().positive());
const rate = z.number().gt(-1).lt(10);

/**
 * Scenario field `references`: the figures a plan compares against that belong to no platform (the
 * city's, or the wider city's for a district plan). Each field is documented in models/README.md
 * "Scenario fields"; a target that needs one names it when it is absent.
 */
export const referencesSchema = z
  .object({
    /** The city's 规上工业产值 by year, 亿元 (HZ-3d: the platforms' share of it). */
    cityOutput: yearAmounts.optional(),
    /** The city's GDP (地区生产总值) by year, 亿元 (HZ-1b: the platforms' industrial value added as a share of it). */
    cityGdp: yearAmounts.optional(),
    /** The city's average annual growth of industrial value added: one rate, or a year → rate map (JD-2). */
    cityGrowth: z.union([rate, z.record(yearKey, rate)]).optional(),
    /** The city's industrial land in the base year, 亩 (HZ-1a measured on the city, not only the platforms). */
    cityIndustrialLand: z.number().positive().optional(),
  })
  .strict();
export type References = z.output<typeof referencesSchema>;
export const REFERENCE_FIELDS = [
  "cityOutput",
  "cityGdp",
  "cityGrowth",
  "cityIndustrialLand",
] as const satisfies readonly (keyof References)[];
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

export const COMPARISONS = [">=", "<=", ">", "<", "between"] as const;
export type Comparison = (typeof COMPARISONS)[number];

const condition = z
  .object({
    metric: z.enum(PLATFORM_METRICS),
    comparison: z.enum([">=", "<=", ">", "<"]),
    threshold: z.number(),
  })
  .strict();

const subjects = z.union([
  z.enum(["main", "all"]),
  z
    .object({
      names: z.array(z.string()).optional(),
      /** Platforms whose name or county contains one of these strings. */
      nameOrCountyIncludes: z.array(z.string()).optional(),
      levels: z.array(z.enum(LEVELS)).optional(),
      statuses: z.array(z.enum(STATUSES)).optional(),
    })
    .strict(),
]);

export const customTargetSchema = z
  .object({
    id: z.string().min(1).max(40),
    label: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
    level: z.enum(["platform", "county", "region"]),
    /** Target year; absent = the last horizon year. */
    year: z.number().int().min(1990).max(2100).optional(),
    /**
     * What is compared: a metric's value (platform level, or summed over a county or the region with
     * per-mu figures recomputed from the sums); `count` = number of subjects meeting `where`;
     * `share` = share of the county's (region's) platforms whose status is in `statuses` by the year.
     */
    aggregate: z.enum(["value", "count", "share"]).default("value"),
    metric: z.enum(METRICS).optional(),
    /** Count targets: the subjects counted are those meeting the condition, or every condition of a list (JH-2: 千亿规模 and 百亿税收). */
    where: z.union([condition, z.array(condition).min(1)]).optional(),
    statuses: z.array(z.enum(STATUSES)).optional(),
    comparison: z.enum(COMPARISONS),
    threshold: z.number(),
    /** Upper bound for "between". */
    thresholdMax: z.number().optional(),
    /**
     * "between" with the plan's allowance ("1–2, up to 1–2 more where needed" → thresholdMax 2, allowanceMax 4):
     * a value above thresholdMax and at most allowanceMax is met with the allowance, and the check says so.
     */
    allowanceMax: z.number().optional(),
    /** What the allowance is, as the plan words it (shown with a check met with it). */
    allowanceLabel: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
    /** "base": the threshold is a multiple of the base-year value (2 = 翻番, 1 with ">" = above base). */
    relativeTo: z.literal("base").optional(),
    /** Which platforms: main platforms (default), all, or a filter. */
    subjects: subjects.default("main"),
    /** Set when the target needs data no platform sheet holds: reported as not evaluable with this reason. */
    notEvaluable: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.aggregate === "value" && !t.metric && !t.notEvaluable)
      ctx.addIssue({ code: "custom", path: ["metric"], message: "a value target needs a metric" });
    if (t.aggregate === "count" && !t.where && !t.notEvaluable && t.level === "platform")
      ctx.addIssue({ code: "custom", path: ["level"], message: "a count target is a county or region target" });
    if (t.aggregate === "share" && !t.statuses)
      ctx.addIssue({ code: "custom", path: ["statuses"], message: "a share target needs statuses" });
    if (t.comparison === "between" && t.thresholdMax === undefined)
      ctx.addIssue({ code: "custom", path: ["thresholdMax"], message: '"between" needs thresholdMax' });
    if (t.allowanceMax !== undefined && (t.comparison !== "between" || t.thresholdMax === undefined || t.allowanceMax < t.thresholdMax))
      ctx.addIssue({ code: "custom", path: ["allowanceMax"], message: 'allowanceMax needs "between" and is at least thresholdMax' });
    if (t.allowanceMax !== undefined && t.relativeTo === "base")
      ctx.addIssue({ code: "custom", path: ["allowanceMax"], message: "allowanceMax takes absolute thresholds, not relativeTo base" });
    if (t.metric === "cityIndustrialLand" && t.level !== "region")
      ctx.addIssue({ code: "custom", path: ["level"], message: "cityIndustrialLand is a region target" });
  });

/** A target's `where` as a list of conditions (empty when it has none). */
export const whereList = (where: TargetDef["where"]): Condition[] => (where === undefined ? [] : Array.isArray(where) ? where : [where]);
export type Condition = z.output<typeof condition>;

export type TargetInput = z.input<typeof customTargetSchema>;
export type TargetDef = z.output<typeof customTargetSchema>;
export type TargetSubjects = TargetDef["subjects"];
