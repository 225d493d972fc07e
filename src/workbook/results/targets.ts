/** 达标: one row per target check, met rows green, not met red, not evaluable grey. */
import type { SimulationResult, TargetCheck } from "../../../models/results.js";
import type { HighlightStyle, SheetSpec, SpecCell } from "../sheetSpec.js";
import { COMPARISON_TEXTS, METRIC_LABELS, TARGET_LEVEL_TEXTS, measureHeader } from "./labels.js";
import { num, SheetBuilder, sheetTitle, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { summaryLine, targetSummaries } from "../../views/targetSummary.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export const TARGETS_TABLE = "PP_Targets";

export const TARGET_HEADERS = [
  "编号 / ID",
  "目标 / Target",
  "目标（英文）/ Target (English)",
  "层级 / Level",
  "对象 / Subject",
  "年份 / Year",
  "指标 / Metric",
  "比较 / Comparison",
  "阈值 / Threshold",
  "阈值上限 / Upper threshold",
  "数值 / Value",
  "差距 / Gap",
  "达标 / Met",
  "达标概率 / Probability",
  "首次达标年份 / First year met",
  "中位首次达标年份 / Median first year met",
  "不可评估原因 / Not evaluable because",
  "原因（英文）/ Reason (English)",
  "备注 / Notes",
];
/** 0-based column of 达标 / Met, which the highlights key on. */
export const MET_COLUMN = TARGET_HEADERS.indexOf("达标 / Met");

const MET_MARKS: { mark: string; style: HighlightStyle }[] = [
  { mark: "是", style: "met" },
  { mark: "否", style: "notMet" },
  { mark: "—", style: "na" },
];

function targetRow(t: TargetCheck): SpecCell[] {
  const measure = t.metric ? METRIC_LABELS[t.metric] : null;
  const fmt = measure?.fmt;
  const { mark, style } = MET_MARKS[t.met === true ? 0 : t.met === false ? 1 : 2];
  return [
    text(t.id),
    text(t.label.zh),
    text(t.label.en),
    text(TARGET_LEVEL_TEXTS[t.level]),
    text(t.subject),
    num(t.year),
    text(measure ? measureHeader(measure) : "—"),
    text(COMPARISON_TEXTS[t.comparison]),
    num(t.threshold, fmt),
    num(t.thresholdMax, fmt),
    num(t.value, fmt),
    num(t.gap, fmt),
    text(mark, style),
    num(t.probability, "pct"),
    num(t.firstYear),
    num(t.medianFirstYear),
    text(t.reason?.zh ?? null),
    text(t.reason?.en ?? null),
    text(t.notes.length ? t.notes.map((n) => `${n.zh} / ${n.en}`).join("；") : null),
  ];
}

export function buildTargetsSheet(result: SimulationResult, w: Words = words()): SheetSpec {
  const b = new SheetBuilder();
  const title = sheetTitle(result.scenario.name, w);
  b.title(title, TARGET_HEADERS.length);
  b.note(
    "达标：确定性路径在目标年份的数值；概率为蒙特卡洛达标概率；差距为正表示富余、为负表示缺口。 / Target checks: deterministic value in the target year; probability from Monte Carlo; a positive gap is a margin, a negative one a shortfall.",
  );
  // One line per target above the table (targetSummary.ts, as the command line prints them).
  const summaries = targetSummaries(result);
  if (summaries.length > 0) {
    b.row([text("目标小结 / Summary by target", "title")]);
    for (const line of summaries) b.row([text(summaryLine(line, "zh"))]);
    b.blank();
  }
  const head = b.size;
  const data = b.table(TARGETS_TABLE, TARGET_HEADERS, result.targets.map(targetRow));
  if (data.bottom >= data.top) {
    for (const { mark, style } of MET_MARKS) b.highlight({ range: data, column: MET_COLUMN, equals: mark, style });
  }
  // The summary above would fill a frozen pane: the table's header is repeated on printed pages instead
  // (on screen, Excel shows a table's headers in place of the column letters while scrolling through it).
  return b.build(SHEET_NAMES.targets, summaries.length > 0 ? 0 : head + 1, printSetup(w, title, { top: head, bottom: head }));
}
