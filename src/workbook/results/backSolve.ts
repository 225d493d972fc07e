/**
 * 反推 (back-solve, `parkplan solve`): the answer in a sentence per subject, the table of what each subject
 * needs (with several subjects: "each main platform: growth needed for P ≥ 80%"), then each subject's
 * probability curve at the points evaluated, with a native line chart over it (the Office adapter draws it;
 * the .xlsx adapter keeps the block). Pure: SolveResults in, a SheetSpec out.
 */
import { LEVER_RULES, parseLever, type LeverKind } from "../../../models/decisions/levers.js";
import type { SolveResult } from "../../../models/decisions/solve.js";
import { SOLVE_STATUS_LABELS } from "../../../models/decisions/solveWords.js";
import type { CellFormat, ChartSpec, SheetSpec } from "../sheetSpec.js";
import { num, SheetBuilder, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export const BACK_SOLVE_TABLE = "PP_BackSolve";
/** More curve charts than this would bury the sheet; the note says which were drawn. */
export const MAX_CURVE_CHARTS = 12;
export const curveChartName = (k: number): string => `PP_Chart_Curve_${k + 1}`;

const CHART = { width: 520, height: 280 };
const CHART_ROWS = Math.ceil(CHART.height / 20) + 1;
const CHART_COL = 4;

/** How x is shown: growth and a ratio's change as percentage points of a fraction, scales to 3 decimals. */
const X_FORMAT: Record<LeverKind, CellFormat | undefined> = {
  growth: "pct",
  land: "ratio3",
  energy: "ratio3",
  ratio: undefined,
};

export interface BackSolveContext {
  scenarioName: string;
  seed: string | number;
}

function leverHeader(result: SolveResult, w: Words): string {
  const rule = LEVER_RULES[parseLever(result.lever).kind];
  const [zh, en] = [`${rule.label.zh}：${rule.unit.zh}`, `${rule.label.en}: ${rule.unit.en}`];
  return w.lang === "both" ? `${zh} / ${en}` : w(zh, en);
}

function curveBlock(
  b: SheetBuilder,
  r: SolveResult,
  k: number,
  xFormat: CellFormat | undefined,
  chart: boolean,
  w: Words,
): ChartSpec | null {
  const heading =
    w.lang === "both"
      ? `${r.subject}：达标概率曲线 / probability curve (${r.target}, ${r.year})`
      : w(`${r.subject}：达标概率曲线（${r.target}，${r.year}）`, `${r.subject}: probability curve (${r.target}, ${r.year})`);
  const start = b.row([text(heading, "title")]);
  const heads = [
    leverHeader(r, w),
    r.runs > 0 ? w("达标概率", "P(met)") : w("达标（确定性路径，1 = 达标）", "met (deterministic, 1 = met)"),
    w("目标概率 p*", "goal p*"),
  ];
  const head = b.row(heads.map((h) => text(h, "header")));
  for (const q of r.curve) b.row([num(q.x, xFormat), num(q.p, "pct"), num(r.goal, "pct")]);
  if (!chart) return null;
  while (b.size < start + CHART_ROWS) b.blank();
  return {
    name: curveChartName(k),
    title: `${r.subject} ${r.target} ${w("达标概率", "P(met)")}`,
    type: "line",
    range: { top: head, left: 0, bottom: head + r.curve.length, right: 2 },
    series: [{ type: "line" }, { type: "line" }],
    xAxisTitle: w.of(LEVER_RULES[parseLever(r.lever).kind].label),
    yAxisTitle: w("概率", "probability"),
    position: { row: start, col: CHART_COL, ...CHART },
  };
}

/** The 反推 sheet for one back-solve or one per subject (results in subject order). */
export function buildBackSolveSheet(results: readonly SolveResult[], ctx: BackSolveContext, w: Words = words()): SheetSpec {
  const first = results[0];
  const kind = parseLever(first.lever).kind;
  const xFormat = X_FORMAT[kind];
  const b = new SheetBuilder();
  // A bilingual sheet keeps its Chinese title ("反推 · <情景> · JX-1").
  const title = `${w.lang === "en" ? "Back-solve" : "反推"} · ${ctx.scenarioName} · ${first.target}`;
  b.title(title, 6);
  const mc =
    first.runs > 0
      ? w(`${first.runs} 次模拟，种子 ${ctx.seed}`, `${first.runs} runs, seed ${ctx.seed}`)
      : w("确定性路径", "deterministic path");
  const range = `[${first.range.join(", ")}]`;
  b.note(
    w.lang === "both"
      ? `杠杆 lever: ${first.lever} · 目标概率 goal p* = ${first.goal} · 范围 range ${range} · 精度 step ${first.tolerance} · ${mc}`
      : w(
          `杠杆：${first.lever} · 目标概率 p* = ${first.goal} · 范围 ${range} · 精度 ${first.tolerance} · ${mc}`,
          `lever: ${first.lever} · goal p* = ${first.goal} · range ${range} · step ${first.tolerance} · ${mc}`,
        ),
  );
  b.note(
    w(
      "每个点以同一随机种子重跑（共同随机数），差异只来自杠杆；所需值为网格 lo + k·精度 上达到 p* 的最小点",
      "Every point re-runs the same seed (common random numbers); the value is the smallest point of the grid lo + k·step reaching p*.",
    ),
  );
  b.blank();
  b.row([text(w("结论", "Answer"), "title")]);
  for (const r of results) {
    if (w.has("zh")) b.row([text(r.sentence.zh)]);
    if (w.has("en")) b.note(r.sentence.en);
  }
  b.blank();
  const lever = LEVER_RULES[kind].label;
  const headers = [
    w("对象", "Subject"),
    w("状态", "Status"),
    w.lang === "both" ? `所需值 / Value needed (${lever.en})` : w(`所需值（${lever.zh}）`, `Value needed (${lever.en})`),
    w("该值下概率", "P at the value"),
    w("情景原值概率", "P as the scenario stands"),
    w("评估次数", "Evaluations"),
  ];
  const rows = results.map((r) => [
    text(r.subject),
    text(w.of(SOLVE_STATUS_LABELS[r.status])),
    num(r.value, xFormat),
    num(r.probability, "pct"),
    num(r.base.p, "pct"),
    num(r.evaluations, "int"),
  ]);
  b.table(BACK_SOLVE_TABLE, headers, rows);
  if (results.some((r) => !r.monotone))
    b.note(
      w(
        "注意：有对象的概率曲线在所评估的点上并非单调上升，二分结果仅供参考",
        "Note: a curve fell somewhere as x rose; bisection assumes it does not.",
      ),
    );
  b.blank();
  const drawn = Math.min(results.length, MAX_CURVE_CHARTS);
  if (results.length > drawn) b.note(w(`概率曲线图仅绘制前 ${drawn} 个对象`, `Curves are charted for the first ${drawn} subjects only.`));
  const charts: ChartSpec[] = [];
  results.forEach((r, k) => {
    const chart = curveBlock(b, r, k, xFormat, k < drawn, w);
    if (chart) charts.push(chart);
    b.blank();
  });
  return { ...b.build(SHEET_NAMES.backSolve, 1, printSetup(w, title)), charts };
}
