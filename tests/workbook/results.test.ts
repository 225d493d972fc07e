import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { buildResultSheets, isParkPlanSheet } from "../../src/workbook/results/index.js";
import { headerLines, textWidth } from "../../src/workbook/results/layout.js";
import type { SheetSpec, SpecCell } from "../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { makeResult, runContext } from "./resultFixture.js";

const sheets = buildResultSheets(makeResult(), runContext);
const sheet = (name: string): SheetSpec => sheets.find((s) => s.name === name)!;
const values = (row: SpecCell[] | undefined) => (row ?? []).map((c) => c.v);
const fmts = (row: SpecCell[]) => row.map((c) => c.fmt ?? null);

describe("buildResultSheets", () => {
  it("builds 预测, 达标, 汇总, 运行记录 in that order, all ParkPlan sheets", () => {
    expect(sheets.map((s) => s.name)).toEqual(["预测", "达标", "汇总", "运行记录"]);
    expect(sheets.every((s) => isParkPlanSheet(s.name))).toBe(true);
    expect(isParkPlanSheet("_parkplan")).toBe(true);
    expect(isParkPlanSheet("平台清单")).toBe(false);
    for (const s of sheets) expect(s.rows[0][0]).toEqual({ v: "平台优化提升情景模拟 · 测试方案", style: "title" });
  });

  it("预测: one row per platform-year with metrics, binding and P10/P50/P90 in report years", () => {
    const s = sheet("预测");
    const head = values(s.rows[2]);
    expect(head).toHaveLength(5 + 12 + 1 + 9);
    expect(head.slice(0, 6)).toEqual([
      "平台 / Platform",
      "县 / County",
      "级别 / Level",
      "类型 / Type",
      "年份 / Year",
      "产值（亿元）/ Output (100M yuan)",
    ]);
    expect(head[13]).toBe("亩均产出（万元/亩）/ Output per mu (10k yuan/mu)");
    expect(head[16]).toBe("单位增加值能耗（吨标煤/万元）/ Energy per value added (tce/10k yuan)");
    expect(head[17]).toBe("约束 / Binding");
    expect(head[18]).toBe("产值 P10（亿元）/ Output P10 (100M yuan)");
    expect(head[26]).toBe("亩均税收 P90（万元/亩）/ Tax per mu P90 (10k yuan/mu)");
    expect(s.rows[2].every((c) => c.style === "header")).toBe(true);

    expect(values(s.rows[3]).slice(0, 8)).toEqual(["嘉兴经济技术开发区", "南湖区", "国家级", "主平台", 2017, 1000, 20000, 204]);
    expect(fmts(s.rows[3]).slice(4, 17)).toEqual([
      null,
      "yi",
      "int",
      "yi",
      "yi",
      "yi",
      "yi",
      "yi",
      "yi",
      "perMu",
      "perMu",
      "perMu",
      "ratio3",
    ]);
    expect(s.rows[3][17].v).toBe("—");
    // No statistics in the base year: the quantile cells are empty.
    expect(values(s.rows[3]).slice(18)).toEqual(Array(9).fill(null));
    const a2018 = values(s.rows[4]);
    expect(a2018[4]).toBe(2018);
    expect(a2018[13]).toBe(538.5);
    expect(a2018[17]).toBe("用地 / land");
    expect(a2018.slice(18, 27)).toEqual([1020.5, 1077, 1140.25, 510.25, 538.5, 570.125, 25.5, 26.925, 28.5]);
    expect(s.rows[4][21].fmt).toBe("perMu");

    const b2018 = s.rows[6];
    expect(values(b2018).slice(0, 5)).toEqual(["=平湖分区", "平湖市", "—", "分区", 2018]);
    expect(b2018[16].v).toBeNaN();
    expect(b2018[17].v).toBe("能耗 / energy");
    expect(values(b2018).slice(18)).toEqual(Array(9).fill(null));

    expect(s.tables).toEqual([{ name: "PP_Projection", header: true, range: { top: 2, left: 0, bottom: 6, right: 26 } }]);
    expect(s.frozen).toEqual({ rows: 3, cols: 0 });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 26 }]);
    // 嘉兴经济技术开发区 = 9 CJK characters = 18 units, + 2; a header asks for each language's half on two
    // lines: "产值（亿元）" 12 → 6, "Output (100M yuan)" 18 → 9, + 2 (it was 20: the English on one line).
    expect(s.columnWidths?.[0]).toBe(20);
    expect(s.columnWidths?.[4]).toBe(6);
    expect(s.columnWidths?.[5]).toBe(11);
    // So the header row grows: in 10 units of room, "产值（亿元" + "）" and "Output" + "(100M" + "yuan)"; the
    // row is as high as its header of the most lines, 15 pt a line + 2.
    expect(headerLines(String(s.rows[2][5].v), 11)).toBe(5);
    const lines = Math.max(...s.rows[2].map((c, k) => headerLines(String(c.v), s.columnWidths![k])));
    expect(lines).toBeGreaterThanOrEqual(5);
    expect(s.rowHeights?.[2]).toBe(lines * 15 + 2);
  });

  it("达标: checks with value, gap, met mark and highlights", () => {
    const s = sheet("达标");
    // One line per target above the table (each of the fixture's targets has one subject): met or not and its probability.
    expect(s.rows.slice(2, 7).map((r) => r[0]?.v)).toEqual([
      "目标小结 / Summary by target",
      "JX-7 亩均产出 ≥ 500万元/亩：达标，达标概率 85.0%",
      "JX-8 亩均税收 ≥ 30万元/亩：未达标，达标概率 10.0%",
      "JX-4 主导产业链 1–2 条：不可评估",
      undefined,
    ]);
    const H = 7; // the table's header row, under the summary
    // The summary lines overflow into the empty cells to their right: column A is as wide as its table
    // cells (the header "编号 / ID" one language a line: 4; ids like "JX-7": 4; + 2 of padding = 6), not 60
    // (the cap a summary line would reach): a wider column A only shrinks the printed sheet.
    expect(textWidth(String(s.rows[3][0].v))).toBeGreaterThan(40);
    expect(s.columnWidths![0]).toBe(6);
    expect(values(s.rows[H])).toHaveLength(19);
    expect(s.rows[H][12].v).toBe("达标 / Met");
    expect(values(s.rows[H + 1])).toEqual([
      "JX-7",
      "亩均产出 ≥ 500万元/亩",
      "Output per mu ≥ 500",
      "平台 / platform",
      "嘉兴经济技术开发区",
      2018,
      "亩均产出（万元/亩）/ Output per mu (10k yuan/mu)",
      "≥",
      500,
      null,
      538.5,
      38.5,
      "是",
      0.85,
      2018,
      2018,
      null,
      null,
      "含分区 / sub-parks included",
    ]);
    expect(fmts(s.rows[H + 1]).slice(8, 14)).toEqual(["perMu", "perMu", "perMu", "perMu", null, "pct"]);
    expect(s.rows[H + 1][12].style).toBe("met");
    expect(values(s.rows[H + 2]).slice(10, 16)).toEqual([26.925, -3.075, "否", 0.1, null, null]);
    expect(s.rows[H + 2][12].style).toBe("notMet");
    const na = s.rows[H + 3];
    expect(values(na).slice(6, 18)).toEqual([
      "—",
      "≥",
      1,
      null,
      null,
      null,
      "—",
      null,
      null,
      null,
      "平台表没有产业链数据",
      "the platform sheet has no industrial chain data",
    ]);
    expect(na[12].style).toBe("na");
    expect(na[8].fmt).toBeUndefined();
    const data = { top: H + 1, left: 0, bottom: H + 3, right: 18 };
    expect(s.conditionalFormats).toEqual([
      { range: data, column: 12, equals: "是", style: "met" },
      { range: data, column: 12, equals: "否", style: "notMet" },
      { range: data, column: 12, equals: "—", style: "na" },
    ]);
    expect(s.tables).toEqual([{ name: "PP_Targets", header: true, range: { ...data, top: H } }]);
  });

  it("汇总: roll-ups main → county → region, the balance and the base-year evaluation", () => {
    const s = sheet("汇总");
    expect(s.rows[4].slice(0, 4).map((c) => c.v)).toEqual(["名称 / Name", "类别 / Kind", "成员数 / Members", "年份 / Year"]);
    expect(values(s.rows[5]).slice(0, 6)).toEqual([
      "嘉兴经济技术开发区",
      "主平台及分区 / main platform with sub-parks",
      2,
      2017,
      1200,
      25000,
    ]);
    // (1000 + 200)亿 × 10^4 / 25,000 亩 = 480 万元/亩.
    expect(s.rows[5][12]).toEqual({ v: 480, fmt: "perMu" });
    expect(values(s.rows[7]).slice(0, 4)).toEqual(["南湖区", "县 / county", 1, 2017]);
    expect(values(s.rows[10]).slice(0, 5)).toEqual(["全市", "全市 / region", 2, 2018, 1287]);
    expect(s.rows[12][0].v).toBe("用地与能耗平衡 / Land and energy balance");
    // Land returned from exits (腾退回用, model.md §2.3) sits after the unallocated land.
    expect(values(s.rows[14])).toEqual([2017, 0, 0, 0, 0, null, null, null, 0, 0]);
    expect(values(s.rows[15])).toEqual([2018, 500, 480, 20, 0, 120, 118.5, 1.5, 0, 0]);
    expect(fmts(s.rows[15])).toEqual([null, "int", "int", "int", "int", "yi", "yi", "yi", "yi", "yi"]);
    expect(s.rows[18][0].v).toBe("亩均效益评价（2017 年）/ Per-mu efficiency evaluation (2017)");
    expect(values(s.rows[19])).toEqual([
      "平台 / Platform",
      "得分 / Score",
      "等级 / Class",
      "排名 / Rank",
      "评价数据 / Evaluation data",
      "亩均税收（万元/亩）/ Tax per mu (10k yuan/mu)",
      "亩均税收得分 / Tax per mu score",
      "亩均增加值（万元/亩）/ Value added per mu (10k yuan/mu)",
      "亩均增加值得分 / Value added per mu score",
    ]);
    expect(values(s.rows[20])).toEqual(["嘉兴经济技术开发区", 92.2, "A 优先发展类 / priority", 1, "完整 / complete", 25, 62.2, 102, 30]);
    expect(values(s.rows[21]).slice(0, 5)).toEqual(["=平湖分区", 63.8, "C 调控帮扶类 / controlled", 2, "完整 / complete"]);
    expect(s.rows[22][0].v).toBe("权重 / Weights: 亩均税收 60，亩均增加值 40");
    expect(s.rows[23][0].v).toBe("基准值 / Benchmarks: 亩均税收 24.1，亩均增加值 136.2");
    expect(s.rows[24][0].v).toMatch(/^同分平台同等级、同排名.* \/ Equal scores share a class and a rank/);
    expect(s.rows[25][0].v).toMatch(/^未纳入指标.*：单位排放增加值 \/ Omitted .*: Value added per emission$/);
    expect(s.tables?.map((t) => [t.name, t.range.top, t.range.bottom])).toEqual([
      ["PP_Rollups", 4, 10],
      ["PP_Balances", 13, 15],
      ["PP_Evaluation", 19, 21],
    ]);
  });

  it("运行记录: run facts, issues, warnings and the scenario JSON that joins back", () => {
    const s = sheet("运行记录");
    const item = (label: string) => s.rows.find((r) => r[0]?.v === label)?.[1]?.v;
    expect(item("引擎 / Engine")).toBe("ParkPlan");
    expect(item("情景名称 / Scenario")).toBe("测试方案");
    expect(item("随机种子 / Seed")).toBe("jx");
    expect(item("模拟次数 / Monte Carlo runs")).toBe(500);
    expect(item("基准年 / Base year")).toBe(2017);
    expect(item("报告年份 / Report years")).toBe("2018");
    expect(item("输入文件 / Input file")).toBe("jiaxing-2017.xlsx");
    expect(item("输入工作表 / Input sheet")).toBe("平台清单");
    expect(item("输入数据哈希 / Input data hash")).toBe("sha256:abc123");
    expect(item("开始时间 (UTC) / Started (UTC)")).toBe("2026-11-03T08:00:00.000Z");
    expect(item("用时（秒）/ Duration (s)")).toBe(12.5);
    const issue = s.rows.findIndex((r) => r[0]?.v === "unit-guessed");
    expect(values(s.rows[issue])).toEqual(["unit-guessed", "警告 / warning", "平台清单", "C3", "单位按万元理解", "unit taken as 万元"]);
    expect(values(s.rows.find((r) => r[0]?.v === "land-capped"))).toEqual([
      "land-capped",
      "=平湖分区",
      "用地已达可开发空间",
      "land reached developable space",
    ]);
    expect(s.tables?.map((t) => t.name)).toEqual(["PP_Run", "PP_Issues", "PP_Warnings"]);
    expect(s.frozen).toEqual({ rows: 1, cols: 0 });
  });

  it("运行记录: a scenario line longer than a cell is split across cells and joins back", () => {
    const long = "园".repeat(40_000);
    const result = makeResult({ growth: { byPlatform: { [long]: { mean: 0.1 } } } });
    const s = buildResultSheets(result, { ...runContext, issues: [] }).find((x) => x.name === "运行记录")!;
    const start = s.rows.findIndex((r) => String(r[0]?.v).startsWith("情景（JSON")) + 1;
    const lines = s.rows.slice(start).map((r) => r.map((c) => c.v).join(""));
    expect(JSON.parse(lines.join("\n"))).toEqual(result.scenario);
    expect(Math.max(...s.rows.slice(start).map((r) => r.length))).toBe(2);
    expect(s.rows.some((r) => r[0]?.v === "无。 / None.")).toBe(true);
    expect(s.tables?.map((t) => t.name)).toEqual(["PP_Run", "PP_Warnings"]);
  });

  it("汇总's 评价数据 names the indicators a platform has no value for (scored with the average item); ties show one rank", () => {
    const result = makeResult();
    const [first, second] = result.evaluation.platforms;
    // =平湖分区 lacks tax (a default ratio is no value): its tax item is the others' average, 62.2.
    first.items.taxPerMu = { value: null, score: 62.2 };
    first.score = 86.2;
    // Both indicators missing for a third platform, tied with 嘉兴经济技术开发区 at 92.2: the same rank.
    result.evaluation.platforms.push({
      name: "海宁",
      score: 92.2,
      class: "A",
      rank: 1,
      items: { taxPerMu: { value: null, score: 62.2 }, valueAddedPerMu: { value: null, score: 30 } },
    });
    first.rank = 3;
    const s = buildResultSheets(result, runContext)[2];
    const evaluation = s.tables!.find((t) => t.name === "PP_Evaluation")!.range.top;
    const rows = s.rows.slice(evaluation + 1, evaluation + 4).map((r) => values(r).slice(0, 5));
    expect(rows).toEqual([
      [second.name, 92.2, "A 优先发展类 / priority", 1, "完整 / complete"],
      [
        "海宁",
        92.2,
        "A 优先发展类 / priority",
        1,
        "估算（取平均得分）：亩均税收、亩均增加值 / estimated (average item score): Tax per mu, Value added per mu",
      ],
      ["=平湖分区", 86.2, "C 调控帮扶类 / controlled", 3, "估算（取平均得分）：亩均税收 / estimated (average item score): Tax per mu"],
    ]);
    // The missing value is an empty cell, its item score a number.
    expect(values(s.rows[evaluation + 3]).slice(5)).toEqual([null, 62.2, 81.6, 24]);
  });

  it("预测 and 汇总 have no quantile columns without Monte Carlo statistics", () => {
    const plain = makeResult();
    plain.platforms = plain.platforms.map(({ stats: _stats, ...p }) => p);
    const [projection, , rollups] = buildResultSheets(plain, runContext);
    expect(projection.rows[2]).toHaveLength(18);
    expect(projection.rows[2][17].v).toBe("约束 / Binding");
    expect(projection.tables?.[0].range.right).toBe(17);
    expect(rollups.rows[4]).toHaveLength(4 + 12);
  });

  it("writes no table or highlight for an empty target list", () => {
    const s = buildResultSheets({ ...makeResult(), targets: [] }, runContext)[1];
    expect(s.tables).toEqual([]);
    expect(s.conditionalFormats).toEqual([]);
    expect(s.rows).toHaveLength(3);
  });

  it("textWidth counts CJK and full-width characters as 2", () => {
    expect(textWidth("产值（亿元）/ Output")).toBe(12 + 8);
    expect(textWidth("ab😀")).toBe(4);
  });
});

describe("result sheets through the adapters", () => {
  it("memory: text stays text and NaN reads back empty", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheets(sheets);
    const grid = await wb.readGrid("预测");
    expect(grid.values[6][0]).toBe("=平湖分区");
    expect(grid.values[6][16]).toBeNull();
  });

  it("xlsx: the four sheets open in exceljs with formats, tables and frozen headers", async () => {
    const port = XlsxWorkbook.create();
    await port.writeSheets(sheets);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["预测", "达标", "汇总", "运行记录"]);
    const ws = wb.getWorksheet("预测")!;
    expect(ws.getCell("F4").value).toBe(1000);
    expect(ws.getCell("F4").numFmt).toBe("0.00");
    expect(ws.getCell("N4").numFmt).toBe("0.0");
    expect(ws.getCell("A7").value).toBe("=平湖分区");
    expect(ws.getCell("Q7").value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getColumn(1).width).toBe(20);
    expect(wb.getWorksheet("达标")!.getCell("N9").numFmt).toBe("0.0%");
    expect(wb.worksheets.flatMap((w) => w.getTables().map((t) => (t as unknown as ExcelJS.Table).name))).toEqual([
      "PP_Projection",
      "PP_Targets",
      "PP_Rollups",
      "PP_Balances",
      "PP_Evaluation",
      "PP_Run",
      "PP_Issues",
      "PP_Warnings",
    ]);
  });
});
