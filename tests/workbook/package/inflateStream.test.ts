/** Streaming inflate of a ZIP entry: native zlib and fflate give the same bytes, hold the entry to its size and CRC, and stop early on request. */
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32Continue, InflatedSizeError } from "../../../src/workbook/package/codec.js";
import { inflateEntry, inflateText } from "../../../src/workbook/package/inflateStream.js";
import { ZipFormatError, type ZipEntry } from "../../../src/workbook/package/zip.js";

// Varied enough that the compressed data spans many input slices.
const text = Array.from({ length: 60_000 }, (_, i) => `<row r="${i}">平台${(i * 7919) % 100_003}</row>`).join("");
const bytes = new TextEncoder().encode(text);

function entry(overrides: Partial<ZipEntry> = {}): ZipEntry {
  const data = deflateRawSync(bytes);
  const empty = new Uint8Array(0);
  return {
    name: "xl/worksheets/sheet1.xml",
    method: 8,
    crc: crc32(bytes),
    compressedSize: data.length,
    size: bytes.length,
    data,
    localRecord: empty,
    centralRecord: empty,
    ...overrides,
  };
}

async function collect(pieces: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const piece of pieces) out.push(piece);
  return out;
}

describe.each([
  ["native zlib", false],
  ["fflate", true],
])("inflateEntry with %s", (_label, portable) => {
  it("gives the text in several pieces, multi-byte characters intact across their boundaries", async () => {
    const pieces = await collect(inflateText(entry(), { portable }));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(text);
  });

  it("stops at the declared size of a lying entry", async () => {
    await expect(collect(inflateText(entry({ size: 1000 }), { portable }))).rejects.toBeInstanceOf(InflatedSizeError);
  });

  it("refuses data shorter than declared and a wrong CRC once read to the end", async () => {
    await expect(collect(inflateText(entry({ size: bytes.length + 1 }), { portable }))).rejects.toBeInstanceOf(ZipFormatError);
    await expect(collect(inflateText(entry({ crc: 1 }), { portable }))).rejects.toThrow(/CRC/);
    await expect(collect(inflateText(entry({ data: new Uint8Array([0xff, 0xff, 0xff]) }), { portable }))).rejects.toBeInstanceOf(
      ZipFormatError,
    );
  });

  it("stops inflating when the reader stops", async () => {
    let read = 0;
    for await (const piece of inflateEntry(entry(), { portable })) {
      read += piece.length;
      break;
    }
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(bytes.length);
  });
});

it("crc32Continue continues a CRC over pieces (the streaming inflate's check without native zlib)", () => {
  expect(crc32Continue(crc32Continue(0, bytes.subarray(0, 999)), bytes.subarray(999))).toBe(crc32(bytes));
});

it("a stored entry streams as it is", async () => {
  expect((await collect(inflateText(entry({ method: 0, data: bytes, compressedSize: bytes.length })))).join("")).toBe(text);
});
