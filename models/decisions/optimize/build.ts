/**
 * The LP of optimal allocation (model.md §2.5, written out in models/README.md "Optimal allocation"), built
 * from a prepared simulation's deterministic path (simulate.ts prepareSimulation under the scenario's own
 * strategy). Productivity p_i(t) does not depend on grants, so the path gives it; what the path's strategy
 * decided (relocated land, returned land, the classes and 标准地 checks behind eligibility) is taken as the
 * path has it.
 *
 * Columns: a_i(k) grants (亩) for each eligible platform and grant year, Y_i(k) outputs (亿元) for each
 * platform still there. Rows: the quota per year, the headroom per platform, land capacity per platform and
 * year, the energy cap per year (energy quotas c_i = e·v·Y: a quota above the need adds nothing), target
 * constraints, and, in the elastic LP only, the minimum grants.
 *
 * Robust (sample-average) LP (models/README.md "Robust allocation"): given K trials (trials.ts), the grants
 * are shared, each trial has its own outputs Y^j and land-capacity rows on its own productivity and
 * relocated land in the key steps (those the objective or a target reads), the objective and the target rows
 * are the trials' weighted average (weights 1/K), the headroom is the tightest over the trials; under a cap
 * the energy quotas c_i(k) of key steps become shared columns with e·v·Y^j ≤ c per trial and Σ c ≤ C. The
 * other steps, read only by the tie-break and the quotas, are on one mean path (the trials' expected
 * capacity). With the one deterministic trial (the default) it is the LP above, column for column.
 */
import type { Compiled } from "../../compile.js";
import { WAN_PER_YI } from "../../perMu.js";
import type { PreparedSimulation } from "../../simulate.js";
import { energyPerOutput, landConstants, phaseFactor, productivityPath } from "./path.js";
import { isPerMu, targetChecks, targetForm } from "./targetRows.js";
import { deterministicTrial, type LpTrial } from "./trials.js";
import { whyIneligible, type Ineligible } from "./eligibility.js";
import { LpBuilder, type LinearProgram } from "./lp.js";
import { boundIn, type OptimizeSettings } from "./settings.js";

export { energyPerOutput, productivityPath };

export type { Ineligible };

/** A soft constraint of the elastic LP: a target, or a minimum grant. */
export interface SoftConstraint {
  kind: "target" | "landMin";
  /** Target id, or the platform's name for a minimum grant. */
  id: string;
  subject: string;
  year: number;
  /** The target's threshold, or the minimum's 亩. */
  required: number;
  comparison: ">=" | "<=";
  /** The target's metric (null for a minimum grant). */
  metric: string | null;
  row: number;
  /** Elastic LP: the slack column. */
  slack: number;
}

/** A minimum grant the LP cannot even state: the platform may not receive land that year. */
export interface ImpossibleMinimum {
  platform: string;
  year: number;
  required: number;
  reason: Ineligible;
}

/** The LP and where everything sits in it. */
export interface AllocationLp {
  lp: LinearProgram;
  c: Compiled;
  /** p_i(k) on the deterministic path, step-major. */
  productivity: Float64Array;
  /** Grant column of (k, i), step-major; −1 = none. */
  grantColumn: Int32Array;
  /** Output column of (k, i), step-major; −1 = exited (Y = 0): the first trial's. */
  outputColumn: Int32Array;
  /** The trials the LP stands on (one, the deterministic path, unless robust), and each one's output columns. */
  trials: LpTrial[];
  outputColumns: Int32Array[];
  /**
   * Robust LP: the trials' outputs are only in the key steps (the objective's and the targets'); the others
   * are on one mean path (the trials' expected capacity): its output columns, or null (no other steps, or K = 1).
   */
  meanColumn: Int32Array | null;
  keySteps: number[];
  /** Robust LP under a cap: the shared energy quota column of (k, i) in key steps, step-major (−1 = none); null otherwise. */
  quotaColumn: Int32Array | null;
  /** Each column's weight in the tie-break's total output (a trial's output its weight, others 1; 0 = not an output). */
  tieWeight: Float64Array;
  /** Quota row per step (−1 = none), energy row per step (−1 = no cap or none), headroom row per platform (−1 = no grants). */
  quotaRow: Int32Array;
  energyRow: Int32Array;
  headroomRow: Int32Array;
  /** Q(k) + returned land, per step. */
  quota: Float64Array;
  /** Land relocated to each platform (as in the path; the first trial's), step-major. */
  relocatedLand: Float64Array;
  /** Steps whose outputs the objective counts, with each output column's coefficient in the objective. */
  objectiveSteps: number[];
  objectiveCost: Float64Array;
  soft: SoftConstraint[];
  impossible: ImpossibleMinimum[];
  /** Why (k, i) has no grant column, step-major (null = it has one). */
  ineligible: (Ineligible | null)[];
}

/**
 * Build the LP. `elastic`: the minimum grants and target constraints get slack columns and the LP minimises
 * their (relative) total, to name the ones that cannot be met together.
 */
export function buildAllocationLp(
  prepared: PreparedSimulation,
  settings: OptimizeSettings,
  elastic = false,
  trials: LpTrial[] = [deterministicTrial(prepared)],
): AllocationLp {
  const { c, path } = prepared;
  const { n, steps: S, lagYears: lag, exitStep } = c;
  const horizon = prepared.scenario.horizon;
  const lastStep = horizon[horizon.length - 1] - c.baseYear;
  const objectiveSteps = settings.over === "horizon" ? [lastStep] : Array.from({ length: lastStep }, (_, k) => k + 1);
  const K = trials.length;
  const tag = (j: number) => (K > 1 ? `,#${j + 1}` : "");
  const strategy = prepared.scenario.land.strategy as string;
  const entry = c.entryOutputPerMu === c.entryOutputPerMu || c.entryTaxPerMu === c.entryTaxPerMu;
  const b = new LpBuilder();

  // Grants.
  const grantColumn = new Int32Array((S + 1) * n).fill(-1);
  const ineligible: (Ineligible | null)[] = new Array<Ineligible | null>((S + 1) * n).fill(null);
  const impossible: ImpossibleMinimum[] = [];
  const minimums: { column: number; i: number; k: number; min: number }[] = [];
  for (let k = 1; k <= S; k++) {
    for (let i = 0; i < n; i++) {
      const why = whyIneligible(c, prepared, k, i, strategy, entry);
      const at = k * n + i;
      const name = c.names[i];
      const min = boundIn(settings.landMin[name], c.years[k]);
      if (why !== null) {
        ineligible[at] = why;
        // A minimum for every year applies to the years the platform may receive land; a named year is a conflict.
        const named = typeof settings.landMin[name] === "object" && min !== undefined;
        if (named && min > 0) impossible.push({ platform: name, year: c.years[k], required: min, reason: why });
        continue;
      }
      const max = boundIn(settings.landMax[name], c.years[k]) ?? Infinity;
      const lower = min !== undefined && min > 0 && !elastic ? min : 0;
      grantColumn[at] = b.column(`a[${name},${c.years[k]}]`, 0, lower, Math.max(lower, max));
      if (min !== undefined && min > 0) minimums.push({ column: grantColumn[at], i, k, min });
    }
  }

  // Outputs, per trial, with their objective coefficients (times the trial's weight).
  const objectiveCost = new Float64Array((S + 1) * n);
  const kind = settings.objective;
  for (const k of objectiveSteps)
    for (let i = 0; i < n; i++) {
      const at = k * n + i;
      const m = kind === "output" ? 1 : kind === "valueAdded" ? c.vaRatio[at] : c.taxRatio[at];
      objectiveCost[at] = (settings.weights[c.names[i]] ?? 1) * m;
    }
  // Robust: each trial's own outputs only in the key steps (those the objective or a target reads); the other
  // steps, which only the tie-break and the energy quotas read, on the trials' expected capacity (one mean path).
  const checks = targetChecks(prepared, settings);
  const key = new Uint8Array(S + 1).fill(K === 1 ? 1 : 0);
  for (const k of objectiveSteps) key[k] = 1;
  for (const check of checks) key[check.step] = 1;
  const keySteps = Array.from({ length: S }, (_, k) => k + 1).filter((k) => key[k]);
  const otherSteps = Array.from({ length: S }, (_, k) => k + 1).filter((k) => !key[k]);
  const tieWeights: [number, number][] = [];
  const outputsOn = (steps: number[], weight: number, tie: number, suffix: string) => {
    const columns = new Int32Array((S + 1) * n).fill(-1);
    for (const k of steps)
      for (let i = 0; i < n; i++) {
        if (exitStep[i] <= k) continue;
        const at = k * n + i;
        columns[at] = b.column(`Y[${c.names[i]},${c.years[k]}${suffix}]`, elastic ? 0 : weight * objectiveCost[at]);
        tieWeights.push([columns[at], tie]);
      }
    return columns;
  };
  const outputColumns = trials.map((trial, j) => outputsOn(keySteps, trial.weight, trial.weight, tag(j)));
  const outputColumn = outputColumns[0];
  const meanColumn = otherSteps.length > 0 ? outputsOn(otherSteps, 0, 1, ",mean") : null;
  // Robust under a cap: shared energy quotas c_i(k), one per platform there and capped key step.
  const capped = (k: number) => c.energyCap[k] === c.energyCap[k];
  let quotaColumn: Int32Array | null = null;
  if (K > 1 && keySteps.some(capped)) {
    quotaColumn = new Int32Array((S + 1) * n).fill(-1);
    for (const k of keySteps)
      if (capped(k))
        for (let i = 0; i < n; i++)
          if (outputColumn[k * n + i] >= 0) quotaColumn[k * n + i] = b.column(`c[${c.names[i]},${c.years[k]}]`, 0);
  }

  // Quota per year: Σ_i a_i(k) ≤ Q(k) + returned land.
  const quota = new Float64Array(S + 1);
  const quotaRow = new Int32Array(S + 1).fill(-1);
  for (let k = 1; k <= S; k++) {
    quota[k] = c.landQuota[k] + path.landReturned[k];
    const terms: [number, number][] = [];
    for (let i = 0; i < n; i++) if (grantColumn[k * n + i] >= 0) terms.push([grantColumn[k * n + i], 1]);
    if (terms.length > 0) quotaRow[k] = b.row(`quota[${c.years[k]}]`, -Infinity, quota[k], terms);
  }

  // Headroom per platform: Σ_k a_i(k) ≤ D − L0 − relocated land (the most relocated land of the trials).
  const headroomRow = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const terms: [number, number][] = [];
    for (let k = 1; k <= S; k++) if (grantColumn[k * n + i] >= 0) terms.push([grantColumn[k * n + i], 1]);
    let room = Infinity;
    for (const trial of trials) {
      let relocated = 0;
      for (let k = 1; k <= S; k++) relocated += trial.relocatedLand[k * n + i];
      room = Math.min(room, Math.max(0, c.headroom[i] - relocated));
    }
    if (terms.length > 0) headroomRow[i] = b.row(`headroom[${c.names[i]}]`, -Infinity, room, terms);
  }

  // Land capacity, per trial: Y_i(k) ≤ φ·p_i(k)·L_i(k)/10⁴, L_i(k) = L0 + relocated land so far + Σ_{s ≤ k−λ} a_i(s);
  // the mean path: the trials' weighted average of both sides.
  const landConstantOf = trials.map((trial) => landConstants(c, trial.relocatedLand));
  const capacityRow = (y: number, name: string, perMu: number, rhs: number, i: number, k: number) => {
    const terms: [number, number][] = [[y, 1]];
    for (let s = 1; s <= k - lag; s++) if (grantColumn[s * n + i] >= 0) terms.push([grantColumn[s * n + i], -perMu]);
    b.row(`capacity[${c.names[i]},${c.years[k]}${name}]`, -Infinity, rhs, terms);
  };
  trials.forEach((trial, j) => {
    const p = trial.productivity;
    for (const k of keySteps)
      for (let i = 0; i < n; i++) {
        const y = outputColumns[j][k * n + i];
        if (y < 0) continue;
        const perMu = (phaseFactor(c, k, i) * p[k * n + i]) / WAN_PER_YI;
        capacityRow(y, tag(j), perMu, perMu * landConstantOf[j][k * n + i], i, k);
      }
  });
  if (meanColumn)
    for (const k of otherSteps)
      for (let i = 0; i < n; i++) {
        const y = meanColumn[k * n + i];
        if (y < 0) continue;
        let perMu = 0;
        let rhs = 0;
        trials.forEach((trial, j) => {
          const a = (phaseFactor(c, k, i) * trial.productivity[k * n + i]) / WAN_PER_YI;
          perMu += trial.weight * a;
          rhs += trial.weight * a * landConstantOf[j][k * n + i];
        });
        capacityRow(y, ",mean", perMu, rhs, i, k);
      }

  // Energy cap: Σ_i e_i(k)·v_i(k)·Y_i(k) ≤ C(k); robust, in a key step: e_i(k)·v_i(k)·Y^j_i(k) ≤ c_i(k) in every
  // trial and Σ_i c_i(k) ≤ C(k); in another step on the mean path's outputs.
  const energyRow = new Int32Array(S + 1).fill(-1);
  for (let k = 1; k <= S; k++) {
    if (!capped(k)) continue;
    const terms: [number, number][] = [];
    const direct = key[k] ? outputColumn : meanColumn!;
    if (quotaColumn && key[k])
      for (let i = 0; i < n; i++) {
        const q = quotaColumn[k * n + i];
        if (q < 0) continue;
        terms.push([q, 1]);
        const ev = energyPerOutput(c, k, i);
        outputColumns.forEach((columns, j) =>
          b.row(`link[${c.names[i]},${c.years[k]}${tag(j)}]`, -Infinity, 0, [
            [columns[k * n + i], ev],
            [q, -1],
          ]),
        );
      }
    else for (let i = 0; i < n; i++) if (direct[k * n + i] >= 0) terms.push([direct[k * n + i], energyPerOutput(c, k, i)]);
    if (terms.length > 0) energyRow[k] = b.row(`energy[${c.years[k]}]`, -Infinity, c.energyCap[k], terms);
  }

  // Target constraints, and (elastic) the minimum grants, each with a slack column.
  const soft: SoftConstraint[] = [];
  const slackColumn = (name: string, scale: number) => (elastic ? b.column(`slack[${name}]`, 1 / Math.max(1, Math.abs(scale))) : -1);
  for (const check of checks) {
    const comparison = check.def.comparison;
    const bounds: [">=" | "<=", number][] =
      comparison === "between"
        ? [
            [">=", check.threshold],
            ["<=", check.thresholdMax],
          ]
        : [[comparison === ">=" || comparison === ">" ? ">=" : "<=", check.threshold]];
    for (const [side, threshold] of bounds) {
      const members = prepared.units[check.unit].members;
      // The trials' weighted average (the deterministic LP: its one trial, weight 1).
      const terms: [number, number][] = [];
      let constant = 0;
      trials.forEach((trial, j) => {
        const form = targetForm(c, check, members, threshold, grantColumn, outputColumns[j], landConstantOf[j]);
        for (const [col, a] of form.terms) terms.push([col, trial.weight * a]);
        constant += trial.weight * form.constant;
      });
      const name = `target[${check.def.id},${check.subject},${check.year}${bounds.length > 1 ? side : ""}]`;
      const slack = slackColumn(name, threshold);
      if (slack >= 0) terms.push([slack, side === ">=" ? 1 : -1]);
      const rhs = isPerMu(check.def.metric) ? 0 : threshold;
      const row = side === ">=" ? b.row(name, rhs - constant, Infinity, terms) : b.row(name, -Infinity, rhs - constant, terms);
      soft.push({
        kind: "target",
        id: check.def.id,
        subject: check.subject,
        year: check.year,
        required: threshold,
        comparison: side,
        metric: check.def.metric ?? null,
        row,
        slack,
      });
    }
  }
  if (elastic)
    for (const m of minimums) {
      const name = `min[${c.names[m.i]},${c.years[m.k]}]`;
      const slack = slackColumn(name, m.min);
      const row = b.row(name, m.min, Infinity, [
        [m.column, 1],
        [slack, 1],
      ]);
      soft.push({
        kind: "landMin",
        id: c.names[m.i],
        subject: c.names[m.i],
        year: c.years[m.k],
        required: m.min,
        comparison: ">=",
        metric: null,
        row,
        slack,
      });
    }

  const tieWeight = new Float64Array(b.columns.length);
  for (const [j, w] of tieWeights) tieWeight[j] = w;
  return {
    lp: b.build(elastic ? "minimize" : "maximize"),
    c,
    productivity: trials[0].productivity,
    grantColumn,
    outputColumn,
    trials,
    outputColumns,
    meanColumn,
    quotaColumn,
    tieWeight,
    keySteps,
    quotaRow,
    energyRow,
    headroomRow,
    quota,
    relocatedLand: trials[0].relocatedLand,
    objectiveSteps,
    objectiveCost,
    soft,
    impossible,
    ineligible,
  };
}
