/**
 * The figure a sensitivity analysis follows (model.md §2.6): a metric's P50 for a subject and year
 * (runs = 0: its deterministic value) or a target's probability (runs = 0: met 1, not met 0); how the
 * command line writes it, its words, and its value in a simulation result.
 */
import type { Bilingual, SimulationResult, YearMetric } from "../results.js";
import { YEAR_METRICS } from "../results.js";
import { REGION_NAME } from "../rollup.js";
import { ScenarioError } from "../scenario.js";
import { METRIC_TERMS, type NumberStyle } from "../vocabulary.js";
import { runMonteCarlo, type MonteCarloOptions } from "../montecarlo.js";
import { finishSimulation, type PreparedSimulation } from "../simulate.js";
import { platformStats, rollupStats } from "../trialStats.js";
import { targetChecks } from "../assemble.js";
import type { Check } from "../targets.js";

/** The figure a sensitivity analysis follows. */
export type Figure =
  { kind: "metric"; metric: YearMetric; subject: string; year: number } | { kind: "target"; id: string; subject?: string };

export const figureIssue = (zh: string, en: string): ScenarioError => new ScenarioError([{ path: "figure", zh, en }]);

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

/**
 * The check a target figure reads in a prepared simulation, when it resolves (one subject, evaluable, with
 * a deterministic outcome); undefined when figureValue would throw (it is then asked for the error).
 */
function figureCheck(prepared: PreparedSimulation, f: Extract<Figure, { kind: "target" }>): Check | undefined {
  const checks = prepared.checks.filter((k) => k.def.id === f.id);
  const check = f.subject === undefined ? (checks.length === 1 ? checks[0] : undefined) : checks.find((k) => k.subject === f.subject);
  if (!check?.evaluable) return undefined;
  const { c, sums, statics } = prepared;
  return targetChecks(c, [check], sums, statics, null)[0].met === null ? undefined : check;
}

/** The unit a metric figure reads, as figureValue finds it: a roll-up of that name (a main platform with its sub-parks) before a platform. */
function figureUnit(prepared: PreparedSimulation, subject: string): { rollup: number } | { platform: number } | undefined {
  const rollup = prepared.units.findIndex((u) => u.kind !== "platform" && u.name === subject);
  if (rollup >= 0) return { rollup };
  const platform = prepared.platforms.findIndex((p) => p.name === subject);
  return platform >= 0 ? { platform } : undefined;
}

/**
 * The figure of a prepared simulation, the same number as figureValue(simulate(…)), faster: the Monte
 * Carlo of that one figure (no target checks but its own, one report step, the year loop stopped at the
 * figure's year; the years drawn, and with them every random draw, stay those of the full run), and the
 * statistics of its one unit. The full deterministic result is built only where it is the answer (runs
 * = 0) or to name what is missing.
 */
export function preparedFigure(prepared: PreparedSimulation, f: Figure, options: Pick<MonteCarloOptions, "shouldCancel"> = {}): number {
  const { setup, c } = prepared;
  const found = f.kind === "target" ? figureCheck(prepared, f) : figureUnit(prepared, f.subject);
  if (!setup || found === undefined) return figureValue(finishSimulation(prepared, null), f);
  if (f.kind === "target") {
    const check = found as Check;
    const trials = runMonteCarlo({ ...setup, checks: [check], reportSteps: [check.step], lastStep: check.step }, options);
    return trials.metAtYear[0] / trials.runs;
  }
  const step = f.year - c.baseYear;
  const trials = runMonteCarlo({ ...setup, checks: [], reportSteps: [step], lastStep: step }, options);
  const stats =
    "rollup" in found
      ? rollupStats(c, trials, trials.rollupUnits.indexOf(found.rollup), 1)[0]
      : platformStats(c, trials, (found as { platform: number }).platform, 1)[0];
  return stats[String(f.year)]?.[f.metric]?.p50 ?? NaN;
}
