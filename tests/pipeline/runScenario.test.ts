/**
 * runScenario end to end over an in-memory workbook (and one .xlsx built with exceljs): what it writes,
 * what it refuses to overwrite, what it reads, and that a failed run leaves the workbook as it was.
 */
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { simulate } from "../../models/simulate.js";
import {
  InputError,
  inputHash,
  resultKey,
  runScenario,
  storedValue,
  WRITTEN_SHEETS_KEY,
  type RunRequest,
  type StoredResult,
} from "../../src/pipeline/index.js";
import type { CellValue, SheetGrid } from "../../src/workbook/grid.js";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook.js";
import { WorkbookError, type WorkbookPort } from "../../src/workbook/port.js";
import type { SheetSpec } from "../../src/workbook/sheetSpec.js";
import { readPlatformSheet } from "../../src/workbook/sheet/index.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

const RESULTS = ["预测", "达标", "汇总", "运行记录"];
const HEAD = ["平台名称", "所在县（市、区）", "级别", "整合类型", "整合去向", "工业用地面积", "产值", "税收"];
/** Three platforms of 2019: one main platform with a sub-park, one kept platform (亩, 亿元). */
const ROWS: CellValue[][] = [
  ["甲经开区", "南湖区", "国家级", "主平台", null, 10000, 500, 25],
  ["乙园", "南湖区", "省级", "分区", "甲经开区", 2000, 60, 2],
  ["丙园", "秀洲区", "县级", "保留", null, 3000, 90, 3],
];

function grid(sheet: string, values: CellValue[][]): SheetGrid {
  return { sheet, values, merges: [], tables: [] };
}

/** The platform sheet: a title naming the base year, the header in row 2, data from row 3. */
function platformGrid(rows: CellValue[][] = ROWS, title = "某市工业平台基本情况（2019年）"): SheetGrid {
  return grid("平台", [[title], HEAD, ...rows]);
}

const NOTES = grid("说明", [["说明"], ["本表产值为规上工业总产值，单位亿元"], ["用地面积单位为亩"]]);
const USER = grid("我的分析", [
  ["备注", "数值"],
  ["甲经开区目标", 600],
  ["乙园", "待定"],
]);

/** Deterministic, no base year: the sheet title supplies 2019. */
const SCENARIO = {
  name: "测试方案",
  horizon: [2020, 2021],
  monteCarlo: { runs: 0 },
  targets: [
    { id: "OUT", level: "region", metric: "output", comparison: ">=", threshold: 600 },
    { id: "RD", level: "platform", metric: "rdShare", comparison: ">=", threshold: 0.03 },
  ],
};

const FIXED = new Date("2024-05-06T07:08:09.000Z");
const request = (extra: Partial<RunRequest> = {}): RunRequest => ({
  scenario: SCENARIO,
  inputFile: "test.xlsx",
  now: () => FIXED,
  ...extra,
});

/** Records every write a run makes through the port. */
class Recording implements WorkbookPort {
  readonly kind = "memory" as const;
  readonly writes: string[] = [];
  constructor(readonly inner: MemoryWorkbook) {}
  listSheets() {
    return this.inner.listSheets();
  }
  readGrid(sheet: string) {
    return this.inner.readGrid(sheet);
  }
  async writeSheets(specs: SheetSpec[]) {
    this.writes.push(`sheets:${specs.map((s) => s.name).join(",")}`);
    return this.inner.writeSheets(specs);
  }
  readStore(key: string) {
    return this.inner.readStore(key);
  }
  async writeStore(key: string, json: string) {
    this.writes.push(`store:${key}`);
    return this.inner.writeStore(key, json);
  }
}

const names = async (port: WorkbookPort) => (await port.listSheets()).map((s) => s.name);
const texts = (g: SheetGrid) => g.values.flat().filter((v): v is string => typeof v === "string");

describe("runScenario: what it writes", () => {
  test("writes exactly the four result sheets and the writtenSheets store key, after the user's sheets", async () => {
    const port = new Recording(new MemoryWorkbook([NOTES, platformGrid(), USER]));
    const outcome = await runScenario(port, request());
    const name = outcome.result.scenario.name;
    expect(port.writes).toEqual([`sheets:${RESULTS.join(",")}`, "store:writtenSheets", `store:result:${name}`]);
    expect(WRITTEN_SHEETS_KEY).toBe("writtenSheets");
    // The stored run holds the engine's numbers for the worksheet functions.
    const stored = JSON.parse((await port.readStore(resultKey(name)))!) as StoredResult;
    const first = outcome.result.platforms[0];
    const last = first.years[first.years.length - 1];
    expect(storedValue(stored, first.name, "output", last.year)).toBe(last.output);
    expect(stored.inputHash).toBe(outcome.inputHash);
    expect(JSON.parse((await port.readStore("writtenSheets"))!)).toEqual(RESULTS);
    expect(await names(port)).toEqual(["说明", "平台", "我的分析", ...RESULTS]);
    expect(outcome.sheets.map((s) => s.name)).toEqual(RESULTS);
  });

  test("the write's warnings (a print setup refused, references into reshaped sheets) reach the outcome; none without a write", async () => {
    const warning = {
      code: "print-setup-skipped" as const,
      sheet: "预测",
      cell: null,
      zh: "预测 的打印设置未应用",
      en: "the print setup of 预测 was not applied",
    };
    const port = new Recording(new MemoryWorkbook([platformGrid()]));
    port.writeSheets = async (specs: SheetSpec[]) => {
      await port.inner.writeSheets(specs);
      return { warnings: [warning] };
    };
    expect((await runScenario(port, request())).writeWarnings).toEqual([warning]);
    expect((await runScenario(port, request({ write: false }))).writeWarnings).toEqual([]);
    // An adapter that reports nothing (the memory adapter) gives an empty list, not undefined.
    expect((await runScenario(new MemoryWorkbook([platformGrid()]), request())).writeWarnings).toEqual([]);
  });

  test("the results are simulate() on the platforms the sheet reader returns, with the title's base year", async () => {
    const outcome = await runScenario(new MemoryWorkbook([platformGrid()]), request());
    const read = readPlatformSheet(platformGrid());
    expect(read.baseYear).toBe(2019);
    const direct = simulate(read.platforms, SCENARIO, { baseYear: 2019 });
    expect(outcome.result.baseYear).toBe(2019);
    expect(outcome.result.scenario.baseYear).toBe(2019);
    expect(outcome.result.reportYears).toEqual([2020, 2021]);
    expect(outcome.result.platforms).toEqual(direct.platforms);
    expect(outcome.result.rollups).toEqual(direct.rollups);
    expect(outcome.result.targets).toEqual(direct.targets);
    // Base year figures are the sheet's: 甲经开区 with 乙园 rolls up to 560亿 on 12,000 亩.
    const main = outcome.result.rollups.find((u) => u.kind === "main")!;
    expect(main.name).toBe("甲经开区");
    expect(main.years[0]).toMatchObject({ year: 2019, output: 560, land: 12000, tax: 27 });
    expect(main.years[0].outputPerMu).toBeCloseTo((560 * 1e4) / 12000, 9);
    const region = outcome.result.rollups.find((u) => u.kind === "region")!;
    expect(region.years[0]).toMatchObject({ year: 2019, output: 650, land: 15000 });
  });

  test("a scenario's own baseYear wins over the sheet title", async () => {
    const outcome = await runScenario(
      new MemoryWorkbook([platformGrid()]),
      request({ scenario: { ...SCENARIO, baseYear: 2018, horizon: 2020 } }),
    );
    expect(outcome.result.baseYear).toBe(2018);
    expect(outcome.result.years[0]).toBe(2018);
  });

  test("the run log names the input file, the sheet, the input hash and the injected clock", async () => {
    const wb = new MemoryWorkbook([platformGrid()]);
    const outcome = await runScenario(wb, request());
    const log = texts(await wb.readGrid("运行记录"));
    expect(log).toContain("test.xlsx");
    expect(log).toContain("平台");
    expect(log).toContain(outcome.inputHash);
    expect(log).toContain(FIXED.toISOString());
  });

  test("a re-run replaces only the result sheets; the user's sheets keep their values", async () => {
    const wb = new MemoryWorkbook([NOTES, platformGrid(), USER]);
    await runScenario(wb, request());
    const userBefore = await wb.readGrid("我的分析");
    const platformBefore = await wb.readGrid("平台");
    const sheetsBefore = await names(wb);
    const port = new Recording(wb);
    const second = await runScenario(port, request({ scenario: { ...SCENARIO, name: "第二方案" } }));
    expect(port.writes).toEqual([`sheets:${RESULTS.join(",")}`, "store:writtenSheets", "store:result:第二方案"]);
    expect(await names(wb)).toEqual(sheetsBefore);
    expect(await wb.readGrid("我的分析")).toEqual(userBefore);
    expect(await wb.readGrid("平台")).toEqual(platformBefore);
    expect(await wb.readGrid("说明")).toEqual(NOTES);
    // The result sheets were rewritten with the second scenario's name.
    expect(second.result.scenario.name).toBe("第二方案");
    expect(texts(await wb.readGrid("运行记录"))).toContain("第二方案");
    expect(texts(await wb.readGrid("运行记录"))).not.toContain("测试方案");
  });

  test("write: false computes the same result and writes nothing", async () => {
    const port = new Recording(new MemoryWorkbook([platformGrid()]));
    const outcome = await runScenario(port, request({ write: false }));
    expect(port.writes).toEqual([]);
    expect(await names(port)).toEqual(["平台"]);
    expect(await port.readStore("writtenSheets")).toBeNull();
    const written = await runScenario(new MemoryWorkbook([platformGrid()]), request());
    expect(outcome.result.platforms).toEqual(written.result.platforms);
    expect(outcome.sheets.map((s) => s.name)).toEqual(RESULTS);
  });

  test("an .xlsx round trip keeps the store, so a re-run of the saved file replaces its own sheets", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("平台");
    for (const row of platformGrid().values) ws.addRow(row);
    const mine = book.addWorksheet("我的分析");
    for (const row of USER.values) mine.addRow(row);
    const first = await XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()));
    await runScenario(first, request());
    const saved = await XlsxWorkbook.open(await first.toBuffer());
    expect(await names(saved)).toEqual(["平台", "我的分析", ...RESULTS]);
    expect(JSON.parse((await saved.readStore("writtenSheets"))!)).toEqual(RESULTS);
    const userBefore = await saved.readGrid("我的分析");
    await runScenario(saved, request());
    const again = await XlsxWorkbook.open(await saved.toBuffer());
    expect(await names(again)).toEqual(["平台", "我的分析", ...RESULTS]);
    expect((await again.readGrid("我的分析")).values).toEqual(userBefore.values);
    expect((await again.readGrid("我的分析")).values).toEqual(USER.values);
  });
});

describe("runScenario: refusals leave the workbook as it was", () => {
  test("a user's own sheet named 汇总 stops the run with OUTPUT_SHEET_TAKEN and nothing written", async () => {
    const theirs = grid("汇总", [["我的汇总"], ["南湖区", 123]]);
    const port = new Recording(new MemoryWorkbook([platformGrid(), theirs]));
    const before = await names(port);
    const error = await runScenario(port, request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    expect(issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([["OUTPUT_SHEET_TAKEN", "error", "汇总", null]]);
    expect((error as InputError).message).toContain("汇总");
    expect(port.writes).toEqual([]);
    expect(await names(port)).toEqual(before);
    expect(await port.readGrid("汇总")).toEqual(theirs);
    expect(await port.readStore("writtenSheets")).toBeNull();
  });

  test("a result sheet name taken by the user is refused even after ParkPlan wrote the others", async () => {
    const wb = new MemoryWorkbook([platformGrid()]);
    await runScenario(wb, request());
    // The store only lists what ParkPlan wrote; a user sheet added later under another result name is still foreign.
    await wb.writeStore("writtenSheets", JSON.stringify(["预测", "达标", "运行记录"]));
    const port = new Recording(wb);
    const error = await runScenario(port, request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => i.code + "@" + i.sheet)).toEqual(["OUTPUT_SHEET_TAKEN@汇总"]);
    expect(port.writes).toEqual([]);
  });

  test("duplicate platform names: InputError naming sheet and A1 cell, nothing written", async () => {
    const rows = [...ROWS, ["丙园", "秀洲区", "县级", "保留", null, 100, 5, 0.1]];
    const port = new Recording(new MemoryWorkbook([platformGrid(rows)]));
    const error = await runScenario(port, request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([["SHEET_DUPLICATE_NAME", "平台", "A6"]]);
    expect((error as InputError).message).toContain("平台!A6");
    expect(port.writes).toEqual([]);
    expect(await names(port)).toEqual(["平台"]);
  });

  test("negative land: InputError naming 平台!F4, in Chinese and English, nothing written", async () => {
    const rows = ROWS.map((r) => [...r]);
    rows[1][5] = -2000;
    const port = new Recording(new MemoryWorkbook([platformGrid(rows), USER]));
    const error = await runScenario(port, request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const [issue] = (error as InputError).issues;
    expect([issue.code, issue.sheet, issue.cell]).toEqual(["SHEET_NEGATIVE_LAND", "平台", "F4"]);
    expect((error as InputError).message).toBe("平台!F4：工业用地面积为负数（-2000） / 平台!F4: land in use is negative (-2000)");
    expect(port.writes).toEqual([]);
    expect(await names(port)).toEqual(["平台", "我的分析"]);
  });

  test("a user's Excel table named like a result table (PP_Targets) fails the run before anything changes", async () => {
    const withTable: SheetGrid = {
      ...grid("我的表", [
        ["项目", "数值"],
        ["甲", 1],
      ]),
      tables: [{ name: "pp_targets", range: { top: 0, left: 0, bottom: 1, right: 1 } }],
    };
    const wb = new MemoryWorkbook([platformGrid(), withTable]);
    const error = await runScenario(wb, request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe("duplicate-name");
    expect(await names(wb)).toEqual(["平台", "我的表"]);
    expect(await wb.readStore("writtenSheets")).toBeNull();
    expect(await wb.readGrid("我的表")).toEqual(withTable);
  });

  test("write: false skips the overwrite check as it writes nothing", async () => {
    const theirs = grid("汇总", [["我的汇总"]]);
    const port = new Recording(new MemoryWorkbook([platformGrid(), theirs]));
    const outcome = await runScenario(port, request({ write: false }));
    expect(outcome.result.platforms.map((p) => p.name)).toEqual(["甲经开区", "乙园", "丙园"]);
    expect(port.writes).toEqual([]);
    expect(await port.readGrid("汇总")).toEqual(theirs);
  });
});

describe("runScenario: reading the workbook", () => {
  test("without `sheet`, the platform sheet is found behind a notes sheet placed first", async () => {
    const wb = new MemoryWorkbook([NOTES, USER, platformGrid()]);
    const outcome = await runScenario(wb, request());
    expect(outcome.input.sheet).toBe("平台");
    expect(outcome.input.headerRow).toBe(2);
    expect(outcome.result.platforms.map((p) => p.name)).toEqual(["甲经开区", "乙园", "丙园"]);
    expect(texts(await wb.readGrid("运行记录"))).toContain("平台");
  });

  test("an explicit `sheet` naming a sheet that is not a platform table fails with the sheet named", async () => {
    const port = new Recording(new MemoryWorkbook([NOTES, platformGrid()]));
    const error = await runScenario(port, request({ sheet: "说明" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => [i.code, i.sheet])).toEqual([["SHEET_NO_TABLE", "说明"]]);
    expect(port.writes).toEqual([]);
  });

  test("a target needing a column the sheet lacks is not evaluable; the others are checked", async () => {
    const outcome = await runScenario(new MemoryWorkbook([platformGrid()]), request());
    expect(outcome.input.missingFields).toContain("rd");
    const rd = outcome.result.targets.filter((t) => t.id === "RD");
    expect(rd.length).toBeGreaterThan(0);
    for (const t of rd) {
      expect(t).toMatchObject({ evaluable: false, met: null });
      expect(t.reason?.en).toContain("R&D");
    }
    const out = outcome.result.targets.filter((t) => t.id === "OUT");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ evaluable: true, subject: expect.any(String), year: 2021 });
    // Region output 650亿 in 2019 grows; by 2021 it is above 600.
    expect(out[0].value!).toBeGreaterThan(650);
    expect(out[0].met).toBe(true);
  });

  test("inputHash: same data → same hash; one cell changed → a different hash", async () => {
    const a = await runScenario(new MemoryWorkbook([platformGrid()]), request({ write: false }));
    const b = await runScenario(
      new MemoryWorkbook([NOTES, platformGrid(ROWS, "某市工业平台基本情况（2019年）")]),
      request({ write: false }),
    );
    expect(a.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.inputHash).toBe(a.inputHash);
    expect(a.inputHash).toBe(await inputHash(readPlatformSheet(platformGrid()).platforms));
    const changed = ROWS.map((r) => [...r]);
    changed[2][6] = 91;
    const c = await runScenario(new MemoryWorkbook([platformGrid(changed)]), request({ write: false }));
    expect(c.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.inputHash).not.toBe(a.inputHash);
  });
});
