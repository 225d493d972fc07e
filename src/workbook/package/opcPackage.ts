/**
 * An OPC package (the ZIP of an .xlsx/.xlsm) as parts: every part of the input is kept with its original
 * compressed bytes and copied unchanged unless it is replaced or removed; new parts are deflated on
 * output. Part names here are ZIP entry names ("xl/workbook.xml", no leading slash).
 */
import { concatBytes, crc32Continue, defaultCodec, InflatedSizeError, type Codec } from "./codec.js";
import { pieceRecordsOf, readZip, recordsOf, writeZip, ZipFormatError, type ZipEntry } from "./zip.js";

/** The text of a new part, or its pieces (a sheet is produced row block by row block). */
export type PartContent = Uint8Array | string | Iterable<string>;

export class PackageSizeError extends Error {
  constructor(
    readonly part: string | null,
    readonly size: number,
    readonly limit: number,
    /** The entry declared less than it inflates to. */
    readonly lied = false,
  ) {
    super(`${part ?? "package"}: ${size} bytes, limit ${limit}`);
    this.name = "PackageSizeError";
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** Text gathered from a streamed part's pieces before it is encoded and deflated (UTF-16 units). */
const PIECE_CHARS = 1 << 20;

/** A part given as pieces of text, deflated as they come: only its compressed bytes are kept. */
interface DeflatedPart {
  /** The DEFLATE stream in the pieces it was made in (joined only if the part is read back). */
  deflated: Uint8Array[];
  crc: number;
  size: number;
}

/** Deflate pieces of text a megabyte at a time (no whole-part string or buffer). */
function deflatePieces(pieces: Iterable<string>, codec: Codec): DeflatedPart {
  const deflater = codec.deflater?.();
  if (!deflater) {
    const data = encoder.encode(Array.from(pieces).join(""));
    return { deflated: [codec.deflateRaw(data)], crc: codec.crc32(data), size: data.length };
  }
  const crcUpdate = codec.crc32Update ?? crc32Continue;
  const out: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  let buffered: string[] = [];
  let chars = 0;
  const flush = (last: boolean) => {
    const data = encoder.encode(buffered.join(""));
    buffered = [];
    chars = 0;
    crc = crcUpdate(crc, data);
    size += data.length;
    out.push(deflater.push(data, last));
  };
  for (const piece of pieces) {
    buffered.push(piece);
    chars += piece.length;
    if (chars >= PIECE_CHARS) flush(false);
  }
  flush(true);
  return { deflated: out, crc, size };
}

export class OpcPackage {
  private readonly original = new Map<string, ZipEntry>();
  private readonly order: string[] = [];
  private readonly changed = new Map<string, Uint8Array | DeflatedPart>();
  private readonly inflated = new Map<string, Uint8Array>();
  private readonly removedNames = new Set<string>();

  private constructor(
    entries: ZipEntry[],
    private readonly codec: Codec,
  ) {
    for (const e of entries) {
      if (e.name.endsWith("/")) continue; // a folder entry is no part
      this.original.set(e.name, e);
      this.order.push(e.name);
    }
  }

  /**
   * Read a package; throws ZipFormatError for a file that is not one, PackageSizeError when a part or the
   * whole declares more than `maxUncompressedBytes` (checked before anything is inflated).
   */
  static read(bytes: Uint8Array, maxUncompressedBytes: number, codec: Codec = defaultCodec()): OpcPackage {
    const entries = readZip(bytes);
    let total = 0;
    for (const e of entries) {
      if (e.size > maxUncompressedBytes) throw new PackageSizeError(e.name, e.size, maxUncompressedBytes);
      total += e.size;
    }
    if (total > maxUncompressedBytes) throw new PackageSizeError(null, total, maxUncompressedBytes);
    return new OpcPackage(entries, codec);
  }

  /** An empty package (for a workbook made from scratch: see xlsx/template.ts). */
  static empty(codec: Codec = defaultCodec()): OpcPackage {
    return new OpcPackage([], codec);
  }

  /** Part names: the input's in their order, then new ones in the order added. */
  names(): string[] {
    return this.order.filter((n) => this.has(n));
  }

  has(name: string): boolean {
    return this.changed.has(name) || (this.original.has(name) && !this.removedNames.has(name));
  }

  /** The input's ZIP entry of a part that is still untouched (its compressed bytes go out unchanged). */
  originalEntry(name: string): ZipEntry | undefined {
    return this.isOriginal(name) ? this.original.get(name) : undefined;
  }

  /** True while the part is the input's own, untouched. */
  isOriginal(name: string): boolean {
    return this.original.has(name) && !this.changed.has(name) && !this.removedNames.has(name);
  }

  /** The uncompressed size of a part (as declared, for an input part), or null when there is no such part. */
  declaredSize(name: string): number | null {
    const replaced = this.changed.get(name);
    if (replaced) return replaced instanceof Uint8Array ? replaced.length : replaced.size;
    return this.has(name) ? this.original.get(name)!.size : null;
  }

  /** The part's bytes, inflated (at most once) and checked against the declared size and CRC. */
  bytes(name: string): Uint8Array {
    const replaced = this.changed.get(name);
    if (replaced instanceof Uint8Array) return replaced;
    if (replaced) return this.codec.inflateRaw(concatBytes(replaced.deflated), replaced.size);
    const e = this.has(name) ? this.original.get(name) : undefined;
    if (!e) throw new Error(`no part ${name}`);
    const cached = this.inflated.get(name);
    if (cached) return cached;
    let data: Uint8Array;
    if (e.method === 0) data = e.data;
    else if (e.method === 8) {
      try {
        data = this.codec.inflateRaw(e.data, e.size);
      } catch (err) {
        if (err instanceof InflatedSizeError) throw new PackageSizeError(name, e.size, e.size, true);
        throw new ZipFormatError(`${name} cannot be inflated`);
      }
    } else throw new ZipFormatError(`${name} uses compression method ${e.method}`);
    if (data.length !== e.size) throw new ZipFormatError(`${name} is ${data.length} bytes, not the ${e.size} its header declares`);
    if (this.codec.crc32(data) !== e.crc) throw new ZipFormatError(`${name} fails its CRC check`);
    this.inflated.set(name, data);
    return data;
  }

  text(name: string): string {
    return decoder.decode(this.bytes(name));
  }

  /** Add or replace a part; pieces of text (a sheet row by row) are deflated as they come. */
  set(name: string, content: PartContent): void {
    if (!this.order.includes(name)) this.order.push(name);
    this.removedNames.delete(name);
    this.changed.set(
      name,
      content instanceof Uint8Array ? content : typeof content === "string" ? encoder.encode(content) : deflatePieces(content, this.codec),
    );
    this.inflated.delete(name);
  }

  remove(name: string): void {
    this.changed.delete(name);
    this.inflated.delete(name);
    if (this.original.has(name)) this.removedNames.add(name);
    else this.order.splice(this.order.indexOf(name), 1);
  }

  /** Forget inflated copies of untouched parts (they are re-read from the compressed bytes on demand). */
  dropCaches(): void {
    this.inflated.clear();
  }

  /** The package as ZIP bytes: untouched parts copied record for record, changed and new parts deflated. */
  toBytes(): Uint8Array {
    const records = this.names().map((name) => {
      const e = this.original.get(name);
      if (e && this.isOriginal(name)) return e;
      const data = this.changed.get(name)!;
      if (!(data instanceof Uint8Array)) return pieceRecordsOf({ name, method: 8, crc: data.crc, size: data.size, data: data.deflated });
      const deflated = this.codec.deflateRaw(data);
      // Tiny parts can grow when deflated: store them.
      const stored = deflated.length >= data.length;
      return recordsOf({ name, method: stored ? 0 : 8, crc: this.codec.crc32(data), size: data.length, data: stored ? data : deflated });
    });
    return writeZip(records);
  }
}
