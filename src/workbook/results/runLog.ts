/**
 * 运行记录: what produced these results (engine, the model version the scenario needs, scenario, seed,
 * input file and hash, times), the scenario's ratio levers in words, the growth fitted from history (when
 * growth.fromHistory is on), every input issue and model warning,
 * and the resolved scenario JSON one line per row (join the rows to get it back).
 */
import { describeRatios, describeScenarioVersion } from "../../../models/levers/describe.js";
import type { SimulationResult } from "../../../models/results.js";
import { versionTwoFields } from "../../../models/version.js";
import type { SheetSpec, SpecCell } from "../sheetSpec.js";
import { calibrationUse } from "../../views/calibration.js";
import { CALIBRATION_LABELS, CALIBRATION_POOL_LABELS, CALIBRATION_USE_LABELS, SEVERITY_TERMS } from "./labels.js";
import { num, SheetBuilder, sheetTitle, text } from "./layout.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { NAME_WRAP, printSetup } from "./print.js";
import { words, type Words } from "./language.js";

import { splitChunks } from "../storeChunks.js";

export const ISSUES_TABLE = "PP_Issues";
export const WARNINGS_TABLE = "PP_Warnings";
export const CALIBRATION_TABLE = "PP_Calibration";

/** An input problem found while reading the workbook or the scenario. */
export interface RunIssue {
  code: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  zh: string;
  en: string;
}

export interface RunContext {
  issues: RunIssue[];
  inputHash: string;
  inputFile: string | null;
  sheet: string;
  startedAt: Date;
  finishedAt: Date;
}

/** Longest text per JSON row; a cell holds at most 32,767 characters. */
const JSON_CELL = 30_000;

export function buildRunLogSheet(result: SimulationResult, ctx: RunContext, w: Words = words()): SheetSpec {
  const mc = result.monteCarlo;
  const seed = mc?.seed ?? result.scenario.monteCarlo.seed;
  const items: [string, SpecCell][] = [
    [w("引擎", "Engine"), text(result.engine.name)],
    [w("引擎版本", "Engine version"), text(result.engine.version)],
    [w("模型版本", "Model version"), num(result.engine.model)],
    [w("情景所用模型版本", "Scenario's model version"), text(w.of(describeScenarioVersion(versionTwoFields(result.scenario))))],
    [w("情景名称", "Scenario"), text(result.scenario.name)],
    [w("随机种子", "Seed"), typeof seed === "number" ? num(seed) : text(seed)],
    [w("模拟次数", "Monte Carlo runs"), num(mc?.runs ?? 0, "int")],
    [w("基准年", "Base year"), num(result.baseYear)],
    [w("报告年份", "Report years"), text(result.reportYears.join(", "))],
    [w("输入文件", "Input file"), text(ctx.inputFile ?? "—")],
    [w("输入工作表", "Input sheet"), text(ctx.sheet)],
    [w("输入数据哈希", "Input data hash"), text(ctx.inputHash)],
    [w("开始时间 (UTC)", "Started (UTC)"), text(ctx.startedAt.toISOString())],
    [w("结束时间 (UTC)", "Finished (UTC)"), text(ctx.finishedAt.toISOString())],
    [w("用时（秒）", "Duration (s)"), num((ctx.finishedAt.getTime() - ctx.startedAt.getTime()) / 1000, "ratio3")],
  ];
  const b = new SheetBuilder();
  const title = sheetTitle(result.scenario.name, w);
  b.title(title, 2);
  b.table(
    "PP_Run",
    [w("项目", "Item"), w("值", "Value")],
    items.map(([k, v]) => [text(k), v]),
    // The input hash (64 characters) takes two lines.
    { wrap: { 1: 40 } },
  );
  b.blank();

  // Only a scenario that moves ratios gets this block: a version 1 run log keeps its rows.
  const levers = describeRatios(result.scenario.ratios);
  if (levers.length > 0) {
    b.row([text(w(`政策杠杆（${levers.length} 条）`, `Ratio levers (${levers.length})`), "title")]);
    for (const lever of levers) b.row([text(w.of(lever))]);
    b.blank();
  }

  calibrationBlock(b, result, w);

  b.row([text(w(`输入检查（${ctx.issues.length} 条）`, `Input issues (${ctx.issues.length})`), "title")]);
  if (ctx.issues.length === 0) b.note(w("无。", "None."));
  else
    b.table(
      ISSUES_TABLE,
      [w("代码", "Code"), w("级别", "Severity"), w("工作表", "Sheet"), w("单元格", "Cell"), ...explanationHeaders(w)],
      ctx.issues.map((i) => [
        text(i.code),
        text(SEVERITY_TERMS[i.severity] ? w.of(SEVERITY_TERMS[i.severity]) : i.severity),
        text(i.sheet),
        text(i.cell),
        ...explanationCells(i, w),
      ]),
      { wrap: explanationWrap(4, w) },
    );
  b.blank();

  b.row([text(w(`模型警告（${result.warnings.length} 条）`, `Model warnings (${result.warnings.length})`), "title")]);
  if (result.warnings.length === 0) b.note(w("无。", "None."));
  else
    b.table(
      WARNINGS_TABLE,
      [w("代码", "Code"), w("平台", "Platform"), ...explanationHeaders(w)],
      result.warnings.map((warning) => [text(warning.code), text(warning.platform), ...explanationCells(warning, w)]),
      { wrap: { 1: NAME_WRAP, ...explanationWrap(2, w) } },
    );
  b.blank();

  // The scenario's JSON is for re-running it, not for reading on paper: the printed pages end above it.
  const printedRows = b.size;
  b.row([
    text(
      w("情景（JSON：每行依次连接各单元格，再以换行连接各行）", "Scenario (JSON: join each row's cells, then the rows with newlines)"),
      "title",
    ),
  ]);
  for (const line of JSON.stringify(result.scenario, null, 2).split("\n")) {
    b.row(splitChunks(line, JSON_CELL).map((part) => text(part, "note")));
  }
  return b.build(SHEET_NAMES.runLog, 1, printSetup(w, title, undefined, { rows: printedRows }));
}

/** An issue's or a warning's explanation: a column per language in a bilingual sheet, else its language's. */
const explanationHeaders = (w: Words): string[] =>
  w.lang === "both" ? ["中文说明 / Chinese", "英文说明 / English"] : [w("说明", "Explanation")];
const explanationCells = (x: { zh: string; en: string }, w: Words): SpecCell[] =>
  w.lang === "both" ? [text(x.zh), text(x.en)] : [text(w.one(x))];
/** The explanation columns from `first` on wrap at 36 units (a sentence a few lines long). */
const explanationWrap = (first: number, w: Words): Record<number, number> =>
  Object.fromEntries(explanationHeaders(w).map((_, k) => [first + k, 36]));

/**
 * growth.fromHistory's fit: the fitted and the used ρ, then per platform the fitted normal, its 低/中/高
 * (P10/P50/P90), the history it rests on, its shrinkage weight and pool, and whether the run used it.
 */
function calibrationBlock(b: SheetBuilder, result: SimulationResult, w: Words): void {
  const cal = result.calibration;
  if (!cal) return;
  const L = CALIBRATION_LABELS;
  b.row([text(w.of(L.title), "title")]);
  b.row([text(w.of(L.rho)), cal.rho === null ? text(w.of(L.notFitted)) : num(cal.rho, "ratio3")]);
  b.row([text(w.of(L.rhoUsed)), num(cal.correlation, "ratio3")]);
  const byPlatform = result.scenario.growth.byPlatform;
  b.table(
    CALIBRATION_TABLE,
    [L.platform, L.mean, L.sd, L.low, L.mode, L.high, L.years, L.weight, L.pool, L.use].map((label) => w.of(label)),
    cal.platforms.map((p) => [
      text(p.name),
      num(p.mean, "pct"),
      num(p.sd, "pct"),
      num(p.low, "pct"),
      num(p.mode, "pct"),
      num(p.high, "pct"),
      num(p.years, "int"),
      num(p.weight, "ratio3"),
      text(w.of(CALIBRATION_POOL_LABELS[p.pool])),
      text(w.of(CALIBRATION_USE_LABELS[calibrationUse(p, byPlatform)])),
    ]),
    { wrap: { 0: NAME_WRAP } },
  );
  b.blank();
}
