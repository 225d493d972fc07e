/**
 * 情景对比: scenarios as columns, key figures and targets as rows (deterministic value, P10/P50/P90 and
 * probability where Monte Carlo ran, difference from the baseline), the assumptions of each scenario
 * under the table, definitions, then the chart data blocks. Pure: a ComparisonModel in, a SheetSpec out.
 */
import type { ComparisonCell, ComparisonModel, ComparisonRow } from "../../compare/types.js";
import type { SheetSpec, SpecCell } from "../sheetSpec.js";
import { comparisonChartBlocks } from "./comparisonCharts.js";
import { num, SheetBuilder, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";

export const COMPARISON_TABLE = "PP_Comparison";
export const ASSUMPTIONS_TABLE = "PP_Assumptions";
/** Rows above the comparison table's data: title, note, header. */
export const COMPARISON_HEADER_ROWS = 3;

const SECTION = { figures: "关键指标 / Key figures", targets: "规划目标 / Plan targets" };

/** Which columns each scenario gets: quantiles and probability only with Monte Carlo, differences only against another scenario. */
export interface ScenarioColumns {
  name: string;
  monteCarlo: boolean;
  diff: boolean;
}

export function scenarioColumns(model: ComparisonModel): ScenarioColumns[] {
  return model.scenarios.map((s, k) => ({ name: s.name, monteCarlo: s.runs > 0, diff: k !== model.baseline }));
}

export function comparisonHeaders(model: ComparisonModel): string[] {
  const base = model.scenarios[model.baseline].name;
  const heads = ["类别 / Section", "指标 / Indicator", "单位 / Unit", "年份 / Year"];
  for (const c of scenarioColumns(model)) {
    heads.push(`${c.name} 数值 / value`);
    if (c.monteCarlo) heads.push(`${c.name} P10`, `${c.name} P50`, `${c.name} P90`, `${c.name} 达标概率 / probability`);
    if (c.diff) heads.push(`${c.name} 差值 / minus ${base}`);
    if (c.diff && c.monteCarlo) heads.push(`${c.name} 概率差 / probability minus ${base}`);
  }
  return heads;
}

function valueCell(row: ComparisonRow, cell: ComparisonCell): SpecCell {
  if (row.kind !== "target-count") return num(cell.value, row.fmt);
  if (cell.of === null) return text(null);
  return cell.of === 0 ? text("不可评估 / n.a.") : text(`${cell.value}/${cell.of}`);
}

function dataRow(row: ComparisonRow, columns: ScenarioColumns[]): SpecCell[] {
  const section = row.kind === "target-count" || row.kind === "target-value" ? SECTION.targets : SECTION.figures;
  const cells: SpecCell[] = [text(section), text(`${row.label.zh} / ${row.label.en}`), text(`${row.unit.zh} / ${row.unit.en}`), num(row.year, undefined)];
  row.cells.forEach((cell, k) => {
    const c = columns[k];
    cells.push(valueCell(row, cell));
    if (c.monteCarlo) cells.push(num(cell.p10, row.fmt), num(cell.p50, row.fmt), num(cell.p90, row.fmt), num(cell.probability, "pct"));
    if (c.diff) cells.push(num(cell.diff, row.kind === "target-count" ? "int" : row.fmt));
    if (c.diff && c.monteCarlo) cells.push(num(cell.diffProbability, "pct"));
  });
  return cells;
}

const NOTES = [
  "千亿平台、亩均产出 ≥ 500 万元/亩的平台按主平台（含其分区）计数，取确定性路径，不给分位数 / Platform counts are main platforms with their sub-parks, on the deterministic path (no quantiles).",
  "目标行：数值 = 达标对象数/可评估对象数；达标概率 = 各对象达标概率的平均（期望达标比例），全市目标即其达标概率 / Target rows: met/evaluable subjects; probability = mean over the subjects (expected share met), for a region target its own probability.",
  "累计未分配新增用地 = 基年之后至该年各年未能分配的新增用地之和（确定性路径）/ Unallocated land is the sum over the years up to that year (deterministic path).",
  "P10/P50/P90 为蒙特卡洛分位数（R-7）；差值 = 情景值 − 基准值 / P10/P50/P90 are Monte Carlo quantiles (R-7); difference = scenario − baseline.",
];

/** The 情景对比 sheet; `charts` come from the chart data blocks at the bottom. */
export function buildComparisonSheet(model: ComparisonModel): SheetSpec {
  const columns = scenarioColumns(model);
  const headers = comparisonHeaders(model);
  const names = model.scenarios.map((s) => s.name);
  const b = new SheetBuilder();
  b.title(`平台优化提升情景对比 · ${names.join(" / ")}`, headers.length);
  b.note(`情景对比 Scenario comparison · 基准情景 baseline: ${names[model.baseline]} · 报告年份 report years: ${model.years.join(", ")}`);
  b.table(
    COMPARISON_TABLE,
    headers,
    model.rows.map((r) => dataRow(r, columns)),
  );

  b.blank();
  b.row([text("情景假设 / Scenario assumptions", "title")]);
  const first = model.scenarios[0];
  const assumptionRows: SpecCell[][] = first.assumptions.map((a, k) => [text(`${a.label.zh} / ${a.label.en}`), ...model.scenarios.map((s) => text(s.assumptions[k]?.value ?? null))]);
  assumptionRows.push([text("引擎 / Engine"), ...model.scenarios.map((s) => text(s.engine))]);
  b.table(ASSUMPTIONS_TABLE, ["假设 / Assumption", ...names.map((n) => `${n} / scenario`)], assumptionRows);

  b.blank();
  b.row([text("说明 / Notes", "title")]);
  for (const n of NOTES) b.note(n);

  b.blank();
  const charts = comparisonChartBlocks(b, model);
  const spec = b.build(SHEET_NAMES.comparison, COMPARISON_HEADER_ROWS);
  return {
    ...spec,
    charts,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, title: `平台优化提升情景对比 · ${names.join(" / ")}`, repeatRows: { top: COMPARISON_HEADER_ROWS - 1, bottom: COMPARISON_HEADER_ROWS - 1 } },
  };
}
