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
