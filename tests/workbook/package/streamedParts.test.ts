/**
 * Parts given as pieces of text (a big sheet, row by row) are deflated a megabyte at a time and written
 * as the pieces came: the package reads back the same text, with the right size and CRC, in both codecs.
 */
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32Continue, defaultCodec, fflateCodec } from "../../../src/workbook/package/codec.js";
import { OpcPackage } from "../../../src/workbook/package/opcPackage.js";
import { readZip } from "../../../src/workbook/package/zip.js";

/** About 3.4 MB of rows with Chinese text (3 bytes a character in UTF-8), so several pieces. */
function* rows(count: number): Generator<string> {
  yield '<?xml version="1.0"?><sheetData>';
  for (let r = 1; r <= count; r++) yield `<row r="${r}"><c><v>${r * 1.5}</v></c><c t="s"><v>平台${r % 977}</v></c></row>`;
  yield "</sheetData>";
}
const text = (count: number) => Array.from(rows(count)).join("");

describe("streamed parts", () => {
  it("crc32Continue over two halves equals crc32 of the whole", () => {
    const bytes = new TextEncoder().encode("123456789平台");
    expect(crc32Continue(crc32(bytes.subarray(0, 5)), bytes.subarray(5))).toBe(crc32(bytes));
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  for (const [name, codec] of [
    ["native zlib", defaultCodec()],
    ["fflate", fflateCodec],
  ] as const) {
    it(`${name}: a 3 MB part given row by row reads back byte for byte, its size and CRC in the headers`, () => {
      const count = 50_000;
      const pkg = OpcPackage.empty(codec);
      pkg.set("xl/worksheets/sheet1.xml", rows(count));
      pkg.set("small.xml", rows(3));
      const expected = new TextEncoder().encode(text(count));
      expect(expected.length).toBeGreaterThan(3 * 2 ** 20);
      expect(pkg.declaredSize("xl/worksheets/sheet1.xml")).toBe(expected.length);
      // Before writing, the part reads back from its deflated pieces.
      expect(pkg.text("small.xml")).toBe(text(3));
      const bytes = pkg.toBytes();
      const entry = readZip(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
      expect(entry.method).toBe(8);
      expect(entry.size).toBe(expected.length);
      expect(entry.crc).toBe(crc32(expected));
      // An independent inflater agrees that the concatenated pieces are one DEFLATE stream.
      expect(Buffer.compare(inflateRawSync(entry.data), Buffer.from(expected))).toBe(0);
      const back = OpcPackage.read(bytes, Number.MAX_SAFE_INTEGER, codec);
      expect(back.text("xl/worksheets/sheet1.xml")).toBe(text(count));
      expect(back.text("small.xml")).toBe(text(3));
    });
  }
});
