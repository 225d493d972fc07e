/**
 * Optimal allocation (model.md §2.5): build the LP on the deterministic path, solve it with the given
 * solver, read the grants, energy quotas, objective against the scenario's own strategy, and shadow prices;
 * when it is infeasible, name the constraints that conflict (an elastic LP: slack on every target and
 * minimum grant, their relative total minimised; those left with slack, and the limits binding them).
 * Robust (settings.robust = K): the same on the first K Monte Carlo trials at once (trials.ts, build.ts), the
 * objective, its baseline and the duals those of the trials' average.
 */
import type { Compiled } from "../../compile.js";
import type { PreparedSimulation } from "../../simulate.js";
import { buildAllocationLp, energyPerOutput, type AllocationLp, type Ineligible, type SoftConstraint } from "./build.js";
import { lpSize, type LinearProgram, type LpSolution, type LpSolver } from "./lp.js";
import type { ObjectiveKind, ObjectiveSpan, OptimizeSettings } from "./settings.js";
import { sampledTrials, type LpTrial } from "./trials.js";

/** A constraint that takes part in an infeasibility. */
export interface Conflict {
  /** target / landMin: could not be met (shortfall); notEligible: a minimum grant to a platform that may not receive land; quota / headroom / energy: a limit binding them. */
  kind: "target" | "landMin" | "notEligible" | "quota" | "headroom" | "energy";
  /** Target id, or the platform's name. */
  id: string;
  subject: string | null;
  year: number | null;
  /** The threshold or minimum (target, landMin, notEligible); the limit (quota, headroom, energy). */
  required: number | null;
  /** How far the best compromise stays from `required`, in the target's own unit (亩 for grants). */
  shortfall: number | null;
  metric: string | null;
  comparison: ">=" | "<=" | null;
  reason: Ineligible | null;
}

export interface ShadowPrice {
  /** The grant year (land, energy) or null (headroom). */
  year: number | null;
  /** The platform (headroom) or null. */
  platform: string | null;
  /** Objective units (亿元) per 亩 (land, headroom) or per 万吨标煤 (energy). */
  value: number;
}

export interface AllocationPlan {
  feasible: boolean;
  objective: { kind: ObjectiveKind; over: ObjectiveSpan; years: number[]; value: number | null; baseline: number };
  /** Platforms in the model's canonical order (Compiled.names), years from the base year. */
  names: string[];
  years: number[];
  /** Grants a_i(k), 亩, step-major [k·n + i]; all 0 when infeasible. */
  grants: Float64Array;
  /** Energy quotas c_i(k) = e·v·Y (robust: the most any trial uses), 万吨标煤, step-major; null without an energy cap. */
  energy: Float64Array | null;
  /** Outputs Y_i(k) of the LP, 亿元, step-major (robust: the trials' average). */
  output: Float64Array;
  /** The robust LP's sampled trials (the first K of the scenario's seed); null on the deterministic path. */
  robust: { trials: number } | null;
  shadow: { land: ShadowPrice[]; energy: ShadowPrice[]; headroom: ShadowPrice[] };
  conflicts: Conflict[];
  size: { rows: number; columns: number; nonzeros: number };
  /** The LP solved (tests re-solve it with a bound moved). */
  built: AllocationLp;
}

/** Amounts below this are solver dust (亩, 亿元, 万吨标煤). */
const DUST = 1e-7;
const clean = (x: number) => (Math.abs(x) < 1e-12 ? 0 : x);

/**
 * `trials`: the LP's trials (default: the first settings.robust trials of the scenario's seed when robust,
 * else the deterministic path); `robust` in the plan says how many were sampled.
 */
export function optimizeAllocation(
  prepared: PreparedSimulation,
  settings: OptimizeSettings,
  solver: LpSolver,
  trials?: LpTrial[],
): AllocationPlan {
  const sampled = trials ?? (settings.robust !== null ? sampledTrials(prepared, settings.robust) : undefined);
  const robust = settings.robust !== null ? { trials: settings.robust } : null;
  const built = buildAllocationLp(prepared, settings, false, sampled);
  const { c } = built;
  const size = lpSize(built.lp);
  const first = solveOrThrow(solver, built.lp);
  // The scenario's own strategy on the same path(s): the trials' weighted average.
  let baseline = 0;
  for (const trial of built.trials) baseline += trial.weight * objectiveOn(built, trial.path.output);
  const span = { kind: settings.objective, over: settings.over, years: built.objectiveSteps.map((k) => c.years[k]), baseline };
  const cells = (c.steps + 1) * c.n;
  const conflicts: Conflict[] = built.impossible.map((m) => ({
    kind: "notEligible",
    id: m.platform,
    subject: m.platform,
    year: m.year,
    required: m.required,
    shortfall: m.required,
    metric: null,
    comparison: ">=",
    reason: m.reason,
  }));
  if (first.status === "infeasible") conflicts.push(...elasticConflicts(prepared, settings, solver, built.trials));
  if (conflicts.length > 0) {
    return {
      feasible: false,
      objective: { ...span, value: null },
      names: c.names,
      years: c.years,
      grants: new Float64Array(cells),
      energy: null,
      output: new Float64Array(cells),
      robust,
      shadow: { land: [], energy: [], headroom: [] },
      conflicts,
      size,
      built,
    };
  }
  // Among the optimal plans, the one with most output over every year (the horizon objective leaves the
  // years before it free): the grants and quotas reported and run; the duals come from the first solve.
  const chosen = tieBreak(solver, built, first) ?? first;
  const grants = new Float64Array(cells);
  const output = new Float64Array(cells);
  for (let at = 0; at < cells; at++) {
    const a = built.grantColumn[at];
    if (a >= 0) grants[at] = dust(chosen.primal[a]);
  }
  built.trials.forEach((trial, j) => {
    const columns = built.outputColumns[j];
    for (let at = 0; at < cells; at++) if (columns[at] >= 0) output[at] += trial.weight * Math.max(0, chosen.primal[columns[at]]);
  });
  const mean = built.meanColumn;
  if (mean) for (let at = 0; at < cells; at++) if (mean[at] >= 0) output[at] = Math.max(0, chosen.primal[mean[at]]);
  const capped = built.energyRow.some((r) => r >= 0);
  const energy = capped ? new Float64Array(cells) : null;
  if (energy && built.trials.length === 1)
    for (let k = 1; k <= c.steps; k++) for (let i = 0; i < c.n; i++) energy[k * c.n + i] = energyPerOutput(c, k, i) * output[k * c.n + i];
  else if (energy)
    // Robust: in a key step the quota a platform needs in the trial that uses most (the LP's c may hold unused
    // cap); in another step the mean path's need.
    for (let k = 1; k <= c.steps; k++) {
      if (built.energyRow[k] < 0) continue;
      for (let i = 0; i < c.n; i++) {
        const at = k * c.n + i;
        if (mean && mean[at] >= 0) energy[at] = energyPerOutput(c, k, i) * output[at];
        for (const columns of built.outputColumns)
          if (columns[at] >= 0) energy[at] = Math.max(energy[at], energyPerOutput(c, k, i) * Math.max(0, chosen.primal[columns[at]]));
      }
    }
  const dual = (row: number) => clean(first.rowDuals[row]);
  return {
    feasible: true,
    objective: { ...span, value: first.objective },
    names: c.names,
    years: c.years,
    grants,
    energy,
    output,
    robust,
    shadow: {
      land: rowsByStep(c, built.quotaRow).map(([k, r]) => ({ year: c.years[k], platform: null, value: dual(r) })),
      energy: rowsByStep(c, built.energyRow).map(([k, r]) => ({ year: c.years[k], platform: null, value: dual(r) })),
      headroom: Array.from(built.headroomRow.entries())
        .filter(([, r]) => r >= 0)
        .map(([i, r]) => ({ year: null, platform: c.names[i], value: dual(r) })),
    },
    conflicts: [],
    size,
    built,
  };
}

/** The objective of the LP evaluated on a path's outputs (step-major), e.g. the scenario's own strategy's. */
export function objectiveOn(built: AllocationLp, output: Float64Array): number {
  const { n } = built.c;
  let total = 0;
  for (const k of built.objectiveSteps) for (let i = 0; i < n; i++) total += built.objectiveCost[k * n + i] * output[k * n + i];
  return total;
}

const dust = (x: number) => (x < DUST ? 0 : x);

function rowsByStep(c: Compiled, rows: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 1; k <= c.steps; k++) if (rows[k] >= 0) out.push([k, rows[k]]);
  return out;
}

function solveOrThrow(solver: LpSolver, lp: LinearProgram): LpSolution {
  const s = solver.solve(lp);
  if (s.status === "optimal" || s.status === "infeasible") return s;
  // Bounded by construction (outputs by land capacity, grants by the quota): anything else is a bug.
  throw new Error(`LP solver status ${s.status}${s.message ? `: ${s.message}` : ""}`);
}

/**
 * Maximise total output over every year (robust: the trials' average in key steps, the mean path in the others) among the first LP's optimal solutions: those that keep its
 * complementary slackness (a column with a non-zero reduced cost stays at its bound, a row with a non-zero
 * dual at its bound), exactly optimal for the first objective. null if that solve fails.
 */
function tieBreak(solver: LpSolver, built: AllocationLp, first: LpSolution): LpSolution | null {
  const { lp } = built;
  const tight = (d: number) => Math.abs(d) > 1e-9;
  const second: LinearProgram = {
    sense: "maximize",
    columns: lp.columns.map((col, j) => {
      const at = tight(first.columnDuals[j]) ? first.primal[j] : null;
      return { ...col, cost: built.tieWeight[j], ...(at !== null ? { lower: at, upper: at } : {}) };
    }),
    rows: lp.rows.map((row, r) => {
      const d = first.rowDuals[r];
      if (!tight(d)) return row;
      // Maximising: a binding ≤ bound has a dual > 0, a binding ≥ bound a dual < 0.
      const at = d > 0 ? row.upper : row.lower;
      return Number.isFinite(at) ? { ...row, lower: at, upper: at } : row;
    }),
  };
  const s = solver.solve(second);
  return s.status === "optimal" ? s : null;
}

/** Solve the elastic LP; the soft constraints left with slack, and the hard limits binding them. */
function elasticConflicts(prepared: PreparedSimulation, settings: OptimizeSettings, solver: LpSolver, trials: LpTrial[]): Conflict[] {
  const e = buildAllocationLp(prepared, settings, true, trials);
  const s = solveOrThrow(solver, e.lp);
  if (s.status !== "optimal") return [];
  const { c } = e;
  const out: Conflict[] = [];
  for (const soft of e.soft) {
    const slack = s.primal[soft.slack];
    if (!(slack > DUST * Math.max(1, Math.abs(soft.required)))) continue;
    out.push({
      kind: soft.kind,
      id: soft.id,
      subject: soft.subject,
      year: soft.year,
      required: soft.required,
      shortfall: shortfallOf(e, soft, s),
      metric: soft.metric,
      comparison: soft.comparison,
      reason: null,
    });
  }
  // Limits the compromise runs into (a dual of the minimised slack ≠ 0): what would have to give.
  const binding = (row: number) => row >= 0 && Math.abs(s.rowDuals[row]) > 1e-9;
  for (let k = 1; k <= c.steps; k++) {
    if (binding(e.quotaRow[k])) out.push(limit("quota", "", null, c.years[k], e.quota[k]));
    if (binding(e.energyRow[k])) out.push(limit("energy", "", null, c.years[k], c.energyCap[k]));
  }
  e.headroomRow.forEach((row, i) => {
    if (binding(row)) out.push(limit("headroom", c.names[i], c.names[i], null, e.lp.rows[row].upper));
  });
  return out;
}

function limit(kind: "quota" | "energy" | "headroom", id: string, subject: string | null, year: number | null, required: number): Conflict {
  return { kind, id, subject, year, required, shortfall: null, metric: null, comparison: null, reason: null };
}

/**
 * The shortfall in the constraint's own unit: the slack itself, except per-mu targets with threshold r,
 * whose row is 10⁴·Σ m·Y − r·Σ a ≥ r·L_fixed (L = L_fixed + Σ a): the figure is 10⁴·Σ m·Y / L.
 */
function shortfallOf(e: AllocationLp, soft: SoftConstraint, s: LpSolution): number {
  const slack = s.primal[soft.slack];
  const r = soft.required;
  if (soft.kind !== "target" || !soft.metric?.endsWith("PerMu") || !(r > 0)) return slack;
  const row = e.lp.rows[soft.row];
  const grants = new Set(Array.from(e.grantColumn).filter((j) => j >= 0));
  let activity = 0;
  let granted = 0;
  row.indices.forEach((j, t) => {
    if (j === soft.slack) return;
    activity += row.values[t] * s.primal[j];
    if (grants.has(j)) granted += s.primal[j];
  });
  const bound = soft.comparison === ">=" ? row.lower : row.upper;
  const land = bound / r + granted;
  return land > 0 ? Math.abs(r - (activity + r * granted) / land) : slack;
}
