/**
 * What the allocation LP reads off the deterministic path (model.md §2.5): productivity, which grants do
 * not move, relocated land as the path's strategy left room for it, land without this LP's grants.
 */
import { NEVER, type Compiled } from "../../compile.js";
import { deterministicGrowth } from "../../growthModels.js";
import { WAN_PER_YI } from "../../perMu.js";
import type { PathBuffers } from "../../kernel.js";

/** p_i(k) as the kernel's step 1 makes it on growth rates g (default the deterministic ones; never below 0). */
export function productivityPath(c: Compiled, g: Float64Array = deterministicGrowth(c)): Float64Array {
  const p = new Float64Array((c.steps + 1) * c.n);
  p.set(c.p0, 0);
  for (let k = 1; k <= c.steps; k++)
    for (let i = 0; i < c.n; i++) p[k * c.n + i] = Math.max(0, p[(k - 1) * c.n + i] * (1 + g[k * c.n + i]));
  return p;
}

/** A path's relocated land per receiver and step, replayed as the kernel's step 2 took it (model.md "exits"), on its productivity p. */
export function relocationPath(c: Compiled, path: PathBuffers, p: Float64Array): Float64Array {
  const { n } = c;
  const { output, grants } = path;
  const out = new Float64Array((c.steps + 1) * n);
  const committed = new Float64Array(n);
  for (let k = 1; k <= c.steps; k++) {
    for (let i = 0; i < n; i++) {
      if (c.exitStep[i] !== k) continue;
      const r = c.receiver[i];
      if (r < 0 || c.exitStep[r] <= k || !(p[k * n + r] > 0)) continue;
      const moving = c.relocationShare * output[(k - 1) * n + i];
      const take = Math.min((moving * WAN_PER_YI) / p[k * n + r], Math.max(0, c.headroom[r] - committed[r]));
      committed[r] += take;
      out[k * n + r] += take;
    }
    for (let i = 0; i < n; i++) committed[i] += grants[k * n + i];
  }
  return out;
}

/** L_i(k) without this LP's grants: L0 + relocated land so far; 0 once exited. */
export function landConstants(c: Compiled, relocatedLand: Float64Array): Float64Array {
  const { n } = c;
  const out = new Float64Array((c.steps + 1) * n);
  for (let i = 0; i < n; i++) {
    let l = c.land0[i];
    out[i] = l;
    for (let k = 1; k <= c.steps; k++) {
      l += relocatedLand[k * n + i];
      out[k * n + i] = c.exitStep[i] <= k ? 0 : l;
    }
  }
  return out;
}

/** A phased exit's capacity runs down as (x − t)/(x − t0) (model.md §2.3); 1 otherwise. */
export function phaseFactor(c: Compiled, k: number, i: number): number {
  return c.phasedExits && c.exitStep[i] !== NEVER ? (c.exitStep[i] - k) / c.exitStep[i] : 1;
}

/** 万吨标煤 per 亿元 of output in step k: e0·(1 − d)^k·v(k). */
export function energyPerOutput(c: Compiled, k: number, i: number): number {
  return c.energyIntensity0[i] * c.intensityFactor[k] * c.vaRatio[k * c.n + i];
}
