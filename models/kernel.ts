/**
 * The year loop for one path (model.md "Each year"): a pure function of the compiled inputs and the
 * shocks. The deterministic projection is this loop with every shock at zero; each Monte Carlo trial is
 * this loop with drawn shocks. Nothing is allocated here: buffers come from a Workspace.
 *
 * Order within year k (documented in models/README.md):
 *   1. productivity p ← p × (1 + g);
 *   2. exits at k relocate s × Y(k−1) to their receiver, which takes land for it at its p(k) from its
 *      free headroom (immediately, no lag); what does not fit is lost;
 *   3. the land quota Q(k) is split by the land strategy (weights on year k−1) and water-filled against
 *      the remaining headroom; L(k) = L(k−1) + a(k−λ) + relocated land; exited platforms hold 0 亩;
 *   4. land capacity Ŷ = p·L/10^4; with an energy cap, quotas are water-filled against each platform's
 *      need e(k)·v·Ŷ and Y = min(Ŷ, c / (e(k)·v)); the binding constraint is recorded.
 */
import { allocateRequests, waterFill } from "./allocate.js";
import type { Compiled } from "./compile.js";
import { emptyIndicatorData, indicatorData } from "./compile.js";
import { classify, scorePlatforms, type IndicatorData } from "./evaluation.js";
import type { AllocationStrategy } from "./scenario.js";

export const BINDING_LAND = 0;
export const BINDING_ENERGY = 1;
export const BINDING_EXITED = 2;

/** One path's results, step-major ([k * n + i]) from the base year (k = 0) to the last step. */
export interface PathBuffers {
  output: Float64Array;
  land: Float64Array;
  binding: Uint8Array;
  grants: Float64Array;
  /** Evaluation class used for allocation in step k (0 = A … 3 = D, 255 = not evaluated). */
  classes: Uint8Array;
  /** Per step: land unallocated, energy allocated and unused (NaN without a cap), relocated and lost output. */
  landUnallocated: Float64Array;
  energyAllocated: Float64Array;
  energyUnused: Float64Array;
  relocated: Float64Array;
  relocationLost: Float64Array;
}

/** Scratch arrays reused across years and trials. */
export interface Workspace {
  productivity: Float64Array;
  committed: Float64Array;
  weights: Float64Array;
  caps: Float64Array;
  alloc: Float64Array;
  open: Uint8Array;
  capacity: Float64Array;
  relocatedLand: Float64Array;
  eligible: Uint8Array;
  scores: Float64Array;
  order: Int32Array;
  classes: Uint8Array;
  indicators: IndicatorData;
}

export function createPathBuffers(c: Compiled): PathBuffers {
  const size = (c.steps + 1) * c.n;
  const perStep = () => new Float64Array(c.steps + 1);
  return {
    output: new Float64Array(size), land: new Float64Array(size), binding: new Uint8Array(size), grants: new Float64Array(size),
    classes: new Uint8Array(size).fill(255),
    landUnallocated: perStep(), energyAllocated: perStep(), energyUnused: perStep(), relocated: perStep(), relocationLost: perStep(),
  };
}

export function createWorkspace(c: Compiled): Workspace {
  const n = c.n;
  return {
    productivity: new Float64Array(n), committed: new Float64Array(n), weights: new Float64Array(n), caps: new Float64Array(n),
    alloc: new Float64Array(n), open: new Uint8Array(n), capacity: new Float64Array(n), relocatedLand: new Float64Array(n),
    eligible: new Uint8Array(n), scores: new Float64Array(n), order: new Int32Array(n), classes: new Uint8Array(n),
    indicators: emptyIndicatorData(n),
  };
}

/**
 * Run one path. `regional` (length steps + 1) and `idiosyncratic` ([k * n + i]) hold standard normal
 * shocks; pass null for the deterministic path (every shock zero).
 */
export function runPath(c: Compiled, regional: Float64Array | null, idiosyncratic: Float64Array | null, out: PathBuffers, ws: Workspace): void {
  const n = c.n;
  const { productivity: p, committed, capacity, relocatedLand } = ws;
  const regionalWeight = Math.sqrt(c.correlation);
  const ownWeight = Math.sqrt(1 - c.correlation);
  const needsClasses = c.landStrategy === "merit" || c.energyStrategy === "merit";
  for (let i = 0; i < n; i++) {
    p[i] = c.p0[i];
    committed[i] = 0;
    out.output[i] = c.output0[i];
    out.land[i] = c.land0[i];
    out.binding[i] = BINDING_LAND;
  }
  for (let k = 1; k <= c.steps; k++) {
    const row = k * n;
    const prev = row - n;
    // 1. Productivity.
    const z = regional === null ? 0 : regional[k];
    for (let i = 0; i < n; i++) {
      const shock = idiosyncratic === null ? 0 : regionalWeight * z + ownWeight * idiosyncratic[row + i];
      p[i] *= 1 + c.mean[i] + c.sd[i] * shock;
      if (p[i] < 0) p[i] = 0; // a shock below −100% wipes productivity out; it cannot turn negative
      relocatedLand[i] = 0;
    }
    // 2. Exits relocate part of last year's output to their receiver.
    let relocated = 0;
    let lost = 0;
    for (let i = 0; i < n; i++) {
      if (c.exitStep[i] !== k) continue;
      const moving = c.relocationShare * out.output[prev + i];
      const r = c.receiver[i];
      if (r < 0 || c.exitStep[r] <= k || !(p[r] > 0)) {
        lost += moving;
        continue;
      }
      const take = Math.min((moving * 1e4) / p[r], Math.max(0, c.headroom[r] - committed[r]));
      committed[r] += take;
      relocatedLand[r] += take;
      const moved = (take * p[r]) / 1e4;
      relocated += moved;
      lost += moving - moved;
    }
    out.relocated[k] = relocated;
    out.relocationLost[k] = lost;
    // Evaluation classes on last year's figures, for the merit strategies.
    if (needsClasses) {
      for (let i = 0; i < n; i++) ws.eligible[i] = c.exitStep[i] > k && out.land[prev + i] > 0 ? 1 : 0;
      indicatorData(c, out.output.subarray(prev, row), out.land.subarray(prev, row), k - 1, ws.indicators);
      scorePlatforms(ws.indicators, ws.eligible, c.evaluation, ws.scores);
      classify(ws.scores, ws.eligible, c.nameRank, c.evaluation.cumulativeCuts, ws.order, ws.classes);
      out.classes.set(ws.classes, row);
    }
    // 3. Land grants, then land in use.
    for (let i = 0; i < n; i++) {
      // Only platforms still there when the grant starts producing may receive land.
      const receives = c.exitStep[i] > k + c.lagYears;
      ws.weights[i] = receives ? strategyWeight(c.landStrategy, c.landClassWeights, out.land[prev + i], c.isMain[i], ws.classes[i]) : 0;
      ws.caps[i] = receives ? c.headroom[i] - committed[i] : 0;
    }
    out.landUnallocated[k] =
      c.landStrategy === "manual"
        ? allocateRequests(c.landQuota[k], c.manualLand.subarray(row, row + n), ws.caps, ws.alloc)
        : waterFill(c.landQuota[k], ws.weights, ws.caps, ws.alloc, ws.open);
    const producing = k - c.lagYears;
    for (let i = 0; i < n; i++) {
      committed[i] += ws.alloc[i];
      out.grants[row + i] = ws.alloc[i];
      if (c.exitStep[i] <= k) {
        out.land[row + i] = 0;
        capacity[i] = 0;
        continue;
      }
      const newLand = producing >= 1 ? out.grants[producing * n + i] : 0;
      out.land[row + i] = out.land[prev + i] + newLand + relocatedLand[i];
      capacity[i] = (p[i] * out.land[row + i]) / 1e4;
    }
    // 4. Energy and output.
    const cap = c.energyCap[k];
    if (cap === cap) {
      allocateEnergy(c, k, cap, out, ws);
    } else {
      out.energyAllocated[k] = NaN;
      out.energyUnused[k] = NaN;
      for (let i = 0; i < n; i++) {
        out.output[row + i] = capacity[i];
        out.binding[row + i] = c.exitStep[i] <= k ? BINDING_EXITED : BINDING_LAND;
      }
    }
  }
}

function allocateEnergy(c: Compiled, k: number, cap: number, out: PathBuffers, ws: Workspace): void {
  const n = c.n;
  const row = k * n;
  const prev = row - n;
  const factor = c.intensityFactor[k];
  const prevFactor = c.intensityFactor[k - 1];
  for (let i = 0; i < n; i++) {
    const perOutput = c.energyIntensity0[i] * c.vaRatio[i]; // 万吨标煤 per 亿元 of output at e0
    ws.caps[i] = perOutput * factor * ws.capacity[i];
    const lastEnergy = perOutput * prevFactor * out.output[prev + i];
    ws.weights[i] = c.exitStep[i] > k ? strategyWeight(c.energyStrategy, c.energyClassWeights, lastEnergy, c.isMain[i], ws.classes[i]) : 0;
  }
  const unused =
    c.energyStrategy === "manual"
      ? allocateRequests(cap, c.manualEnergy.subarray(row, row + n), ws.caps, ws.alloc)
      : waterFill(cap, ws.weights, ws.caps, ws.alloc, ws.open);
  out.energyUnused[k] = unused;
  out.energyAllocated[k] = cap - unused;
  for (let i = 0; i < n; i++) {
    if (c.exitStep[i] <= k) {
      out.output[row + i] = 0;
      out.binding[row + i] = BINDING_EXITED;
    } else if (ws.alloc[i] < ws.caps[i] * (1 - 1e-12)) {
      out.output[row + i] = ws.alloc[i] / (c.energyIntensity0[i] * factor * c.vaRatio[i]);
      out.binding[row + i] = BINDING_ENERGY;
    } else {
      out.output[row + i] = ws.capacity[i];
      out.binding[row + i] = BINDING_LAND;
    }
  }
}

/** A platform's share weight under a strategy: current use, times its class weight (merit), mains only (main-only). */
function strategyWeight(strategy: AllocationStrategy, classWeights: Float64Array, use: number, isMain: number, cls: number): number {
  switch (strategy) {
    case "proportional":
      return use;
    case "merit":
      return cls < 4 ? use * classWeights[cls] : 0;
    case "main-only":
      return isMain ? use : 0;
    default:
      return 0;
  }
}
