/**
 * Excel's documented refusals, as the recording fake plays them, and what the Office adapter makes of
 * them: bilingual messages with what to do, nothing written when it cannot be written safely.
 */
import { describe, expect, it } from "vitest";
import { OFFICE_ERROR_ADVICE, OfficeError, toWorkbookError } from "../../../src/workbook/office/officeErrors.js";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook.js";
import { guardedRun } from "../../../src/workbook/office/runner.js";
import { WorkbookError } from "../../../src/workbook/port.js";
import type { SheetSpec } from "../../../src/workbook/sheetSpec.js";
import { trimmed } from "../contract.js";
import { FakeExcel, PAYLOAD_CAP } from "./fakeExcel.js";

const all = () => true;
const TABLES: Record<string, string> = { 预测: "PP_Projection", 达标: "PP_Targets", 汇总: "PP_Rollups", 情景对比: "PP_Comparison" };
/** A result sheet: a header row and `rows` platforms, as one Excel table. */
const result = (rows: number, name = "预测"): SheetSpec => ({
  name,
  rows: [[{ v: "平台" }, { v: "产值" }], ...Array.from({ length: rows }, (_, k) => [{ v: `平台${k + 1}` }, { v: 100 + k }])],
  tables: [{ name: TABLES[name], header: true, range: { top: 0, left: 0, bottom: rows, right: 1 } }],
});
const officeError = (code: string) =>
  Object.assign(new Error(`${code}: raw localized text`), {
    name: "RichApi.Error",
    code,
    debugInfo: { errorLocation: "Worksheet.delete" },
  });

describe("Excel's error codes as bilingual messages", () => {
  it("every known code gets its advice in Chinese, then English, with Excel's location and code kept", () => {
    for (const code of Object.keys(OFFICE_ERROR_ADVICE)) {
      const mapped = toWorkbookError(officeError(code));
      expect(mapped).toBeInstanceOf(OfficeError);
      const e = mapped as OfficeError;
      expect(e.code).toBe("office");
      expect(e.officeCode).toBe(code);
      expect(e.message).toBe(
        `${OFFICE_ERROR_ADVICE[code].zh}（位置：Worksheet.delete） / ${OFFICE_ERROR_ADVICE[code].en} (at Worksheet.delete)`,
      );
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      // Excel's own (localized, developer-facing) text never reaches the user.
      expect(e.message).not.toContain("raw localized text");
    }
  });

  it("the codes the brief names are all covered", () => {
    const named = [
      "InvalidOperationInCellEditMode",
      "AccessDenied",
      "ItemAlreadyExists",
      "ItemNotFound",
      "RequestPayloadSizeLimitExceeded",
      "ResponsePayloadSizeLimitExceeded",
      "GeneralException",
      "InvalidOperation",
      "InvalidArgument",
      "Conflict",
      "Unauthenticated",
      "ApiNotFound",
    ];
    expect(named.filter((c) => !(c in OFFICE_ERROR_ADVICE))).toEqual([]);
  });

  it("an unknown code stays visible in a bilingual sentence; ParkPlan's own errors and bugs pass unchanged", () => {
    const e = toWorkbookError(officeError("BrandNewCode")) as OfficeError;
    expect(e.officeCode).toBe("BrandNewCode");
    expect(e.zh).toContain("错误代码 BrandNewCode");
    expect(e.en).toContain("error code BrandNewCode");
    const own = new WorkbookError("sheet-missing", "找不到", "missing");
    expect(toWorkbookError(own)).toBe(own);
    const bug = new TypeError("x is undefined");
    expect(toWorkbookError(bug)).toBe(bug);
    const node = Object.assign(new Error("no file"), { code: "ENOENT" });
    expect(toWorkbookError(node)).toBe(node);
  });
});

describe("cell-edit mode", () => {
  it("every port call runs with delayForCellEdit", async () => {
    const fake = new FakeExcel();
    fake.addSheet("平台表", [["平台名称", "用地"]]);
    const port = new OfficeWorkbook(fake.run, all);
    await port.listSheets();
    await port.readGrid("平台表");
    await port.writeSheets([result(2)]);
    await port.writeStore("k", "v");
    await port.readStore("k");
    await port.selectCell("平台表", "A1");
    expect(fake.runOptions).toHaveLength(6);
    expect(fake.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  it("while the user types in a cell, the adapter waits instead of failing", async () => {
    const fake = new FakeExcel();
    fake.addSheet("平台表", [["平台名称", "用地"]]);
    fake.cellEditMode = true;
    expect(await new OfficeWorkbook(fake.run, all).listSheets()).toEqual([{ name: "平台表", tables: [] }]);
    expect(fake.waitedForCellEdit).toBe(1);
  });

  it("a host that ignores the option refuses every sync, and the user is told to leave the cell", async () => {
    const fake = new FakeExcel();
    fake.addSheet("平台表");
    fake.cellEditMode = true;
    const ignoring = new OfficeWorkbook((_options, batch) => fake.run({}, batch), all);
    const err = await ignoring.listSheets().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "office", officeCode: "InvalidOperationInCellEditMode" });
    expect((err as Error).message).toMatch(/^Excel 正在编辑单元格：请按 Enter 或 Esc 退出编辑后重试 \/ Excel is editing a cell/);
    expect(fake.waitedForCellEdit).toBe(0);
  });
});

describe("payload limits", () => {
  it("a request over 5 MB is refused with RequestPayloadSizeLimitExceeded, mapped to what to do", async () => {
    const fake = new FakeExcel();
    fake.addSheet("大表");
    const big = Array.from({ length: 200_000 }, () => ["平台名称很长的一段文字"]);
    const err = await guardedRun(fake.run)(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("大表").getRangeByIndexes(0, 0, big.length, 1).values = big;
      await context.sync();
    }).catch((e: unknown) => e);
    expect(fake.syncs[fake.syncs.length - 1].requestBytes).toBeGreaterThan(PAYLOAD_CAP);
    expect(err).toMatchObject({ code: "office", officeCode: "RequestPayloadSizeLimitExceeded" });
    expect((err as Error).message).toContain("5 MB");
    expect(fake.sheet("大表")!.rows).toEqual([]);
  });

  it("a response over 5 MB is refused with ResponsePayloadSizeLimitExceeded", async () => {
    const fake = new FakeExcel();
    fake.addSheet(
      "大表",
      Array.from({ length: 150_000 }, (_, k) => [`第${k}行的较长文字内容`, k]),
    );
    const err = await guardedRun(fake.run)(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject("大表").getRangeByIndexes(0, 0, 150_000, 2);
      range.load("values");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ officeCode: "ResponsePayloadSizeLimitExceeded" });
    // The adapter itself reads the same sheet in blocks under the cap.
    const grid = await new OfficeWorkbook(fake.run, all).readGrid("大表");
    expect(grid.values[149_999]).toEqual(["第149999行的较长文字内容", 149_999]);
  });
});

describe("protection", () => {
  it("a protected structure refuses new sheets before anything is written; in-place rewrites still work", async () => {
    const fake = new FakeExcel();
    fake.addSheet("用户表", [["x"]]);
    const port = new OfficeWorkbook(fake.run, all);
    await port.writeSheets([result(2)]);
    fake.structureProtected = true;
    const err = await port.writeSheets([result(3), result(1, "达标")]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "protected" });
    expect((err as Error).message).toContain("工作簿结构受保护，无法添加工作表 “达标”，未写入任何内容");
    expect(trimmed(await port.readGrid("预测"))).toEqual([
      ["平台", "产值"],
      ["平台1", 100],
      ["平台2", 101],
    ]);
    // Rewriting 预测 needs no structure change.
    await port.writeSheets([result(3)]);
    expect(trimmed(await port.readGrid("预测"))).toHaveLength(4);
    expect(fake.names()).toEqual(["用户表", "预测"]);
  });

  it("the fake refuses add, delete, rename and move under a protected structure with AccessDenied", async () => {
    const fake = new FakeExcel();
    fake.addSheet("甲");
    fake.addSheet("乙");
    fake.structureProtected = true;
    const attempt = (f: (ws: Excel.WorksheetCollection) => void) =>
      guardedRun(fake.run)(async (context) => {
        f(context.workbook.worksheets);
        await context.sync();
      }).catch((e: { officeCode?: string }) => e.officeCode);
    expect(await attempt((ws) => ws.add("丙"))).toBe("AccessDenied");
    expect(await attempt((ws) => ws.getItemOrNullObject("甲").delete())).toBe("AccessDenied");
    expect(await attempt((ws) => void (ws.getItemOrNullObject("甲").name = "丁"))).toBe("AccessDenied");
    expect(await attempt((ws) => void (ws.getItemOrNullObject("甲").position = 1))).toBe("AccessDenied");
    expect(fake.names()).toEqual(["甲", "乙"]);
  });

  it("a protected result sheet is detected before any write", async () => {
    const fake = new FakeExcel();
    fake.addSheet("用户表", [["x"]]);
    const port = new OfficeWorkbook(fake.run, all);
    await port.writeSheets([result(2)]);
    fake.sheet("预测")!.protected = true;
    const from = fake.syncs.length;
    const err = await port.writeSheets([result(1, "达标"), result(3)]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "protected" });
    expect((err as Error).message).toMatch(
      /^结果表 “预测” 受保护，未写入任何内容.* \/ result sheet "预测" is protected; nothing was written/,
    );
    expect(fake.since(from)).toHaveLength(2); // the two reading syncs only
    expect(fake.names()).toEqual(["用户表", "预测"]);
  });
});

describe("the very hidden store sheet", () => {
  it("the fake refuses to delete (documented), move or activate a very hidden sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("甲");
    fake.addSheet("_parkplan").visibility = "VeryHidden";
    const attempt = (f: (ws: Excel.Worksheet) => void) =>
      guardedRun(fake.run)(async (context) => {
        f(context.workbook.worksheets.getItemOrNullObject("_parkplan"));
        await context.sync();
      }).catch((e: { officeCode?: string }) => e.officeCode);
    expect(await attempt((ws) => ws.delete())).toBe("InvalidOperation");
    expect(await attempt((ws) => void (ws.position = 0))).toBe("InvalidOperation");
    expect(await attempt((ws) => ws.activate())).toBe("InvalidOperation");
    expect(fake.names()).toEqual(["甲", "_parkplan"]);
  });

  it("result sheets added after the store go before it; the store is never moved", async () => {
    const fake = new FakeExcel();
    fake.addSheet("用户表");
    const port = new OfficeWorkbook(fake.run, all);
    await port.writeStore("scenario", "{}");
    await port.writeSheets([result(1, "达标"), result(2)]);
    await port.writeStore("scenario", '{"a":1}');
    await port.writeSheets([result(1, "汇总")]);
    expect(fake.names()).toEqual(["用户表", "达标", "预测", "汇总", "_parkplan"]);
    expect(await port.readStore("scenario")).toBe('{"a":1}');
  });
});

describe("page layout in its own batch", () => {
  it("a refused print setup becomes a warning; the sheet's content, tables and the other sheets are kept", async () => {
    const fake = new FakeExcel();
    fake.addSheet("用户表");
    fake.refusePageLayout = "GeneralException";
    const printed: SheetSpec = {
      ...result(2, "情景对比"),
      print: { orientation: "landscape", paper: "A4", fitToWidth: true, title: "情景对比" },
    };
    const report = await new OfficeWorkbook(fake.run, all).writeSheets([printed, result(1)]);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ code: "print-setup-skipped", sheet: "情景对比", cell: null });
    expect(report.warnings[0].zh).toMatch(/^“情景对比”已写入，但 Excel 拒绝了打印设置（A4 横向、页眉）：Excel 内部出错/);
    expect(report.warnings[0].en).toMatch(/^"情景对比" was written, but Excel refused its print setup/);
    expect(fake.sheet("情景对比")!.rows[2].map((c) => c?.v)).toEqual(["平台2", 101]);
    expect(fake.sheet("情景对比")!.tables.map((t) => t.name)).toEqual(["PP_Comparison"]);
    expect(fake.sheet("情景对比")!.pageLayout).toBeUndefined();
    expect(fake.sheet("预测")!.rows[1].map((c) => c?.v)).toEqual(["平台1", 100]);
  });
});
