/**
 * Randomness for the Monte Carlo: one seed gives one independent stream per platform (keyed by its
 * name, so reordering rows changes nothing) and one stream for the regional shock. Streams come from
 * seedrandom's xor4096 generator (Brent's xorgens: long period, fast); normal draws use the Box–Muller
 * transform, keeping the second draw.
 */
import seedrandom from "seedrandom";

/** A source of uniform numbers in [0, 1). */
export type UniformSource = () => number;

/** The uniform source for one stream, derived from the master seed and the stream's key. */
export function streamSource(seed: string | number, key: string): UniformSource {
  return seedrandom.xor4096(`${seed}\u241f${key}`);
}

/** Standard normal draws from a uniform source (Box–Muller; both values of each pair are used). */
export class NormalStream {
  private spare = 0;
  private hasSpare = false;

  constructor(private readonly source: UniformSource) {}

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.source()));
    const angle = 2 * Math.PI * this.source();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }
}

/** Stream keys: one per platform name and one for the regional shock. */
export const REGION_STREAM = "region";
export const platformStreamKey = (name: string): string => `platform:${name}`;

/**
 * Many normal streams at once, for the Monte Carlo's hot loop: the same numbers as one NormalStream per
 * key, bit for bit. Each stream is seeded by seedrandom's xor4096 exactly as streamSource seeds it; its
 * state (Brent's xorgens: 128 words, an index and a Weyl counter) is then stepped here in typed arrays,
 * by the same integer operations as seedrandom's XorGen.next, so no closure or method call per draw.
 * Uniforms are (int32 >>> 0) / 2^32, as seedrandom's prng(); normals are Box–Muller as NormalStream.
 */
export class NormalStreams {
  private readonly x: Int32Array;
  private readonly index: Int32Array;
  private readonly weyl: Int32Array;
  private readonly spare: Float64Array;
  private readonly hasSpare: Uint8Array;
  /** Scratch for the two uniforms of one Box–Muller pair. */
  private readonly uniforms = new Float64Array(2);

  constructor(seed: string | number, keys: readonly string[]) {
    const m = keys.length;
    this.x = new Int32Array(m * 128);
    this.index = new Int32Array(m);
    this.weyl = new Int32Array(m);
    this.spare = new Float64Array(m);
    this.hasSpare = new Uint8Array(m);
    keys.forEach((key, s) => {
      const state = (
        seedrandom.xor4096(`${seed}\u241f${key}`, { state: true }) as unknown as { state(): { X: number[]; i: number; w: number } }
      ).state();
      if (state.X.length !== 128) throw new Error("unexpected xor4096 state");
      this.x.set(state.X, s * 128);
      this.index[s] = state.i;
      this.weyl[s] = state.w;
    });
  }

  /**
   * Write `count` consecutive draws of stream s to out[offset], out[offset + stride], …
   * (the same draws, in the same order, as `count` calls of NormalStream.next on that stream).
   */
  fill(s: number, count: number, out: Float64Array, offset: number, stride: number): void {
    const X = this.x;
    const u = this.uniforms;
    const base = s * 128;
    let i = this.index[s];
    let w = this.weyl[s];
    let at = offset;
    let left = count;
    if (left > 0 && this.hasSpare[s] === 1) {
      out[at] = this.spare[s];
      this.hasSpare[s] = 0;
      at += stride;
      left--;
    }
    while (left > 0) {
      // Two uniforms (seedrandom XorGen.next twice), then one Box–Muller pair.
      for (let d = 0; d < 2; d++) {
        w = (w + 0x61c88647) | 0;
        let v = X[base + ((i + 34) & 127)];
        i = (i + 1) & 127;
        let t = X[base + i];
        v ^= v << 13;
        t ^= t << 17;
        v ^= v >>> 15;
        t ^= t >>> 12;
        v = v ^ t;
        X[base + i] = v;
        u[d] = (((v + (w ^ (w >>> 16))) | 0) >>> 0) / 0x100000000;
      }
      const u1 = u[0];
      const u2 = u[1];
      const radius = Math.sqrt(-2 * Math.log(1 - u1));
      const angle = 2 * Math.PI * u2;
      out[at] = radius * Math.cos(angle);
      at += stride;
      left--;
      const second = radius * Math.sin(angle);
      if (left > 0) {
        out[at] = second;
        at += stride;
        left--;
      } else {
        this.spare[s] = second;
        this.hasSpare[s] = 1;
      }
    }
    this.index[s] = i;
    this.weyl[s] = w;
  }
}
