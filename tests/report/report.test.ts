/**
 * The HTML report: self-contained (no scripts, no URLs), every text from the workbook or a scenario
 * escaped, charts as inline SVG, and the model's numbers in the tables.
 */
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import { compareResults } from "../../src/compare/index.js";
import { comparisonReport, escapeHtml } from "../../src/report/index.js";
import { formatDiff, formatNumber } from "../../src/report/format.js";
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

  test("inline SVG charts: one fan per scenario and the target probability bars", () => {
    expect(html.match(/<svg /g)?.length).toBe(model.fans.length + 1);
    expect(html).toContain(`aria-label="${escapeHtml(EVIL)}"`);
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
