/**
 * 敏感性: the tornado of one figure (each assumption's low and high, the figure at each, the swing, largest
 * first), the sentence naming what drives it most, the two-way table when one was computed, the
 * assumptions left out, and the tornado chart (columns of the figure at low and at high minus the base,
 * one pair per assumption, in the table's order). Pure: a SensitivityResult in, a SheetSpec out.
 */
import { driverSentence, figureStyle, parseFigure, type SensitivityResult } from "../../../models/decisions/sensitivity.js";
import { ASSUMPTION_TERMS, formatFigure } from "../../../models/vocabulary.js";
import type { ChartSpec, SheetSpec, SpecCell } from "../sheetSpec.js";
import { num, SheetBuilder, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { printSetup } from "./print.js";
import { words, type Words } from "./language.js";

export const SENSITIVITY_TABLE = "PP_Sensitivity";
export const TORNADO_CHART = "PP_Chart_Tornado";
/** Rows above the tornado's data: title, note, sentence (two lines), blank, header. */
export const SENSITIVITY_HEADER_ROWS = 6;

/** The tornado's headers: the assumption's name in a column per language when bilingual, else in one. */
const headers = (w: Words): string[] => [
  ...(w.lang === "both" ? ["假设（中文）/ Assumption (Chinese)", "假设（英文）/ Assumption (English)"] : [w("假设", "Assumption")]),
  w("编号", "Id"),
  w("单位", "Unit"),
  w("低值", "Low"),
  w("高值", "High"),
  w("低值时", "At low"),
  w("高值时", "At high"),
  w("波动", "Swing"),
];
/** "中文 / English" always spaced in a bilingual sheet (a label's two halves, as this sheet writes them). */
const pair = (w: Words, x: { zh: string; en: string }): string => (w.lang === "both" ? `${x.zh} / ${x.en}` : w.one(x));

const CHART_SIZE = { width: 600, height: 320 };

export function buildSensitivitySheet(result: SensitivityResult, w: Words = words()): SheetSpec {
  const style = figureStyle(parseFigure(result.figure));
  const heads = headers(w);
  const b = new SheetBuilder();
  // A bilingual sheet keeps its Chinese title.
  const title =
    w.lang === "en" ? `Sensitivity · ${result.label.en} · ${result.scenario}` : `敏感性分析 · ${result.label.zh} · ${result.scenario}`;
  b.title(title, heads.length);
  const mc =
    result.runs > 0
      ? w(`蒙特卡洛 ${result.runs} 次，种子 ${result.seed}`, `${result.runs} Monte Carlo runs, seed ${result.seed}`)
      : w("确定性", "deterministic");
  const base = formatFigure(result.base, style);
  b.note(
    w.lang === "both"
      ? `敏感性 Sensitivity · ${result.label.zh} / ${result.label.en} · 基准值 base ${base} · ${mc} · ` +
          "每个假设取低值与高值，其余假设取基准值，均用同一随机种子（公共随机数）/ each assumption at its low and high, the others at base, the same seed throughout (common random numbers)"
      : w(
          `敏感性 · ${result.label.zh} · 基准值 ${base} · ${mc} · 每个假设取低值与高值，其余假设取基准值，均用同一随机种子（公共随机数）`,
          `Sensitivity · ${result.label.en} · base ${base} · ${mc} · each assumption at its low and high, the others at base, the same seed throughout (common random numbers)`,
        ),
  );
  const sentence = driverSentence(result, style);
  if (w.has("zh")) b.row([text(sentence.zh)]);
  if (w.has("en")) b.row([text(sentence.en)]);
  b.blank();
  const data: SpecCell[][] = result.rows.map((r) => {
    const term = ASSUMPTION_TERMS[r.assumption];
    return [
      ...(w.lang === "both" ? [text(term.name.zh), text(term.name.en)] : [text(w.one(term.name))]),
      text(r.assumption),
      text(pair(w, term.unit)),
      num(r.low, term.style),
      num(r.high, term.style),
      num(r.atLow, style),
      num(r.atHigh, style),
      num(r.swing, style),
    ];
  });
  const table = b.table(SENSITIVITY_TABLE, heads, data);
  b.note(
    w.lang === "both"
      ? `基准值 / Base: ${base}（${result.label.zh} / ${result.label.en}）`
      : w(`基准值：${base}（${result.label.zh}）`, `Base: ${base} (${result.label.en})`),
  );
  for (const s of result.skipped) {
    const name = ASSUMPTION_TERMS[s.assumption].name;
    b.note(
      w.lang === "both"
        ? `未列入 / Left out: ${name.zh}（${s.assumption}）：${s.reason.zh} / ${name.en}: ${s.reason.en}`
        : w(`未列入：${name.zh}（${s.assumption}）：${s.reason.zh}`, `Left out: ${name.en} (${s.assumption}): ${s.reason.en}`),
    );
  }

  if (result.twoWay) {
    const t = result.twoWay;
    const [ta, tb] = [ASSUMPTION_TERMS[t.a], ASSUMPTION_TERMS[t.b]];
    b.blank();
    b.row([
      text(
        w.lang === "both"
          ? `双因素表 / Two-way table: ${ta.name.zh} × ${tb.name.zh} / ${ta.name.en} × ${tb.name.en}`
          : w(`双因素表：${ta.name.zh} × ${tb.name.zh}`, `Two-way table: ${ta.name.en} × ${tb.name.en}`),
        "title",
      ),
    ]);
    b.note(
      w.lang === "both"
        ? `行 rows: ${ta.name.zh}（${t.a}）· 列 columns: ${tb.name.zh}（${t.b}）· 单元格 = ${result.label.zh} / cells = ${result.label.en}`
        : w(
            `行：${ta.name.zh}（${t.a}）· 列：${tb.name.zh}（${t.b}）· 单元格 = ${result.label.zh}`,
            `rows: ${ta.name.en} (${t.a}) · columns: ${tb.name.en} (${t.b}) · cells = ${result.label.en}`,
          ),
    );
    b.row([text(`${t.a} \\ ${t.b}`, "header"), ...t.bValues.map((v) => num(v, tb.style))]);
    t.aValues.forEach((a, r) => b.row([num(a, ta.style), ...t.values[r].map((v) => num(v, style))]));
  }

  b.blank();
  const charts = tornadoBlock(b, result, style, w);
  const print = printSetup(w, title, { top: table.top - 1, bottom: table.top - 1 });
  // Frozen down to the tornado's header (SENSITIVITY_HEADER_ROWS bilingual; one sentence line fewer in one language).
  return { ...b.build(SHEET_NAMES.sensitivity, table.top, print), charts };
}

/** The chart's data: per assumption (largest swing first) the figure at low and at high minus the base. */
function tornadoBlock(b: SheetBuilder, result: SensitivityResult, style: ReturnType<typeof figureStyle>, w: Words): ChartSpec[] {
  if (result.rows.length === 0) return [];
  const start = b.note(w("图表数据：龙卷风图（相对基准值的变化）", "Chart data: tornado (change from the base)"));
  const top = b.row([
    text(w("假设", "Assumption"), "header"),
    text(w("低值时 − 基准", "At low − base"), "header"),
    text(w("高值时 − 基准", "At high − base"), "header"),
  ]);
  for (const r of result.rows)
    b.row([text(w.one(ASSUMPTION_TERMS[r.assumption].name)), num(r.atLow - result.base, style), num(r.atHigh - result.base, style)]);
  return [
    {
      name: TORNADO_CHART,
      title: w(`龙卷风图 · ${result.label.zh}`, `Tornado · ${result.label.en}`),
      type: "columnClustered",
      range: { top, left: 0, bottom: top + result.rows.length, right: 2 },
      xAxisTitle: w("假设", "Assumption"),
      yAxisTitle: w("相对基准的变化", "change from the base"),
      position: { row: start, col: 4, ...CHART_SIZE },
    },
  ];
}
