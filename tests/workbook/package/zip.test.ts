/** The package layer on its own: CRC-32, ZIP records copied verbatim, size limits and lying entries, text edits. */
import { deflateRawSync } from "node:zlib";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { crc32, defaultCodec, fflateCodec, InflatedSizeError } from "../../../src/workbook/package/codec.js";
import { addOverride, contentTypeOf, ensureOverride, removeOverride } from "../../../src/workbook/package/contentTypes.js";
import { OpcPackage, PackageSizeError } from "../../../src/workbook/package/opcPackage.js";
import { addRel, EMPTY_RELS, freeRelId, parseRels, relativeTarget, removeRel, resolveTarget } from "../../../src/workbook/package/rels.js";
import { readZip, recordsOf, writeZip } from "../../../src/workbook/package/zip.js";
import { WorkbookError } from "../../../src/workbook/port.js";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook.js";

const text = (s: string) => new TextEncoder().encode(s);

/** A one-entry ZIP whose headers declare `declared` bytes for data that inflates to `actual`. */
function lyingZip(name: string, actual: Uint8Array, declared: number): Uint8Array {
  const data = deflateRawSync(actual);
  return writeZip([recordsOf({ name, method: 8, crc: crc32(actual), size: declared, data })]);
}

describe("codec", () => {
  it("crc32 gives the check value of ISO 3309 and matches native zlib", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(defaultCodec().crc32(text("平台优化提升"))).toBe(crc32(text("平台优化提升")));
  });

  it.each([
    ["native zlib", defaultCodec()],
    ["fflate", fflateCodec],
  ])("%s stops inflating at the declared size", (_label, codec) => {
    const big = new Uint8Array(100_000).fill(7);
    const data = codec.deflateRaw(big);
    expect(new Uint8Array(codec.inflateRaw(data, big.length))).toEqual(big);
    expect(() => codec.inflateRaw(data, 1_000)).toThrow(InflatedSizeError);
  });
});

describe("zip records", () => {
  it("reads every entry and writes untouched ones back byte for byte", () => {
    const zip = zipSync({
      "a.xml": text("<a/>"),
      "folder/b.bin": [new Uint8Array([1, 2, 3]), { level: 0 }],
      "中文.xml": text("<x>平台</x>"),
    });
    const entries = readZip(zip);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["a.xml", 4],
      ["folder/b.bin", 3],
      ["中文.xml", 13],
    ]);
    expect(writeZip(entries)).toEqual(zip);
  });

  it("copies an unchanged part's compressed record and deflates only the replaced one", () => {
    const zip = zipSync({ "keep.xml": text("<keep>" + "x".repeat(500) + "</keep>"), "edit.xml": text("<old/>") });
    const pkg = OpcPackage.read(zip, 1e6);
    pkg.set("edit.xml", "<new/>");
    pkg.set("added.xml", ["<a>", "b", "</a>"]);
    const out = OpcPackage.read(pkg.toBytes(), 1e6);
    expect(out.originalEntry("keep.xml")!.localRecord).toEqual(readZip(zip)[0].localRecord);
    expect(out.text("edit.xml")).toBe("<new/>");
    expect(out.text("added.xml")).toBe("<a>b</a>");
    expect(out.names()).toEqual(["keep.xml", "edit.xml", "added.xml"]);
  });

  it("refuses a part or a package declaring more than the limit, before inflating", () => {
    const zip = zipSync({ "a.xml": new Uint8Array(600), "b.xml": new Uint8Array(600) });
    expect(() => OpcPackage.read(zip, 500)).toThrow(expect.objectContaining({ part: "a.xml", size: 600, limit: 500 }));
    expect(() => OpcPackage.read(zip, 1000)).toThrow(expect.objectContaining({ part: null, size: 1200, limit: 1000 }));
    expect(() => OpcPackage.read(zip, 1200)).not.toThrow();
  });

  it("catches an entry that inflates to more than it declares (a zip bomb that lies)", () => {
    const pkg = OpcPackage.read(lyingZip("xl/worksheets/sheet1.xml", new Uint8Array(1_000_000), 100), 1e9);
    expect(() => pkg.bytes("xl/worksheets/sheet1.xml")).toThrow(PackageSizeError);
  });
});

describe("XlsxWorkbook.open size limits", () => {
  it("defaults to 256 MiB (the streaming reader's measure; exceljs's memory set the old 100 MiB)", () => {
    expect(DEFAULT_MAX_UNCOMPRESSED_BYTES).toBe(256 * 1024 * 1024);
  });

  it("names the file, the part, the size and the limit, and says --max-size raises it", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([{ name: "表", rows: Array.from({ length: 2000 }, (_, r) => [{ v: `第${r}行` }, { v: r }]) }]);
    const bytes = await book.toBuffer();
    const err = await XlsxWorkbook.open(bytes, "/data/平台.xlsx", { maxUncompressedBytes: 20_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err).toMatchObject({ code: "too-large" });
    const { zh, en } = err as WorkbookError;
    expect(zh).toMatch(
      /^无法读取 \/data\/平台\.xlsx：部件 xl\/worksheets\/sheet1\.xml 解压后 0\.\d+ MB，超过上限 0\.0191 MB。如确需处理，请用 --max-size/,
    );
    expect(en).toMatch(
      /^cannot read \/data\/平台\.xlsx: part xl\/worksheets\/sheet1\.xml inflates to 0\.\d+ MB, above the limit of 0\.0191 MB\. .*--max-size/,
    );
    await expect(XlsxWorkbook.open(bytes, null, { maxUncompressedBytes: 1e6 })).resolves.toBeInstanceOf(XlsxWorkbook);
  });

  it("refuses a lying entry as too large, saying what it is", async () => {
    const err = await XlsxWorkbook.open(lyingZip("xl/workbook.xml", new Uint8Array(2_000_000).fill(32), 10), "bomb.xlsx").catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "too-large" });
    expect((err as WorkbookError).zh).toContain("压缩炸弹");
    expect((err as WorkbookError).en).toContain("inflates to more than the 10 bytes it declares");
  });
});

describe("relationships and content types", () => {
  it("resolves and writes targets relative to the source part", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("", "/xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table1.xml")).toBe("../tables/table1.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet2.xml")).toBe("worksheets/sheet2.xml");
  });

  it("adds and removes one relationship, leaving the rest of the text as it was", () => {
    const xml = addRel(EMPTY_RELS, { id: "rId1", type: "t/a", target: "a.xml", external: false });
    const id = freeRelId(xml);
    expect(id).toBe("rId2");
    const two = addRel(xml, { id, type: "t/b", target: "b&c.xml", external: true });
    expect(parseRels(two)).toEqual([
      { id: "rId1", type: "t/a", target: "a.xml", external: false },
      { id: "rId2", type: "t/b", target: "b&c.xml", external: true },
    ]);
    expect(removeRel(two, "rId2")).toBe(xml);
  });

  it("types a part by override, then by extension default", () => {
    const xml = `<Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="wb"/></Types>`;
    expect(contentTypeOf(xml, "xl/workbook.xml")).toBe("wb");
    expect(contentTypeOf(xml, "xl/other.xml")).toBe("application/xml");
    expect(contentTypeOf(xml, "xl/media/a.png")).toBeNull();
    expect(ensureOverride(xml, "xl/workbook.xml", "wb")).toBe(xml);
    expect(removeOverride(addOverride(xml, "xl/s.xml", "sheet"), "xl/s.xml")).toBe(xml);
  });
});
