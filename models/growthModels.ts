/**
 * Growth models (model.md step 1 and §2.2): how a platform's annual growth rate g_i(t) of 亩均产出 comes
 * about. The kernel only applies growth rates; a growth model says what they are on the deterministic
 * path and how a trial turns its correlated standard normal draws x_i,t = √ρ·Z_t + √(1−ρ)·ε_i,t into
 * them: g = F_i⁻¹(Φ(x)), a Gaussian copula (for the normal, μ + σx exactly). With growth.basis real, the
 * rates are then taken on top of inflation: 1 + g becomes (1 + g)(1 + π).
 *
 * To add one: a name in GROWTH_DISTRIBUTIONS, an entry in GROWTH_MODELS and GROWTH_MODEL_LABELS
 * (vocabulary.ts) — the compiler asks for both — its parameters in growthSchema.ts and compile.ts, and
 * tests that pin its deterministic rate and its quantiles.
 */
import type { Compiled } from "./compile.js";

export const GROWTH_DISTRIBUTIONS = ["normal", "triangular", "pert"] as const;
export type GrowthDistribution = (typeof GROWTH_DISTRIBUTIONS)[number];

export interface GrowthModel {
  /** Platform i's rate on the deterministic path. */
  deterministic(c: Compiled, i: number): number;
  /** One trial: the rates g[k · n + i] of `members` from the correlated normals x (x and g may be one array). */
  fromNormals(c: Compiled, members: Int32Array, x: Float64Array, g: Float64Array): void;
}

/** Normal growth: g = μ on the deterministic path; g = μ + σ·x in a trial. */
const normal: GrowthModel = {
  deterministic: (c, i) => c.mean[i],
  fromNormals(c, members, x, g) {
    const { n, mean, sd } = c;
    const all = members.length === n; // every platform normal: one contiguous loop per year
    for (let k = 1; k <= c.steps; k++) {
      const row = k * n;
      if (all) for (let i = 0; i < n; i++) g[row + i] = mean[i] + sd[i] * x[row + i];
      else
        for (let m = 0; m < members.length; m++) {
          const i = members[m];
          g[row + i] = mean[i] + sd[i] * x[row + i];
        }
    }
  },
};

/** The analyst's 低/中/高 guess (triangular or PERT): the mode on the deterministic path; a trial reads the platform's curve x ↦ F⁻¹(Φ(x)). */
const lowModeHigh: GrowthModel = {
  deterministic: (c, i) => c.growthMode[i],
  fromNormals(c, members, x, g) {
    const n = c.n;
    for (let m = 0; m < members.length; m++) {
      const i = members[m];
      const curve = c.growthCurves[i]!;
      for (let k = 1; k <= c.steps; k++) g[k * n + i] = curve(x[k * n + i]);
    }
  },
};

export const GROWTH_MODELS = { normal, triangular: lowModeHigh, pert: lowModeHigh } satisfies Record<GrowthDistribution, GrowthModel>;

/**
 * Trial growth rates from a trial's raw draws, in place (the Monte Carlo's and the robust LP's trials,
 * model.md §2.2): the regional draws u_t at regional[at + t] become the persistent shock
 * Z_1 = u_1, Z_t = φ·Z_{t−1} + √(1−φ²)·u_t; the idiosyncratic draws ε in x become the correlated normals
 * x = √ρ·Z + √(1−ρ)·ε, then the trial's growth rates (trialGrowth).
 */
export function growthFromDraws(c: Compiled, regional: Float64Array, at: number, x: Float64Array): void {
  const { n, steps } = c;
  const phi = c.persistence;
  if (phi > 0) {
    const innovation = Math.sqrt(1 - phi * phi);
    for (let k = 2; k <= steps; k++) regional[at + k] = phi * regional[at + k - 1] + innovation * regional[at + k];
  }
  const regionalWeight = Math.sqrt(c.correlation);
  const ownWeight = Math.sqrt(1 - c.correlation);
  for (let k = 1; k <= steps; k++) {
    const z = regionalWeight * regional[at + k];
    const row = k * n;
    for (let i = 0; i < n; i++) x[row + i] = z + ownWeight * x[row + i];
  }
  trialGrowth(c, x, x);
}

/** A trial's growth rates from its correlated normals x, into g (x and g may be one array). */
export function trialGrowth(c: Compiled, x: Float64Array, g: Float64Array): void {
  for (const group of c.growthGroups) GROWTH_MODELS[group.model].fromNormals(c, group.members, x, g);
  applyBasis(c, g);
}

/** The deterministic path's growth rates, [k · n + i] (row 0 is unused). */
export function deterministicGrowth(c: Compiled): Float64Array {
  const g = new Float64Array((c.steps + 1) * c.n);
  for (const group of c.growthGroups) {
    const model = GROWTH_MODELS[group.model];
    for (const i of group.members) {
      const rate = model.deterministic(c, i);
      for (let k = 1; k <= c.steps; k++) g[k * c.n + i] = rate;
    }
  }
  applyBasis(c, g);
  return g;
}

/** Real growth: 1 + g becomes (1 + g)(1 + π); nominal growth (π = 0 here) is left as it is. */
function applyBasis(c: Compiled, g: Float64Array): void {
  const pi = c.inflation;
  if (pi === 0) return;
  for (let j = c.n; j < g.length; j++) g[j] = (1 + g[j]) * (1 + pi) - 1;
}
