/**
 * The scenario assumptions a sensitivity analysis moves (model.md §2.6), one rule each: the value in the
 * scenario, the default low and high (±20% of the value; growth mean ± one sd; the land lag ± 1 year), and
 * the scenario with the assumption at x. Where a decision lever exists (levers.ts: growth shift, land
 * quota scale, energy cap scale, a ratio's annual change) the rule moves the scenario through it.
 */
import type { Platform } from "../platform.js";
import type { Bilingual } from "../results.js";
import { ScenarioError } from "../scenario.js";
import type { resolveScenario } from "../simulate.js";
import { RATIO_LEVERS, type RatioLever } from "../levers/ratioNames.js";
import { ASSUMPTION_IDS, isAssumptionId, ratioAssumption, type AssumptionId, type RatioAssumption } from "./assumptionNames.js";
import { withLever } from "./levers.js";

export type Resolved = ReturnType<typeof resolveScenario>;

export interface AssumptionRule {
  /** The value in the scenario; null when there is nothing to move (no land quota, no energy cap, a ratio set by path or expr). */
  base(s: Resolved): number | null;
  /** The default low and high around the base (model.md §2.6: ±20% of the value; growth mean ± one sd). */
  range(base: number, s: Resolved): { low: number; high: number };
  /** The scenario with the assumption at x; at x = base the scenario's numbers are unchanged. */
  apply(s: Resolved, x: number, platforms: readonly Platform[]): Resolved;
  /** Values are whole numbers (years): the grid rounds and drops repeats. */
  integer?: true;
  /** Why base() is null, for the note that says the assumption was left out. */
  absent?: Bilingual;
}

export const copy = (s: Resolved): Resolved => JSON.parse(JSON.stringify(s)) as Resolved;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** ±20% of the value, kept inside [lo, hi]. */
const percent20 =
  (lo = -Infinity, hi = Infinity) =>
  (base: number) => ({ low: clamp(base * 0.8, lo, hi), high: clamp(base * 1.2, lo, hi) });

/** Set one scalar field of the scenario (the path as in the id). */
function field(get: (s: Resolved) => number, set: (s: Resolved, x: number) => void, lo: number, hi: number): AssumptionRule {
  return {
    base: get,
    range: percent20(lo, hi),
    apply(s, x) {
      const out = copy(s);
      set(out, x);
      return out;
    },
  };
}

/** The standard deviation of the region's 低/中/高 guess (triangular, or PERT with shape λ, default 4). */
function guessSd(g: Resolved["growth"]): number {
  const a = g.low ?? g.mean;
  const m = g.mode ?? g.mean;
  const b = g.high ?? g.mean;
  if (g.distribution === "triangular") return Math.sqrt(Math.max(0, (a * a + m * m + b * b - a * m - a * b - m * b) / 18));
  const lambda = g.shape ?? 4;
  const mu = (a + lambda * m + b) / (lambda + 2);
  return Math.sqrt(Math.max(0, ((mu - a) * (b - mu)) / (lambda + 3)));
}

/** The value the growth lever shifts: the region's mean (normal) or mode (a 低/中/高 guess). */
const growthCentre = (s: Resolved) => (s.growth.distribution === "normal" ? s.growth.mean : (s.growth.mode ?? s.growth.mean));

/** Default half-range of a ratio's annual change when the scenario does not move it (0 ± this, ratio units a year). */
export const RATIO_CHANGE_STEP = {
  valueAdded: 0.002,
  tax: 0.001,
  rd: 0.001,
  highTech: 0.005,
  strategic: 0.005,
} as const satisfies Record<RatioLever, number>;

function ratioRule(r: RatioLever): AssumptionRule {
  return {
    base(s) {
      const rule = s.ratios[r];
      if (rule === undefined) return 0;
      if (rule.path !== undefined || rule.expr !== undefined) return null;
      return rule.change ?? 0;
    },
    range: (base) => (base === 0 ? { low: -RATIO_CHANGE_STEP[r], high: RATIO_CHANGE_STEP[r] } : percent20(-1, 1)(base)),
    apply: (s, x, platforms) => withLever(s, { kind: "ratio", ratio: r }, x, platforms) as Resolved,
    absent: { zh: "情景以 path 或 expr 给出全市比率路径", en: "the scenario gives the region's ratio as a path or expr" },
  };
}

const ratioRules = Object.fromEntries(RATIO_LEVERS.map((r) => [ratioAssumption(r), ratioRule(r)])) as Record<
  RatioAssumption,
  AssumptionRule
>;

/** Every assumption a tornado can move, one rule each. */
export const ASSUMPTIONS = {
  "growth.mean": {
    base: growthCentre,
    range(base, s) {
      const sd = s.growth.distribution === "normal" ? s.growth.sd : guessSd(s.growth);
      return { low: base - sd, high: base + sd };
    },
    // The growth lever: every mean (or 低/中/高) of the region, its levels and platforms shifts by x − base.
    apply: (s, x, platforms) => withLever(s, { kind: "growth" }, x - growthCentre(s), platforms) as Resolved,
  },
  "growth.sd": {
    base: (s) => s.growth.sd,
    range: percent20(0, 5),
    apply(s, x) {
      // Every sd scales with the region's (a level's or platform's own sd keeps its ratio to it).
      const out = copy(s);
      const from = s.growth.sd;
      const scale = (sd: number) => (from > 0 ? (sd * x) / from : x);
      out.growth.sd = x;
      for (const e of [...Object.values(out.growth.byLevel), ...Object.values(out.growth.byPlatform)])
        if (e?.sd !== undefined) e.sd = scale(e.sd);
      return out;
    },
  },
  "growth.correlation": field(
    (s) => s.growth.correlation,
    (s, x) => (s.growth.correlation = x),
    0,
    1,
  ),
  "energy.intensityDecline": field(
    (s) => s.energy.intensityDecline,
    (s, x) => (s.energy.intensityDecline = x),
    -0.5,
    0.5,
  ),
  "land.quota": {
    base: (s) => (s.land.quota === undefined ? null : 1),
    range: percent20(0),
    apply: (s, x, platforms) => withLever(s, { kind: "land" }, x, platforms) as Resolved,
    absent: { zh: "情景没有新增用地指标", en: "the scenario has no land quota" },
  },
  "energy.cap": {
    base: (s) => (s.energy.cap === undefined ? null : 1),
    range: percent20(0),
    apply: (s, x, platforms) => withLever(s, { kind: "energy" }, x, platforms) as Resolved,
    absent: { zh: "情景没有能耗总量上限", en: "the scenario has no energy cap" },
  },
  "exits.relocationShare": field(
    (s) => s.exits.relocationShare,
    (s, x) => (s.exits.relocationShare = x),
    0,
    1,
  ),
  "land.lagYears": {
    ...field(
      (s) => s.land.lagYears,
      (s, x) => (s.land.lagYears = x),
      0,
      10,
    ),
    range: (base) => ({ low: Math.max(0, base - 1), high: Math.min(10, base + 1) }),
    integer: true,
  },
  ...ratioRules,
} satisfies Record<AssumptionId, AssumptionRule>;

export const assumptionIssue = (path: string, zh: string, en: string): ScenarioError => new ScenarioError([{ path, zh, en }]);

/** "growth.mean" → the id; ScenarioError naming the option and the choices otherwise. */
export function parseAssumption(text: string, path = "assumption"): AssumptionId {
  if (isAssumptionId(text)) return text;
  const choices = ASSUMPTION_IDS.join(", ");
  throw assumptionIssue(path, `无法识别假设“${text}”，可用：${choices}`, `unknown assumption "${text}"; use one of ${choices}`);
}

/** The value of an assumption in the scenario (null: nothing to move) and its default low and high. */
export function assumptionBase(id: AssumptionId, s: Resolved): number | null {
  return (ASSUMPTIONS[id] as AssumptionRule).base(s);
}

export function defaultRange(id: AssumptionId, s: Resolved): { low: number; high: number } | null {
  const rule: AssumptionRule = ASSUMPTIONS[id];
  const base = rule.base(s);
  return base === null ? null : rule.range(base, s);
}
