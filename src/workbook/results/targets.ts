/** 达标: one row per target check, met rows green, not met red, not evaluable grey. */
import type { SimulationResult, TargetCheck } from "../../../models/results.js";
import type { HighlightStyle, SheetSpec, SpecCell } from "../sheetSpec.js";
import { COMPARISON_LABELS, TARGET_LEVEL_LABELS, type Bilingual } from "../../../models/vocabulary.js";
import { MET_TERMS, METRIC_LABELS, measureHeader } from "./labels.js";
import { num, SheetBuilder, sheetTitle, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { summaryLine, targetSummaries } from "../../views/targetSummary.js";
import { allowanceText } from "../../views/thresholdText.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export const TARGETS_TABLE = "PP_Targets";

/**
 * The table's columns: a header and the cell of a check. A column of one language's free text (the target's
 * own words, the reason it is not evaluable) is split in a bilingual sheet, one column each; a one-language
 * sheet keeps its language's column only.
 */
interface Column {
  header: (w: Words) => string;
  cell: (t: TargetCheck, w: Words) => SpecCell;
  /** Only in a sheet writing this language (the English half of a split column). */
  only?: "both";
  /**
   * A free-text column wraps at this many width units (so the sheet prints one page wide at a readable
   * size); a bilingual cell ("中文 / English") takes a line per language at least, so it may ask more there.
   */
  wrap?: number | ((w: Words) => number);
}

const met = (t: TargetCheck) => MET_MARKS[t.met === true ? 0 : t.met === false ? 1 : 2];
const measureOf = (t: TargetCheck) => (t.metric ? METRIC_LABELS[t.metric] : null);

const COLUMNS: readonly Column[] = [
  { header: (w) => w("编号", "ID"), cell: (t) => text(t.id) },
  { header: (w) => w("目标", "Target"), cell: (t, w) => text(w.one(t.label)), wrap: 24 },
  { header: () => "目标（英文）/ Target (English)", cell: (t) => text(t.label.en), only: "both", wrap: 30 },
  { header: (w) => w("层级", "Level"), cell: (t, w) => text(w.of(TARGET_LEVEL_LABELS[t.level])) },
  { header: (w) => w("对象", "Subject"), cell: (t) => text(t.subject) },
  { header: (w) => w("年份", "Year"), cell: (t) => num(t.year) },
  {
    header: (w) => w("指标", "Metric"),
    cell: (t, w) => {
      const m = measureOf(t);
      return text(m ? measureHeader(m, "", w) : "—");
    },
    // "可开发空间（亩） / Developable land (mu)": each language on one line of its own when bilingual.
    wrap: (w) => (w.lang === "both" ? 22 : 16),
  },
  { header: (w) => w("比较", "Comparison"), cell: (t, w) => text(w.of(COMPARISON_LABELS[t.comparison])) },
  { header: (w) => w("阈值", "Threshold"), cell: (t) => num(t.threshold, measureOf(t)?.fmt) },
  // A range's upper bound as the plan states it (JX-1 2, strictMax); the allowance's (4, which "met" goes by) is in 备注.
  { header: (w) => w("阈值上限", "Upper threshold"), cell: (t) => num(t.strictMax ?? t.thresholdMax, measureOf(t)?.fmt) },
  { header: (w) => w("数值", "Value"), cell: (t) => num(t.value, measureOf(t)?.fmt) },
  { header: (w) => w("差距", "Gap"), cell: (t) => num(t.gap, measureOf(t)?.fmt) },
  {
    header: (w) => w("达标", "Met"),
    cell: (t, w) => {
      const { term, style } = met(t);
      return text(term ? w.one(term) : "—", style);
    },
  },
  { header: (w) => w("达标概率", "Probability"), cell: (t) => num(t.probability, "pct") },
  { header: (w) => w("首次达标年份", "First year met"), cell: (t) => num(t.firstYear) },
  { header: (w) => w("中位首次达标年份", "Median first year met"), cell: (t) => num(t.medianFirstYear) },
  { header: (w) => w("不可评估原因", "Not evaluable because"), cell: (t, w) => text(t.reason ? w.one(t.reason) : null), wrap: 24 },
  { header: () => "原因（英文）/ Reason (English)", cell: (t) => text(t.reason?.en ?? null), only: "both", wrap: 30 },
  {
    header: (w) => w("备注", "Notes"),
    cell: (t, w) => {
      const notes = [allowanceText(t), ...t.notes].filter((n) => n !== null);
      return text(notes.length ? notes.map((n) => w.of(n)).join("；") : null);
    },
    wrap: 20,
  },
];

const columnsOf = (w: Words): readonly Column[] => COLUMNS.filter((c) => c.only === undefined || w.lang === c.only);

/** The table's headers in `w`'s language (bilingual: "编号 / ID", …). */
export const targetHeaders = (w: Words = words()): string[] => columnsOf(w).map((c) => c.header(w));
export const TARGET_HEADERS = targetHeaders();
const MET = COLUMNS.findIndex((c) => c.header(words("en")) === "Met");
/** 0-based column of 达标 / Met, which the highlights key on (a one-language sheet has fewer columns before it). */
export const metColumn = (w: Words = words()): number => columnsOf(w).indexOf(COLUMNS[MET]);
export const MET_COLUMN = metColumn();

/** A met mark: "是" / "否" (yes / no in an English sheet), "—" not evaluable; the highlights key on them. */
const MET_MARKS: { term: Bilingual | null; style: HighlightStyle }[] = [
  { term: MET_TERMS.yes, style: "met" },
  { term: MET_TERMS.no, style: "notMet" },
  { term: null, style: "na" },
];

const targetRow = (t: TargetCheck, w: Words): SpecCell[] => columnsOf(w).map((c) => c.cell(t, w));

export function buildTargetsSheet(result: SimulationResult, w: Words = words()): SheetSpec {
  const b = new SheetBuilder();
  const title = sheetTitle(result.scenario.name, w);
  const headers = targetHeaders(w);
  b.title(title, headers.length);
  b.note(
    w(
      "达标：确定性路径在目标年份的数值；概率为蒙特卡洛达标概率；差距为正表示富余、为负表示缺口。",
      "Target checks: deterministic value in the target year; probability from Monte Carlo; a positive gap is a margin, a negative one a shortfall.",
    ),
  );
  // One line per target above the table (targetSummary.ts, as the command line prints them).
  const summaries = targetSummaries(result);
  if (summaries.length > 0) {
    b.row([text(w("目标小结", "Summary by target"), "title")]);
    // A bilingual sheet gives the Chinese line (the English one would double each line's width).
    for (const line of summaries) b.line(summaryLine(line, w.lang === "en" ? "en" : "zh"));
    b.blank();
  }
  const head = b.size;
  const data = b.table(
    TARGETS_TABLE,
    headers,
    result.targets.map((t) => targetRow(t, w)),
    { wrap: Object.fromEntries(columnsOf(w).flatMap((c, k) => (c.wrap ? [[k, typeof c.wrap === "number" ? c.wrap : c.wrap(w)]] : []))) },
  );
  if (data.bottom >= data.top) {
    for (const { term, style } of MET_MARKS) b.highlight({ range: data, column: metColumn(w), equals: term ? w.one(term) : "—", style });
  }
  // The summary above would fill a frozen pane: the table's header is repeated on printed pages instead
  // (on screen, Excel shows a table's headers in place of the column letters while scrolling through it).
  return b.build(SHEET_NAMES.targets, summaries.length > 0 ? 0 : head + 1, printSetup(w, title, { top: head, bottom: head }));
}
