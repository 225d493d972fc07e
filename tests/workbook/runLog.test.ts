/**
 * 运行记录 and model version 2: the model version the scenario needs (1 for a scenario of version 1
 * fields only, 2 with the fields named), and the ratio levers in words when the scenario moves ratios.
 */
import { describe, expect, it } from "vitest";
import { MODEL_VERSION } from "../../models/version.js";
import { buildRunLogSheet } from "../../src/workbook/results/runLog.js";
import type { SheetSpec } from "../../src/workbook/sheetSpec.js";
import { makeResult, runContext } from "./resultFixture.js";

const item = (s: SheetSpec, label: string) => s.rows.find((r) => r[0]?.v === label)?.[1]?.v;
const firstCells = (s: SheetSpec) => s.rows.map((r) => r[0]?.v);

describe("运行记录: the scenario's model version and ratio levers", () => {
  it("a version 1 scenario: model 1 line right after the engine's model version, no lever block", () => {
    const s = buildRunLogSheet(makeResult(), runContext);
    const labels = firstCells(s);
    const at = labels.indexOf("模型版本 / Model version");
    expect(s.rows[at][1].v).toBe(MODEL_VERSION);
    expect(labels[at + 1]).toBe("情景所用模型版本 / Scenario's model version");
    expect(item(s, "情景所用模型版本 / Scenario's model version")).toBe(
      "1（只用版本 1 字段，结果与版本 1 相同） / 1 (version 1 fields only: the same results as version 1)",
    );
    expect(labels.some((v) => String(v).startsWith("政策杠杆"))).toBe(false);
  });

  it("a version 2 scenario with ratios: model 2 line naming its fields, each lever rule in words", () => {
    const result = makeResult({
      ratios: {
        highTech: { byLevel: { national: { change: 0.012 } } },
        rd: { path: { "2018": 0.03 } },
      },
      exits: { mode: "phased" },
    });
    const s = buildRunLogSheet(result, runContext);
    expect(item(s, "情景所用模型版本 / Scenario's model version")).toBe(
      "2（版本 2 字段：ratios.rd、ratios.highTech、exits.mode） / 2 (version 2 fields: ratios.rd, ratios.highTech, exits.mode)",
    );
    const labels = firstCells(s);
    const block = labels.indexOf("政策杠杆（2 条）/ Ratio levers (2)");
    expect(block).toBeGreaterThan(labels.indexOf("结束时间 (UTC) / Finished (UTC)"));
    expect(labels.slice(block + 1, block + 3)).toEqual([
      "研发投入占比 · 全市：2018 年 3% / R&D share · region: 3% in 2018",
      "高新技术产业增加值占比 · 国家级：每年 +1.2 个百分点 / High-tech share of value added · national: +1.2 points a year",
    ]);
    // The block is plain rows: the sheet's tables are as before.
    expect(s.tables?.map((t) => t.name)).toEqual(["PP_Run", "PP_Issues", "PP_Warnings"]);
  });
});

describe("运行记录: growth calibration from history", () => {
  // Hand-made fit: 甲 mean 8%, sd 2% → 低/中/高 = 8% ∓ 1.2816 × 2% = 5.437% / 8% / 10.563%; 乙 the region's pool alone.
  const calibration = (applied: [boolean, boolean, boolean]) => ({
    rho: 0.4,
    correlation: 0.5,
    platforms: [
      {
        name: "甲",
        level: "provincial" as const,
        mean: 0.08,
        sd: 0.02,
        low: 0.08 - 1.2816 * 0.02,
        mode: 0.08,
        high: 0.08 + 1.2816 * 0.02,
        years: 4,
        weight: 0.75,
        pool: "level" as const,
        applied: applied[0],
      },
      {
        name: "乙",
        level: null,
        mean: 0.05,
        sd: 0.03,
        low: 0.05 - 1.2816 * 0.03,
        mode: 0.05,
        high: 0.05 + 1.2816 * 0.03,
        years: 0,
        weight: 0,
        pool: "region" as const,
        applied: applied[1],
      },
      {
        name: "丙",
        level: null,
        mean: 0.06,
        sd: 0.01,
        low: 0.06 - 1.2816 * 0.01,
        mode: 0.06,
        high: 0.06 + 1.2816 * 0.01,
        years: 2,
        weight: 0.5,
        pool: "region" as const,
        applied: applied[2],
      },
    ],
    levels: {},
    region: { mean: 0.06, sd: 0.02, between: 0.01, platforms: 2, years: 6 },
  });

  it("is absent when calibration is off: no title, no table", () => {
    const s = buildRunLogSheet(makeResult(), runContext);
    expect(firstCells(s).some((v) => String(v).startsWith("增长校准"))).toBe(false);
    expect(s.tables?.map((t) => t.name)).toEqual(["PP_Run", "PP_Issues", "PP_Warnings"]);
  });

  it("records ρ fitted and used, and per platform mean, sd, 低/中/高, years, weight, pool and use", () => {
    const result = makeResult({ growth: { fromHistory: { byPlatform: { 甲: true, 乙: true } }, byPlatform: { 乙: { sd: 0.04 } } } });
    result.calibration = calibration([true, true, false]);
    const s = buildRunLogSheet(result, runContext);
    const labels = firstCells(s);
    const title = labels.indexOf("增长校准（由历史数据估计） / Growth calibration (fitted from history)");
    expect(title).toBeGreaterThan(labels.indexOf("结束时间 (UTC) / Finished (UTC)"));
    expect(title).toBeLessThan(labels.findIndex((v) => String(v).startsWith("输入检查")));
    expect(s.rows[title + 1].map((c) => c.v)).toEqual(["拟合 ρ / Fitted ρ", 0.4]);
    expect(s.rows[title + 1][1].fmt).toBe("ratio3");
    expect(s.rows[title + 2].map((c) => c.v)).toEqual(["所用 ρ / ρ used", 0.5]);
    const table = s.tables!.find((t) => t.name === "PP_Calibration")!;
    expect(table.range.top).toBe(title + 3);
    expect(s.rows[title + 3].map((c) => c.v)).toEqual([
      "平台 / Platform",
      "拟合均值 / Fitted mean",
      "标准差 / Sd",
      "低 P10 / Low P10",
      "中 P50 / Mode P50",
      "高 P90 / High P90",
      "历史年数 / Years of history",
      "收缩权重 / Shrinkage weight",
      "收缩目标 / Pooled toward",
      "使用 / Use",
    ]);
    const [a, b, c] = s.rows.slice(title + 4, title + 7);
    expect(a.map((x) => x.v)).toEqual(["甲", 0.08, 0.02, 0.054368, 0.08, 0.105632, 4, 0.75, "本级别 / its level", "已采用 / applied"]);
    expect(a.slice(1).map((x) => x.fmt)).toEqual(["pct", "pct", "pct", "pct", "pct", "int", "ratio3", undefined, undefined]);
    // 乙's own sd in growth.byPlatform wins over the fitted one: overridden.
    expect(b[0].v).toBe("乙");
    expect(b[9].v).toBe("分析人员覆盖（growth.byPlatform） / overridden by the analyst (growth.byPlatform)");
    expect(b[8].v).toBe("全区域 / the region");
    expect(c[9].v).toBe("未采用（不在 fromHistory 范围内） / not applied (not covered by fromHistory)");
    expect(table.range.bottom).toBe(title + 6);
  });

  it("says 无法估计 when ρ cannot be fitted, and an analyst's 低/中/高 guess overrides the fit in full", () => {
    const result = makeResult({
      growth: { fromHistory: true, byPlatform: { 甲: { distribution: "triangular", low: 0.02, mode: 0.05, high: 0.09 } } },
    });
    result.calibration = { ...calibration([false, true, true]), rho: null };
    const s = buildRunLogSheet(result, runContext);
    expect(item(s, "拟合 ρ / Fitted ρ")).toBe("无法估计 / not estimable");
    const row = s.rows.find((r) => r[0]?.v === "甲")!;
    expect(row[9].v).toBe("分析人员覆盖（growth.byPlatform） / overridden by the analyst (growth.byPlatform)");
    expect(s.rows.find((r) => r[0]?.v === "丙")![9].v).toBe("已采用 / applied");
  });
});
