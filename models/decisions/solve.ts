/**
 * Back-solve (model.md §2.6): the smallest value x of one lever (levers.ts) in [lo, hi] at which a target
 * is met for one subject with probability ≥ p* (default 0.8), and the probability curve at the points
 * evaluated; "not reachable in [lo, hi]" when P(hi) < p*, "already met at lo" when P(lo) ≥ p*.
 *
 * - Search: bisection on the grid x_k = lo + k·tol (k = 0 … K, x_K = hi), so the answer is a grid point:
 *   the smallest one with P ≥ p*, given P rises with x (the curve says whether it did: `monotone`).
 *   Evaluations: the base (the scenario as it is, through the lever at the x that gives it back: the
 *   neutral value, or a ratio's own change), P(lo), P(hi), then ⌈log2 K⌉ midpoints; each x once.
 * - Common random numbers: every evaluation runs the scenario with the lever at x and the scenario's own
 *   seed and runs, so at the neutral value P is exactly the base run's probability, and differences
 *   between points come from the lever alone.
 * - Cheap evaluations: prepareSimulation (compile + deterministic path) then the Monte Carlo of that one
 *   check with one report step recorded; the horizon and the other targets stay as they are, so the years
 *   simulated, and with them every random draw, are those of the full run.
 * - runs = 0: P is 1 when the deterministic path meets the target, else 0: the smallest x that meets it.
 * - Growth on a platform target shifts the subject's own growth: every platform its figure sums (a main
 *   platform with its sub-parks); on a county or region target, every platform's growth.
 */
import type { SimulationResult } from "../results.js";
import { ScenarioError, type Scenario } from "../scenario.js";
import { prepareSimulation, resolveScenario, type PreparedSimulation } from "../simulate.js";
import type { Check } from "../targets.js";
import { measure, type Evaluation } from "./evaluations.js";
import { LEVER_RULES, leverName, withLever, type LeverSpec } from "./levers.js";
import {
  DEFAULT_PROBABILITY,
  SolveInputError,
  type SolvePlan,
  type SolveProblem,
  type SolveResult,
  type SolveStatus,
} from "./solveTypes.js";
import { solveSentence } from "./solveWords.js";

export { DEFAULT_PROBABILITY, SolveInputError } from "./solveTypes.js";
export type { CurvePoint, SolvePlan, SolveProblem, SolveResult, SolveStatus } from "./solveTypes.js";

/** P(met) of the target for the subject read from a full result (an engine's run of scenarioAt(x)); the same number as evaluate(). */
export function resultProbability(result: SimulationResult, target: string, subject: string): number {
  const t = result.targets.find((c) => c.id === target && c.subject === subject);
  if (!t) throw new Error(`target ${target} / ${subject} missing from the result`);
  return result.monteCarlo ? (t.probability ?? 0) : t.met ? 1 : 0;
}

/**
 * The scenario resolved with the target among its targets (a preset's target id the scenario does not
 * list is added, so `--target JX-7` works on any scenario) and prepared; SolveInputError for an unknown id.
 */
function withTarget(problem: SolveProblem): { scenario: Scenario; prepared: PreparedSimulation } {
  const { platforms, target, baseYear } = problem;
  const scenario = resolveScenario(problem.scenario, baseYear);
  const prepared = prepareSimulation(platforms, scenario, { baseYear });
  if (prepared.defs.some((d) => d.id === target)) return { scenario, prepared };
  const listed = typeof scenario.targets === "string" ? [scenario.targets] : scenario.targets;
  const extra = { ...scenario, targets: [...listed, target] };
  try {
    return { scenario: resolveScenario(extra, baseYear), prepared: prepareSimulation(platforms, extra, { baseYear }) };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const ids = prepared.defs.map((d) => d.id);
    throw new SolveInputError(
      "--target",
      `情景及预设中都没有目标“${target}”（情景的目标：${ids.join("、") || "无"}）`,
      `neither the scenario nor a preset has a target "${target}" (the scenario's: ${ids.join(", ") || "none"})`,
    );
  }
}

/** Subjects in result order: platforms as in the sheet, then roll-ups (counties, the region) as the units list them. */
const subjectOrder = (prepared: PreparedSimulation, subject: string): number =>
  prepared.sheetOrder.get(subject) ?? prepared.platforms.length + prepared.units.findIndex((u) => u.name === subject);

/** Validate the problem and set up the search; SolveInputError names the option at fault. */
export function planSolve(problem: SolveProblem, subject: string | undefined = problem.subject): SolvePlan {
  const { platforms, target, lever } = problem;
  const { scenario, prepared } = withTarget(problem);
  const checks = prepared.checks.filter((c) => c.def.id === target);
  const evaluable = checks.filter((c) => c.evaluable).sort((a, b) => subjectOrder(prepared, a.subject) - subjectOrder(prepared, b.subject));
  const names = evaluable.map((c) => c.subject).join("、") || "—";
  const namesEn = evaluable.map((c) => c.subject).join(", ") || "—";
  let check: Check | undefined;
  if (subject === undefined) {
    if (evaluable.length !== 1)
      throw new SolveInputError(
        "--subject",
        `目标 ${target} 有 ${evaluable.length} 个可评估对象，请指定其一（${names}）`,
        `target ${target} has ${evaluable.length} evaluable subjects: name one (${namesEn})`,
      );
    check = evaluable[0];
  } else {
    check = checks.find((c) => c.subject === subject);
    if (!check)
      throw new SolveInputError(
        "--subject",
        `“${subject}”不是目标 ${target} 的对象（可选：${names}）`,
        `"${subject}" is not a subject of target ${target} (choose from: ${namesEn})`,
      );
    if (!check.evaluable)
      throw new SolveInputError(
        "--subject",
        `目标 ${target} 对“${subject}”不可评估：${check.reason?.zh ?? ""}`,
        `target ${target} cannot be evaluated for "${subject}": ${check.reason?.en ?? ""}`,
      );
  }
  const rule = LEVER_RULES[lever.kind];
  const [lo, hi] = problem.range ?? rule.search.range;
  const tolerance = problem.tolerance ?? rule.search.tolerance;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
    throw new SolveInputError(
      "--range",
      `范围须为两个数 LO,HI 且 LO < HI（收到 ${lo},${hi}）`,
      `the range must be two numbers LO,HI with LO < HI (got ${lo},${hi})`,
    );
  if ((lever.kind === "land" || lever.kind === "energy") && lo < 0)
    throw new SolveInputError(
      "--range",
      `${rule.label.zh}倍数不能为负（收到 ${lo}）`,
      `a ${rule.label.en} scale cannot be negative (got ${lo})`,
    );
  if (!(tolerance > 0))
    throw new SolveInputError("--tolerance", `精度须为正数（收到 ${tolerance}）`, `the tolerance must be positive (got ${tolerance})`);
  const goal = problem.probability ?? DEFAULT_PROBABILITY;
  if (!(goal > 0 && goal <= 1))
    throw new SolveInputError("--probability", `概率须在 (0, 1] 内（收到 ${goal}）`, `the probability must be in (0, 1] (got ${goal})`);
  // Growth on a platform target: the subject's own platforms (the members its figure sums).
  const own =
    lever.kind === "growth" && lever.platform === undefined && lever.platforms === undefined && check.level === "platform"
      ? subjectPlatforms(prepared, check)
      : null;
  const spec: LeverSpec = own ? { ...lever, platforms: own } : lever;
  const resolved = scenario;
  // A lever the scenario cannot take (no land quota, no energy cap, an unknown platform) fails now, before any run.
  try {
    withLever(resolved, spec, lo, platforms);
  } catch (error) {
    if (error instanceof ScenarioError)
      throw new SolveInputError("--lever", error.issues.map((i) => i.zh).join("；"), error.issues.map((i) => i.en).join("; "));
    throw error;
  }
  return {
    problem,
    scenario: resolved,
    subject: check.subject,
    check,
    lever: spec,
    range: [lo, hi],
    tolerance,
    goal,
    runs: resolved.monteCarlo.runs,
    scenarioAt: (x) => (x === null ? resolved : withLever(resolved, spec, x, platforms)),
  };
}

/** The platforms a check's figure sums, by name, in sheet order. */
function subjectPlatforms(prepared: PreparedSimulation, check: Check): string[] {
  const units = check.countUnits.length > 0 ? Array.from(check.countUnits) : check.unit >= 0 ? [check.unit] : [];
  const members = new Set<number>();
  for (const u of units) for (const i of prepared.units[u].members) members.add(i);
  for (const i of check.shareMembers) members.add(i);
  const names = Array.from(members, (i) => prepared.platforms[i].name);
  return names.sort((a, b) => (prepared.sheetOrder.get(a) ?? 0) - (prepared.sheetOrder.get(b) ?? 0));
}

/** The evaluation of P(met) with the lever at x (null = the scenario as it is): plain data, for this thread or the engine's. */
export function evaluationAt(plan: SolvePlan, x: number | null): Evaluation {
  return { scenario: plan.scenarioAt(x), measure: { kind: "check", target: plan.check.def.id, subject: plan.subject } };
}

/** P(met) with the lever at x (null = the scenario as it is), in this thread (the restricted Monte Carlo). */
export function evaluate(plan: SolvePlan, x: number | null): number {
  return measure(plan.problem, evaluationAt(plan, x));
}

/** Most evaluations a plan takes (for progress): lo, hi, the neutral value and ⌈log2 K⌉ midpoints. */
export function maxEvaluations(plan: SolvePlan): number {
  return 3 + Math.ceil(Math.log2(Math.max(1, gridSize(plan))));
}

const gridSize = (plan: SolvePlan) => Math.ceil((plan.range[1] - plan.range[0]) / plan.tolerance - 1e-9);

/**
 * The search as a generator: yields each x to evaluate, receives P(x), returns the result. One search
 * for the in-thread solve and for an engine's (asynchronous) runs.
 */
export function* solveSteps(plan: SolvePlan): Generator<number | null, SolveResult, number> {
  const [lo, hi] = plan.range;
  const K = gridSize(plan);
  // Grid points rounded to 12 digits, so −0.05 + 73·0.001 is 0.023, not 0.023000000000000003.
  const at = (k: number) => (k >= K ? hi : Number((lo + k * plan.tolerance).toPrecision(12)));
  const seen = new Map<number, number>();
  function* p(x: number): Generator<number | null, number, number> {
    const known = seen.get(x);
    if (known !== undefined) return known;
    const value: number = yield x;
    seen.set(x, value);
    return value;
  }
  // The base first: the scenario as it is, through the lever where an x gives it back (the CRN check: P there is the base run's).
  const current = LEVER_RULES[plan.lever.kind].current(plan.scenario, plan.lever);
  const base = { x: current, p: current === null ? ((yield null) as number) : yield* p(current) };
  const pLo = yield* p(lo);
  let status: SolveStatus;
  let value: number | null;
  let probability: number;
  if (pLo >= plan.goal) {
    [status, value, probability] = ["alreadyMet", lo, pLo];
  } else {
    const pHi = yield* p(hi);
    if (pHi < plan.goal) [status, value, probability] = ["unreachable", null, pHi];
    else {
      // Invariant: P(at(a)) < goal ≤ P(at(b)).
      let a = 0;
      let b = K;
      let pb = pHi;
      while (b - a > 1) {
        const m = (a + b) >> 1;
        const pm = yield* p(at(m));
        if (pm >= plan.goal) [b, pb] = [m, pm];
        else a = m;
      }
      [status, value, probability] = ["solved", at(b), pb];
    }
  }
  const curve = [...seen].map(([x, q]) => ({ x, p: q })).sort((u, v) => u.x - v.x);
  const result: Omit<SolveResult, "sentence"> = {
    lever: leverName(plan.lever),
    value,
    probability,
    reachable: status !== "unreachable",
    curve,
    target: plan.check.def.id,
    subject: plan.subject,
    year: plan.check.year,
    range: plan.range,
    tolerance: plan.tolerance,
    goal: plan.goal,
    status,
    base,
    platforms:
      plan.lever.kind === "growth"
        ? plan.lever.platforms
          ? [...plan.lever.platforms]
          : plan.lever.platform
            ? [plan.lever.platform]
            : null
        : null,
    runs: plan.runs,
    evaluations: seen.size + (current === null ? 1 : 0),
    monotone: curve.every((q, k) => k === 0 || q.p >= curve[k - 1].p),
  };
  return { ...result, sentence: solveSentence(result, plan) };
}

/** Drive the search with a synchronous P. */
export function runSteps(
  plan: SolvePlan,
  probability: (x: number | null) => number,
  onEvaluation?: (done: number, total: number) => void,
): SolveResult {
  const steps = solveSteps(plan);
  const total = maxEvaluations(plan);
  let done = 0;
  let next = steps.next();
  while (!next.done) {
    const p = probability(next.value);
    onEvaluation?.(++done, total);
    next = steps.next(p);
  }
  return next.value;
}

/** Drive the search with an asynchronous P (an engine's runs of plan.scenarioAt(x)). */
export async function runStepsAsync(
  plan: SolvePlan,
  probability: (x: number | null) => Promise<number>,
  onEvaluation?: (done: number, total: number) => void,
): Promise<SolveResult> {
  const steps = solveSteps(plan);
  const total = maxEvaluations(plan);
  let done = 0;
  let next = steps.next();
  while (!next.done) {
    const p = await probability(next.value);
    onEvaluation?.(++done, total);
    next = steps.next(p);
  }
  return next.value;
}

/** Back-solve one subject in this thread. */
export function solve(problem: SolveProblem): SolveResult {
  const plan = planSolve(problem);
  return runSteps(plan, (x) => evaluate(plan, x));
}

/** The evaluable subjects of the problem's target, in result order (main platforms for the preset platform targets). */
export function targetSubjects(problem: SolveProblem): string[] {
  const { prepared } = withTarget(problem);
  const checks = prepared.checks.filter((c) => c.def.id === problem.target && c.evaluable);
  if (checks.length === 0)
    throw new SolveInputError("--target", `目标 ${problem.target} 没有可评估的对象`, `target ${problem.target} has no evaluable subject`);
  return checks.map((c) => c.subject).sort((a, b) => subjectOrder(prepared, a) - subjectOrder(prepared, b));
}

/** One back-solve per evaluable subject of the target (each on its own growth for a growth lever on a platform target). */
export function solveAll(problem: SolveProblem): SolveResult[] {
  return targetSubjects(problem).map((subject) => solve({ ...problem, subject }));
}
