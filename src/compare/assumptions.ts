/**
 * The assumptions of a scenario in a few lines, for the comparison's footnote: the model version it needs,
 * targets, growth, land and energy quotas and how they are allocated, exits, ratio levers, Monte Carlo.
 * Read from the resolved scenario. Every scenario has the same keys in the same order (the 情景对比 sheet
 * lines them up by position): a setting not used reads "无 none".
 */
import type { SimulationResult } from "../../models/results.js";
import type { AllocationStrategy } from "../../models/scenario.js";
import { STRATEGIES, type RequestSource } from "../../models/policy/strategies.js";
import { describeRatios, describeScenarioVersion } from "../../models/levers/describe.js";
import { versionTwoFields } from "../../models/version.js";
import { bilingual, GROWTH_MODEL_LABELS, STRATEGY_LABELS } from "../../models/vocabulary.js";
import type { Assumption } from "./types.js";

/** "仅主平台 main-only": the strategy's Chinese label and its id, as the scenario file writes it. */
const strategy = (s: AllocationStrategy): string => `${STRATEGY_LABELS[s].zh} ${s}`;

/**
 * The land quota of a requests strategy without `land.quota` is the sum of its requests (policy/resolve.ts):
 * the sheet's or the scenario's requests (manual), the planned grants of an optimal plan (optimal).
 */
const UNCAPPED_QUOTA = {
  manual: "按申请 by request",
  planned: "按最优配置 as planned",
} satisfies Record<RequestSource, string>;

/** What a scenario without `land.quota` grants: its requests' sum, or nothing for a weights strategy. */
function uncappedQuota(s: AllocationStrategy): string {
  const rule = STRATEGIES[s];
  return rule.allocation === "requests" ? UNCAPPED_QUOTA[rule.source] : "0";
}

const pct = (x: number, digits = 1) => `${Number((x * 100).toFixed(digits))}%`;
const num = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** A number per year, or a year map ("2019: 500, 2020: 600"). */
function yearly(v: number | Record<string, number> | undefined, none: string): string {
  if (v === undefined) return none;
  if (typeof v === "number") return num(v);
  const entries = Object.entries(v).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([y, x]) => `${y}: ${num(x)}`).join(", ") : none;
}

function targets(t: SimulationResult["scenario"]["targets"]): string {
  if (typeof t === "string") return t;
  if (t.length === 0) return "无 none";
  return t.map((x) => (typeof x === "string" ? x : x.id)).join(", ");
}

/** μ ± σ for a normal growth; the 低/中/高 guess and the distribution's name otherwise. */
function growthShape(g: SimulationResult["scenario"]["growth"]): string {
  if (g.distribution === "normal") return `${pct(g.mean)} ± ${pct(g.sd)}`;
  const name = GROWTH_MODEL_LABELS[g.distribution];
  return `${name.zh} / ${name.en}：${pct(g.low ?? NaN)} / ${pct(g.mode ?? NaN)} / ${pct(g.high ?? NaN)}`;
}

type Scenario = SimulationResult["scenario"];

/** 标准地 thresholds, when set (model.md §2.4). */
function entryText(entry: Scenario["land"]["entry"]): string {
  if (!entry || (entry.outputPerMu === undefined && entry.taxPerMu === undefined)) return "";
  const parts = [
    entry.outputPerMu !== undefined ? `亩均产出 output/mu ≥ ${entry.outputPerMu}` : null,
    entry.taxPerMu !== undefined ? `亩均税收 tax/mu ≥ ${entry.taxPerMu}` : null,
  ].filter((p) => p !== null);
  return `；标准地 entry: ${parts.join("，")} 万元/亩`;
}

/** The relocated share, and the phase-out and returned land of version 2 (model.md §2.3) when used. */
function exitsText(exits: Scenario["exits"]): string {
  const phased = exits.mode === "phased" ? "；逐步退出 phased out" : "";
  const returned =
    exits.landReturnShare > 0
      ? `；腾退用地回用 land returned ${pct(exits.landReturnShare)}，${exits.landReturnLag} 年后 after ${exits.landReturnLag} yr`
      : "";
  return `${pct(exits.relocationShare)}${phased}${returned}`;
}

/** Each ratio rule in words, "；" between them (model.md §2.1). */
function leversText(ratios: Scenario["ratios"]): string {
  const lines = describeRatios(ratios);
  return lines.length ? lines.map(bilingual).join("；") : "无 none";
}

export function assumptionsOf(result: SimulationResult): Assumption[] {
  const s = result.scenario;
  const a = (key: string, zh: string, en: string, value: string): Assumption => ({ key, label: { zh, en }, value });
  const special = Object.keys(s.growth.byLevel).length + Object.keys(s.growth.byPlatform).length;
  const mc = result.monteCarlo;
  return [
    a("modelVersion", "情景所用模型版本", "Scenario's model version", bilingual(describeScenarioVersion(versionTwoFields(s)))),
    a("years", "基年与预测年份", "Base and report years", `${result.baseYear} → ${result.reportYears.join(", ")}`),
    a("targets", "目标", "Targets", targets(s.targets)),
    a(
      "growth",
      "亩均产出年增速",
      "Growth of output per mu",
      `${growthShape(s.growth)}，ρ = ${s.growth.correlation}${s.growth.persistence > 0 ? `，φ = ${s.growth.persistence}` : ""}${s.growth.basis === "real" ? `；实际增速，通胀 real, inflation ${pct(s.prices.inflation)}` : ""}${special ? `；另有 ${special} 项按级别或平台设定 / ${special} set by level or platform` : ""}`,
    ),
    a(
      "land",
      "新增工业用地（亩/年）",
      "New industrial land (mu/yr)",
      `${yearly(s.land.quota, uncappedQuota(s.land.strategy))}；${strategy(s.land.strategy)}；滞后 lag ${s.land.lagYears} 年 yr${entryText(s.land.entry)}`,
    ),
    a(
      "energy",
      "能耗",
      "Energy",
      `强度年降 intensity −${pct(s.energy.intensityDecline, 2)}/yr；上限 cap ${yearly(s.energy.cap, "无 none")}${s.energy.cap === undefined ? "" : `；${strategy(s.energy.strategy)}`}`,
    ),
    a("exits", "退出平台产值转移比例", "Output relocated from exits", exitsText(s.exits)),
    a("ratios", "政策杠杆", "Ratio levers", leversText(s.ratios)),
    a("monteCarlo", "蒙特卡洛", "Monte Carlo", mc ? `${mc.runs} 次 runs，种子 seed ${mc.seed}` : "仅确定性 deterministic only"),
  ];
}
