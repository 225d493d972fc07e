/**
 * The one contract every WorkbookPort adapter passes (memory, xlsx, later office): run it with a factory
 * returning an empty workbook.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../src/workbook/grid.js";
import { WorkbookError, type WorkbookPort } from "../../src/workbook/port.js";
import type { SheetSpec } from "../../src/workbook/sheetSpec.js";

/** The value at a 0-based cell; cells beyond a row's end are empty. */
export const at = (g: SheetGrid, r: number, c: number): CellValue => g.values[r]?.[c] ?? null;

/** Values with trailing empty cells and rows dropped, so adapters that trim and those that do not compare equal. */
export function trimmed(g: SheetGrid): CellValue[][] {
  const rows = g.values.map((row) => {
    const out = [...row];
    while (out.length && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

export const userSheet: SheetSpec = {
  name: "用户数据",
  rows: [
    [{ v: "平台名称" }, { v: "产值（万元）" }, { v: "备注" }],
    [{ v: "嘉兴经济技术开发区" }, { v: 3591500 }, { v: true }],
    [{ v: "平湖经济技术开发区" }, { v: 2750000.25 }, { v: null }, { v: "x" }],
  ],
  tables: [{ name: "UserPlatforms", header: true, range: { top: 0, left: 0, bottom: 2, right: 2 } }],
};

/** A stand-in result sheet: a title, a table, a merge and a few formatted numbers. */
function resultSheet(name: string, rows: number, tableName: string): SheetSpec {
  return {
    name,
    rows: [
      [{ v: `平台优化提升情景模拟 · ${name}`, style: "title" }],
      [
        { v: "平台 / Platform", style: "header" },
        { v: "产值（亿元）/ Output (100M yuan)", style: "header" },
        { v: "达标率 / Share", style: "header" },
      ],
      ...Array.from({ length: rows }, (_, k) => [
        { v: `平台${k + 1}` },
        { v: 100.125 + k, fmt: "yi" as const },
        { v: 0.5, fmt: "pct" as const },
      ]),
    ],
    columnWidths: [20, 22, 12],
    frozen: { rows: 2, cols: 0 },
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    tables: [{ name: tableName, header: true, range: { top: 1, left: 0, bottom: 1 + rows, right: 2 } }],
    conditionalFormats: [{ range: { top: 2, left: 0, bottom: 1 + rows, right: 2 }, column: 2, equals: "是", style: "met" }],
  };
}

export function runPortContract(label: string, makePort: () => Promise<WorkbookPort>): void {
  describe(`WorkbookPort contract: ${label}`, () => {
    it("lists written sheets in tab order with their table names", async () => {
      const port = await makePort();
      expect(await port.listSheets()).toEqual([]);
      await port.writeSheets([userSheet, resultSheet("预测", 2, "PP_A")]);
      expect(await port.listSheets()).toEqual([
        { name: "用户数据", tables: ["UserPlatforms"] },
        { name: "预测", tables: ["PP_A"] },
      ]);
    });

    it("reads back the values, merges and tables written", async () => {
      const port = await makePort();
      await port.writeSheets([userSheet, resultSheet("预测", 2, "PP_A")]);
      const user = await port.readGrid("用户数据");
      expect(user.sheet).toBe("用户数据");
      expect(trimmed(user)).toEqual([
        ["平台名称", "产值（万元）", "备注"],
        ["嘉兴经济技术开发区", 3591500, true],
        ["平湖经济技术开发区", 2750000.25, null, "x"],
      ]);
      const result = await port.readGrid("预测");
      expect(at(result, 0, 0)).toBe("平台优化提升情景模拟 · 预测");
      expect(at(result, 3, 0)).toBe("平台2");
      expect(at(result, 3, 1)).toBe(101.125);
      expect(at(result, 3, 2)).toBe(0.5);
      expect(result.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
      expect(result.tables).toEqual([{ name: "PP_A", range: { top: 1, left: 0, bottom: 3, right: 2 } }]);
      // Formats are optional in a SheetGrid; where an adapter reports them they must be the spec's.
      if (result.formats) {
        expect(result.formats[2][1]).toBe("0.00");
        expect(result.formats[2][2]).toBe("0.0%");
      }
    });

    it("re-writing replaces only the named sheets and keeps the user's sheet and tab order", async () => {
      const port = await makePort();
      await port.writeSheets([userSheet]);
      await port.writeSheets([resultSheet("预测", 5, "PP_A"), resultSheet("达标", 1, "PP_B")]);
      const before = await port.readGrid("用户数据");
      await port.writeSheets([resultSheet("预测", 2, "PP_A")]);
      const after = await port.readGrid("用户数据");
      expect(trimmed(after)).toEqual(trimmed(before));
      expect(after.tables).toEqual(before.tables);
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["用户数据", "预测", "达标"]);
      // Replaced, not overlaid: the three extra rows of the first run are gone.
      const projection = await port.readGrid("预测");
      expect(trimmed(projection)).toHaveLength(4);
      expect(at(projection, 4, 0)).toBeNull();
      expect(trimmed(await port.readGrid("达标"))).toHaveLength(3);
    });

    it("writes text that looks like a formula (or an OOXML escape) as text", async () => {
      const port = await makePort();
      const names = ["=1+1", "+86-571", "-3", "@SUM(A1)", '=HYPERLINK("http://x")', "园区_x0041_", "_x005F_"];
      await port.writeSheets([{ name: "名称", rows: names.map((v) => [{ v }]) }]);
      const grid = await port.readGrid("名称");
      expect(names.map((_, r) => at(grid, r, 0))).toEqual(names);
    });

    it("writes NaN and ±Infinity as empty cells", async () => {
      const port = await makePort();
      await port.writeSheets([{ name: "空值", rows: [[{ v: 1 }, { v: NaN, fmt: "perMu" }, { v: Infinity }, { v: -Infinity }, { v: 2 }]] }]);
      const grid = await port.readGrid("空值");
      expect([0, 1, 2, 3, 4].map((c) => at(grid, 0, c))).toEqual([1, null, null, null, 2]);
    });

    it("rejects bad sheet and table names before changing anything", async () => {
      const port = await makePort();
      await port.writeSheets([userSheet]);
      const fail = async (specs: SheetSpec[]) => {
        const err = await port.writeSheets(specs).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(WorkbookError);
        return (err as WorkbookError).code;
      };
      expect(await fail([{ name: "_parkplan", rows: [] }])).toBe("sheet-name");
      expect(await fail([{ name: "a/b", rows: [] }])).toBe("sheet-name");
      expect(await fail([{ name: "x".repeat(32), rows: [] }])).toBe("sheet-name");
      expect(await fail([resultSheet("预测", 1, "UserPlatforms")])).toBe("duplicate-name");
      expect(await fail([resultSheet("预测", 1, "PP_A"), resultSheet("达标", 1, "pp_a")])).toBe("duplicate-name");
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["用户数据"]);
    });

    it("throws sheet-missing for an unknown sheet", async () => {
      const port = await makePort();
      await expect(port.readGrid("不存在")).rejects.toMatchObject({ code: "sheet-missing" });
    });

    it("stores JSON by key, including a 100,000-character value, out of the sheet list", async () => {
      const port = await makePort();
      expect(await port.readStore("scenario")).toBeNull();
      // CJK text with emoji (surrogate pairs) straddling the 30,000- and 60,000-unit chunk boundaries.
      const filler = "平".repeat(29_993) + "😀" + "湖".repeat(29_997) + "😀" + "嘉".repeat(39_998);
      const value = `{"s":"${filler}"}`;
      expect(value.length).toBe(100_000);
      expect(value.charCodeAt(29_999)).toBe(0xd83d);
      expect(value.charCodeAt(59_998)).toBe(0xd83d);
      await port.writeStore("scenario", '{"name":"基准方案"}');
      await port.writeStore("last-run", value);
      await port.writeStore("scenario", '{"name":"高增长"}');
      expect(await port.readStore("scenario")).toBe('{"name":"高增长"}');
      const back = await port.readStore("last-run");
      expect(back?.length).toBe(100_000);
      expect(back).toBe(value);
      await port.writeStore("escape", '{"k":"_x000D_"}');
      expect(await port.readStore("escape")).toBe('{"k":"_x000D_"}');
      await port.writeStore("empty", "");
      expect(await port.readStore("empty")).toBe("");
      expect(await port.listSheets()).toEqual([]);
    });
  });
}
