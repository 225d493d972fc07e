/**
 * The scenario's `growth` and `prices` fields (model.md step 1 and §2.2): how 亩均产出 grows, as a normal
 * (mean, sd) or as the analyst's 低/中/高 guess (triangular or PERT: low, mode, high, shape), for the
 * region, per level and per platform; the regional shock's persistence; nominal or real growth.
 *
 * Where the parameters of a platform come from (documented in models/README.md, "Scenario fields"): its
 * `byPlatform` entry, else its level's `byLevel` entry, else the region. An entry's distribution is its
 * own `distribution`, else the region's. A normal entry may give mean or sd alone (the other comes from
 * the region). A triangular or PERT entry takes low, mode and high together from one place: the entry
 * when it gives any of them, else the region.
 */
import { z } from "zod";
import { LEVELS, type Level } from "./platform.js";
import { GROWTH_DISTRIBUTIONS } from "./growthModels.js";

const rate = z.number().min(-0.9).max(5);
const distribution = z.enum(GROWTH_DISTRIBUTIONS);

const growthEntry = z
  .object({
    distribution: distribution.optional(),
    mean: rate.optional(),
    sd: z.number().min(0).max(5).optional(),
    low: rate.optional(),
    mode: rate.optional(),
    high: rate.optional(),
    /** λ of PERT (default 4). */
    shape: z.number().positive().max(100).optional(),
  })
  .strict();
export type GrowthEntry = z.output<typeof growthEntry>;

/**
 * growth.fromHistory: `true` (every platform), or `{ byLevel: { provincial: true }, byPlatform: { 某园区: true },
 * correlation: "fitted" | "scenario" }`: the levels and platforms set to true; an object with neither byLevel
 * nor byPlatform covers every platform.
 */
const fromHistorySchema = z.union([
  z.boolean(),
  z
    .object({
      byLevel: z.partialRecord(z.enum(LEVELS), z.boolean()).optional(),
      byPlatform: z.record(z.string().min(1), z.boolean()).optional(),
      correlation: z.enum(["fitted", "scenario"]).optional(),
    })
    .strict(),
]);

const growthObject = z
  .object({
    distribution: distribution.default("normal"),
    /** μ: mean annual growth of 亩均产出 (0.077 = 7.7%). */
    mean: rate.default(0.077),
    /** σ: standard deviation of the annual growth. */
    sd: z.number().min(0).max(5).default(0.045),
    /** 低/中/高: the triangular or PERT distribution's low, mode and high annual rates. */
    low: rate.optional(),
    mode: rate.optional(),
    high: rate.optional(),
    shape: z.number().positive().max(100).optional(),
    /** ρ: share of the variance that is the regional shock shared by all platforms (default 0.5, filled below). */
    correlation: z.number().min(0).max(1).optional(),
    /** φ: the regional shock is AR(1), Z_t = φ·Z_{t−1} + √(1−φ²)·u_t. */
    persistence: z.number().min(0).lt(1).default(0),
    /** nominal: growth as given; real: growth on top of prices.inflation. */
    basis: z.enum(["nominal", "real"]).default("nominal"),
    byLevel: z.partialRecord(z.enum(LEVELS), growthEntry).default({}),
    byPlatform: z.record(z.string(), growthEntry).default({}),
    /** Calibration from history (models/calibration/): true, or the levels and platforms it covers. */
    fromHistory: fromHistorySchema.optional(),
  })
  .strict();

export const growthSchema = growthObject
  .superRefine((growth, ctx) => {
    const regionHasGuess = growth.low !== undefined && growth.mode !== undefined && growth.high !== undefined;
    checkEntry(growth, growth.distribution, [], ctx, false);
    const entries: [string[], GrowthEntry][] = [
      ...Object.entries(growth.byLevel).map(([level, e]): [string[], GrowthEntry] => [["byLevel", level], e ?? {}]),
      ...Object.entries(growth.byPlatform).map(([name, e]): [string[], GrowthEntry] => [["byPlatform", name], e]),
    ];
    for (const [path, entry] of entries) checkEntry(entry, entry.distribution ?? growth.distribution, path, ctx, regionHasGuess);
  })
  .transform(({ correlation, fromHistory, ...growth }) => {
    const out = {
      ...growth,
      correlation: correlation ?? DEFAULT_CORRELATION,
      ...normalizeFromHistory(fromHistory, correlation !== undefined),
    };
    // The fields in the schema's order, as before correlation's default moved here (运行记录 prints them).
    const ordered = Object.keys(growthObject.shape)
      .filter((k) => k in out)
      .map((k) => [k, out[k as keyof typeof out]]);
    return Object.fromEntries(ordered) as typeof out;
  });

/** ρ when the scenario gives none. */
export const DEFAULT_CORRELATION = 0.5;

/**
 * The parsed fromHistory: absent when off; else the levels and platforms it covers (neither byLevel nor
 * byPlatform: all) and where ρ comes from — its own `correlation` when given, else "scenario" when
 * growth.correlation is written in the scenario, else "fitted".
 */
export interface FromHistory {
  byLevel?: Partial<Record<Level, boolean>>;
  byPlatform?: Record<string, boolean>;
  correlation: "fitted" | "scenario";
}

function normalizeFromHistory(
  raw: z.output<typeof fromHistorySchema> | undefined,
  correlationGiven: boolean,
): { fromHistory?: FromHistory } {
  if (raw === undefined || raw === false) return {};
  const given = raw === true ? {} : raw;
  return { fromHistory: { ...given, correlation: given.correlation ?? (correlationGiven ? "scenario" : "fitted") } };
}

export const pricesSchema = z
  .object({
    /** π: annual inflation, applied to growth when growth.basis is real. */
    inflation: z.number().min(-0.5).max(1).default(0),
    /** 现价 (current) or 可比价 (comparable) figures, when the sheet does not say; absent = "current". */
    basis: z.enum(["current", "comparable"]).optional(),
  })
  .strict();

type Ctx = z.RefinementCtx;

/**
 * low ≤ mode ≤ high, all three given together where a triangular or PERT entry needs them (an entry that
 * gives none of them takes the region's, when the region has all three: `inherits`).
 */
function checkEntry(
  entry: Pick<GrowthEntry, "low" | "mode" | "high">,
  kind: (typeof GROWTH_DISTRIBUTIONS)[number],
  path: string[],
  ctx: Ctx,
  inherits: boolean,
): void {
  const given = (["low", "mode", "high"] as const).filter((f) => entry[f] !== undefined);
  if (kind === "normal" || (inherits && given.length === 0)) return;
  for (const field of ["low", "mode", "high"] as const) {
    if (entry[field] !== undefined) continue;
    ctx.addIssue({
      code: "custom",
      path: [...path, field],
      message: `a ${kind} growth needs low, mode and high together (the 低/中/高 guess); ${field} is missing`,
      params: { zh: `${kind === "pert" ? "PERT" : "三角"}分布的增长须同时给出 low、mode、high（低/中/高），缺少 ${field}` },
    });
  }
  const { low, mode, high } = entry;
  if (low === undefined || mode === undefined || high === undefined) return;
  if (low <= mode && mode <= high) return;
  ctx.addIssue({
    code: "custom",
    path: [...path, low > mode ? "low" : "high"],
    message: `low ≤ mode ≤ high is needed, got low ${low}, mode ${mode}, high ${high}`,
    params: { zh: `须满足 low ≤ mode ≤ high，现为 low ${low}、mode ${mode}、high ${high}` },
  });
}
