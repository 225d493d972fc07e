/**
 * The year loop for one path (model.md "Each year"): a pure function of the compiled inputs and the
 * growth rates. The deterministic projection is this loop with the growth model's deterministic rates;
 * each Monte Carlo trial is this loop with the rates the growth model made of its draws
 * (growthModels.ts). Nothing is allocated here: buffers come from a Workspace.
 *
 * Order within year k (documented in models/README.md); the evaluation classes, for strategies that
 * weigh them (merit), come first, from year k−1's figures:
 *   1. productivity p ← p × (1 + g), and 0 when g < −100%;
 *   2. exits at k relocate s × Y(k−1) to their receiver, which takes land for it at its p(k) from its
 *      free headroom (immediately, no lag); what does not fit is lost;
 *   3. the land quota Q(k) is split by the land strategy (c.landAllocation, resolved once per run by
 *      policy/strategies.ts: weights on year k−1 water-filled, or fixed requests) against
 *      the remaining headroom; L(k) = L(k−1) + a(k−λ) + relocated land; exited platforms hold 0 亩;
 *   4. land capacity Ŷ = p·L/10^4; with an energy cap, quotas are water-filled against each platform's
 *      need e(k)·v·Ŷ and Y = min(Ŷ, c / (e(k)·v)); the binding constraint is recorded.
 */
import { allocateRequests, waterFill } from "./allocate.js";
import { NEVER, type Compiled } from "./compile.js";
import { indicatorParts } from "./indicatorData.js";
import { addIndicatorScores, INDICATOR_FACTOR, itemCapOf, rankClasses } from "./evaluation.js";
import { WAN_PER_YI } from "./perMu.js";

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
  /** Per step: exited platforms' land returned to the quota (腾退, model.md §2.3). */
  landReturned: Float64Array;
}

/** Scratch arrays reused across years and trials, and per-simulation constants of the year loop. */
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
  /** Platforms that exit within the projection, ascending. */
  exiting: Int32Array;
  /** Scratch of the yearly evaluation (merit strategies): see evaluateClasses. */
  merit: MeritScratch;
}

/** Scratch of evaluateClasses; `ranking` keeps the last order, so next year's sort starts nearly sorted. */
interface MeritScratch {
  num: Float64Array;
  den: Float64Array;
  ranking: Int32Array;
  sorted: Int32Array;
}

export function createPathBuffers(c: Compiled): PathBuffers {
  const size = (c.steps + 1) * c.n;
  const perStep = () => new Float64Array(c.steps + 1);
  return {
    output: new Float64Array(size),
    land: new Float64Array(size),
    binding: new Uint8Array(size),
    grants: new Float64Array(size),
    classes: new Uint8Array(size).fill(255),
    landUnallocated: perStep(),
    energyAllocated: perStep(),
    energyUnused: perStep(),
    relocated: perStep(),
    relocationLost: perStep(),
    landReturned: perStep(),
  };
}

export function createWorkspace(c: Compiled): Workspace {
  const n = c.n;
  return {
    productivity: new Float64Array(n),
    committed: new Float64Array(n),
    weights: new Float64Array(n),
    caps: new Float64Array(n),
    alloc: new Float64Array(n),
    open: new Uint8Array(n),
    capacity: new Float64Array(n),
    relocatedLand: new Float64Array(n),
    eligible: new Uint8Array(n),
    scores: new Float64Array(n),
    order: new Int32Array(n),
    classes: new Uint8Array(n),
    exiting: Int32Array.from(c.exitStep.keys()).filter((i) => c.exitStep[i] <= c.steps),
    merit: meritScratch(n),
  };
}

function meritScratch(n: number): MeritScratch {
  const f64 = () => new Float64Array(n);
  return { num: f64(), den: f64(), ranking: Int32Array.from({ length: n }, (_, i) => i), sorted: new Int32Array(n) };
}

/**
 * A platform's weight under a weights strategy resolved by policy/strategies.ts: use × factor × the class
 * weight (0 when not evaluated) when the strategy weighs classes; a factor of 0 gives 0 whatever the use.
 */
function strategyWeight(use: number, f: number, classWeights: Float64Array | null, cls: number): number {
  return f === 0 ? 0 : classWeights === null ? use * f : cls < 4 ? use * f * classWeights[cls] : 0;
}

/**
 * Run one path on the growth rates g[k * n + i] (k = 1 … steps; row 0 is not read), up to step
 * `lastStep` (default every step): the loop is causal, so the steps run are those of the whole path.
 */
export function runPath(c: Compiled, growth: Float64Array, out: PathBuffers, ws: Workspace, lastStep = c.steps): void {
  const n = c.n;
  const { productivity: p, committed, capacity, relocatedLand, weights, caps, alloc, exiting, classes } = ws;
  const { output, land, binding, grants } = out;
  const { exitStep, headroom, receiver } = c;
  const needsClasses = c.needsClasses;
  const { factor: landFactor, classWeights: landClassWeights, requests: landRequests } = c.landAllocation;
  const entryRule = c.entryOutputPerMu === c.entryOutputPerMu || c.entryTaxPerMu === c.entryTaxPerMu;
  const phased = c.phasedExits;
  const lag = c.lagYears;
  for (let i = 0; i < n; i++) {
    p[i] = c.p0[i];
    committed[i] = 0;
    output[i] = c.output0[i];
    land[i] = c.land0[i];
    binding[i] = BINDING_LAND;
  }
  for (let k = 1; k <= lastStep; k++) {
    const row = k * n;
    const prev = row - n;
    const horizon = k + lag;
    // Evaluation classes on last year's figures, for the merit strategies.
    if (needsClasses) {
      for (let i = 0; i < n; i++) ws.eligible[i] = exitStep[i] > k && land[prev + i] > 0 ? 1 : 0;
      evaluateClasses(c, ws, output, land, prev, k - 1);
      out.classes.set(classes, row);
    }
    // 1. Productivity; in the same pass, each platform's land weight and room for step 3 (one pass over
    // the platforms instead of two: the room of an exit's receiver is set again after step 2).
    for (let i = 0; i < n; i++) {
      let q = p[i] * (1 + growth[row + i]);
      if (q < 0) q = 0; // growth below −100% wipes productivity out; it cannot turn negative
      p[i] = q;
      relocatedLand[i] = 0;
      // Only platforms still there when the grant starts producing may receive land, and, with 标准地
      // thresholds (model.md §2.4), only those whose last-year 亩均产出 and 亩均税收 meet them.
      // A phased exit (§2.3) receives no land at all.
      const phasedOut = phased && exitStep[i] !== NEVER;
      if (exitStep[i] > horizon && !phasedOut && (!entryRule || meetsEntry(c, prev + i, output[prev + i], land[prev + i]))) {
        weights[i] = strategyWeight(land[prev + i], landFactor[i], landClassWeights, classes[i]);
        caps[i] = headroom[i] - committed[i];
      } else {
        weights[i] = 0;
        caps[i] = 0;
      }
    }
    // 2. Exits relocate part of last year's output to their receiver.
    let relocated = 0;
    let lost = 0;
    for (let x = 0; x < exiting.length; x++) {
      const i = exiting[x];
      if (exitStep[i] !== k) continue;
      const moving = c.relocationShare * output[prev + i];
      const r = receiver[i];
      if (r < 0 || exitStep[r] <= k || !(p[r] > 0)) {
        lost += moving;
        continue;
      }
      const take = Math.min((moving * WAN_PER_YI) / p[r], Math.max(0, headroom[r] - committed[r]));
      committed[r] += take;
      relocatedLand[r] += take;
      if (exitStep[r] > horizon) caps[r] = headroom[r] - committed[r];
      const moved = (take * p[r]) / WAN_PER_YI;
      relocated += moved;
      lost += moving - moved;
    }
    out.relocated[k] = relocated;
    out.relocationLost[k] = lost;
    // 3. Land grants, then land in use (and, without an energy cap, output: step 4 in the same pass).
    // Land of platforms that exited λ_R years ago returns to the quota (§2.3; r = 0 in version 1).
    let returned = 0;
    if (c.landReturnShare > 0) {
      for (let x = 0; x < exiting.length; x++) {
        const i = exiting[x];
        if (exitStep[i] + c.landReturnLag === k) returned += c.landReturnShare * land[(exitStep[i] - 1) * n + i];
      }
    }
    out.landReturned[k] = returned;
    const quota = returned > 0 ? c.landQuota[k] + returned : c.landQuota[k];
    out.landUnallocated[k] =
      landRequests !== null
        ? allocateRequests(quota, landRequests.subarray(row, row + n), caps, alloc)
        : waterFill(quota, weights, caps, alloc, ws.open);
    const producing = k - lag;
    const grantRow = producing >= 1 ? producing * n : -1;
    const cap = c.energyCap[k];
    const uncapped = !(cap === cap);
    for (let i = 0; i < n; i++) {
      committed[i] += alloc[i];
      grants[row + i] = alloc[i];
      if (exitStep[i] <= k) {
        land[row + i] = 0;
        capacity[i] = 0;
        if (uncapped) {
          output[row + i] = 0;
          binding[row + i] = BINDING_EXITED;
        }
        continue;
      }
      const newLand = grantRow >= 0 ? grants[grantRow + i] : 0;
      const l = land[prev + i] + newLand + relocatedLand[i];
      land[row + i] = l;
      let y = (p[i] * l) / WAN_PER_YI;
      // A phased exit's capacity runs down linearly to its exit year: × (x − t)/(x − t0).
      if (phased && exitStep[i] !== NEVER) y = (y * (exitStep[i] - k)) / exitStep[i];
      capacity[i] = y;
      if (uncapped) {
        output[row + i] = y;
        binding[row + i] = BINDING_LAND;
      }
    }
    // 4. Energy and output.
    if (uncapped) {
      out.energyAllocated[k] = NaN;
      out.energyUnused[k] = NaN;
    } else {
      allocateEnergy(c, k, cap, out, ws);
    }
  }
}

/**
 * 标准地: last year's 亩均产出 Y·10⁴/L and 亩均税收 τ·Y·10⁴/L at or above the thresholds (a threshold not set
 * always passes); `at` = (k − 1)·n + i, so τ is last year's too.
 */
function meetsEntry(c: Compiled, at: number, output: number, land: number): boolean {
  if (!(land > 0)) return false;
  const perMu = (output * WAN_PER_YI) / land;
  return !(perMu < c.entryOutputPerMu) && !(c.taxRatio[at] * perMu < c.entryTaxPerMu);
}

function allocateEnergy(c: Compiled, k: number, cap: number, out: PathBuffers, ws: Workspace): void {
  const n = c.n;
  const row = k * n;
  const prev = row - n;
  const factor = c.intensityFactor[k];
  const prevFactor = c.intensityFactor[k - 1];
  const { energyIntensity0, vaRatio, exitStep } = c;
  const { factor: energyFactor, classWeights: energyClassWeights, requests } = c.energyAllocation;
  const { caps, weights, capacity, alloc, classes } = ws;
  const output = out.output;
  for (let i = 0; i < n; i++) {
    // 万吨标煤 per 亿元 of output at e0, with this year's v (the need) and last year's (the use, E(t−1)).
    const perOutput = energyIntensity0[i] * vaRatio[row + i];
    caps[i] = perOutput * factor * capacity[i];
    if (exitStep[i] > k) {
      const use = energyIntensity0[i] * vaRatio[prev + i] * prevFactor * output[prev + i];
      weights[i] = strategyWeight(use, energyFactor[i], energyClassWeights, classes[i]);
    } else {
      weights[i] = 0;
    }
  }
  const unused =
    requests !== null ? allocateRequests(cap, requests.subarray(row, row + n), caps, alloc) : waterFill(cap, weights, caps, alloc, ws.open);
  out.energyUnused[k] = unused;
  out.energyAllocated[k] = cap - unused;
  for (let i = 0; i < n; i++) {
    if (exitStep[i] <= k) {
      output[row + i] = 0;
      out.binding[row + i] = BINDING_EXITED;
    } else if (alloc[i] < caps[i] * (1 - 1e-12)) {
      output[row + i] = alloc[i] / (energyIntensity0[i] * factor * vaRatio[row + i]);
      out.binding[row + i] = BINDING_ENERGY;
    } else {
      output[row + i] = capacity[i];
      out.binding[row + i] = BINDING_LAND;
    }
  }
}

/**
 * Classes of the eligible platforms (ws.eligible) on the figures of step `k` (rows from `from`): the
 * evaluation of evaluation.ts (indicator parts → item scores → ranks), one indicator at a time.
 */
function evaluateClasses(c: Compiled, ws: Workspace, output: Float64Array, land: Float64Array, from: number, k: number): void {
  const e = c.evaluation;
  const { num, den, ranking, sorted } = ws.merit;
  const { eligible, scores } = ws;
  for (let i = 0; i < c.n; i++) scores[i] = eligible[i] ? 0 : NaN;
  for (let j = 0; j < e.indicators.length; j++) {
    const indicator = e.indicators[j];
    indicatorParts(c, indicator, output, land, from, k, num, den);
    addIndicatorScores(num, den, INDICATOR_FACTOR[indicator], eligible, e.weights[j], e.benchmarks[j], itemCapOf(e, j), scores);
  }
  rankClasses(scores, eligible, c.nameRank, e.cumulativeCuts, ranking, sorted, ws.classes);
}
