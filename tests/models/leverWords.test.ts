/**
 * models/levers/describe.ts: each ratio rule in words, in both languages, as 运行记录, the comparison and
 * the report show them; the model version line from the version 2 fields a scenario uses.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { describeRatioRule, describeRatios, describeScenarioVersion } from "../../models/levers/describe.js";
import { parseScenario } from "../../models/scenario.js";
import { versionTwoFields } from "../../models/version.js";

describe("describeRatioRule", () => {
  test("change: percentage points a year, signed, without float noise", () => {
    expect(describeRatioRule({ change: 0.012 })).toEqual({ zh: "每年 +1.2 个百分点", en: "+1.2 points a year" });
    // 0.1 + 0.2 = 0.30000000000000004: six decimals at most.
    expect(describeRatioRule({ change: -(0.001 + 0.002) })).toEqual({ zh: "每年 −0.3 个百分点", en: "−0.3 points a year" });
    expect(describeRatioRule({ change: 0 })).toEqual({ zh: "每年 0 个百分点", en: "0 points a year" });
    expect(describeRatioRule({ change: 0.01 }).en).toBe("+1 point a year");
  });

  test("path: years in order with the value as a percentage", () => {
    expect(describeRatioRule({ path: { "2025": 0.6, "2020": 0.5 } })).toEqual({
      zh: "2020 年 50%、2025 年 60%",
      en: "50% in 2020, 60% in 2025",
    });
    expect(describeRatioRule({ path: { "2022": 0.204 } }).zh).toBe("2022 年 20.4%");
  });

  test("expr: the expression as written", () => {
    expect(describeRatioRule({ expr: "min(base*1.05^k, 0.6)" })).toEqual({
      zh: "表达式 min(base*1.05^k, 0.6)",
      en: "expression min(base*1.05^k, 0.6)",
    });
  });
});

describe("describeRatios", () => {
  test("one line per rule: levers in model.md's order, then region, levels, platforms", () => {
    const s = parseScenario({
      name: "杠杆",
      horizon: 2025,
      ratios: {
        highTech: { byLevel: { provincial: { path: { "2025": 0.6 } }, national: { change: 0.012 } } },
        tax: { change: 0.001, byPlatform: { 甲经开区: { expr: "base + 0.003*k" } } },
        rd: { path: { "2020": 0.025 } },
      },
    });
    expect(describeRatios(s.ratios)).toEqual([
      {
        zh: "税收产值比（税收/产值） · 其余平台：每年 +0.1 个百分点",
        en: "Tax ratio (tax / output) · other platforms: +0.1 points a year",
      },
      {
        zh: "税收产值比（税收/产值） · “甲经开区”：表达式 base + 0.003*k",
        en: 'Tax ratio (tax / output) · "甲经开区": expression base + 0.003*k',
      },
      { zh: "研发投入占比 · 全市：2020 年 2.5%", en: "R&D share · region: 2.5% in 2020" },
      { zh: "高新技术产业增加值占比 · 国家级：每年 +1.2 个百分点", en: "High-tech share of value added · national: +1.2 points a year" },
      { zh: "高新技术产业增加值占比 · 省级：2025 年 60%", en: "High-tech share of value added · provincial: 60% in 2025" },
    ]);
    expect(describeRatios(parseScenario({ name: "无", horizon: 2025 }).ratios)).toEqual([]);
  });

  test("stays light: no zod or mathjs import (the pane shows these words before loading either)", () => {
    const source = readFileSync(new URL("../../models/levers/describe.ts", import.meta.url), "utf8");
    const imports = source.split("\n").filter((line) => /^import(?! type)/.test(line));
    expect(imports.join("\n")).not.toMatch(/zod|mathjs|ratioSchema|ratioExpression/);
  });
});

describe("describeScenarioVersion", () => {
  test("a version 1 scenario says so; a version 2 scenario names its fields", () => {
    expect(describeScenarioVersion(versionTwoFields(parseScenario({ name: "v1", horizon: 2025 })))).toEqual({
      zh: "1（只用版本 1 字段，结果与版本 1 相同）",
      en: "1 (version 1 fields only: the same results as version 1)",
    });
    const v2 = parseScenario({
      name: "v2",
      horizon: 2025,
      ratios: { highTech: { change: 0.01 } },
      growth: { distribution: "pert", low: 0.02, mode: 0.05, high: 0.09 },
    });
    expect(describeScenarioVersion(versionTwoFields(v2))).toEqual({
      zh: "2（版本 2 字段：ratios.highTech、growth.distribution）",
      en: "2 (version 2 fields: ratios.highTech, growth.distribution)",
    });
  });
});
