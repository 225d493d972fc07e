/**
 * Deflate, inflate and CRC-32 for the package layer, behind one small interface so the same code runs in
 * Node (native zlib, found through `process.getBuiltinModule`, so no bundler sees a Node import) and in
 * the browser (fflate). Tests inject their own.
 */
import { deflateSync, inflateSync } from "fflate";

export interface Codec {
  deflateRaw(data: Uint8Array): Uint8Array;
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
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const fflateCodec: Codec = {
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  inflateRaw(data, size) {
    // One byte of room: filling it proves the data holds more than it declares.
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    if (out.length > size) throw new InflatedSizeError(size);
    return out;
  },
  crc32,
};

interface NodeZlib {
  deflateRawSync(data: Uint8Array, options?: { level?: number }): Uint8Array;
  inflateRawSync(data: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array;
  crc32?: (data: Uint8Array) => number;
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
  };
}

/** Native zlib where the runtime has it (Node ≥ 20.16), fflate elsewhere. */
export function defaultCodec(): Codec {
  const zlib = nodeZlib();
  return zlib ? nodeCodec(zlib) : fflateCodec;
}
