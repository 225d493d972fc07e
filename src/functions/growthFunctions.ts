/**
 * PARKPLAN.CAGR, REQUIREDGROWTH, YEARREACHED, DOUBLINGYEAR, PROJECT and PROBABILITY: argument checks
 * around models/growth.ts (PROBABILITY's computation is routed by probability.ts). Rates are fractions (7.2% = 0.072).
 */
import { cagr, projectPath, requiredGrowth, yearReached } from "../../models/growth.js";
import type { ReachQuestion } from "../../models/reachProbability.js";
import { optional, requireInteger, requireNumber, requireRange, type ArgName } from "./args.js";
import { cellError } from "./errors.js";

const positive = (v: unknown, name: ArgName) => requireRange(v, name, (x) => x > 0, "应大于 0", "must be greater than 0");
const nonNegative = (v: unknown, name: ArgName) => requireRange(v, name, (x) => x >= 0, "不能为负", "must not be negative");
const rate = (v: unknown, name: ArgName) => requireRange(v, name, (x) => x > -1, "应大于 -100%", "must be above -100%");
const year = (v: unknown, name: ArgName) => requireInteger(v, name, 1900, 2200);

/** Longest path PROJECT spills, and the most trial-years PROBABILITY draws. */
export const MAX_PROJECT_YEARS = 200;
export const MAX_RUNS = 1_000_000;
export const MAX_DRAWS = 20_000_000;
export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = "parkplan";

/** Compound annual growth from start to end over `years`. */
export function compoundGrowth(startArg: unknown, endArg: unknown, yearsArg: unknown): number {
  return cagr(positive(startArg, ["起始值", "start"]), nonNegative(endArg, ["终值", "end"]), positive(yearsArg, ["年数", "years"]));
}

/** The constant annual growth taking base to target in `years`. */
export function growthNeeded(baseArg: unknown, targetArg: unknown, yearsArg: unknown): number {
  return requiredGrowth(
    positive(baseArg, ["基期值", "base"]),
    nonNegative(targetArg, ["目标值", "target"]),
    positive(yearsArg, ["年数", "years"]),
  );
}

function reached(base: number, growth: number, target: number, baseYear: number): number {
  const y = yearReached(base, growth, target, baseYear);
  if (y === null) throw cellError("notAvailable", "按此增速永远达不到目标", "the target is never reached at this rate");
  return y;
}

/** The first year a value growing at `rate` from base (in baseYear) reaches the target. */
export function firstYearReached(baseArg: unknown, rateArg: unknown, targetArg: unknown, baseYearArg: unknown): number {
  return reached(
    positive(baseArg, ["基期值", "base"]),
    rate(rateArg, ["年增速", "rate"]),
    nonNegative(targetArg, ["目标值", "target"]),
    year(baseYearArg, ["基期年份", "base year"]),
  );
}

/** The first year the value doubles (reaches 2 × base). */
export function doublingYear(baseArg: unknown, rateArg: unknown, baseYearArg: unknown): number {
  const base = positive(baseArg, ["基期值", "base"]);
  return reached(base, rate(rateArg, ["年增速", "rate"]), 2 * base, year(baseYearArg, ["基期年份", "base year"]));
}

/** The yearly path from baseYear to endYear as one row. */
export function projectedRow(baseArg: unknown, rateArg: unknown, baseYearArg: unknown, endYearArg: unknown): number[][] {
  const base = requireNumber(baseArg, ["基期值", "base"]);
  const growth = rate(rateArg, ["年增速", "rate"]);
  const from = year(baseYearArg, ["基期年份", "base year"]);
  const to = requireInteger(endYearArg, ["终止年份", "end year"], from, from + MAX_PROJECT_YEARS);
  return [projectPath(base, growth, from, to)];
}

/** PROBABILITY's arguments, checked: the question, the number of runs and the seed. */
export interface ReachArguments {
  question: ReachQuestion;
  runs: number;
  seed: string | number;
}

/** Checks PROBABILITY's arguments (base reaching the target after `years` years of N(mean, sd) growth). */
export function reachArguments(
  baseArg: unknown,
  meanArg: unknown,
  sdArg: unknown,
  yearsArg: unknown,
  targetArg: unknown,
  runsArg: unknown,
  seedArg: unknown,
): ReachArguments {
  const question = {
    base: nonNegative(baseArg, ["基期值", "base"]),
    mean: requireNumber(meanArg, ["平均增速", "mean"]),
    sd: nonNegative(sdArg, ["增速标准差", "sd"]),
    years: requireInteger(yearsArg, ["年数", "years"], 0, MAX_PROJECT_YEARS),
    target: requireNumber(targetArg, ["目标值", "target"]),
  };
  const runs = optional(runsArg, DEFAULT_RUNS, (v) => requireInteger(v, ["模拟次数", "runs"], 1, MAX_RUNS));
  if (runs * question.years > MAX_DRAWS) {
    throw cellError("invalidValue", `模拟次数 × 年数不能超过 ${MAX_DRAWS}`, `runs × years must not exceed ${MAX_DRAWS}`);
  }
  const seed = optional<string | number>(seedArg, DEFAULT_SEED, (v) =>
    typeof v === "number" ? requireNumber(v, ["随机种子", "seed"]) : String(v).trim(),
  );
  return { question, runs, seed };
}
