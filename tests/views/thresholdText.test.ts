/**
 * One threshold text for the pane and the command line (src/views/thresholdText.ts), on the 嘉兴 sample
 * with its own scenario file: JX-1 "原则上每个县保留 1～2 家重大平台，确有需要的可适当增加 1～2 家" is the
 * plan's range 1–2 (strictMax 2) with the allowance 4 (thresholdMax, which "met" goes by), never "1–4".
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { SimulationResult } from "../../models/results.js";
import { summaryText } from "../../src/cli/summary.js";
import { runScenario } from "../../src/pipeline/runScenario.js";
import { thresholdText as paneThresholdText } from "../../src/taskpane/hooks/targetView.js";
import { summaryLine, targetSummaries } from "../../src/views/targetSummary.js";
import { thresholdLine, thresholdText } from "../../src/views/thresholdText.js";
import { buildTargetsSheet } from "../../src/workbook/results/targets.js";
import { words } from "../../src/workbook/results/language.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

let result: SimulationResult;

beforeAll(async () => {
  const book = await XlsxWorkbook.open(readFileSync("assets/samples/jiaxing-2017.xlsx"), "jiaxing-2017.xlsx");
  const scenario = JSON.parse(readFileSync("assets/samples/jiaxing-2017.scenario.json", "utf8")) as Record<string, unknown>;
  ({ result } = await runScenario(book, { scenario, write: false }));
}, 60_000);

describe("threshold text on the 嘉兴 sample", () => {
  it("JX-1: the plan's 1–2 with the allowance 4 apart, for each of the nine counties", () => {
    const jx1 = result.targets.filter((t) => t.id === "JX-1");
    expect(jx1).toHaveLength(9);
    for (const t of jx1) {
      expect([t.comparison, t.threshold, t.strictMax, t.thresholdMax]).toEqual(["between", 1, 2, 4]);
      expect(thresholdText(t)).toEqual({ text: "1–2", allowance: "4" });
      expect(thresholdLine(t, "zh")).toBe("1–2（放宽上限 4）");
      expect(thresholdLine(t, "en")).toBe("1–2 (allowance up to 4)");
    }
    // 平湖市 keeps 2 major platforms (the upper end of the plan's range), the others 1: all met.
    expect(jx1.map((t) => [t.subject, t.value, t.met])).toContainEqual(["平湖市", 2, true]);
    expect(jx1.every((t) => t.met === true)).toBe(true);
  });

  it("comparisons keep their sign and metric style: JX-3 ≥ 80.00 (亿元), JX-7 ≥ 500.0 (万元/亩), JX-13 ≥ 30.0%", () => {
    const first = (id: string) => result.targets.find((t) => t.id === id)!;
    expect(thresholdLine(first("JX-3"), "zh")).toBe("≥ 80.00");
    expect(thresholdLine(first("JX-7"), "zh")).toBe("≥ 500.0");
    expect(thresholdLine(first("JX-13"), "en")).toBe("≥ 30.0%");
    // JX-12 cannot be evaluated on the sheet: no threshold.
    expect(thresholdText(first("JX-12"))).toEqual({ text: "—", allowance: null });
  });

  it("the pane's threshold text is this function", () => {
    expect(paneThresholdText).toBe(thresholdText);
  });

  it("the CLI summary shows JX-1 as 1–2 with its allowance, never the allowance's 1–4; the per-target line as 达标 opens with it", () => {
    const text = summaryText(result, {
      sheet: "平台基本情况",
      platforms: result.platforms.length,
      issues: 0,
      scenarioFrom: "test",
      maxTargets: 200,
    });
    const rows = text.split("\n").filter((l) => l.startsWith("JX-1 "));
    expect(rows).toHaveLength(9);
    for (const row of rows) expect(row.split(/\s{2,}/).slice(4, 6)).toEqual(["1–2（放宽上限 4）", "达标"]);
    expect(text).not.toContain("1–4");
    const jx1 = targetSummaries(result).find((s) => s.id === "JX-1")!;
    expect([jx1.subjects, jx1.evaluable, jx1.met, jx1.probability]).toEqual([9, 9, 9, 1]);
    expect(summaryLine(jx1, "zh")).toBe("JX-1 每县保留 1–2 个重大平台（确有需要可增加 1–2 家）：9/9 个县达标，全部达标概率 100.0%");
    expect(text).toContain(`  ${summaryLine(jx1, "zh")}`);
  });

  it("达标: JX-1's 阈值 1 and 阈值上限 2 (the plan's range), the allowance 4 in 备注; other ranges and comparisons as before", () => {
    const sheet = buildTargetsSheet(result);
    const header = sheet.rows.findIndex((r) => r[0]?.v === "编号 / ID");
    const col = (name: string) => sheet.rows[header].findIndex((c) => c.v === name);
    const [lo, hi, notes] = [col("阈值 / Threshold"), col("阈值上限 / Upper threshold"), col("备注 / Notes")];
    const rows = sheet.rows.slice(header + 1).filter((r) => r[0]?.v === "JX-1");
    expect(rows).toHaveLength(9);
    for (const r of rows) expect([r[lo].v, r[hi].v, r[notes].v]).toEqual([1, 2, "放宽上限 4 / allowance up to 4"]);
    // A comparison has no upper bound and no allowance note.
    const jx7 = sheet.rows.slice(header + 1).find((r) => r[0]?.v === "JX-7")!;
    expect([jx7[lo].v, jx7[hi].v, jx7[notes].v ?? null]).toEqual([500, null, null]);
    // A Chinese-only sheet: the allowance in Chinese only.
    const zh = buildTargetsSheet(result, words("zh"));
    const zhHeader = zh.rows.findIndex((r) => r[0]?.v === "编号");
    const zhNotes = zh.rows[zhHeader].findIndex((c) => c.v === "备注");
    expect(zh.rows.slice(zhHeader + 1).find((r) => r[0]?.v === "JX-1")![zhNotes].v).toBe("放宽上限 4");
  });
});
