/**
 * The 决策 tools' results as the pane shows them, in the pane's language: pure functions of the worker's
 * summaries (decisionProtocol.ts), unit-tested without a browser. Sentences come from the model (explain.ts,
 * solveWords.ts, sensitivity.ts driverSentence); here only their choice, order and the numbers' form,
 * and the two-way table's colours (models/direction.ts, the rule the comparison colours by).
 */
import { improvement, resolutionOf } from "../../../models/direction.js";
import { figure } from "../../../models/decisions/optimize/explain.js";
import { parseFigure } from "../../../models/decisions/figures.js";
import { SOLVE_STATUS_LABELS } from "../../../models/decisions/solveWords.js";
import { ASSUMPTION_TERMS, formatFigure, METRIC_TERMS, type Direction, type Improvement } from "../../../models/vocabulary.js";
import { pick, type Lang } from "../../i18n/index.js";
import type { SolveResult } from "../../../models/decisions/solveTypes.js";
import type { OptimizeSummary, SensitivitySummary } from "../../worker/decisionProtocol.js";

export interface OptimizeView {
  sentence: string;
  /** Objective, baseline and gain, 亿元 to 4 significant digits; null values when infeasible. */
  value: string | null;
  baseline: string;
  gain: string | null;
  shadow: string[];
  conflicts: string[];
  /** "A: 300 (2021 300)" compactly: the platform, its total 亩, each year's. */
  grants: { platform: string; total: string; years: string }[];
}

export function optimizeView(s: OptimizeSummary, lang: Lang): OptimizeView {
  const { value, baseline } = s.objective;
  const gain = value === null ? null : value - baseline;
  return {
    sentence: pick(lang, s.sentence),
    value: value === null ? null : figure(value),
    baseline: figure(baseline),
    gain: gain === null ? null : `${gain >= 0 ? "+" : "−"}${figure(Math.abs(gain))}`,
    shadow: s.shadow.map((b) => pick(lang, b)),
    conflicts: s.conflicts.map((b) => pick(lang, b)),
    grants: s.grants.map((g) => ({
      platform: g.platform,
      total: figure(Math.round(g.total * 10) / 10),
      years: Object.entries(g.years)
        .map(([year, mu]) => `${year} ${figure(Math.round(mu * 10) / 10)}`)
        .join(" · "),
    })),
  };
}

export interface SolveView {
  sentence: string;
  status: string;
  /** The lever's value in its own terms ("+2.8 pp" / "1.85×") and P, per point evaluated, by x. */
  curve: { x: string; p: string; meets: boolean }[];
}

/** x of a growth or ratio lever in percentage points; of a land or energy scale as a multiple. */
export function leverValue(lever: string, x: number): string {
  if (lever === "growth" || lever.startsWith("ratio:")) {
    const points = Number((x * 100).toFixed(lever === "growth" ? 1 : 2));
    return `${points > 0 ? "+" : points < 0 ? "−" : ""}${Math.abs(points)} pp`;
  }
  return `${Number(x.toFixed(3))}×`;
}

/** One back-solve: its sentence, status and curve. */
export function solveView(r: SolveResult, lang: Lang): SolveView {
  return {
    sentence: pick(lang, r.sentence),
    status: pick(lang, SOLVE_STATUS_LABELS[r.status]),
    curve: r.curve.map((q) => ({ x: leverValue(r.lever, q.x), p: formatFigure(q.p, "pct"), meets: q.p >= r.goal })),
  };
}

/** One row of the every-subject table: the subject, the value needed (or the status when none), P there. */
export interface SolveRow {
  subject: string;
  value: string;
  p: string;
  reachable: boolean;
}

export function solveRows(results: readonly SolveResult[], lang: Lang): SolveRow[] {
  return results.map((r) => ({
    subject: r.subject,
    value: r.value === null ? pick(lang, SOLVE_STATUS_LABELS[r.status]) : leverValue(r.lever, r.value),
    p: formatFigure(r.probability, "pct"),
    reachable: r.reachable,
  }));
}

export interface TornadoBar {
  label: string;
  /** The assumption's low → high, in its own form. */
  range: string;
  atLow: string;
  atHigh: string;
  swing: string;
  /** Bar from the lower of the two values to the higher, as percentages of the rows' span (for a CSS bar). */
  left: number;
  width: number;
}

export interface SensitivityView {
  sentence: string;
  label: string;
  base: string;
  /** Sorted by swing, largest first (the model's order). */
  rows: TornadoBar[];
}

export function sensitivityView(s: SensitivitySummary, lang: Lang): SensitivityView {
  const { result, style } = s;
  const values = result.rows.flatMap((r) => [r.atLow, r.atHigh]).concat(result.base);
  const lo = Math.min(...values);
  const span = Math.max(...values) - lo;
  const at = (x: number) => (span > 0 ? ((x - lo) / span) * 100 : 50);
  return {
    sentence: pick(lang, s.sentence),
    label: pick(lang, result.label),
    base: formatFigure(result.base, style),
    rows: result.rows.map((r) => {
      const term = ASSUMPTION_TERMS[r.assumption];
      const a = at(Math.min(r.atLow, r.atHigh));
      return {
        label: pick(lang, term.name),
        range: `${formatFigure(r.low, term.style)} → ${formatFigure(r.high, term.style)}`,
        atLow: formatFigure(r.atLow, style),
        atHigh: formatFigure(r.atHigh, style),
        swing: formatFigure(r.swing, style),
        left: a,
        width: at(Math.max(r.atLow, r.atHigh)) - a,
      };
    }),
  };
}

/** One cell of the two-way table: the figure, and how it compares with the base by the figure's direction. */
export interface TwoWayCell {
  text: string;
  value: number;
  /** The cell − the base (every assumption at its value in the scenario), judged as the comparison judges a difference. */
  improvement: Improvement;
}

export interface TwoWayView {
  /** The rows' assumption (a) and the columns' (b), in words with their unit. */
  rowsLabel: string;
  columnsLabel: string;
  /** b's values, in its own form (the column heads). */
  columns: string[];
  /** Per value of a (its form, the row head): the figure at each of b's values. */
  rows: { head: string; cells: TwoWayCell[] }[];
}

/** Which way the figure improves: a target's probability higher; a metric by its own direction (vocabulary.ts). */
export function figureDirection(figureText: string): Direction {
  const f = parseFigure(figureText);
  return f.kind === "target" ? "higher" : METRIC_TERMS[f.metric].better;
}

/**
 * The two-way table (the model's grid, as the 敏感性 sheet writes it: rows a, columns b), each cell coloured
 * by its difference from the base at the figure's shown precision (models/direction.ts); null without one.
 */
export function twoWayView(s: SensitivitySummary, lang: Lang): TwoWayView | null {
  const { result, style } = s;
  const t = result.twoWay;
  if (!t) return null;
  const [ta, tb] = [ASSUMPTION_TERMS[t.a], ASSUMPTION_TERMS[t.b]];
  const better = figureDirection(result.figure);
  const named = (term: typeof ta) => (lang === "zh" ? `${term.name.zh}（${term.unit.zh}）` : `${term.name.en} (${term.unit.en})`);
  return {
    rowsLabel: named(ta),
    columnsLabel: named(tb),
    columns: t.bValues.map((x) => formatFigure(x, tb.style)),
    rows: t.aValues.map((x, r) => ({
      head: formatFigure(x, ta.style),
      cells: t.values[r].map((value) => ({
        text: formatFigure(value, style),
        value,
        improvement: improvement(better, value - result.base, resolutionOf(style)),
      })),
    })),
  };
}
