/**
 * Lazy row sources: a sheet whose rows are made while it is written produces the same worksheet XML and
 * shared strings as the same rows given as arrays; the lazy view reads like an array everywhere else
 * (indexing, iteration, map, find, JSON, equality) and cannot be changed; the result sheets that use it
 * (预测, 汇总) write what their materialised rows write; long text parts are split without breaking a
 * surrogate pair.
 */
import { describe, expect, it } from "vitest";
import { NAMESPACES } from "../../src/workbook/package/conformance.js";
import { buildResultSheets } from "../../src/workbook/results/index.js";
import { itemRows } from "../../src/workbook/results/layout.js";
import { isLazyRows, lazyRows, materializeRows, rowSourceOf, type SheetSpec, type SpecCell } from "../../src/workbook/sheetSpec.js";
import { minimalStyles, textPieces } from "../../src/workbook/xlsx/patchWorkbook.js";
import { SharedStrings } from "../../src/workbook/xlsx/sharedStrings.js";
import { sheetXml } from "../../src/workbook/xlsx/sheetXml.js";
import { StyleBook } from "../../src/workbook/xlsx/stylesXml.js";
import { makeResult, runContext } from "./resultFixture.js";

const ns = NAMESPACES.transitional;

/** A sheet's XML and the strings and styles it added, from fresh tables. */
function written(spec: SheetSpec): { xml: string; strings: string; styles: string } {
  const styles = new StyleBook(minimalStyles(ns.main));
  const strings = new SharedStrings(null);
  const xml = [...sheetXml(spec, { mainNs: ns.main, relNs: ns.relationships, styles, strings, tableRelIds: ["rId1"] })].join("");
  return { xml, strings: strings.text(ns.main), styles: styles.text() };
}

/** Row i of a mixed table: text, numbers of every format, a boolean, an empty cell, NaN, short rows. */
const mixedRow = (i: number): SpecCell[] => {
  const row: SpecCell[] = [
    { v: `平台 ${i % 7}` },
    { v: i * 1.25, fmt: "yi" },
    { v: i % 3 === 0 ? null : i, fmt: "int" },
    { v: i % 2 === 0 },
  ];
  if (i % 5 === 0) row.push({ v: NaN, fmt: "pct" }, { v: "备注 & <note>", style: "note" });
  return i % 4 === 3 ? row.slice(0, 2) : row;
};
const N = 250;
const eagerRows = Array.from({ length: N }, (_, i) => mixedRow(i));

describe("a lazy row source", () => {
  const made: number[] = [];
  const lazy = lazyRows({
    count: N,
    width: 6,
    row: (i) => (made.push(i), mixedRow(i)),
  });
  const spec = (rows: SpecCell[][]): SheetSpec => ({
    name: "Lazy",
    rows,
    columnWidths: [20, 10],
    rowHeights: { 0: 30, [N + 2]: 18 },
    frozen: { rows: 1, cols: 0 },
    tables: [{ name: "T", header: false, range: { top: 0, left: 0, bottom: N - 1, right: 5 } }],
  });

  it("writes the same sheet XML, shared strings and styles as the same rows given eagerly", () => {
    made.length = 0;
    const a = written(spec(eagerRows));
    const b = written(spec(lazy));
    expect(b.xml).toBe(a.xml);
    expect(b.strings).toBe(a.strings);
    expect(b.styles).toBe(a.styles);
    // Pulled once each, in order, while the XML was made.
    expect(made).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(a.xml).toContain(`<dimension ref="A1:F${N}"/>`);
    expect(a.xml).toContain(`<row r="${N + 3}" ht="18" customHeight="1"></row>`);
  });

  it("reads like the array it stands for and cannot be changed", () => {
    expect(isLazyRows(lazy)).toBe(true);
    expect(isLazyRows(eagerRows)).toBe(false);
    expect(lazy.length).toBe(N);
    expect(lazy[7]).toEqual(eagerRows[7]);
    expect(lazy[N]).toBeUndefined();
    expect(Array.isArray(lazy)).toBe(true);
    expect([...lazy]).toEqual(eagerRows);
    expect(lazy.map((r) => r.length)).toEqual(eagerRows.map((r) => r.length));
    expect(lazy.findIndex((r) => r[1]?.v === 12.5)).toBe(10);
    expect(lazy.slice(3, 5)).toEqual(eagerRows.slice(3, 5));
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eagerRows));
    expect(Object.keys(lazy)).toHaveLength(N);
    expect(lazy).toEqual(eagerRows);
    expect(() => {
      (lazy as SpecCell[][])[0] = [];
    }).toThrow(TypeError);
    expect(() => lazy.push([])).toThrow(TypeError);
    const source = rowSourceOf(lazy);
    expect([source.count, source.width]).toEqual([N, 6]);
    const plain = materializeRows(spec(lazy));
    expect(isLazyRows(plain.rows)).toBe(false);
    expect(plain.rows).toEqual(eagerRows);
    expect(structuredClone(plain).rows).toEqual(eagerRows);
  });

  it("itemRows finds every item's rows, read in order or not", () => {
    const items = [{ n: 2 }, { n: 0 }, { n: 3 }, { n: 1 }];
    const rows = itemRows(
      items,
      (x) => x.n,
      (x, k) => [{ v: items.indexOf(x) }, { v: k }],
      2,
    );
    const expected = [
      [0, 0],
      [0, 1],
      [2, 0],
      [2, 1],
      [2, 2],
      [3, 0],
    ];
    expect(rows.count).toBe(6);
    expect(Array.from({ length: 6 }, (_, i) => rows.row(i).map((c) => c.v))).toEqual(expected);
    for (const i of [5, 0, 3, 4, 1, 2]) expect(rows.row(i).map((c) => c.v)).toEqual(expected[i]);
  });
});

describe("result sheets made while written", () => {
  it("预测 and 汇总 are lazy and write what their materialised rows write", () => {
    const sheets = buildResultSheets(makeResult(), runContext);
    for (const name of ["预测", "汇总"]) {
      const spec = sheets.find((s) => s.name === name)!;
      expect(isLazyRows(spec.rows)).toBe(true);
      expect(written(spec)).toEqual(written(materializeRows(spec)));
    }
    // The others are small and plain.
    expect(isLazyRows(sheets.find((s) => s.name === "达标")!.rows)).toBe(false);
  });
});

describe("textPieces", () => {
  it("splits a long text into pieces that join back, never inside a surrogate pair", () => {
    const text = "a😀".repeat(1000) + "b";
    const pieces = [...textPieces(text, 10)];
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(100);
    for (const p of pieces) {
      const last = p.charCodeAt(p.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      expect(p.length).toBeLessThanOrEqual(11);
    }
    expect([...textPieces("", 10)]).toEqual([]);
  });
});
