/**
 * A linear program as plain data, independent of any solver: columns (variables) with bounds and an
 * objective coefficient, rows (constraints) lower ≤ Σ a·x ≤ upper with sparse coefficients, names for
 * messages. An LpSolver (src/engine/lp/ wraps HiGHS) solves it; models/ never imports a solver.
 */

export interface LpColumn {
  name: string;
  lower: number;
  /** Infinity = no upper bound. */
  upper: number;
  cost: number;
}

export interface LpRow {
  name: string;
  /** -Infinity = no lower bound. */
  lower: number;
  /** Infinity = no upper bound. */
  upper: number;
  /** Column indices and their coefficients, same length; a column appears at most once. */
  indices: number[];
  values: number[];
}

export interface LinearProgram {
  sense: "maximize" | "minimize";
  columns: LpColumn[];
  rows: LpRow[];
}

export type LpStatus = "optimal" | "infeasible" | "unbounded" | "error";

/**
 * A solve's outcome. Duals follow the objective's sense: a row's dual is d(objective)/d(bound of the
 * active side), so for a maximisation a binding "≤ upper" row has a dual ≥ 0, the objective gained per
 * unit more of its bound; a column's dual is its reduced cost, the same for its active bound.
 */
export interface LpSolution {
  status: LpStatus;
  /** The solver's own words when the status is not optimal. */
  message?: string;
  objective: number;
  primal: Float64Array;
  rowDuals: Float64Array;
  columnDuals: Float64Array;
}

export interface LpSolver {
  solve(lp: LinearProgram): LpSolution;
}

/** Rows, columns and non-zero coefficients: the LP's size, for the benchmark and the run log. */
export function lpSize(lp: LinearProgram): { rows: number; columns: number; nonzeros: number } {
  let nonzeros = 0;
  for (const r of lp.rows) nonzeros += r.indices.length;
  return { rows: lp.rows.length, columns: lp.columns.length, nonzeros };
}

/** Appends columns and rows; returns their indices. */
export class LpBuilder {
  readonly columns: LpColumn[] = [];
  readonly rows: LpRow[] = [];

  column(name: string, cost: number, lower = 0, upper = Infinity): number {
    this.columns.push({ name, cost, lower, upper });
    return this.columns.length - 1;
  }

  /** Coefficients given as [column, value] pairs; repeated columns are summed, zeros dropped. */
  row(name: string, lower: number, upper: number, terms: Iterable<readonly [number, number]>): number {
    const sums = new Map<number, number>();
    for (const [j, a] of terms) sums.set(j, (sums.get(j) ?? 0) + a);
    const indices: number[] = [];
    const values: number[] = [];
    for (const [j, a] of sums)
      if (a !== 0) {
        indices.push(j);
        values.push(a);
      }
    this.rows.push({ name, lower, upper, indices, values });
    return this.rows.length - 1;
  }

  build(sense: LinearProgram["sense"]): LinearProgram {
    return { sense, columns: this.columns, rows: this.rows };
  }
}
