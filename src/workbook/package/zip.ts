/**
 * The ZIP container of an OPC package, read and written at the record level so an entry that does not
 * change is copied with its original compressed bytes (its local header, data and data descriptor
 * verbatim). Only what OOXML packages use: one disk, stored or deflated entries, no ZIP64, no encryption.
 */

/** One entry as found in the central directory, with the raw bytes to copy it unchanged. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares (not yet proven: see Codec.inflateRaw). */
  size: number;
  /** The compressed data. */
  data: Uint8Array;
  /** Local header + data + data descriptor, exactly as in the file. */
  localRecord: Uint8Array;
  /** The central directory record, exactly as in the file (its local-header offset is rewritten on output). */
  centralRecord: Uint8Array;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const utf8 = new TextDecoder("utf-8");

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEnd(bytes: Uint8Array, dv: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (dv.getUint32(p, true) === SIG_END) return p;
  }
  throw new ZipFormatError("no ZIP end-of-central-directory record");
}

/** The entries of a ZIP file, in central-directory order. Throws ZipFormatError for anything else. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) throw new ZipFormatError("too short to be a ZIP file");
  const dv = view(bytes);
  const end = findEnd(bytes, dv);
  const count = dv.getUint16(end + 10, true);
  const cdOffset = dv.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipFormatError("ZIP64 packages are not supported");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== SIG_CENTRAL) throw new ZipFormatError(`bad central directory record ${i + 1}`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const recordLen = 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1) throw new ZipFormatError(`${name} is encrypted`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipFormatError("ZIP64 packages are not supported");
    if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== SIG_LOCAL)
      throw new ZipFormatError(`bad local header of ${name}`);
    const dataStart = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    let recordEnd = dataStart + compressedSize;
    if (recordEnd > bytes.length) throw new ZipFormatError(`${name} runs past the end of the file`);
    if (flags & 8) recordEnd += recordEnd + 4 <= bytes.length && dv.getUint32(recordEnd, true) === SIG_DESCRIPTOR ? 16 : 12;
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      data: bytes.subarray(dataStart, dataStart + compressedSize),
      localRecord: bytes.subarray(localOffset, Math.min(recordEnd, bytes.length)),
      centralRecord: bytes.subarray(p, p + recordLen),
    });
    p += recordLen;
  }
  return entries;
}

/** A new entry: compressed data and what the headers must say about it. */
export interface NewZipEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  size: number;
  data: Uint8Array;
}

const DOS_DATE_1980 = (1 << 5) | 1; // 1980-01-01, as Excel writes every entry: the same input gives the same bytes.
const utf8Encoder = new TextEncoder();

/** Records to write: the local record (or, with `pieces`, its header only, the data following in pieces) and the central one. */
export interface ZipRecords {
  localRecord: Uint8Array;
  centralRecord: Uint8Array;
  pieces?: readonly Uint8Array[];
}

/** Local and central records of a new entry (local-header offset left 0; set on output). */
export function recordsOf(entry: NewZipEntry): { localRecord: Uint8Array; centralRecord: Uint8Array } {
  const { header, centralRecord } = headersOf(entry.name, entry, entry.data.length);
  const local = new Uint8Array(header.length + entry.data.length);
  local.set(header);
  local.set(entry.data, header.length);
  return { localRecord: local, centralRecord };
}

/** Records of a new entry whose compressed data comes in pieces: written as they are, never joined. */
export function pieceRecordsOf(entry: Omit<NewZipEntry, "data"> & { data: readonly Uint8Array[] }): ZipRecords {
  const compressed = entry.data.reduce((n, d) => n + d.length, 0);
  const { header, centralRecord } = headersOf(entry.name, entry, compressed);
  return { localRecord: header, centralRecord, pieces: entry.data };
}

function headersOf(
  entryName: string,
  entry: Pick<NewZipEntry, "method" | "crc" | "size">,
  compressed: number,
): { header: Uint8Array; centralRecord: Uint8Array } {
  const name = utf8Encoder.encode(entryName);
  // Bit 11: the name is UTF-8 (only needed, and only set, for names beyond ASCII).
  const flags = name.length !== entryName.length ? 0x0800 : 0;
  const local = new Uint8Array(30 + name.length);
  const lv = view(local);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, flags, true);
  lv.setUint16(8, entry.method, true);
  lv.setUint16(12, DOS_DATE_1980, true);
  lv.setUint32(14, entry.crc, true);
  lv.setUint32(18, compressed, true);
  lv.setUint32(22, entry.size, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = view(central);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, flags, true);
  cv.setUint16(10, entry.method, true);
  cv.setUint16(14, DOS_DATE_1980, true);
  cv.setUint32(16, entry.crc, true);
  cv.setUint32(20, compressed, true);
  cv.setUint32(24, entry.size, true);
  cv.setUint16(28, name.length, true);
  central.set(name, 46);
  return { header: local, centralRecord: central };
}

/** Concatenate records into a ZIP file, rewriting each central record's local-header offset. */
export function writeZip(records: ZipRecords[]): Uint8Array {
  const localLength = (r: ZipRecords) => r.localRecord.length + (r.pieces ?? []).reduce((n, d) => n + d.length, 0);
  const localSize = records.reduce((n, r) => n + localLength(r), 0);
  const centralSize = records.reduce((n, r) => n + r.centralRecord.length, 0);
  if (records.length >= 0xffff || localSize + centralSize >= 0xffffffff)
    throw new ZipFormatError("package too large for a ZIP without ZIP64");
  const out = new Uint8Array(localSize + centralSize + 22);
  const dv = view(out);
  let p = 0;
  const offsets = records.map((r) => {
    const start = p;
    out.set(r.localRecord, p);
    p += r.localRecord.length;
    for (const d of r.pieces ?? []) {
      out.set(d, p);
      p += d.length;
    }
    return start;
  });
  records.forEach((r, i) => {
    out.set(r.centralRecord, p);
    dv.setUint32(p + 42, offsets[i], true);
    p += r.centralRecord.length;
  });
  dv.setUint32(p, SIG_END, true);
  dv.setUint16(p + 8, records.length, true);
  dv.setUint16(p + 10, records.length, true);
  dv.setUint32(p + 12, centralSize, true);
  dv.setUint32(p + 16, localSize, true);
  return out;
}
