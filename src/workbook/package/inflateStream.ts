/**
 * A ZIP entry inflated piece by piece, so a 100 MB sheet never exists as one buffer: native zlib's
 * streaming inflate in Node (found through `process.getBuiltinModule`, as codec.ts does), fflate's
 * streaming Inflate elsewhere. The entry is held to what it declares: more bytes than its size stops the
 * stream (InflatedSizeError), fewer or a wrong CRC-32 fails it once read to the end (ZipFormatError).
 * A consumer that stops early (`break`) stops the inflating too.
 */
import { Inflate } from "fflate";
import { crc32Continue, InflatedSizeError } from "./codec.js";
import { ZipFormatError, type ZipEntry } from "./zip.js";

/** Compressed bytes handed to the inflater at a time (for fflate also the bound of one piece: ≤ 1032 × this). */
const INPUT_SLICE = 16 * 1024;
/** Inflated bytes per piece from native zlib. */
const OUTPUT_CHUNK = 256 * 1024;

interface NodeInflateRaw {
  write(chunk: Uint8Array): boolean;
  end(): void;
  destroy(): void;
  once(event: "drain" | "error" | "close", listener: () => void): void;
  removeListener(event: "drain" | "error" | "close", listener: () => void): void;
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
}

interface NodeZlibStreams {
  createInflateRaw(options: { chunkSize: number }): NodeInflateRaw;
  crc32?: (data: Uint8Array, value?: number) => number;
}

function nodeZlib(): NodeZlibStreams | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.("node:zlib") as NodeZlibStreams | undefined) ?? null;
}

function* slices(data: Uint8Array, size: number): Generator<Uint8Array> {
  for (let p = 0; p < data.length; p += size) yield data.subarray(p, Math.min(p + size, data.length));
}

/** Wait for "drain" or "close", whichever comes first, leaving no listener behind (a big part waits many times). */
function drainedOrClosed(stream: NodeInflateRaw): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.removeListener("drain", done);
      stream.removeListener("close", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
  });
}

async function* nodeInflate(zlib: NodeZlibStreams, data: Uint8Array): AsyncGenerator<Uint8Array> {
  const stream = zlib.createInflateRaw({ chunkSize: OUTPUT_CHUNK });
  let stopped = false;
  stream.once("close", () => (stopped = true));
  // Fed with back-pressure: the inflater never runs more than a few pieces ahead of the reader.
  const feed = async () => {
    for (const slice of slices(data, INPUT_SLICE)) {
      if (stopped) return;
      if (!stream.write(slice)) await drainedOrClosed(stream);
    }
    if (!stopped) stream.end();
  };
  void feed();
  try {
    for await (const piece of stream) yield piece;
  } finally {
    stream.destroy();
  }
}

async function* fflateInflate(data: Uint8Array): AsyncGenerator<Uint8Array> {
  const pieces: Uint8Array[] = [];
  const inflater = new Inflate((piece) => pieces.push(piece));
  const input = [...slices(data, INPUT_SLICE)];
  if (input.length === 0) inflater.push(new Uint8Array(0), true);
  for (let k = 0; k < input.length; k++) {
    inflater.push(input[k], k === input.length - 1);
    while (pieces.length) yield pieces.shift()!;
  }
  while (pieces.length) yield pieces.shift()!;
}

export interface InflateOptions {
  /** Force fflate even where native zlib is there (tests). */
  portable?: boolean;
}

/**
 * The entry's inflated bytes, in pieces. Throws InflatedSizeError as soon as the data passes its declared
 * size; ZipFormatError for data that is not DEFLATE, ends short of its size or fails its CRC.
 */
export async function* inflateEntry(entry: ZipEntry, options: InflateOptions = {}): AsyncGenerator<Uint8Array> {
  const zlib = options.portable ? null : nodeZlib();
  let source: AsyncGenerator<Uint8Array>;
  if (entry.method === 0)
    source = (async function* () {
      yield* slices(entry.data, OUTPUT_CHUNK);
    })();
  else if (entry.method === 8) source = zlib ? nodeInflate(zlib, entry.data) : fflateInflate(entry.data);
  else throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  const crcOf = zlib?.crc32 ? (crc: number, piece: Uint8Array) => zlib.crc32!(piece, crc) >>> 0 : crc32Continue;
  let total = 0;
  let crc = 0;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await source.next();
      } catch (err) {
        if (err instanceof ZipFormatError) throw err;
        throw new ZipFormatError(`${entry.name} cannot be inflated`);
      }
      if (next.done) break;
      const piece = next.value;
      total += piece.length;
      if (total > entry.size) throw new InflatedSizeError(entry.size);
      crc = crcOf(crc, piece);
      yield piece;
    }
  } finally {
    await source.return(undefined);
  }
  if (total !== entry.size) throw new ZipFormatError(`${entry.name} is ${total} bytes, not the ${entry.size} its header declares`);
  if (crc !== entry.crc) throw new ZipFormatError(`${entry.name} fails its CRC check`);
}

/** The entry's inflated text, in pieces (UTF-8 decoded across piece boundaries). */
export async function* inflateText(entry: ZipEntry, options: InflateOptions = {}): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const piece of inflateEntry(entry, options)) yield decoder.decode(piece, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
