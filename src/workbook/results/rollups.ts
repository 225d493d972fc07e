/**
 * 汇总: roll-ups by main platform, county and region (year × metric), the land and energy balance per
 * year, and the base-year 亩均 evaluation (score, class, rank, indicators).
 */
import type { EvaluationResult, SimulationResult } from "../../../models/results.js";
import type { SheetSpec } from "../sheetSpec.js";
import { addChartBlocks } from "./charts.js";
import { CLASS_LABELS, EVALUATION_DATA_LABELS, ROLLUP_KIND_LABELS } from "../../../models/vocabulary.js";
import { evaluationDataText, INDICATOR_LABELS, measureHeader } from "./labels.js";
import { itemRows, num, SheetBuilder, sheetTitle, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { NAME_WRAP, printSetup } from "./print.js";
import { words, type Words } from "./language.js";

import { metricCells, metricHeaders, quantileCells, quantileHeaders } from "./yearColumns.js";

export const ROLLUPS_TABLE = "PP_Rollups";
export const BALANCES_TABLE = "PP_Balances";
export const EVALUATION_TABLE = "PP_Evaluation";

/** Four significant digits: 24.09712 → "24.1", 0.0302 → "0.0302". */
const shortNumber = (x: number | undefined): string => (x === undefined ? "—" : String(Number(x.toPrecision(4))));

const KIND_ORDER = { main: 0, county: 1, region: 2 } as const;

export const balanceHeaders = (w: Words = words()): string[] => [
  w("年份", "Year"),
  w("新增用地指标（亩）", "Land quota (mu)"),
  w("已分配用地（亩）", "Land granted (mu)"),
  w("未分配用地（亩）", "Land unallocated (mu)"),
  w("腾退回用用地（亩）", "Land returned from exits (mu)"),
  w("能耗上限（万吨标煤）", "Energy cap (10k tce)"),
  w("已分配能耗（万吨标煤）", "Energy allocated (10k tce)"),
  w("未用能耗（万吨标煤）", "Energy unused (10k tce)"),
  w("迁入产值（亿元）", "Relocated output (100M yuan)"),
  w("迁移损失产值（亿元）", "Output lost in relocation (100M yuan)"),
];
export const BALANCE_HEADERS = balanceHeaders();

/**
 * 汇总 prints its columns up to the roll-ups' last deterministic figure (their quantiles stay on screen; the
 * charts show the bands), or to the evaluation's last column when that is wider.
 */
const printedColumns = (ev: EvaluationResult, w: Words): number => Math.max(4 + metricHeaders(w).length, evaluationHeaders(ev, w).length);

function rollupBlock(b: SheetBuilder, result: SimulationResult, w: Words): void {
  const withStats = result.rollups.some((r) => r.stats !== undefined);
  const headers = [
    w("名称", "Name"),
    w("类别", "Kind"),
    w("成员数", "Members"),
    w("年份", "Year"),
    ...metricHeaders(w),
    ...(withStats ? quantileHeaders(w) : []),
  ];
  // Stable sort: main platforms, then counties, then the region, each in the engine's order.
  const rollups = [...result.rollups].sort((a, c) => KIND_ORDER[a.kind] - KIND_ORDER[c.kind]);
  const data = itemRows(
    rollups,
    (r) => r.years.length,
    (r, k) => {
      const y = r.years[k];
      return [
        text(r.name),
        text(w.of(ROLLUP_KIND_LABELS[r.kind])),
        num(r.members.length, "int"),
        num(y.year),
        ...metricCells(y),
        ...(withStats ? quantileCells(y.year, r.stats) : []),
      ];
    },
    headers.length,
  );
  b.row([text(w("汇总（主平台、县、全市）", "Roll-ups (main platforms, counties, region)"), "title")]);
  b.table(ROLLUPS_TABLE, headers, data, { wrap: { 0: NAME_WRAP, 1: NAME_WRAP } });
}

function balanceBlock(b: SheetBuilder, result: SimulationResult, w: Words): void {
  b.row([text(w("用地与能耗平衡", "Land and energy balance"), "title")]);
  b.table(
    BALANCES_TABLE,
    balanceHeaders(w),
    result.balances.map((y) => [
      num(y.year),
      num(y.landQuota, "int"),
      num(y.landGranted, "int"),
      num(y.landUnallocated, "int"),
      num(y.landReturned, "int"),
      num(y.energyCap, "yi"),
      num(y.energyAllocated, "yi"),
      num(y.energyUnused, "yi"),
      num(y.relocatedOutput, "yi"),
      num(y.relocationLost, "yi"),
    ]),
  );
  b.note(w("能耗上限为空表示未设上限。", "An empty energy cap means no cap."));
}

function evaluationHeaders(ev: EvaluationResult, w: Words): string[] {
  const headers = [w("平台", "Platform"), w("得分", "Score"), w("等级", "Class"), w("排名", "Rank"), w.of(EVALUATION_DATA_LABELS.header)];
  for (const k of ev.indicators) {
    const label = INDICATOR_LABELS[k];
    headers.push(measureHeader(label, "", w), w(`${label.zh}得分`, `${label.en} score`));
  }
  return headers;
}

function evaluationBlock(b: SheetBuilder, ev: EvaluationResult, w: Words): void {
  b.row([text(w(`亩均效益评价（${ev.year} 年）`, `Per-mu efficiency evaluation (${ev.year})`), "title")]);
  const headers = evaluationHeaders(ev, w);
  // One row per platform, made when written (a province's sheet lists 100,000).
  const data = itemRows(
    [...ev.platforms].sort((a, c) => a.rank - c.rank),
    () => 1,
    (p) => [
      text(p.name),
      num(p.score, "perMu"),
      text(w.of(CLASS_LABELS[p.class])),
      num(p.rank),
      text(
        evaluationDataText(
          ev.indicators.filter((k) => p.items[k]?.value === null),
          w,
        ),
      ),
      ...ev.indicators.flatMap((k) => [num(p.items[k]?.value, INDICATOR_LABELS[k].fmt), num(p.items[k]?.score, "perMu")]),
    ],
    headers.length,
  );
  b.table(EVALUATION_TABLE, headers, data, { wrap: { 0: NAME_WRAP, 4: NAME_WRAP } });
  // A bilingual sheet names the indicators in Chinese after a bilingual lead ("权重 / Weights: 亩均税收 0.3，…").
  const list = (f: (k: keyof typeof INDICATOR_LABELS, name: string) => string) =>
    ev.indicators.map((k) => f(k, w.lang === "en" ? INDICATOR_LABELS[k].en : INDICATOR_LABELS[k].zh)).join(w.lang === "en" ? ", " : "，");
  const lead = (zh: string, en: string) => (w.lang === "both" ? `${zh} / ${en}: ` : w(`${zh}：`, `${en}: `));
  b.note(`${lead("权重", "Weights")}${list((k, name) => `${name} ${ev.weights[k] ?? "—"}`)}`);
  b.note(`${lead("基准值", "Benchmarks")}${list((k, name) => `${name} ${shortNumber(ev.benchmarks[k])}`)}`);
  b.note(
    w(
      "同分平台同等级、同排名（不按名称或行序区分）；评价数据“估算”：该平台缺少所列指标的数据（表中未填，或仅有情景默认比率），该项取其他平台的平均得分。",
      "Equal scores share a class and a rank (names and row order never decide one); evaluation data “estimated”: the platform lacks the listed indicators' figures (not in the sheet, or only a scenario default ratio) and scores the others' average item there.",
    ),
  );
  b.note(
    ev.omitted.length
      ? w(
          `未纳入指标（无平台有数据，权重分摊至其余指标）：${ev.omitted.map((k) => INDICATOR_LABELS[k].zh).join("、")}`,
          `Omitted (no platform has the data; weight spread over the rest): ${ev.omitted.map((k) => INDICATOR_LABELS[k].en).join(", ")}`,
        )
      : w("全部指标均已纳入。", "No indicator omitted."),
  );
}

export function buildRollupsSheet(result: SimulationResult, w: Words = words()): SheetSpec {
  const b = new SheetBuilder();
  const title = sheetTitle(result.scenario.name, w);
  b.title(title, 4);
  b.note(w("汇总：各表上下排列。", "Roll-ups: the tables are stacked top to bottom."));
  b.blank();
  rollupBlock(b, result, w);
  b.blank();
  balanceBlock(b, result, w);
  b.blank();
  evaluationBlock(b, result.evaluation, w);
  b.blank();
  const charts = addChartBlocks(b, result, w);
  // Stacked tables: no one header to repeat on every page (each table's own header heads its rows).
  return { ...b.build(SHEET_NAMES.rollups, 2, printSetup(w, title, undefined, { columns: printedColumns(result.evaluation, w) })), charts };
}
