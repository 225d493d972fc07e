/**
 * Each platform's growth model and parameters (growthSchema.ts says where they come from): μ and σ of a
 * normal; the mode and the curve x ↦ F⁻¹(Φ(x)) of a triangular or PERT 低/中/高 guess; the platforms
 * grouped by model for the trial loop.
 */
import type { Compiled } from "./compile.js";
import { makePertGrowth, PERT_DEFAULT_SHAPE } from "./distributions/pertQuantile.js";
import { makeTriangularGrowth } from "./distributions/triangular.js";
import { GROWTH_DISTRIBUTIONS, type GrowthDistribution } from "./growthModels.js";
import type { Platform } from "./platform.js";
import type { Scenario } from "./scenario.js";
import { fitGrowth } from "./calibration/apply.js";
import { platformGrowth } from "./growthEntry.js";

export function compileGrowth(c: Compiled, platforms: readonly Platform[], growth: Scenario["growth"]): void {
  // growth.fromHistory: the fitted normal replaces a covered platform's growth, the fitted ρ the scenario's.
  const fitted = fitGrowth(platforms, growth, c.baseYear, c.warnings);
  if (fitted) {
    c.calibration = fitted.result;
    c.correlation = fitted.correlation;
  }
  // A PERT curve's table takes ~1.5 ms to build: platforms with the same guess share one.
  const curves = new Map<string, (x: number) => number>();
  const curveOf = (model: GrowthDistribution, low: number, mode: number, high: number, shape: number) => {
    const key = `${model} ${low} ${mode} ${high} ${model === "pert" ? shape : ""}`;
    let curve = curves.get(key);
    if (!curve) {
      curve = model === "triangular" ? makeTriangularGrowth(low, mode, high) : makePertGrowth(low, mode, high, shape);
      curves.set(key, curve);
    }
    return curve;
  };
  const models: GrowthDistribution[] = platforms.map((p, i) => {
    const fit = fitted?.normal[i];
    if (fit) {
      c.mean[i] = fit.mean;
      c.sd[i] = fit.sd;
      return "normal";
    }
    const g = platformGrowth(growth, p);
    if (g.kind === "normal") {
      c.mean[i] = g.mean;
      c.sd[i] = g.sd;
      return "normal";
    }
    c.growthMode[i] = g.mode;
    c.growthCurves[i] = curveOf(g.distribution, g.low, g.mode, g.high, g.shape ?? PERT_DEFAULT_SHAPE);
    return g.distribution;
  });
  c.growthGroups = GROWTH_DISTRIBUTIONS.map((model) => ({
    model,
    members: Int32Array.from(models.flatMap((m, i) => (m === model ? [i] : []))),
  })).filter((group) => group.members.length > 0);
}
