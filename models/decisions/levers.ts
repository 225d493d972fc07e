/**
 * The levers the decision tools move (model.md §2.6): a shift of growth for all platforms or one, a scale of
 * the land quota, a scale of the energy cap, a ratio's annual change. Each lever turns a resolved scenario
 * and a value x into the scenario with that lever at x; the back-solve searches x, the tornado sets it low
 * and high. One table: a lever added here is known to every tool (and to its labels) or does not compile.
 */
import { platformGrowth } from "../growthEntry.js";
import type { Platform } from "../platform.js";
import { ScenarioError, type Scenario } from "../scenario.js";
import { RATIO_LEVERS, type RatioLever } from "../levers/ratioNames.js";

export type LeverKind = "growth" | "land" | "energy" | "ratio";

/** A lever as the CLI names it: growth | land | energy | ratio:NAME, with an optional subject (growth of one platform). */
export interface LeverSpec {
  kind: LeverKind;
  /** ratio: which ratio's annual change. */
  ratio?: RatioLever;
  /** growth: one platform's name; absent = every platform. */
  platform?: string;
  /** growth: several platforms (a back-solve's subject: a main platform with its sub-parks), each shifted by x; wins over `platform`. */
  platforms?: readonly string[];
}

interface LeverRule {
  /** The value of x at which the scenario is unchanged (the base of a back-solve, the centre of a tornado bar). */
  neutral: number;
  /** The lever's name, for messages and sheets. */
  label: { zh: string; en: string };
  /** x's unit, for messages and sheets. */
  unit: { zh: string; en: string };
  /**
   * The back-solve's default search (models/decisions/solve.ts): the range [lo, hi] of x and the step of its
   * grid (the answer's precision): growth to 0.1 point, scales to 0.001, a ratio's change to 0.01 point.
   */
  search: { range: readonly [number, number]; tolerance: number };
  /** The x at which the lever gives back the scenario as it is (neutral, or a ratio's own change); null when none does. */
  current(s: Scenario, spec: LeverSpec): number | null;
  apply(s: Scenario, x: number, spec: LeverSpec, platforms: readonly Platform[]): Scenario;
}

const copy = (s: Scenario): Scenario => JSON.parse(JSON.stringify(s)) as Scenario;
const scaleYearly = (v: number | Record<string, number>, x: number) =>
  typeof v === "number" ? v * x : Object.fromEntries(Object.entries(v).map(([y, q]) => [y, q * x]));

export const LEVER_RULES: Record<LeverKind, LeverRule> = {
  growth: {
    neutral: 0,
    label: { zh: "增长率", en: "growth" },
    search: { range: [-0.05, 0.2], tolerance: 0.001 },
    current: () => 0,
    unit: { zh: "增速增加（百分点/年，0.01 = 1 个百分点）", en: "growth shift (rate per year, 0.01 = 1 point)" },
    apply(s, x, spec, platforms) {
      const out = copy(s);
      const shiftEntry = (e: { mean?: number; low?: number; mode?: number; high?: number }) => {
        for (const key of ["mean", "low", "mode", "high"] as const) if (e[key] !== undefined) e[key] = e[key] + x;
      };
      if (spec.platform === undefined && spec.platforms === undefined) {
        shiftEntry(out.growth);
        for (const e of Object.values(out.growth.byLevel)) if (e) shiftEntry(e);
        for (const e of Object.values(out.growth.byPlatform)) shiftEntry(e);
        return out;
      }
      for (const name of spec.platforms ?? [spec.platform]) {
        const p = platforms.find((q) => q.name === name);
        if (!p) throw new ScenarioError([{ path: "lever", zh: `平台“${name}”不在平台表中`, en: `platform "${name}" is not in the sheet` }]);
        // The platform's own entry, written out from the growth it has now, then shifted.
        const g = platformGrowth(s.growth, p);
        out.growth.byPlatform[p.name] =
          g.kind === "normal"
            ? { ...out.growth.byPlatform[p.name], distribution: "normal", mean: g.mean + x, sd: g.sd }
            : { ...out.growth.byPlatform[p.name], distribution: g.distribution, low: g.low + x, mode: g.mode + x, high: g.high + x };
      }
      return out;
    },
  },
  land: {
    neutral: 1,
    label: { zh: "新增用地指标", en: "land quota" },
    search: { range: [0, 5], tolerance: 0.001 },
    current: () => 1,
    unit: { zh: "新增用地指标倍数", en: "land quota × x" },
    apply(s, x) {
      const out = copy(s);
      if (out.land.quota === undefined)
        throw noField("land.quota", "情景没有新增用地指标可缩放", "the scenario has no land quota to scale");
      out.land.quota = scaleYearly(out.land.quota, x);
      return out;
    },
  },
  energy: {
    neutral: 1,
    label: { zh: "能耗总量上限", en: "energy cap" },
    search: { range: [0.5, 3], tolerance: 0.001 },
    current: () => 1,
    unit: { zh: "能耗总量上限倍数", en: "energy cap × x" },
    apply(s, x) {
      const out = copy(s);
      if (out.energy.cap === undefined)
        throw noField("energy.cap", "情景没有能耗总量上限可缩放", "the scenario has no energy cap to scale");
      out.energy.cap = scaleYearly(out.energy.cap, x);
      return out;
    },
  },
  ratio: {
    neutral: 0,
    label: { zh: "比率年变化", en: "ratio change" },
    search: { range: [0, 0.05], tolerance: 0.0001 },
    current(s, spec) {
      // The region's own rule: none or a `change` is one x; a path or an expression is none.
      const rule = s.ratios[spec.ratio!];
      if (rule?.path !== undefined || rule?.expr !== undefined) return null;
      return rule?.change ?? 0;
    },
    unit: { zh: "比率每年变化（0.005 = 0.5 个百分点）", en: "ratio change per year (0.005 = 0.5 points)" },
    apply(s, x, spec) {
      const out = copy(s);
      const key = spec.ratio!;
      // The region's rule becomes `change: x`; rules by level or platform stay as the scenario gives them.
      const { byLevel = {}, byPlatform = {} } = out.ratios[key] ?? {};
      out.ratios[key] = { change: x, byLevel, byPlatform };
      return out;
    },
  },
};

function noField(path: string, zh: string, en: string): ScenarioError {
  return new ScenarioError([{ path, zh, en }]);
}

/** "growth", "land", "energy" or "ratio:highTech" → a lever; ScenarioError naming the choices otherwise. */
export function parseLever(text: string, platform?: string): LeverSpec {
  const [kind, ratio] = text.split(":");
  if (kind === "ratio" && (RATIO_LEVERS as readonly string[]).includes(ratio ?? "")) return { kind, ratio: ratio as RatioLever };
  if ((kind === "growth" || kind === "land" || kind === "energy") && ratio === undefined)
    return platform !== undefined && kind === "growth" ? { kind, platform } : { kind };
  const choices = ["growth", "land", "energy", ...RATIO_LEVERS.map((r) => `ratio:${r}`)].join(", ");
  throw new ScenarioError([
    { path: "lever", zh: `无法识别杠杆“${text}”，可用：${choices}`, en: `unknown lever "${text}"; use one of ${choices}` },
  ]);
}

/** A lever as the CLI names it (parseLever's inverse, without the platform): "growth", "land", "energy", "ratio:rd". */
export const leverName = (spec: LeverSpec): string => (spec.kind === "ratio" ? `ratio:${spec.ratio}` : spec.kind);

/** The scenario with the lever at x. */
export const withLever = (s: Scenario, spec: LeverSpec, x: number, platforms: readonly Platform[]): Scenario =>
  LEVER_RULES[spec.kind].apply(s, x, spec, platforms);
