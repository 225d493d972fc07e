/**
 * recalculateScenarioCells over a small fake of the Excel objects it uses. The fake holds each sheet's
 * formula areas, refuses to give a loaded property before the sync that follows its load (as Excel
 * does), counts syncs, and records every Range.calculate() and Application.calculate().
 */
import { beforeEach, describe, expect, it } from "vitest";
import { recalculateScenarioCells, refreshScenarioCells, scenarioBlock } from "../../src/functions/recalculate.js";
import { loadStoredRun, useWorkbook } from "../../src/functions/storedRuns.js";
import { STORED_RESULT_VERSION } from "../../src/pipeline/storedResults.js";
import type { Batch } from "../../src/workbook/office/runner.js";
import { WorkbookError, type WorkbookPort } from "../../src/workbook/port.js";

interface FakeArea {
  sheet: string;
  /** Top-left of the area, 0-based. */
  row: number;
  column: number;
  formulas: unknown[][];
}

class FakeBook {
  syncs = 0;
  calculated: string[] = [];
  fullCalculations = 0;
  failTargeted = false;
  failFull = false;
  private pending: (() => void)[] = [];

  constructor(
    readonly areas: FakeArea[],
    readonly sheetNames: string[],
  ) {}

  /** A property that may be read only after load() and a sync. */
  private loadable<T>(value: () => T) {
    let loaded = false;
    return {
      load: () => this.pending.push(() => (loaded = true)),
      get: () => {
        if (!loaded) throw new Error("PropertyNotLoaded");
        return value();
      },
    };
  }

  private cellName(sheet: string, row: number, column: number, rows: number, columns: number): string {
    const a1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
    return `${sheet}!${a1(row, column)}:${a1(row + rows - 1, column + columns - 1)}`;
  }

  private sheet(name: string) {
    return {
      name,
      getRange: () => {
        const mine = this.areas.filter((a) => a.sheet === name);
        const isNull = this.loadable(() => mine.length === 0);
        const items = this.loadable(() =>
          mine.map((a) => ({
            get formulas() {
              return a.formulas;
            },
            getCell: (r: number, c: number) => ({
              getResizedRange: (dr: number, dc: number) => ({
                calculate: () => {
                  if (this.failTargeted) throw new Error("RequestPayloadSizeLimitExceeded");
                  this.calculated.push(this.cellName(name, a.row + r, a.column + c, dr + 1, dc + 1));
                },
              }),
            }),
          })),
        );
        return {
          getSpecialCellsOrNullObject(type: string) {
            expect(type).toBe("Formulas");
            return {
              load: (p: string) => (expect(p).toBe("isNullObject"), isNull.load()),
              get isNullObject() {
                return isNull.get();
              },
              areas: {
                load: (p: string) => (expect(p).toBe("items/formulas"), items.load()),
                get items() {
                  return items.get();
                },
              },
            };
          },
        };
      },
    };
  }

  context() {
    const sheets = this.loadable(() => this.sheetNames.map((n) => this.sheet(n)));
    return {
      workbook: {
        worksheets: {
          load: (p: string) => (expect(p).toBe("items/name"), sheets.load()),
          get items() {
            return sheets.get();
          },
        },
        application: {
          calculate: (type: string) => {
            expect(type).toBe("Full");
            if (this.failFull) throw new WorkbookError("office", "Excel 内部出错", "Excel failed internally");
            this.fullCalculations++;
          },
        },
      },
      sync: async () => {
        this.syncs++;
        for (const done of this.pending.splice(0)) done();
      },
    };
  }

  readonly run: Batch = (batch) => batch(this.context() as unknown as Parameters<Parameters<Batch>[0]>[0]);
}

const all = () => true;
const none = () => false;

describe("scenarioBlock(formulas)", () => {
  it("bounds the SCENARIO calls, English or Chinese, any case, and counts them", () => {
    const formulas = [
      ["=1+1", "=PARKPLAN.PERMU(5,1)", ""],
      ["", '=parkplan.scenario("基准方案","全市","产值",2025)', "=A1"],
      ["=SUM(A1:A2)", "", '=ROUND(PARKPLAN.情景结果("基准方案","全市","产值",2020),2)'],
    ];
    expect(scenarioBlock(formulas)).toEqual({ row: 1, column: 1, rows: 2, columns: 2, calls: 2 });
  });

  it("is null without a SCENARIO call (other PARKPLAN functions, a name that only starts alike, text)", () => {
    expect(scenarioBlock([["=PARKPLAN.PROBABILITY(1,0,0,1,1)", "=SCENARIOS(1)", 3, null]])).toBeNull();
  });
});

describe("recalculateScenarioCells(run, supports)", () => {
  it("re-runs only the blocks of formula areas holding SCENARIO calls, in four syncs", async () => {
    const book = new FakeBook(
      [
        {
          sheet: "分析",
          row: 1,
          column: 1,
          formulas: [['=PARKPLAN.SCENARIO("a","全市","产值",2020)'], ["=B2*2"], ['=PARKPLAN.SCENARIO("a","全市","产值",2025)']],
        },
        { sheet: "分析", row: 0, column: 5, formulas: [["=PARKPLAN.PERMU(1,2)", "=1"]] },
        { sheet: "图表数据", row: 4, column: 0, formulas: [["=1", '=PARKPLAN.情景结果("a","全市","产值",2020)']] },
      ],
      ["分析", "预测", "图表数据"],
    );
    expect(await recalculateScenarioCells(book.run, all)).toEqual({ kind: "targeted", cells: 3 });
    expect(book.calculated).toEqual(["分析!B2:B4", "图表数据!B5:B5"]);
    expect(book.fullCalculations).toBe(0);
    expect(book.syncs).toBe(4);
  });

  it("calculates nothing and skips the last sync when no cell calls SCENARIO", async () => {
    const book = new FakeBook([{ sheet: "分析", row: 0, column: 0, formulas: [["=1+1"]] }], ["分析", "预测"]);
    expect(await recalculateScenarioCells(book.run, all)).toEqual({ kind: "targeted", cells: 0 });
    expect([book.calculated, book.syncs]).toEqual([[], 3]);
  });

  it("recalculates in full without ExcelApi 1.9, or when the targeted pass fails", async () => {
    const old = new FakeBook([{ sheet: "分析", row: 0, column: 0, formulas: [['=PARKPLAN.SCENARIO("a","b","c",1)']] }], ["分析"]);
    expect(await recalculateScenarioCells(old.run, none)).toEqual({ kind: "full" });
    expect([old.calculated, old.fullCalculations]).toEqual([[], 1]);

    const failing = new FakeBook([{ sheet: "分析", row: 0, column: 0, formulas: [['=PARKPLAN.SCENARIO("a","b","c",1)']] }], ["分析"]);
    failing.failTargeted = true;
    expect(await recalculateScenarioCells(failing.run, all)).toEqual({ kind: "full" });
    expect(failing.fullCalculations).toBe(1);
  });

  it("resolves (never rejects) with the runner's bilingual reason when neither works", async () => {
    const book = new FakeBook([], ["分析"]);
    book.failFull = true;
    const outcome = await recalculateScenarioCells(book.run, none);
    expect(outcome).toEqual({
      kind: "failed",
      zh: "无法刷新 PARKPLAN.情景结果 单元格（Excel 内部出错），请按 Ctrl+Alt+F9 完全重新计算",
      en: "could not recalculate the PARKPLAN.SCENARIO cells (Excel failed internally); press Ctrl+Alt+F9 for a full recalculation",
    });
  });
});

describe("refreshScenarioCells (what the pane calls after storing a run)", () => {
  let reads: number;
  beforeEach(() => {
    reads = 0;
    const stored = JSON.stringify({ version: STORED_RESULT_VERSION, platforms: {}, rollups: {} });
    useWorkbook({ readStore: async () => (reads++, stored) } as unknown as WorkbookPort);
  });

  it("forgets the stored runs before Excel re-runs the cells, so they read the store again", async () => {
    const book = new FakeBook([{ sheet: "分析", row: 0, column: 0, formulas: [['=PARKPLAN.SCENARIO("a","b","c",1)']] }], ["分析"]);
    await loadStoredRun("a");
    await loadStoredRun("a");
    expect(reads).toBe(1); // a run found is kept
    let readsDuringBatch = -1;
    const run: Batch = async (batch) => {
      await loadStoredRun("a"); // what a SCENARIO cell re-run by Excel does
      readsDuringBatch = reads;
      return book.run(batch);
    };
    expect(await refreshScenarioCells(run, all)).toEqual({ kind: "targeted", cells: 1 });
    expect(readsDuringBatch).toBe(2);
  });
});
