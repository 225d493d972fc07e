/**
 * Deflate, inflate and CRC-32 for the package layer, behind one small interface so the same code runs in
 * Node (native zlib, found through `process.getBuiltinModule`, so no bundler sees a Node import) and in
 * the browser (fflate). Tests inject their own.
 */
import { Deflate, deflateSync, inflateSync } from "fflate";

/**
 * Raw DEFLATE of a part given piece by piece: the chunks `push` returns, concatenated, are one DEFLATE
 * stream (every piece but the last ends on a byte-aligned non-final block), so a big sheet is never held
 * uncompressed as a whole.
 */
export interface RawDeflater {
  push(data: Uint8Array, last: boolean): Uint8Array;
}

/**
 * Level of the piecewise deflate (the big parts: sheets row by row). Measured on a 10,000-platform 预测
 * sheet (84 MB of XML): level 6 took 2.6 s for 17.2 MB, level 3 1.5 s for 18.8 MB, level 1 0.8–1.5 s
 * for 20.0 MB; small parts keep level 6.
 */
export const STREAMED_LEVEL = 3;
/**
 * Level of a streamed part past its first BIG_PART_BYTES (Node only: each piece is deflated on its own).
 * Measured on 191 MB of a 100,000-platform 预测 sheet: level 3 took 2.0 s for 44.3 MB, level 1 1.1 s for
 * 47.0 MB; the 862 MB sheet's deflate was a quarter of the run. Outputs below it are unchanged.
 */
export const BIG_PART_LEVEL = 1;
export const BIG_PART_BYTES = 64 * 1024 * 1024;

export interface Codec {
  deflateRaw(data: Uint8Array): Uint8Array;
  /** A piecewise deflater (optional: without it a streamed part is joined, then deflated). */
  deflater?(): RawDeflater;
  /** CRC-32 continued over `data` from `crc` (0 to start); optional like `deflater`. */
  crc32Update?(crc: number, data: Uint8Array): number;
  /**
   * Inflate raw DEFLATE data that declares `size` bytes; throws InflatedSizeError when the data inflates
   * to more (a zip bomb that lies about its size is stopped at the declared size, not after).
   */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

export class InflatedSizeError extends Error {
  constructor(readonly declared: number) {
    super(`data inflates to more than the declared ${declared} bytes`);
    this.name = "InflatedSizeError";
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as in ZIP). @example crc32(new TextEncoder().encode("123456789")) // => 0xcbf43926 */
export function crc32(data: Uint8Array): number {
  return crc32Continue(0, data);
}

/** CRC-32 continued over `data` from `crc` (0 to start): crc32Continue(crc32(a), b) === crc32(a + b). */
export function crc32Continue(crc: number, data: Uint8Array): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function fflateDeflater(): RawDeflater {
  let out: Uint8Array[] = [];
  const deflate = new Deflate({ level: STREAMED_LEVEL }, (chunk) => out.push(chunk));
  return {
    push(data, last) {
      // A sync flush after each piece: what is pushed comes out now, on a byte boundary.
      deflate.push(data, last);
      if (!last) deflate.flush();
      const pieces = out;
      out = [];
      return concatBytes(pieces);
    },
  };
}

export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

export const fflateCodec: Codec = {
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  deflater: fflateDeflater,
  crc32Update: crc32Continue,
  inflateRaw(data, size) {
    // One byte of room: filling it proves the data holds more than it declares.
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    if (out.length > size) throw new InflatedSizeError(size);
    return out;
  },
  crc32,
};

interface NodeZlib {
  deflateRawSync(data: Uint8Array, options?: { level?: number; finishFlush?: number }): Uint8Array;
  inflateRawSync(data: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array;
  crc32?: (data: Uint8Array, value?: number) => number;
  constants: { Z_SYNC_FLUSH: number; Z_FINISH: number };
}

function nodeZlib(): NodeZlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.("node:zlib") as NodeZlib | undefined) ?? null;
}

function nodeCodec(zlib: NodeZlib): Codec {
  return {
    deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
    inflateRaw(data, size) {
      try {
        return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflatedSizeError(size);
        throw err;
      }
    },
    crc32: zlib.crc32 ? (data) => zlib.crc32!(data) >>> 0 : crc32,
    // Each piece deflated on its own and ended with a sync flush (no final block) but the last: the pieces
    // concatenate into one valid stream (as pigz does); a piece's matches cannot reach into the one before.
    deflater: () => {
      let seen = 0;
      return {
        push: (data, last) => {
          const level = seen < BIG_PART_BYTES ? STREAMED_LEVEL : BIG_PART_LEVEL;
          seen += data.length;
          return zlib.deflateRawSync(data, { level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
        },
      };
    },
    crc32Update: zlib.crc32 ? (crc, data) => zlib.crc32!(data, crc) >>> 0 : crc32Continue,
  };
}

/** Native zlib where the runtime has it (Node ≥ 20.16), fflate elsewhere. */
export function defaultCodec(): Codec {
  const zlib = nodeZlib();
  return zlib ? nodeCodec(zlib) : fflateCodec;
}
