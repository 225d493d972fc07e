/**
 * Sensitivity (model.md §2.6): what drives a figure. A figure is a metric's P50 for a subject and year
 * (runs = 0: its deterministic value) or a target's probability (runs = 0: met 1, not met 0). For each
 * scenario assumption with a low and a high value (the scenario's `sensitivity.assumptions`, else the
 * default rule), the figure at low and at high with every other assumption at its base, all with the
 * scenario's seed (common random numbers: a difference comes from the assumption alone); rows ordered by
 * swing |atHigh − atLow| (a tornado). A two-way table evaluates the figure on a grid of two assumptions.
 *
 * Pure: the simulations go through a `Simulator` (simulate() here, an Engine's threads in the pipeline).
 * One table of assumptions (ASSUMPTIONS); where a decision lever exists (levers.ts) the assumption moves
 * the scenario through it.
 */
import { PRESETS } from "../presets.js";
import type { Platform } from "../platform.js";
import { YEAR_METRICS, type Bilingual, type SimulationResult, type YearMetric } from "../results.js";
import { REGION_NAME } from "../rollup.js";
import { ScenarioError, type Scenario, type ScenarioIssue } from "../scenario.js";
import { resolveScenario, simulate, type SimulateOptions } from "../simulate.js";
import { ASSUMPTION_TERMS, formatFigure, METRIC_TERMS, type NumberStyle } from "../vocabulary.js";
import { RATIO_LEVERS, type RatioLever } from "../levers/ratioNames.js";
import { ASSUMPTION_IDS, isAssumptionId, ratioAssumption, type AssumptionId, type RatioAssumption } from "./assumptionNames.js";
import { withLever } from "./levers.js";

export { ASSUMPTION_IDS, isAssumptionId, type AssumptionId } from "./assumptionNames.js";

/** The figure a sensitivity analysis follows. */
export type Figure =
  { kind: "metric"; metric: YearMetric; subject: string; year: number } | { kind: "target"; id: string; subject?: string };

/** Runs one simulation: simulate() in this thread, or an Engine's (src/engine) on its threads. */
export type Simulator = (
  platforms: readonly Platform[],
  scenario: Scenario,
  options: Pick<SimulateOptions, "baseYear">,
) => SimulationResult | Promise<SimulationResult>;

const inThread: Simulator = (platforms, scenario, options) => simulate(platforms, scenario, options);

type Resolved = ReturnType<typeof resolveScenario>;

interface AssumptionRule {
  /** The value in the scenario; null when there is nothing to move (no land quota, no energy cap, a ratio set by path or expr). */
  base(s: Resolved): number | null;
  /** The default low and high around the base (model.md §2.6: ±20% of the value; growth mean ± one sd). */
  range(base: number, s: Resolved): { low: number; high: number };
  /** The scenario with the assumption at x; at x = base the scenario's numbers are unchanged. */
  apply(s: Resolved, x: number, platforms: readonly Platform[]): Resolved;
  /** Values are whole numbers (years): the grid rounds and drops repeats. */
  integer?: true;
  /** Why base() is null, for the note that says the assumption was left out. */
  absent?: Bilingual;
}

const copy = (s: Resolved): Resolved => JSON.parse(JSON.stringify(s)) as Resolved;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** ±20% of the value, kept inside [lo, hi]. */
const percent20 =
  (lo = -Infinity, hi = Infinity) =>
  (base: number) => ({ low: clamp(base * 0.8, lo, hi), high: clamp(base * 1.2, lo, hi) });

/** Set one scalar field of the scenario (the path as in the id). */
function field(get: (s: Resolved) => number, set: (s: Resolved, x: number) => void, lo: number, hi: number): AssumptionRule {
  return {
    base: get,
    range: percent20(lo, hi),
    apply(s, x) {
      const out = copy(s);
      set(out, x);
      return out;
    },
  };
}

/** The standard deviation of the region's 低/中/高 guess (triangular, or PERT with shape λ, default 4). */
function guessSd(g: Resolved["growth"]): number {
  const a = g.low ?? g.mean;
  const m = g.mode ?? g.mean;
  const b = g.high ?? g.mean;
  if (g.distribution === "triangular") return Math.sqrt(Math.max(0, (a * a + m * m + b * b - a * m - a * b - m * b) / 18));
  const lambda = g.shape ?? 4;
  const mu = (a + lambda * m + b) / (lambda + 2);
  return Math.sqrt(Math.max(0, ((mu - a) * (b - mu)) / (lambda + 3)));
}

/** The value the growth lever shifts: the region's mean (normal) or mode (a 低/中/高 guess). */
const growthCentre = (s: Resolved) => (s.growth.distribution === "normal" ? s.growth.mean : (s.growth.mode ?? s.growth.mean));

/** Default half-range of a ratio's annual change when the scenario does not move it (0 ± this, ratio units a year). */
export const RATIO_CHANGE_STEP = {
  valueAdded: 0.002,
  tax: 0.001,
  rd: 0.001,
  highTech: 0.005,
  strategic: 0.005,
} as const satisfies Record<RatioLever, number>;

function ratioRule(r: RatioLever): AssumptionRule {
  return {
    base(s) {
      const rule = s.ratios[r];
      if (rule === undefined) return 0;
      if (rule.path !== undefined || rule.expr !== undefined) return null;
      return rule.change ?? 0;
    },
    range: (base) => (base === 0 ? { low: -RATIO_CHANGE_STEP[r], high: RATIO_CHANGE_STEP[r] } : percent20(-1, 1)(base)),
    apply: (s, x, platforms) => withLever(s, { kind: "ratio", ratio: r }, x, platforms) as Resolved,
    absent: { zh: "情景以 path 或 expr 给出全市比率路径", en: "the scenario gives the region's ratio as a path or expr" },
  };
}

const ratioRules = Object.fromEntries(RATIO_LEVERS.map((r) => [ratioAssumption(r), ratioRule(r)])) as Record<
  RatioAssumption,
  AssumptionRule
>;

/** Every assumption a tornado can move, one rule each. */
export const ASSUMPTIONS = {
  "growth.mean": {
    base: growthCentre,
    range(base, s) {
      const sd = s.growth.distribution === "normal" ? s.growth.sd : guessSd(s.growth);
      return { low: base - sd, high: base + sd };
    },
    // The growth lever: every mean (or 低/中/高) of the region, its levels and platforms shifts by x − base.
    apply: (s, x, platforms) => withLever(s, { kind: "growth" }, x - growthCentre(s), platforms) as Resolved,
  },
  "growth.sd": {
    base: (s) => s.growth.sd,
    range: percent20(0, 5),
    apply(s, x) {
      // Every sd scales with the region's (a level's or platform's own sd keeps its ratio to it).
      const out = copy(s);
      const from = s.growth.sd;
      const scale = (sd: number) => (from > 0 ? (sd * x) / from : x);
      out.growth.sd = x;
      for (const e of [...Object.values(out.growth.byLevel), ...Object.values(out.growth.byPlatform)])
        if (e?.sd !== undefined) e.sd = scale(e.sd);
      return out;
    },
  },
  "growth.correlation": field(
    (s) => s.growth.correlation,
    (s, x) => (s.growth.correlation = x),
    0,
    1,
  ),
  "energy.intensityDecline": field(
    (s) => s.energy.intensityDecline,
    (s, x) => (s.energy.intensityDecline = x),
    -0.5,
    0.5,
  ),
  "land.quota": {
    base: (s) => (s.land.quota === undefined ? null : 1),
    range: percent20(0),
    apply: (s, x, platforms) => withLever(s, { kind: "land" }, x, platforms) as Resolved,
    absent: { zh: "情景没有新增用地指标", en: "the scenario has no land quota" },
  },
  "energy.cap": {
    base: (s) => (s.energy.cap === undefined ? null : 1),
    range: percent20(0),
    apply: (s, x, platforms) => withLever(s, { kind: "energy" }, x, platforms) as Resolved,
    absent: { zh: "情景没有能耗总量上限", en: "the scenario has no energy cap" },
  },
  "exits.relocationShare": field(
    (s) => s.exits.relocationShare,
    (s, x) => (s.exits.relocationShare = x),
    0,
    1,
  ),
  "land.lagYears": {
    ...field(
      (s) => s.land.lagYears,
      (s, x) => (s.land.lagYears = x),
      0,
      10,
    ),
    range: (base) => ({ low: Math.max(0, base - 1), high: Math.min(10, base + 1) }),
    integer: true,
  },
  ...ratioRules,
} satisfies Record<AssumptionId, AssumptionRule>;

// ——— figures ———

const figureIssue = (zh: string, en: string): ScenarioError => new ScenarioError([{ path: "figure", zh, en }]);

const FIGURE_FORMS = "target:ID[:SUBJECT] | metric:METRIC:SUBJECT:YEAR";

/** "metric:outputPerMu:全市:2020" or "target:JX-01[:SUBJECT]" → a figure; ScenarioError (path "figure") naming the forms and choices. */
export function parseFigure(text: string): Figure {
  const parts = text.split(":");
  if (parts[0] === "metric") {
    const metric = parts[1] ?? "";
    if (!(YEAR_METRICS as readonly string[]).includes(metric)) {
      const choices = YEAR_METRICS.join(", ");
      throw figureIssue(`无法识别指标“${metric}”，可用：${choices}`, `unknown metric "${metric}"; use one of ${choices}`);
    }
    const year = parts[parts.length - 1];
    const subject = parts.slice(2, -1).join(":");
    if (parts.length < 4 || !/^\d{4}$/.test(year) || subject === "")
      throw figureIssue(
        `“${text}”应写作 metric:指标:对象:年份（如 metric:outputPerMu:${REGION_NAME}:2020）`,
        `"${text}" must read metric:METRIC:SUBJECT:YEAR (e.g. metric:outputPerMu:${REGION_NAME}:2020)`,
      );
    return { kind: "metric", metric: metric as YearMetric, subject, year: Number(year) };
  }
  if (parts[0] === "target" && (parts[1] ?? "") !== "") {
    const subject = parts.slice(2).join(":");
    return subject === "" ? { kind: "target", id: parts[1] } : { kind: "target", id: parts[1], subject };
  }
  throw figureIssue(`无法识别指标“${text}”，可用形式：${FIGURE_FORMS}`, `unknown figure "${text}"; use ${FIGURE_FORMS}`);
}

/** The figure as the command line writes it (parseFigure's inverse). */
export function figureText(f: Figure): string {
  return f.kind === "metric"
    ? `metric:${f.metric}:${f.subject}:${f.year}`
    : `target:${f.id}${f.subject !== undefined ? `:${f.subject}` : ""}`;
}

/** The figure in words: "亩均产出 P50 · 全市 · 2020" / "达标概率 · JX-01 · 全市". */
export function figureLabel(f: Figure, runs: number): Bilingual {
  if (f.kind === "metric") {
    const name = METRIC_TERMS[f.metric].name;
    const q = runs > 0 ? " P50" : "";
    return { zh: `${name.zh}${q} · ${f.subject} · ${f.year}`, en: `${name.en}${q} · ${f.subject} · ${f.year}` };
  }
  const [zh, en] = runs > 0 ? ["达标概率", "probability met"] : ["是否达标（1 = 达标）", "met (1 = yes)"];
  const subject = f.subject !== undefined ? ` · ${f.subject}` : "";
  return { zh: `${zh} · ${f.id}${subject}`, en: `${en} · ${f.id}${subject}` };
}

/** How the figure's values are shown (a probability as a percentage, a metric in its own style). */
export const figureStyle = (f: Figure): NumberStyle => (f.kind === "target" ? "pct" : METRIC_TERMS[f.metric].style);

/** The figure in a result; ScenarioError (path "figure") naming the subjects or targets there are when it is missing. */
export function figureValue(result: SimulationResult, f: Figure): number {
  const mc = result.monteCarlo !== null;
  if (f.kind === "metric") {
    const unit = result.rollups.find((u) => u.name === f.subject) ?? result.platforms.find((p) => p.name === f.subject);
    if (!unit) {
      const names = [...new Set([...result.rollups.map((u) => u.name), ...result.platforms.map((p) => p.name)])];
      const shown = names.slice(0, 30).join("、") + (names.length > 30 ? " …" : "");
      throw figureIssue(
        `没有名为“${f.subject}”的平台或汇总单元（可用：${shown}）`,
        `no platform or roll-up named "${f.subject}" (there are: ${shown})`,
      );
    }
    const value = mc ? unit.stats?.[String(f.year)]?.[f.metric]?.p50 : unit.years.find((y) => y.year === f.year)?.[f.metric];
    if (value === undefined)
      throw figureIssue(`${f.subject} 在 ${f.year} 年没有 ${f.metric} 的数值`, `${f.subject} has no ${f.metric} figure in ${f.year}`);
    return value;
  }
  const checks = result.targets.filter((t) => t.id === f.id);
  const subjects = checks.map((t) => t.subject);
  const check = f.subject === undefined ? (checks.length === 1 ? checks[0] : undefined) : checks.find((t) => t.subject === f.subject);
  if (!check) {
    if (checks.length === 0) {
      const ids = [...new Set(result.targets.map((t) => t.id))].join(", ");
      throw figureIssue(`情景中没有目标“${f.id}”（有：${ids || "无"}）`, `the scenario has no target "${f.id}" (it has: ${ids || "none"})`);
    }
    const list = subjects.join("、");
    throw f.subject === undefined
      ? figureIssue(
          `目标 ${f.id} 有多个对象，请写 target:${f.id}:对象（可用：${list}）`,
          `target ${f.id} has several subjects; write target:${f.id}:SUBJECT (one of ${list})`,
        )
      : figureIssue(
          `目标 ${f.id} 没有对象“${f.subject}”（可用：${list}）`,
          `target ${f.id} has no subject "${f.subject}" (one of ${list})`,
        );
  }
  if (!check.evaluable || check.met === null)
    throw figureIssue(`目标 ${f.id}（${check.subject}）不可评估`, `target ${f.id} (${check.subject}) cannot be evaluated`);
  return mc ? (check.probability ?? NaN) : check.met ? 1 : 0;
}

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
  simulate?: Simulator;
  /** Evaluations done of the total (each is one simulation). */
  onProgress?: (done: number, total: number) => void;
}

const assumptionIssue = (path: string, zh: string, en: string): ScenarioError => new ScenarioError([{ path, zh, en }]);

/** "growth.mean" → the id; ScenarioError naming the option and the choices otherwise. */
export function parseAssumption(text: string, path = "assumption"): AssumptionId {
  if (isAssumptionId(text)) return text;
  const choices = ASSUMPTION_IDS.join(", ");
  throw assumptionIssue(path, `无法识别假设“${text}”，可用：${choices}`, `unknown assumption "${text}"; use one of ${choices}`);
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

/** The tornado (and the two-way table when asked) of a figure; every simulation with the scenario's seed. */
export async function sensitivity(request: SensitivityRequest): Promise<SensitivityResult> {
  const f = typeof request.figure === "string" ? parseFigure(request.figure) : request.figure;
  const s = workingScenario(request.scenario, request.baseYear, f);
  const run = request.simulate ?? inThread;
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

  const total = 1 + 2 * plan.length + (axes ? axes.a.length * axes.b.length : 0);
  let done = 0;
  const evaluate = async (scenario: Resolved, at: { id: AssumptionId; x: number }[]): Promise<number> => {
    let value: number;
    try {
      value = figureValue(await run(request.platforms, scenario, { baseYear: s.baseYear }), f);
    } catch (error) {
      if (!(error instanceof ScenarioError) || at.length === 0 || error.issues.every((i) => i.path === "figure")) throw error;
      // A low or high the model refuses (a share above 1 …): name the assumption and its value.
      const where = at.map((a) => `${a.id} = ${a.x}`).join(", ");
      throw new ScenarioError(
        error.issues.map((i): ScenarioIssue => ({
          path: `sensitivity.assumptions.${at[0].id}`,
          zh: `${where}：${i.path} ${i.zh}`,
          en: `${where}: ${i.path} ${i.en}`,
        })),
      );
    }
    request.onProgress?.(++done, total);
    return value;
  };
  const moved = (moves: { id: AssumptionId; x: number }[]) =>
    moves.reduce((acc, m) => (ASSUMPTIONS[m.id] as AssumptionRule).apply(acc, m.x, request.platforms), s);

  const base = await evaluate(s, []);
  const rows: TornadoRow[] = [];
  for (const p of plan) {
    const atLow = await evaluate(moved([{ id: p.id, x: p.low }]), [{ id: p.id, x: p.low }]);
    const atHigh = await evaluate(moved([{ id: p.id, x: p.high }]), [{ id: p.id, x: p.high }]);
    rows.push({ assumption: p.id, low: p.low, high: p.high, atLow, atHigh, swing: Math.abs(atHigh - atLow) });
  }
  // Largest swing first; equal swings keep the table's order (sort is stable); an undefined swing last.
  const key = (r: TornadoRow) => (Number.isNaN(r.swing) ? -1 : r.swing);
  rows.sort((x, y) => key(y) - key(x));

  let twoWay: TwoWayTable | undefined;
  if (pair && axes) {
    const values: number[][] = [];
    for (const xa of axes.a) {
      const line: number[] = [];
      for (const xb of axes.b) {
        const moves = [
          { id: pair[0], x: xa },
          { id: pair[1], x: xb },
        ];
        line.push(await evaluate(moved(moves), moves));
      }
      values.push(line);
    }
    twoWay = { a: pair[0], b: pair[1], aValues: axes.a, bValues: axes.b, values };
  }
  const runs = s.monteCarlo.runs;
  return {
    figure: figureText(f),
    base,
    rows,
    ...(twoWay ? { twoWay } : {}),
    label: figureLabel(f, runs),
    runs,
    seed: s.monteCarlo.seed,
    skipped,
  };
}

/**
 * What drives the figure most, in a sentence: "对 亩均产出 P50 · 全市 · 2020 影响最大的是增速均值 μ：从 6.2% 到 12.2%，
 * 该值从 … 变为 …（波动 …）；其次是 …". All swings 0: the figure does not move with any assumption.
 */
export function driverSentence(r: Pick<SensitivityResult, "rows" | "label">, style: NumberStyle): Bilingual {
  const moving = r.rows.filter((row) => row.swing > 0);
  if (moving.length === 0)
    return { zh: `${r.label.zh}不随所列任何假设变化`, en: `${r.label.en} does not move with any of the assumptions listed` };
  const v = (x: number) => formatFigure(x, style);
  const [top, next] = moving;
  const term = ASSUMPTION_TERMS[top.assumption].name;
  const zh =
    `对${r.label.zh}影响最大的是${term.zh}：从 ${short(top.assumption, top.low)} 到 ${short(top.assumption, top.high)}，` +
    `该值从 ${v(top.atLow)} 变为 ${v(top.atHigh)}（波动 ${v(top.swing)}）` +
    (next ? `；其次是${ASSUMPTION_TERMS[next.assumption].name.zh}（波动 ${v(next.swing)}）` : "") +
    "。";
  const en =
    `${r.label.en} moves most with ${term.en}: from ${short(top.assumption, top.low)} to ${short(top.assumption, top.high)} ` +
    `it goes from ${v(top.atLow)} to ${v(top.atHigh)} (swing ${v(top.swing)})` +
    (next ? `; next, ${ASSUMPTION_TERMS[next.assumption].name.en} (swing ${v(next.swing)})` : "") +
    ".";
  return { zh, en };
}
