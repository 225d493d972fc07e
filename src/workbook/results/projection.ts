/** 预测: one row per platform-year with every projected metric, its binding constraint and Monte Carlo bands. */
import type { SimulationResult } from "../../../models/results.js";
import { BINDING_LABELS, LEVEL_LABELS, STATUS_LABELS } from "../../../models/vocabulary.js";
import type { SheetSpec, SpecCell } from "../sheetSpec.js";
import { words, type Words } from "./language.js";
import { itemRows, num, SheetBuilder, sheetTitle, text } from "./layout.js";
import { NAME_WRAP, printSetup } from "./print.js";
import { SHEET_NAMES } from "./sheetNames.js";
import { metricCells, metricHeaders, quantileCells, quantileHeaders } from "./yearColumns.js";

export const PROJECTION_TABLE = "PP_Projection";
/** 0-based row of the table's header (title, note, header). */
const HEADER_ROW = 2;

export function buildProjectionSheet(result: SimulationResult, w: Words = words()): SheetSpec {
  const withStats = result.platforms.some((p) => p.stats !== undefined);
  const headers = [
    w("平台", "Platform"),
    w("县", "County"),
    w("级别", "Level"),
    w("类型", "Type"),
    w("年份", "Year"),
    ...metricHeaders(w),
    w("约束", "Binding"),
  ];
  // The quantiles stay on screen: the printed page holds the deterministic path (汇总 prints the bands' roll-ups).
  const printed = headers.length;
  if (withStats) headers.push(...quantileHeaders(w));
  // Rows are made when the sheet is written (100,000 platforms × 11 years are 20 million cells); label
  // and year cells are shared across rows (specs are never mutated).
  const shared = new Map<string, SpecCell>();
  const label = (v: string): SpecCell => {
    let cell = shared.get(v);
    if (!cell) shared.set(v, (cell = text(v)));
    return cell;
  };
  const years = new Map<number, SpecCell>();
  const yearCell = (year: number): SpecCell => {
    let cell = years.get(year);
    if (!cell) years.set(year, (cell = num(year)));
    return cell;
  };
  const data = itemRows(
    result.platforms,
    (p) => p.years.length,
    (p, k) => {
      const y = p.years[k];
      return [
        text(p.name),
        label(p.county),
        label(p.level ? w.one(LEVEL_LABELS[p.level]) : "—"),
        label(w.one(STATUS_LABELS[p.status])),
        yearCell(y.year),
        ...metricCells(y),
        label(y.binding ? w.of(BINDING_LABELS[y.binding]) : "—"),
        ...(withStats ? quantileCells(y.year, p.stats) : []),
      ];
    },
    headers.length,
  );
  const b = new SheetBuilder();
  const title = sheetTitle(result.scenario.name, w);
  b.title(title, headers.length);
  b.note(
    w(
      "预测：每行为一个平台的一个年份；金额为亿元，亩均为万元/亩；P10/P50/P90 为蒙特卡洛分位数（仅报告年份）。",
      "Projection: one row per platform-year; amounts in 100M yuan, per-mu figures in 10k yuan/mu; P10/P50/P90 are Monte Carlo quantiles (report years only).",
    ),
  );
  // Long platform names wrap onto a second line, so the page's text is larger.
  b.table(PROJECTION_TABLE, headers, data, { wrap: { 0: NAME_WRAP } });
  return b.build(
    SHEET_NAMES.projection,
    HEADER_ROW + 1,
    printSetup(w, title, { top: HEADER_ROW, bottom: HEADER_ROW }, { columns: printed }),
  );
}
