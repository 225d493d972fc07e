/**
 * Target constraints of the allocation LP (scenario field optimize.targets): a value target on a metric
 * linear in outputs and land becomes a row; per-mu figures with threshold r as 10⁴·Σ m·Y − r·Σ L ≥ 0.
 */
import type { Compiled } from "../../compile.js";
import { WAN_PER_YI } from "../../perMu.js";
import { ScenarioError } from "../../scenario.js";
import type { PreparedSimulation } from "../../simulate.js";
import type { Check } from "../../targets.js";
import { energyPerOutput } from "./path.js";
import type { OptimizeSettings } from "./settings.js";

/** Metrics a target constraint can take: linear in outputs and land (per-mu figures as Σ ≥ threshold × land). */
const LINEAR_METRICS = ["output", "valueAdded", "tax", "energy", "land", "outputPerMu", "valueAddedPerMu", "taxPerMu"] as const;
type LinearMetric = (typeof LINEAR_METRICS)[number];
const isLinear = (m: string | undefined): m is LinearMetric => (LINEAR_METRICS as readonly string[]).includes(m ?? "");

export const isPerMu = (m: string | undefined) => m === "outputPerMu" || m === "valueAddedPerMu" || m === "taxPerMu";

/** The checks of `settings.targets`, each a value target on a linear metric; a ScenarioError names any other. */
export function targetChecks(prepared: PreparedSimulation, settings: OptimizeSettings): Check[] {
  const out: Check[] = [];
  for (const [j, id] of settings.targets.entries()) {
    const path = `optimize.targets.${j}`;
    const checks = prepared.checks.filter((ch) => ch.def.id === id);
    if (checks.length === 0)
      throw new ScenarioError([
        {
          path,
          zh: `目标“${id}”不在情景的 targets 中：请先将其加入 targets`,
          en: `target "${id}" is not among the scenario's targets: add it to targets first`,
        },
      ]);
    for (const check of checks) {
      if (check.def.aggregate !== "value" || !isLinear(check.def.metric))
        throw new ScenarioError([
          {
            path,
            zh: `目标“${id}”不能作为线性约束：只支持产值、增加值、税收、能耗、用地及亩均产出、亩均增加值、亩均税收的数值目标`,
            en: `target "${id}" cannot be a linear constraint: only value targets on output, value added, tax, energy, land, and output, value added or tax per mu can`,
          },
        ]);
      if (!check.evaluable || check.step < 1) continue;
      out.push(check);
    }
  }
  return out;
}

/**
 * A target's left-hand side as terms and a constant: Σ m·Y (+ grants for land). Per-mu targets with
 * threshold r: 10⁴·Σ m·Y − r·Σ L ≥ 0, linear because Σ L is.
 */
export function targetForm(
  c: Compiled,
  check: Check,
  members: Int32Array,
  threshold: number,
  grantColumn: Int32Array,
  outputColumn: Int32Array,
  landConstant: Float64Array,
): { terms: [number, number][]; constant: number } {
  const { n } = c;
  const k = check.step;
  const metric = check.def.metric as LinearMetric;
  const terms: [number, number][] = [];
  let constant = 0;
  const addLand = (scale: number) => {
    for (const i of members) {
      if (c.exitStep[i] <= k) continue;
      constant += scale * landConstant[k * n + i];
      for (let s = 1; s <= k - c.lagYears; s++) if (grantColumn[s * n + i] >= 0) terms.push([grantColumn[s * n + i], scale]);
    }
  };
  const addOutput = (scale: number) => {
    for (const i of members) {
      const y = outputColumn[k * n + i];
      if (y < 0) continue;
      const at = k * n + i;
      const m =
        metric === "valueAdded" || metric === "valueAddedPerMu"
          ? c.vaRatio[at]
          : metric === "tax" || metric === "taxPerMu"
            ? c.taxRatio[at]
            : metric === "energy"
              ? energyPerOutput(c, k, i)
              : 1;
      terms.push([y, scale * m]);
    }
  };
  if (metric === "land") addLand(1);
  else if (isPerMu(metric)) {
    addOutput(WAN_PER_YI);
    addLand(-threshold);
  } else addOutput(1);
  return { terms, constant };
}
