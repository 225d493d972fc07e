/**
 * Sensitivity (model.md §2.6): what drives a figure. A figure is a metric's P50 for a subject and year
 * (runs = 0: its deterministic value) or a target's probability (runs = 0: met 1, not met 0). For each
 * scenario assumption with a low and a high value (the scenario's `sensitivity.assumptions`, else the
 * default rule), the figure at low and at high with every other assumption at its base, all with the
 * scenario's seed (common random numbers: a difference comes from the assumption alone); rows ordered by
 * swing |atHigh − atLow| (a tornado). A two-way table evaluates the figure on a grid of two assumptions.
 *
 * Each evaluation is prepareSimulation (compile + deterministic path) and the Monte Carlo of the figure
 * alone (figures.ts preparedFigure: the same number as a full run, a fraction of its time: no other
 * target checks, one report step). One table of assumptions (ASSUMPTIONS); where a decision lever exists (levers.ts) the assumption moves
 * the scenario through it.
 */
import { PRESETS } from "../presets.js";
import type { Platform } from "../platform.js";
import type { Bilingual } from "../results.js";
import { ScenarioError, type ScenarioIssue } from "../scenario.js";
import { resolveScenario } from "../simulate.js";
import { ASSUMPTION_TERMS, formatFigure, type NumberStyle } from "../vocabulary.js";
import { ASSUMPTION_IDS, type AssumptionId } from "./assumptionNames.js";
import { ASSUMPTIONS, assumptionIssue, copy, type AssumptionRule, type Resolved } from "./assumptions.js";
import { measure, type Evaluation, type EvaluationQuestion } from "./evaluations.js";
import { figureIssue, figureLabel, figureText, parseFigure, type Figure } from "./figures.js";

export { ASSUMPTION_IDS, isAssumptionId, type AssumptionId } from "./assumptionNames.js";
export { assumptionBase, ASSUMPTIONS, defaultRange, parseAssumption, RATIO_CHANGE_STEP } from "./assumptions.js";
export { figureLabel, figureStyle, figureText, figureValue, parseFigure, preparedFigure, type Figure } from "./figures.js";

// ——— the analysis ———

export interface TornadoRow {
  assumption: AssumptionId;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
  swing: number;
}

export interface TwoWayTable {
  /** Rows: assumption a at each of aValues; columns: b at each of bValues; values[r][c]. */
  a: AssumptionId;
  b: AssumptionId;
  aValues: number[];
  bValues: number[];
  values: number[][];
}

export interface SensitivityResult {
  figure: string;
  base: number;
  rows: TornadoRow[];
  twoWay?: TwoWayTable;
  /** What the sheet and the command line show beside the JSON fields. */
  label: Bilingual;
  /** The scenario's name. */
  scenario: string;
  runs: number;
  seed: string | number;
  /** Assumptions the scenario has nothing to move for, and why. */
  skipped: { assumption: AssumptionId; reason: Bilingual }[];
}

export interface SensitivityRequest {
  platforms: readonly Platform[];
  /** The scenario document. */
  scenario: unknown;
  baseYear?: number | null;
  figure: Figure | string;
  /** The assumptions of the tornado (default: every one the scenario can move). */
  assumptions?: readonly AssumptionId[];
  /** Two assumptions for a two-way table. */
  twoWay?: readonly [AssumptionId, AssumptionId];
  /** Polled during each Monte Carlo; true stops the analysis with a CancelledError. */
  shouldCancel?: () => boolean;
  /** Evaluations done of the total (each is one simulation). */
  onProgress?: (done: number, total: number) => void;
}

/** The scenario a sensitivity runs: the runs it asks for, the figure's year reported, the figure's target checked. */
function workingScenario(document: unknown, baseYear: number | null | undefined, f: Figure): Resolved {
  const s = copy(resolveScenario(document, baseYear));
  if (s.sensitivity?.runs !== undefined) s.monteCarlo.runs = s.sensitivity.runs;
  if (f.kind === "metric") {
    if (f.year <= s.baseYear)
      throw figureIssue(
        `指标年份 ${f.year} 须晚于基年 ${s.baseYear}`,
        `the figure's year ${f.year} must be after the base year ${s.baseYear}`,
      );
    if (!s.horizon.includes(f.year)) s.horizon = [...s.horizon, f.year].sort((a, b) => a - b);
  } else {
    const list = typeof s.targets === "string" ? [s.targets] : s.targets;
    const ids = new Set(
      list.flatMap((t) => (typeof t !== "string" ? [t.id] : (PRESETS.find((p) => p.id === t)?.targets.map((d) => d.id) ?? [t]))),
    );
    if (!ids.has(f.id)) {
      if (!PRESETS.some((p) => p.targets.some((d) => d.id === f.id))) {
        const known = [...ids].join(", ");
        throw figureIssue(
          `情景中没有目标“${f.id}”，它也不是预设目标（情景的目标：${known || "无"}）`,
          `the scenario has no target "${f.id}" and no preset has it (the scenario's targets: ${known || "none"})`,
        );
      }
      s.targets = [...list, f.id];
    }
  }
  return s;
}

/** Points from low to high; for an odd count the centre is the base exactly (so the grid's centre is the base run). */
export function gridPoints(low: number, base: number, high: number, count: number, integer = false): number[] {
  const points: number[] = [];
  const centre = count % 2 === 1 ? (count - 1) / 2 : -1;
  for (let i = 0; i < count; i++) {
    if (i === centre) points.push(base);
    else if (centre < 0) points.push(low + ((high - low) * i) / (count - 1));
    else if (i < centre) points.push(low + ((base - low) * i) / centre);
    else points.push(base + ((high - base) * (i - centre)) / (count - 1 - centre));
  }
  return integer ? [...new Set(points.map(Math.round))] : points;
}

const short = (id: AssumptionId, x: number) => formatFigure(x, ASSUMPTION_TERMS[id].style);

/** One assumption moved to a value (an evaluation's moves name it in an error). */
export interface Move {
  id: AssumptionId;
  x: number;
}

/**
 * A sensitivity analysis listed before any run: its evaluations in order (the base, each assumption at
 * low then at high, then the two-way grid row by row; a variant already listed is not listed again), and
 * how their values combine into the result.
 * Every evaluation is independent, so they may run in any order on any thread (src/engine).
 */
export interface SensitivityPlan {
  /** What every evaluation shares: the platforms and the base year. */
  question: EvaluationQuestion;
  evaluations: Evaluation[];
  /** The assumptions each evaluation moves (none for the base). */
  moves: Move[][];
  /** The result from each evaluation's value, in the order listed. */
  combine(values: readonly number[]): SensitivityResult;
  /** An evaluation's input error, naming the assumption and the value the model refused. */
  explain(error: unknown, index: number): unknown;
}

/** The evaluations of a sensitivity analysis and how they combine (errors in the request are thrown here, before any run). */
export function planSensitivity(request: SensitivityRequest): SensitivityPlan {
  const f = typeof request.figure === "string" ? parseFigure(request.figure) : request.figure;
  const s = workingScenario(request.scenario, request.baseYear, f);
  const given = s.sensitivity?.assumptions ?? {};
  const wanted = request.assumptions ?? ASSUMPTION_IDS;
  const skipped: SensitivityResult["skipped"] = [];
  const plan: { id: AssumptionId; base: number; low: number; high: number }[] = [];
  const baseOf = (id: AssumptionId) => (ASSUMPTIONS[id] as AssumptionRule).base(s);
  for (const id of wanted) {
    const rule: AssumptionRule = ASSUMPTIONS[id];
    const base = rule.base(s);
    if (base === null) {
      if (request.assumptions !== undefined || given[id] !== undefined)
        throw assumptionIssue(
          `sensitivity.assumptions.${id}`,
          `无法改变 ${id}：${rule.absent?.zh ?? ""}`,
          `cannot move ${id}: ${rule.absent?.en ?? ""}`,
        );
      skipped.push({ assumption: id, reason: rule.absent ?? { zh: "", en: "" } });
      continue;
    }
    plan.push({ id, base, ...(given[id] ?? rule.range(base, s)) });
  }
  const pair = request.twoWay;
  if (pair && pair[0] === pair[1])
    throw assumptionIssue(
      "two-way",
      `双因素表须为两个不同的假设（现为 ${pair[0]} 两次）`,
      `a two-way table needs two different assumptions (got ${pair[0]} twice)`,
    );
  const count = s.sensitivity?.gridPoints ?? 5;
  const axis = (id: AssumptionId) => {
    const rule: AssumptionRule = ASSUMPTIONS[id];
    const base = baseOf(id);
    if (base === null)
      throw assumptionIssue("two-way", `无法改变 ${id}：${rule.absent?.zh ?? ""}`, `cannot move ${id}: ${rule.absent?.en ?? ""}`);
    const { low, high } = given[id] ?? rule.range(base, s);
    return gridPoints(low, base, high, count, rule.integer === true);
  };
  const axes = pair ? { a: axis(pair[0]), b: axis(pair[1]) } : null;

  const moved = (moves: Move[]) => moves.reduce((acc, m) => (ASSUMPTIONS[m.id] as AssumptionRule).apply(acc, m.x, request.platforms), s);
  const moves: Move[][] = [[]];
  for (const p of plan) moves.push([{ id: p.id, x: p.low }], [{ id: p.id, x: p.high }]);
  if (pair && axes)
    for (const xa of axes.a)
      for (const xb of axes.b)
        moves.push([
          { id: pair[0], x: xa },
          { id: pair[1], x: xb },
        ]);
  const measure = { kind: "figure", figure: f } as const;
  // Each distinct variant is evaluated once: a two-way grid's row or column at an assumption's base is
  // the tornado's bar end or the base itself (the same scenario, so the same number: nothing is lost).
  const evaluations: Evaluation[] = [];
  const evaluationMoves: Move[][] = [];
  const known = new Map<string, number>();
  const slot = moves.map((m) => {
    const scenario = m.length === 0 ? s : moved(m);
    const key = JSON.stringify(scenario);
    let at = known.get(key);
    if (at === undefined) {
      at = evaluations.push({ scenario, measure }) - 1;
      evaluationMoves.push(m);
      known.set(key, at);
    }
    return at;
  });

  const combine = (distinct: readonly number[]): SensitivityResult => {
    const values = slot.map((at) => distinct[at]);
    const base = values[0];
    const rows: TornadoRow[] = plan.map((p, k) => {
      const [atLow, atHigh] = [values[1 + 2 * k], values[2 + 2 * k]];
      return { assumption: p.id, low: p.low, high: p.high, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
    });
    // Largest swing first; equal swings keep the table's order (sort is stable); an undefined swing last.
    const key = (r: TornadoRow) => (Number.isNaN(r.swing) ? -1 : r.swing);
    rows.sort((x, y) => key(y) - key(x));
    let twoWay: TwoWayTable | undefined;
    if (pair && axes) {
      const first = 1 + 2 * plan.length;
      const width = axes.b.length;
      const grid = axes.a.map((_, r) => values.slice(first + r * width, first + (r + 1) * width));
      twoWay = { a: pair[0], b: pair[1], aValues: axes.a, bValues: axes.b, values: grid };
    }
    const runs = s.monteCarlo.runs;
    return {
      figure: figureText(f),
      base,
      rows,
      ...(twoWay ? { twoWay } : {}),
      label: figureLabel(f, runs),
      scenario: s.name,
      runs,
      seed: s.monteCarlo.seed,
      skipped,
    };
  };

  const explain = (error: unknown, index: number): unknown => {
    const at = evaluationMoves[index];
    if (!(error instanceof ScenarioError) || at.length === 0 || error.issues.every((i) => i.path === "figure")) return error;
    // A low or high the model refuses (a share above 1 …): name the assumption and its value.
    const where = at.map((a) => `${a.id} = ${a.x}`).join(", ");
    return new ScenarioError(
      error.issues.map((i): ScenarioIssue => ({
        path: `sensitivity.assumptions.${at[0].id}`,
        zh: `${where}：${i.path} ${i.zh}`,
        en: `${where}: ${i.path} ${i.en}`,
      })),
    );
  };
  return { question: { platforms: request.platforms, baseYear: s.baseYear }, evaluations, moves: evaluationMoves, combine, explain };
}

/** The tornado (and the two-way table when asked) of a figure, in this thread; every simulation with the scenario's seed. */
export function sensitivity(request: SensitivityRequest): SensitivityResult {
  const plan = planSensitivity(request);
  const total = plan.evaluations.length;
  const values = plan.evaluations.map((evaluation, k) => {
    let value: number;
    try {
      value = measure(plan.question, evaluation, { shouldCancel: request.shouldCancel });
    } catch (error) {
      throw plan.explain(error, k);
    }
    request.onProgress?.(k + 1, total);
    return value;
  });
  return plan.combine(values);
}

/**
 * What drives the figure most, in a sentence: "对“亩均产出 P50 · 全市 · 2020”影响最大的是“增速均值 μ”：从 3.2% 到 12.2%，
 * 该值从 … 变为 …（波动 …）；其次是 …". All swings 0: the figure does not move with any assumption.
 */
export function driverSentence(r: Pick<SensitivityResult, "rows" | "label">, style: NumberStyle): Bilingual {
  const moving = r.rows.filter((row) => row.swing > 0);
  if (moving.length === 0)
    return { zh: `“${r.label.zh}”不随所列任何假设变化`, en: `${r.label.en} does not move with any of the assumptions listed` };
  const v = (x: number) => formatFigure(x, style);
  const [top, next] = moving;
  const term = ASSUMPTION_TERMS[top.assumption].name;
  const zh =
    `对“${r.label.zh}”影响最大的是“${term.zh}”：从 ${short(top.assumption, top.low)} 到 ${short(top.assumption, top.high)}，` +
    `该值从 ${v(top.atLow)} 变为 ${v(top.atHigh)}（波动 ${v(top.swing)}）` +
    (next ? `；其次是“${ASSUMPTION_TERMS[next.assumption].name.zh}”（波动 ${v(next.swing)}）` : "") +
    "。";
  const en =
    `${r.label.en} moves most with ${term.en}: from ${short(top.assumption, top.low)} to ${short(top.assumption, top.high)} ` +
    `it goes from ${v(top.atLow)} to ${v(top.atHigh)} (swing ${v(top.swing)})` +
    (next ? `; next, ${ASSUMPTION_TERMS[next.assumption].name.en} (swing ${v(next.swing)})` : "") +
    ".";
  return { zh, en };
}
