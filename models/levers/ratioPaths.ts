/**
 * Ratio paths (model.md §2.1): each platform's v, τ, ρ_RD, η and σ_S for every projected year, from the
 * scenario's `ratios` rules, written into the compiled step-major arrays ([k * n + i]; row 0 is the base
 * year and keeps the sheet's ratios). Computed once per simulation; the year loop and the statistics only
 * read the arrays, so a lever costs nothing per trial.
 *
 * Points model.md leaves open (models/README.md, "Ratio paths"): the base year keeps r0 whatever the rule
 * (an expression is evaluated from k = 1); path years at or before the base year are ignored with a
 * warning; a share the sheet does not give (R&D, high-tech, strategic-emerging) is not moved, with a
 * warning, so its targets stay "not evaluable" rather than measuring a lever against no data.
 */
import type { Platform } from "../platform.js";
import type { ModelWarning } from "../results.js";
import type { ScenarioIssue } from "../scenario.js";
import { compileRatioExpression, ExpressionProblem, type RatioExpression } from "./ratioExpression.js";
import { RATIO_BOUNDS, RATIO_LEVERS, type RatioLever, type RatioRule, type RatiosSpec } from "./ratioSchema.js";

/** The compiled arrays of the five ratios, step-major. */
export type RatioArrays = Record<RatioLever, Float64Array>;

/** A sheet figure a lever needs before it moves the ratio (v and τ always move: a default ratio stands in). */
export const RATIO_NEEDS = {
  valueAdded: null,
  tax: null,
  rd: "rd",
  highTech: "highTechValueAdded",
  strategic: "strategicEmergingOutput",
} as const satisfies Record<RatioLever, "rd" | "highTechValueAdded" | "strategicEmergingOutput" | null>;

const RATIO_WORDS: Record<RatioLever, [zh: string, en: string]> = {
  valueAdded: ["增加值率", "value-added ratio"],
  tax: ["税收产值比", "tax ratio"],
  rd: ["R&D 占比", "R&D share"],
  highTech: ["高新技术产业增加值占比", "high-tech share"],
  strategic: ["战略性新兴产业产值占比", "strategic-emerging share"],
};

interface Located {
  rule: RatioRule;
  path: string;
}

/** The rule a platform takes: its own, else its level's, else the region's; null when none. */
function ruleOf(spec: NonNullable<RatiosSpec[RatioLever]>, key: RatioLever, p: Platform): Located | null {
  const own = spec.byPlatform[p.name];
  if (own) return { rule: own, path: `ratios.${key}.byPlatform.${p.name}` };
  const level = p.level ? spec.byLevel[p.level] : undefined;
  if (level) return { rule: level, path: `ratios.${key}.byLevel.${p.level}` };
  if (spec.change !== undefined || spec.path !== undefined || spec.expr !== undefined) return { rule: spec, path: `ratios.${key}` };
  return null;
}

/**
 * Fill rows k = 1 … steps of each ratio array from row 0 and the rules. Throws ScenarioError-ready issues
 * (returned, not thrown, so every bad expression is reported at once); warnings go to `warnings`.
 */
export function applyRatioPaths(
  arrays: RatioArrays,
  platforms: readonly Platform[],
  has: Record<"rd" | "highTechValueAdded" | "strategicEmergingOutput", Uint8Array>,
  ratios: RatiosSpec,
  years: readonly number[],
  warnings: ModelWarning[],
): ScenarioIssue[] {
  const n = platforms.length;
  const steps = years.length - 1;
  const baseYear = years[0];
  const issues: ScenarioIssue[] = [];
  for (const key of RATIO_LEVERS) {
    const r = arrays[key];
    const base = r.subarray(0, n);
    for (let k = 1; k <= steps; k++) r.set(base, k * n);
    const spec = ratios[key];
    if (!spec) continue;
    const share = RATIO_BOUNDS[key] === "share";
    const clamp = (x: number) => (x < 0 ? 0 : share && x > 1 ? 1 : x);
    const need = RATIO_NEEDS[key];
    const expressions = new Map<string, RatioExpression | null>();
    const perYear = new Map<RatioExpression, Float64Array>();
    const lacking: string[] = [];
    const earlyPaths = new Set<string>();
    for (let i = 0; i < n; i++) {
      const located = ruleOf(spec, key, platforms[i]);
      if (!located) continue;
      if (need !== null && !has[need][i]) {
        lacking.push(platforms[i].name);
        continue;
      }
      const { rule, path } = located;
      const r0 = base[i];
      if (rule.change !== undefined) {
        for (let k = 1; k <= steps; k++) r[k * n + i] = clamp(r0 + rule.change * k);
      } else if (rule.path !== undefined) {
        const points = pathPoints(rule.path, baseYear);
        if (points.length < Object.keys(rule.path).length) earlyPaths.add(path);
        for (let k = 1; k <= steps; k++) r[k * n + i] = clamp(interpolate(points, baseYear, r0, years[k]));
      } else if (rule.expr !== undefined) {
        const at = `${path}.expr`;
        if (!expressions.has(at)) expressions.set(at, compiled(rule.expr, at, issues));
        const expr = expressions.get(at);
        if (!expr) continue;
        try {
          if (expr.usesBase) {
            for (let k = 1; k <= steps; k++) r[k * n + i] = clamp(expr.evaluate(years[k], k, r0));
          } else {
            // No `base`: the same value for every platform in a year, evaluated once.
            let values = perYear.get(expr);
            if (!values) {
              values = Float64Array.from({ length: steps + 1 }, (_, k) => (k === 0 ? NaN : clamp(expr.evaluate(years[k], k, r0))));
              perYear.set(expr, values);
            }
            for (let k = 1; k <= steps; k++) r[k * n + i] = values[k];
          }
        } catch (error) {
          if (!(error instanceof ExpressionProblem)) throw error;
          issues.push({ path: at, zh: `${error.zh}（平台“${platforms[i].name}”）`, en: `${error.en} (platform "${platforms[i].name}")` });
          expressions.set(at, null); // one report per expression
        }
      }
    }
    const [zh, en] = RATIO_WORDS[key];
    if (lacking.length > 0) {
      warnings.push({
        code: "RATIO_LEVER_NO_DATA",
        platform: null,
        zh: `${lacking.length} 个平台缺少${zh}的基年数据，情景 ratios.${key} 未对其调整（相关目标仍不可评估）：${lacking.join("、")}`,
        en: `${lacking.length} platform(s) have no base-year ${en}; ratios.${key} does not move it for them (their targets stay not evaluable): ${lacking.join(", ")}`,
      });
    }
    for (const path of earlyPaths) {
      warnings.push({
        code: "RATIO_PATH_BEFORE_BASE",
        platform: null,
        zh: `情景 ${path}.path 中不晚于基年 ${baseYear} 的年份已忽略（基年取平台表的${zh}）`,
        en: `years of ${path}.path at or before the base year ${baseYear} are ignored (the base year keeps the sheet's ${en})`,
      });
    }
  }
  return issues;
}

function compiled(text: string, path: string, issues: ScenarioIssue[]): RatioExpression | null {
  try {
    return compileRatioExpression(text);
  } catch (error) {
    if (!(error instanceof ExpressionProblem)) throw error;
    issues.push({ path, zh: error.zh, en: error.en });
    return null;
  }
}

/** The path's points after the base year, by year. */
export function pathPoints(path: Record<string, number>, baseYear: number): [year: number, value: number][] {
  return Object.entries(path)
    .map(([year, value]): [number, number] => [Number(year), value])
    .filter(([year]) => year > baseYear)
    .sort((a, b) => a[0] - b[0]);
}

/** r(t): linear from (t0, r0) through the points, held at the last point's value after it. */
export function interpolate(points: readonly [number, number][], t0: number, r0: number, t: number): number {
  let [ya, ra] = [t0, r0];
  for (const [yb, rb] of points) {
    if (t <= yb) return ra + ((rb - ra) * (t - ya)) / (yb - ya);
    [ya, ra] = [yb, rb];
  }
  return ra;
}
