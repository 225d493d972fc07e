/**
 * Issue 10: the written workbook keeps every part of the analyst's own. Each fixture (tests/fixtures/
 * fidelity) goes through a run (result sheets + store) and a re-run; every input part must come out
 * byte-identical except the few the writer edits, the output must open in exceljs with the user's cells
 * unchanged, and where LibreOffice is installed it must still find the user's chart.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OpcPackage } from "../../../src/workbook/package/opcPackage.js";
import { contentTypeOf } from "../../../src/workbook/package/contentTypes.js";
import type { SheetSpec } from "../../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook.js";
import { everythingWorkbook, macroWorkbook, PLATFORM_SHEET, strictWorkbook } from "../../fixtures/fidelity/make.js";
import { sheetPart } from "../../fixtures/fidelity/parts.js";
import { trimmed } from "../contract.js";

/** The parts the writer edits in place (their untouched content is checked by the writer itself). */
const EDITED = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
  "xl/sharedStrings.xml",
  "docProps/app.xml",
]);

function results(tag: string): SheetSpec[] {
  return [
    {
      name: "预测",
      rows: [
        [{ v: `平台优化提升情景模拟 · ${tag}`, style: "title" }],
        [
          { v: "平台 / Platform", style: "header" },
          { v: "产值（亿元）/ Output", style: "header" },
          { v: "达标 / Met", style: "header" },
        ],
        [{ v: "嘉兴经济技术开发区" }, { v: 4000.5, fmt: "yi" }, { v: "是", style: "met" }],
        [{ v: `${tag}_x0041_` }, { v: 0.25, fmt: "pct" }, { v: "否", style: "notMet" }],
      ],
      columnWidths: [20, 16, 10],
      frozen: { rows: 2, cols: 0 },
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      tables: [{ name: "PP_Projection", header: true, range: { top: 1, left: 0, bottom: 3, right: 2 } }],
      conditionalFormats: [{ range: { top: 2, left: 0, bottom: 3, right: 2 }, column: 2, equals: "是", style: "met" }],
      print: { orientation: "landscape", paper: "A4", fitToWidth: true, title: `情景 ${tag}`, repeatRows: { top: 1, bottom: 1 } },
    },
    {
      name: "达标",
      rows: [[{ v: tag }], [{ v: 1, fmt: "int" }]],
      tables: [{ name: "PP_Targets", header: true, range: { top: 0, left: 0, bottom: 1, right: 0 } }],
    },
  ];
}

async function run(bytes: Uint8Array, tag: string): Promise<Uint8Array> {
  const book = await XlsxWorkbook.open(bytes);
  await book.writeSheets(results(tag));
  await book.writeStore("scenario", JSON.stringify({ name: tag }));
  return book.toBuffer();
}

const read = (bytes: Uint8Array) => OpcPackage.read(bytes, Number.MAX_SAFE_INTEGER);

/** Input parts (outside `skip`) whose compressed record differs in the output, or that are missing. */
function changedParts(input: Uint8Array, output: Uint8Array, skip: Set<string>): string[] {
  const a = read(input);
  const b = read(output);
  return a.names().filter((name) => {
    if (skip.has(name)) return false;
    const x = a.originalEntry(name);
    const y = b.originalEntry(name);
    return !x || !y || x.localRecord.length !== y.localRecord.length || x.localRecord.some((v, i) => v !== y.localRecord[i]);
  });
}

/** ParkPlan's parts in a package: its sheets' parts, their rels and tables. */
function parkPlanParts(bytes: Uint8Array): Set<string> {
  const pkg = read(bytes);
  const parts = new Set<string>();
  for (const sheet of ["预测", "达标", "_parkplan"]) {
    const part = sheetPart(pkg, sheet);
    parts.add(part);
    parts.add(part.replace("worksheets/", "worksheets/_rels/") + ".rels");
  }
  for (const name of pkg.names()) if (name.startsWith("xl/tables/")) parts.add(name);
  return parts;
}

const hasSoffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();
const tmp = mkdtempSync(join(tmpdir(), "parkplan-fidelity-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** LibreOffice's own re-save of a workbook (its xlsx export), or null without LibreOffice. */
function libreOfficeSave(bytes: Uint8Array, name: string): Uint8Array {
  const src = join(tmp, name);
  writeFileSync(src, bytes);
  const out = join(tmp, "lo");
  execFileSync("soffice", ["--headless", "--convert-to", "xlsx", "--outdir", out, src], { stdio: "ignore", timeout: 120_000 });
  const converted = join(out, name.replace(/\.\w+$/, ".xlsx"));
  expect(existsSync(converted)).toBe(true);
  return new Uint8Array(readFileSync(converted));
}

describe.each([
  ["every kind of part (.xlsx)", everythingWorkbook],
  ["an .xlsm with vbaProject.bin", macroWorkbook],
  ["Strict OOXML", strictWorkbook],
])("patching %s", (_label, make) => {
  it("keeps every input part byte for byte, opens in exceljs with the user's cells unchanged, and a re-run replaces only ParkPlan's parts", async () => {
    const input = await make();
    const out = await run(input, "第一次");
    expect(changedParts(input, out, EDITED)).toEqual([]);
    const reopened = await XlsxWorkbook.open(out);
    const original = await XlsxWorkbook.open(input);
    expect(trimmed(await reopened.readGrid(PLATFORM_SHEET))).toEqual(trimmed(await original.readGrid(PLATFORM_SHEET)));
    expect((await reopened.readGrid("预测")).values[3]).toEqual(["第一次_x0041_", 0.25, "否"]);
    expect(await reopened.readStore("scenario")).toBe('{"name":"第一次"}');
    const names = (await original.listSheets()).map((s) => s.name);
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual([...names, "预测", "达标"]);

    const again = await run(out, "第二次");
    const ours = parkPlanParts(out);
    expect(changedParts(out, again, new Set([...EDITED, ...ours]))).toEqual([]);
    // Rewritten in place: the same sheet parts, no table left over from the first run.
    expect(parkPlanParts(again)).toEqual(ours);
    const second = await XlsxWorkbook.open(again);
    expect((await second.readGrid("达标")).values[0]).toEqual(["第二次"]);
    expect((await second.listSheets()).map((s) => s.name)).toEqual([...names, "预测", "达标"]);
    // A run on an unchanged re-run adds nothing: styles and strings are reused.
    const third = await run(again, "第二次");
    expect(changedParts(again, third, new Set(["[Content_Types].xml", "xl/workbook.xml", ...parkPlanParts(again)]))).toEqual([]);
  });
});

describe("package formats", () => {
  it("an .xlsm stays macro-enabled and keeps vbaProject.bin", async () => {
    const out = read(await run(await macroWorkbook(), "宏"));
    expect(contentTypeOf(out.text("[Content_Types].xml"), "xl/workbook.xml")).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(Array.from(out.bytes("xl/vbaProject.bin").subarray(0, 4))).toEqual([0, 37, 74, 111]);
  });

  it("a Strict package gets its new parts in Strict namespaces", async () => {
    const out = read(await run(await strictWorkbook(), "严格"));
    const part = sheetPart(out, "预测");
    expect(out.text(part)).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
    expect(out.text("xl/_rels/workbook.xml.rels")).not.toContain("schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet");
    expect(out.text("xl/workbook.xml")).toContain('conformance="strict"');
  });

  it.skipIf(!hasSoffice)(
    "a workbook saved by LibreOffice round-trips, and LibreOffice still finds the user's chart in the output",
    async () => {
      const input = libreOfficeSave(await everythingWorkbook(), "lo-input.xlsx");
      const out = await run(input, "LibreOffice");
      expect(changedParts(input, out, EDITED)).toEqual([]);
      const resaved = read(libreOfficeSave(out, "lo-output.xlsx"));
      expect(resaved.names().filter((n) => n.startsWith("xl/charts/chart"))).toHaveLength(1);
      expect(resaved.text(resaved.names().find((n) => n.startsWith("xl/charts/chart"))!)).toContain("$B$2:$B$4");
    },
    240_000,
  );
});
