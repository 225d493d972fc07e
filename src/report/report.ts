/**
 * The comparison as one self-contained HTML page: inline CSS, tables and inline SVG charts; no scripts,
 * no network, no external files. Chinese titles with English subtitles. Every text that comes from the
 * workbook or a scenario (names, labels, assumptions) is escaped.
 */
import type { Assumption, ComparisonCell, ComparisonModel, ComparisonRow } from "../compare/types.js";
import { CHECK_OUTCOME_LABELS, IMPROVEMENT_LABELS, type Improvement } from "../../models/vocabulary.js";
import { cellImprovement, probabilityImprovement } from "../compare/improvement.js";
import { escapeHtml as e } from "./escape.js";
import { formatDiff, formatNumber, shanghaiTime } from "./format.js";
import { headlinesHtml } from "./headline.js";
import { overlaidFanChart, probabilityChart } from "./svg.js";

export interface ReportContext {
  /** The workbook the platforms came from (file name). */
  inputFile?: string | null;
  /** The platform sheet. */
  sheet?: string | null;
  /** When the report was made (shown on the Beijing clock, Asia/Shanghai). */
  generatedAt?: Date;
  engine?: string;
}

const CSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:22px;margin:0}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #1f6fb2;padding-bottom:4px}
.en{color:#666;font-weight:normal;font-size:0.85em;margin-left:6px}.sub{color:#666;margin:2px 0 0}
.meta{color:#444;margin:8px 0 0}table{border-collapse:collapse;margin:6px 0;font-size:13px}
th,td{border:1px solid #c8d3e0;padding:4px 7px;vertical-align:top}th{background:#ddebf7;text-align:left}
td.num{text-align:right;white-space:nowrap}.q{color:#666;font-size:11px}
.better{color:#1e7b34}.worse{color:#b3261e}.q.better{color:#1e7b34}.q.worse{color:#b3261e}
.base{background:#f5f9fd}svg{font-size:11px;margin:4px 12px 4px 0;max-width:100%;height:auto}svg .title{font-size:13px;font-weight:bold}
svg .grid{stroke:#e3e8ef}svg .axis{stroke:#888}svg .axis-title{fill:#444}svg .bar-label{font-size:9px;fill:#333}
ul{padding-left:20px}footer{margin-top:28px;color:#777;font-size:12px}
.answer h2{margin-top:14px}.headline{margin:6px 0;line-height:1.5}.headline .name{font-weight:bold}
.headline .line-en{color:#555;font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start}
.charts figure{margin:0;flex:0 1 auto}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;font-size:12px}.answer{break-after:page}figure,svg,tr,.headline{break-inside:avoid}
thead{display:table-header-group}h2{break-after:avoid}.charts{flex-wrap:nowrap}.charts figure{flex:1 1 50%}}
`;

/**
 * The page may load nothing and run nothing: only its inline <style> applies (inline SVG needs no
 * source). A report opened from a mail or a share cannot fetch, script or submit, even if an escaping
 * bug let markup through. A meta CSP cannot set frame-ancestors; nothing here needs it.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const h2 = (zh: string, en: string) => `<h2>${zh}<span class="en">${en}</span></h2>`;

function valueHtml(row: ComparisonRow, c: ComparisonCell): string {
  if (row.kind === "target-count") {
    if (c.of === null) return "—";
    if (c.of === 0) return `${CHECK_OUTCOME_LABELS.notEvaluable.zh} <span class="q">n.a.</span>`;
    return `${c.value}/${c.of}${c.probability !== null ? `<div class="q">概率 p = ${formatNumber(c.probability, "pct")}</div>` : ""}`;
  }
  const main = formatNumber(c.value, row.fmt);
  const range =
    c.p10 !== null && c.p90 !== null
      ? `<div class="q">P10–P90 ${formatNumber(c.p10, row.fmt)} – ${formatNumber(c.p90, row.fmt)}</div>`
      : "";
  const p = c.probability !== null ? `<div class="q">概率 p = ${formatNumber(c.probability, "pct")}</div>` : "";
  return main + range + p;
}

/** The colour class of a difference: by the row's direction (more energy use is worse), never by its sign. */
export const IMPROVEMENT_CLASS = { better: "better", worse: "worse", same: "same", neutral: "neutral" } satisfies Record<
  Improvement,
  string
>;

function diffHtml(row: ComparisonRow, c: ComparisonCell): string {
  const fmt = row.kind === "target-count" ? "int" : row.fmt;
  const judged = cellImprovement(row, c);
  const title = IMPROVEMENT_LABELS[judged];
  const p =
    c.diffProbability !== null
      ? `<div class="q ${IMPROVEMENT_CLASS[probabilityImprovement(c)]}">概率 ${formatDiff(c.diffProbability, "pct")}</div>`
      : "";
  return `<span class="${IMPROVEMENT_CLASS[judged]}" title="${title.zh} ${title.en}">${formatDiff(c.diff, fmt)}</span>${p}`;
}

function rowsTable(model: ComparisonModel, rows: ComparisonRow[]): string {
  const base = model.baseline;
  const head = model.scenarios
    .map(
      (s, k) =>
        `<th${k === base ? ' class="base"' : ""}>${e(s.name)}${k === base ? ' <span class="q">基准 baseline</span>' : ""}</th>${k === base ? "" : `<th>差值 <span class="q">vs ${e(model.scenarios[base].name)}</span></th>`}`,
    )
    .join("");
  const body = rows
    .map((r) => {
      const cells = r.cells
        .map(
          (c, k) =>
            `<td class="num${k === base ? " base" : ""}">${valueHtml(r, c)}</td>${k === base ? "" : `<td class="num">${diffHtml(r, c)}</td>`}`,
        )
        .join("");
      return `<tr><td>${e(r.label.zh)}<div class="q">${e(r.label.en)}</div></td><td>${e(r.unit.zh)}<div class="q">${e(r.unit.en)}</div></td><td class="num">${r.year ?? ""}</td>${cells}</tr>`;
    })
    .join("\n");
  return `<table><thead><tr><th>指标 <span class="q">Indicator</span></th><th>单位 <span class="q">Unit</span></th><th>年份 <span class="q">Year</span></th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * One row per assumption key, in the order the scenarios list them (the model version the scenario needs,
 * its version 2 settings and ratio levers among them): rows are matched by key, so a scenario lacking a key
 * shows an empty cell rather than shifting the others.
 */
function assumptionsTable(model: ComparisonModel): string {
  const rows = new Map<string, Assumption>();
  for (const s of model.scenarios) for (const a of s.assumptions) if (!rows.has(a.key)) rows.set(a.key, a);
  const body = [...rows.values()]
    .map(
      (a) =>
        `<tr><td>${e(a.label.zh)}<div class="q">${e(a.label.en)}</div></td>${model.scenarios.map((s) => `<td>${e(s.assumptions.find((x) => x.key === a.key)?.value ?? "")}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const engine = `<tr><td>引擎<div class="q">Engine</div></td>${model.scenarios.map((s) => `<td>${e(s.engine)}</td>`).join("")}</tr>`;
  return `<table><thead><tr><th>假设 <span class="q">Assumption</span></th>${model.scenarios.map((s) => `<th>${e(s.name)}</th>`).join("")}</tr></thead><tbody>\n${body}\n${engine}</tbody></table>`;
}

const NOTES: [string, string][] = [
  [
    "千亿平台、亩均产出 ≥ 500 万元/亩的平台按主平台（含分区）计数，取确定性路径。",
    "Platform counts are main platforms with their sub-parks, on the deterministic path.",
  ],
  [
    "目标行：达标对象数/可评估对象数；概率为各对象达标概率的平均（期望达标比例），全市目标即其达标概率。",
    "Target rows: met/evaluable subjects; the probability is the mean over subjects (expected share met); for a region target, its own probability.",
  ],
  [
    "P10–P90 为蒙特卡洛分位数（R-7）；差值 = 情景值 − 基准值。",
    "P10–P90 are Monte Carlo quantiles (R-7); difference = scenario − baseline.",
  ],
  ["累计未分配新增用地为基年之后至该年的合计。", "Unallocated land is summed over the years up to that year."],
];

/** The whole report page. */
export function comparisonReport(model: ComparisonModel, ctx: ReportContext = {}): string {
  const names = model.scenarios.map((s) => s.name);
  const figures = model.rows.filter((r) => r.kind === "figure" || r.kind === "count");
  const targets = model.rows.filter((r) => r.kind === "target-count" || r.kind === "target-value");
  const meta = [
    ctx.inputFile ? `工作簿 workbook: ${e(ctx.inputFile)}` : "",
    ctx.sheet ? `平台表 sheet: ${e(ctx.sheet)}` : "",
    `基准情景 baseline: ${e(names[model.baseline])}`,
    `报告年份 report years: ${model.years.join(", ")}`,
    ctx.generatedAt ? `生成 generated: ${shanghaiTime(ctx.generatedAt)}` : "",
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>平台优化提升情景对比 · ${e(names.join(" / "))}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>平台优化提升情景对比</h1><p class="sub">Platform integration and upgrading: scenario comparison · ${e(names.join(" / "))}</p><p class="meta">${meta.join(" · ")}</p></header>
<section class="answer">${h2("结论", "The answer")}${headlinesHtml(model)}
<div class="charts"><figure class="fan">${overlaidFanChart(model)}</figure>${model.targetBars.length ? `<figure class="bars">${probabilityChart(model)}</figure>` : ""}</div></section>
<section>${h2("关键指标", "Key figures")}${rowsTable(model, figures)}</section>
${targets.length ? `<section>${h2("规划目标", "Plan targets")}${rowsTable(model, targets)}</section>` : ""}
<section>${h2("情景假设", "Scenario assumptions")}${assumptionsTable(model)}</section>
<section>${h2("说明", "Notes")}<ul>${NOTES.map(([zh, en]) => `<li>${zh}<div class="q">${en}</div></li>`).join("")}</ul></section>
<footer>ParkPlan${ctx.engine ? ` ${e(ctx.engine)}` : ""} · 数据与结果均为情景模拟，不是统计数据 / scenario results, not statistics</footer>
</body>
</html>
`;
}
