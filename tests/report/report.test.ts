/**
 * The HTML report: self-contained (no scripts, no URLs), every text from the workbook or a scenario
 * escaped, charts as inline SVG, and the model's numbers in the tables.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { cellImprovement, compareResults, headlines } from "../../src/compare/index.js";
import { comparisonReport, escapeHtml } from "../../src/report/index.js";
import { formatDiff, formatNumber, shanghaiTime } from "../../src/report/format.js";
import { ticks } from "../../src/report/svg.js";
import { MODEL_VERSION } from "../../models/version.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { BASE, MERIT, PLAIN, platformGrid, ROWS } from "../compare/fixture.js";

const EVIL = `<b>甲&"方案'</b>`;
const EVIL_TARGET = `<img src=x onerror=alert(1)>`;
const rows = ROWS.map((r, k) => (k === 2 ? [`<script>丙区</script>`, ...r.slice(1)] : r));
const sheet = readPlatformSheet(platformGrid(rows));
const withLabel = (s: typeof BASE) => ({
  ...s,
  targets: [
    ...s.targets,
    { id: "X<1>", level: "region", metric: "land", comparison: ">=", threshold: 1, label: { zh: EVIL_TARGET, en: EVIL_TARGET } },
  ],
});
const scenarios = [{ ...withLabel(BASE), name: EVIL }, withLabel(MERIT), PLAIN];
const results = scenarios.map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
const model = compareResults(results.map((result) => ({ name: result.scenario.name, result })));
const html = comparisonReport(model, {
  inputFile: "<某市>.xlsx",
  sheet: "平台",
  generatedAt: new Date("2024-05-06T07:08:09Z"),
  engine: "0.1.0",
});

describe("comparison report", () => {
  test("self-contained: no script, no link, no external reference", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.toLowerCase()).not.toContain("<script");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link|<img|<iframe|href=|@import|url\(/i);
  });

  test("every text from the workbook and the scenarios is escaped", () => {
    expect(html).toContain("&lt;b&gt;甲&amp;&quot;方案&#39;&lt;/b&gt;");
    expect(html).not.toContain(EVIL);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("X&lt;1&gt;");
    expect(html).toContain("&lt;某市&gt;.xlsx");
  });

  test("inline SVG charts on page 1: one overlaid fan of every scenario and the target probability bars", () => {
    expect(html.match(/<svg /g)?.length).toBe(2);
    const answer = html.slice(html.indexOf('<section class="answer">'), html.indexOf("</section>"));
    expect(answer.match(/<svg /g)?.length).toBe(2);
    const fan = answer.slice(answer.indexOf('<svg class="fan"'), answer.indexOf("</svg>") + 6);
    // A band for each scenario with Monte Carlo (BASE and MERIT), a line for every scenario, each in the legend.
    expect(fan.match(/class="band"/g)?.length).toBe(model.scenarios.filter((s) => s.runs > 0).length);
    expect(fan.match(/class="p50"/g)?.length).toBe(model.scenarios.length);
    for (const s of model.scenarios) expect(fan).toContain(escapeHtml(s.name));
    expect(fan).toContain("确定性路径 deterministic (no Monte Carlo)");
    expect(fan).toContain("年份 Year");
    expect(fan).toContain("全市产值（亿元）Region output, 100M yuan");
  });

  test("the probability chart labels every bar with its probability and every group with its target id", () => {
    const bars = html.slice(html.indexOf('<figure class="bars">'));
    const shown = model.targetBars.flatMap((g) => g.probabilities.filter((p): p is number => p !== null));
    expect(shown.length).toBeGreaterThan(0);
    const labels = [...bars.matchAll(/class="bar-label"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels).toEqual(shown.map((p) => `${Math.round(p * 100)}%`));
    for (const g of model.targetBars) expect(bars).toContain(`>${escapeHtml(g.targetId)}</text>`);
    expect(bars).toContain("达标概率 Probability met");
  });

  test("the tables show the model's numbers, with the baseline's differences", () => {
    const output = model.rows.find((r) => r.key === "output@2022")!;
    expect(html).toContain(formatNumber(output.cells[1].value, "yi"));
    expect(html).toContain(formatDiff(output.cells[1].diff, "yi"));
    const pm = model.rows.find((r) => r.key === "target:PM")!;
    expect(html).toContain(`${pm.cells[0].value}/${pm.cells[0].of}`);
    expect(html).toContain("关键指标");
    expect(html).toContain("Key figures");
  });
});

describe("the report's assumptions: version 2 fields and the model version", () => {
  const lever = {
    ...PLAIN,
    name: "杠杆方案",
    ratios: { tax: { byPlatform: { "<甲>": { expr: "base + 0.003*k" } } }, valueAdded: { change: 0.01 } },
    growth: { distribution: "triangular", low: 0.02, mode: 0.06, high: 0.1 },
  };
  const runs = [PLAIN, lever].map((s) => simulate(sheet.platforms, s, { baseYear: 2019 }));
  const versions = compareResults(runs.map((result) => ({ name: result.scenario.name, result })));
  const page = comparisonReport(versions);
  const assumptionRow = (zh: string) => page.split("\n").find((line) => line.startsWith(`<tr><td>${zh}<div`)) ?? "";

  test("the lever rules in words, escaped, and the 低/中/高 growth", () => {
    const row = assumptionRow("政策杠杆");
    expect(row).toContain("<td>无 none</td>");
    expect(row).toContain(
      "增加值率（增加值/产值） · 全市：每年 +1 个百分点 / Value-added ratio (value added / output) · region: +1 point a year",
    );
    expect(row).toContain(
      "税收产值比（税收/产值） · “&lt;甲&gt;”：表达式 base + 0.003*k / Tax ratio (tax / output) · &quot;&lt;甲&gt;&quot;: expression base + 0.003*k",
    );
    expect(assumptionRow("亩均产出年增速")).toContain("三角分布（低/中/高） / Triangular (low / mode / high)：2% / 6% / 10%");
  });

  test("the model version each scenario needs, and the engine's model version", () => {
    const row = assumptionRow("情景所用模型版本");
    expect(row).toContain("<td>1（只用版本 1 字段，结果与版本 1 相同） / 1 (version 1 fields only: the same results as version 1)</td>");
    expect(row).toContain(
      "<td>2（版本 2 字段：ratios.valueAdded、ratios.tax、growth.distribution） / 2 (version 2 fields: ratios.valueAdded, ratios.tax, growth.distribution)</td>",
    );
    expect(page).toContain(`(model ${MODEL_VERSION})`);
  });

  test("rows are matched by key: a scenario without an assumption shows an empty cell, the others stay in their rows", () => {
    const [first, second] = versions.scenarios;
    const trimmed = { ...versions, scenarios: [{ ...first, assumptions: first.assumptions.filter((a) => a.key !== "targets") }, second] };
    const other = comparisonReport(trimmed).split("\n");
    const find = (zh: string) => other.find((line) => line.startsWith(`<tr><td>${zh}<div`)) ?? "";
    const value = (key: string, k: number) => versions.scenarios[k].assumptions.find((a) => a.key === key)!.value;
    expect(find("目标")).toBe(`<tr><td>目标<div class="q">Targets</div></td><td></td><td>${escapeHtml(value("targets", 1))}</td></tr>`);
    expect(find("蒙特卡洛")).toContain(`<td>${escapeHtml(value("monteCarlo", 0))}</td><td>${escapeHtml(value("monteCarlo", 1))}</td>`);
  });
});

describe("report helpers", () => {
  test("escapeHtml escapes the five markup characters", () => {
    expect(escapeHtml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&#39;");
  });

  test("formatNumber and formatDiff follow the sheet's formats", () => {
    expect(formatNumber(1234.567, "yi")).toBe("1,234.57");
    expect(formatNumber(0.4567, "pct")).toBe("45.7%");
    expect(formatNumber(null, "int")).toBe("—");
    expect(formatDiff(-8.944, "yi")).toBe("−8.94");
    expect(formatDiff(0.004, "yi")).toBe("0.00");
    expect(formatDiff(2, "int")).toBe("+2");
  });

  test("ticks are round values covering the range", () => {
    expect(ticks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(4900, 7100)).toEqual([5000, 5500, 6000, 6500, 7000]);
  });
});

describe("page 1: the answer", () => {
  const last = model.years[model.years.length - 1];
  const row = (key: string) => model.rows.find((r) => r.key === key)!;
  const headline = (name: string) => {
    const at = html.indexOf(`<p class="headline" data-scenario="${escapeHtml(name)}">`);
    return html.slice(at, html.indexOf("</p>", at));
  };

  test("one headline per scenario, the baseline first, all before the tables", () => {
    const starts = model.scenarios.map((s) => html.indexOf(`data-scenario="${escapeHtml(s.name)}"`));
    for (const at of starts) expect(at).toBeGreaterThan(0);
    expect(starts[model.baseline]).toBe(Math.min(...starts));
    expect(Math.max(...starts)).toBeLessThan(html.indexOf("关键指标"));
  });

  test("each headline's figures and differences are the model's (last report year), coloured by direction", () => {
    const text = headline("亩均");
    expect(text).toContain(`亩均 对比 ${escapeHtml(EVIL)}（${last} 年）`);
    for (const key of ["output", "outputPerMu", "platforms1000", "energy"]) {
      const r = row(`${key}@${last}`);
      const c = r.cells[1];
      expect(text).toContain(formatNumber(c.value, r.fmt));
      expect(text).toContain(`<span class="${cellImprovement(r, c)}" data-key="${key}">${formatDiff(c.diff, r.fmt)}`);
    }
    // The faster-growing 亩均 uses more energy than the baseline: that is worse, shown red and said.
    const energy = row(`energy@${last}`).cells[1];
    expect(energy.diff).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`<span class="worse" data-key="energy">\\+${formatNumber(energy.diff, "yi")}，更差</span>`));
    expect(text).toContain(
      `energy use ${formatNumber(energy.value, "yi")} 10k tce (<span class="worse" data-key="energy">+${formatNumber(energy.diff, "yi")}, worse</span>)`,
    );
  });

  test("targets met, gained and lost against the baseline, counted from the target rows", () => {
    const targets = model.rows.filter((r) => r.kind === "target-count");
    const met = (k: number) => targets.filter((r) => r.cells[k].of! > 0 && r.cells[k].value === r.cells[k].of).map((r) => r.targetId!);
    const evaluable = (k: number) => targets.filter((r) => (r.cells[k].of ?? 0) > 0).length;
    for (let k = 0; k < model.scenarios.length; k++) {
      const text = headline(model.scenarios[k].name);
      expect(text).toContain(`达标目标 ${met(k).length}/${evaluable(k)}`);
      expect(text).toContain(`targets met ${met(k).length} of ${evaluable(k)}`);
      if (k === model.baseline) continue;
      // Gained or lost only where both evaluate the target (the deterministic PLAIN has no X<1>: neither).
      const missed = (j: number) => targets.filter((r) => r.cells[j].of! > 0 && r.cells[j].value !== r.cells[j].of).map((r) => r.targetId!);
      const gained = met(k).filter((id) => missed(model.baseline).includes(id));
      const lost = met(model.baseline).filter((id) => missed(k).includes(id));
      expect(text).toContain(`新增达标 ${gained.length ? gained.map(escapeHtml).join(", ") : "无"}`);
      expect(text).toContain(`lost ${lost.length ? lost.map(escapeHtml).join(", ") : "none"}`);
    }
    const data = headlines(model);
    expect(data.map((h) => h.targetsMet)).toEqual(model.scenarios.map((_, k) => met(k).length));
  });

  test("the tables colour a difference by the row's direction, not its sign: more energy red, more output green", () => {
    const energyRow = html.split("\n").find((l) => l.startsWith(`<tr><td>全市能耗<div`) && l.includes(`>${last}</td>`))!;
    const outputRow = html.split("\n").find((l) => l.startsWith(`<tr><td>全市产值<div`) && l.includes(`>${last}</td>`))!;
    expect(row(`output@${last}`).cells[1].diff).toBeGreaterThan(0);
    expect(energyRow).toContain(`<span class="worse" title="更差 worse">+`);
    expect(outputRow).toContain(`<span class="better" title="更好 better">+`);
    expect(html).not.toMatch(/class="(pos|neg)"/);
    expect(html).toContain(".worse{color:#b3261e}");
  });

  test("times on the Beijing clock, whatever the machine's zone", () => {
    expect(shanghaiTime(new Date("2026-12-02T12:37:00Z"))).toBe("2026-12-02 20:37 (北京时间)");
    // Past midnight in Shanghai while still the day before in UTC.
    expect(shanghaiTime(new Date("2024-05-06T17:30:59Z"))).toBe("2024-05-07 01:30 (北京时间)");
    expect(html).toContain("生成 generated: 2024-05-06 15:08 (北京时间)");
    expect(html).not.toContain("UTC");
  });

  test("printable on A4: page size, page 1 ends after the answer, charts and rows never cut, headers repeated", () => {
    expect(html).toContain("@page{size:A4 landscape;margin:12mm}");
    expect(html).toContain(".answer{break-after:page}");
    const print = html.slice(html.indexOf("@media print{"));
    expect(print).toContain("figure,svg,tr,.headline{break-inside:avoid}");
    expect(html).toContain("thead{display:table-header-group}");
  });
});
