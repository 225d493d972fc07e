/**
 * The LpSolver of models/decisions/optimize/ on HiGHS (the `highs` package, WebAssembly). The package is
 * imported on first use (a dynamic import), so nothing else the command line or the pane loads pays for
 * its 3.5 MB of WebAssembly. In Node the package's own loader finds highs.wasm beside itself; a browser
 * bundle passes `locateFile` (see src/engine/README.md "LP solver").
 */
import type { LinearProgram, LpSolution, LpSolver, LpStatus } from "../../../models/decisions/optimize/lp.js";

export interface LpSolverOptions {
  /** Where highs.wasm is served (browser bundles); Node finds it itself. */
  locateFile?: (file: string) => string;
}

type Highs = Awaited<ReturnType<(typeof import("highs"))["default"]>>;

let loading: Promise<Highs> | null = null;

/** Load HiGHS once per thread (later calls share the instance) and return a solver over it. */
export async function loadLpSolver(options: LpSolverOptions = {}): Promise<LpSolver> {
  loading ??= import("highs").then((m) => m.default(options.locateFile ? { locateFile: options.locateFile } : undefined));
  try {
    return highsSolver(await loading);
  } catch (error) {
    loading = null; // a failed load (a missing .wasm) may be retried with other options
    throw error;
  }
}

/** The solver over a loaded HiGHS instance: one HiGHS model per solve, disposed afterwards. */
export function highsSolver(highs: Highs): LpSolver {
  const inf = highs.infinity;
  const bound = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
  const statusOf = (code: number): LpStatus => {
    const s = highs.constants.modelStatus;
    if (code === s.optimal || code === s.empty) return "optimal";
    if (code === s.infeasible) return "infeasible";
    if (code === s.unbounded || code === s.unboundedOrInfeasible) return code === s.unbounded ? "unbounded" : "infeasible";
    return "error";
  };
  return {
    solve(lp: LinearProgram): LpSolution {
      const numCols = lp.columns.length;
      const numRows = lp.rows.length;
      const starts = new Int32Array(numRows + 1);
      let nonzeros = 0;
      lp.rows.forEach((r, k) => {
        nonzeros += r.indices.length;
        starts[k + 1] = nonzeros;
      });
      const indices = new Int32Array(nonzeros);
      const values = new Float64Array(nonzeros);
      lp.rows.forEach((r, k) => {
        indices.set(r.indices, starts[k]);
        values.set(r.values, starts[k]);
      });
      const model = highs.createModel({
        numCols,
        numRows,
        sense: lp.sense === "maximize" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
        colCost: Float64Array.from(lp.columns, (c) => c.cost),
        colLower: Float64Array.from(lp.columns, (c) => bound(c.lower)),
        colUpper: Float64Array.from(lp.columns, (c) => bound(c.upper)),
        rowLower: Float64Array.from(lp.rows, (r) => bound(r.lower)),
        rowUpper: Float64Array.from(lp.rows, (r) => bound(r.upper)),
        matrix: { format: "csr", numRows, numCols, starts, indices, values },
      });
      try {
        // Simplex: a vertex, so the duals are the basis' shadow prices (an interior point's are not unique).
        model.options.set({ output_flag: false, solver: "simplex" });
        model.run();
        const status = statusOf(model.getModelStatus());
        if (status !== "optimal") {
          const empty = new Float64Array(0);
          return { status, message: String(model.getModelStatus()), objective: NaN, primal: empty, rowDuals: empty, columnDuals: empty };
        }
        const solution = model.getSolution();
        return {
          status,
          objective: model.getObjectiveValue(),
          primal: solution.colValue,
          rowDuals: solution.rowDual,
          columnDuals: solution.colDual,
        };
      } finally {
        model.dispose();
      }
    },
  };
}
