/**
 * Growth models (model.md step 1, and 2.2 for the distributions to come): how a platform's annual
 * growth rate g_i(t) of 亩均产出 comes about. The kernel only applies growth rates; a growth model says
 * what they are on the deterministic path and how a trial turns its correlated standard normal draws
 * x_i,t = √ρ·Z_t + √(1−ρ)·ε_i,t into them (g = F_i⁻¹(Φ(x)), a Gaussian copula).
 *
 * To add one: a name in GrowthDistribution, an entry in GROWTH_MODELS (the compiler asks for it), a
 * label in vocabulary.ts, and a test that pins its deterministic rate and its quantiles.
 */
import type { Compiled } from "./compile.js";

export type GrowthDistribution = "normal";

export interface GrowthModel {
  /** The deterministic path's growth rates, g[k · n + i] for k = 1 … steps (row 0 is unused). */
  deterministic(c: Compiled, g: Float64Array): void;
  /** One trial: the correlated standard normals x[k · n + i] become growth rates g (x and g may be the same array). */
  fromNormals(c: Compiled, x: Float64Array, g: Float64Array): void;
}

/** Normal growth: g = μ on the deterministic path; g = μ + σ·x in a trial (F⁻¹(Φ(x)) = μ + σx exactly). */
const normal: GrowthModel = {
  deterministic(c, g) {
    const { n, mean } = c;
    for (let k = 1; k <= c.steps; k++) g.set(mean, k * n);
  },
  fromNormals(c, x, g) {
    const { n, mean, sd } = c;
    for (let k = 1; k <= c.steps; k++) {
      const row = k * n;
      for (let i = 0; i < n; i++) g[row + i] = mean[i] + sd[i] * x[row + i];
    }
  },
};

export const GROWTH_MODELS = { normal } satisfies Record<GrowthDistribution, GrowthModel>;

/** The deterministic path's growth rates of c's growth model, [k · n + i]. */
export function deterministicGrowth(c: Compiled): Float64Array {
  const g = new Float64Array((c.steps + 1) * c.n);
  GROWTH_MODELS[c.growthModel].deterministic(c, g);
  return g;
}
