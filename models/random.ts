/**
 * Randomness for the Monte Carlo. The trials are cut into blocks of TRIAL_BLOCK trials, and each block
 * has its own streams: one per platform (keyed by its name, so reordering rows changes nothing) and one
 * for the regional shock, each seeded through seedrandom from (seed, stream key, block index). Any
 * block can therefore be computed on its own, in any thread and in any order, with the same numbers.
 *
 * Generator: seedrandom's Tyche-i (Neves & Araujo 2011: a ChaCha-like round on 128 bits of state,
 * passes BigCrush), chosen because each block seeds a new stream and Tyche-i seeds in about a microsecond
 * (xor4096 takes six). Normal draws: the ziggurat of ziggurat.ts, one 32-bit integer per draw on its fast
 * path. The measurements behind both choices are in models/README.md ("Random numbers").
 */
import seedrandom from "seedrandom";
import { ZIGGURAT_K, ZIGGURAT_W, zigguratNormal, zigguratSlow } from "./ziggurat.js";

/** Trials per block of streams (and per block of the trial record). Changing it changes every Monte Carlo number. */
export const TRIAL_BLOCK = 256;

/** Stream keys: one per platform name and one for the regional shock. */
export const REGION_STREAM = "region";
export const platformStreamKey = (name: string): string => `platform:${name}`;

/** The seedrandom seed of one stream: the master seed, the stream's key and, for Monte Carlo streams, the block. */
export const streamSeed = (seed: string | number, key: string, block?: number): string =>
  block === undefined ? `${seed}\u241f${key}` : `${seed}\u241f${key}\u241f${block}`;

/** A source of 32-bit integers: seedrandom's Tyche-i for one stream. */
export type IntegerSource = () => number;

export function streamIntegers(seed: string | number, key: string, block?: number): IntegerSource {
  return seedrandom.tychei(streamSeed(seed, key, block)).int32;
}

/** Standard normal draws from one integer source (the reference form; NormalStreams is the fast one). */
export class NormalStream {
  constructor(private readonly source: IntegerSource) {}

  next(): number {
    return zigguratNormal(this.source);
  }
}

interface TycheState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** The state seedrandom.tychei reaches after seeding with `seedString`. */
function seededState(seedString: string): TycheState {
  const generator = seedrandom.tychei(seedString, { state: true }) as unknown as { state(): TycheState };
  return generator.state();
}

/**
 * Many normal streams of one block at once, for the Monte Carlo's hot loop: the same numbers as one
 * NormalStream per stream, bit for bit (tested). The Tyche-i state of each stream (four 32-bit words)
 * lives in one Int32Array and is stepped by the same integer operations as seedrandom's, inline, so no
 * closure or method call is made per draw.
 */
export class NormalStreams {
  private readonly state: Int32Array;
  /** The stream the slow path steps (see fill). */
  private current = 0;
  private readonly nextOfCurrent = () => this.step(this.current);

  constructor(
    private readonly seed: string | number,
    private readonly keys: readonly string[],
  ) {
    this.state = new Int32Array(keys.length * 4);
  }

  /** Seed every stream for block `block`. */
  startBlock(block: number): void {
    for (let s = 0; s < this.keys.length; s++) {
      const { a, b, c, d } = seededState(streamSeed(this.seed, this.keys[s], block));
      this.state.set([a, b, c, d], s * 4);
    }
  }

  /**
   * Write the next trials × perTrial draws of stream s: trial t's draws at
   * out[offset + t·trialStride + k·stride], k = 0 … perTrial − 1 (the stream's order: trial after trial).
   */
  fill(s: number, trials: number, perTrial: number, out: Float64Array, offset: number, trialStride: number, stride: number): void {
    const S = this.state;
    const K = ZIGGURAT_K;
    const W = ZIGGURAT_W;
    let a = S[s * 4];
    let b = S[s * 4 + 1];
    let c = S[s * 4 + 2];
    let d = S[s * 4 + 3];
    for (let t = 0; t < trials; t++) {
      let at = offset + t * trialStride;
      for (let k = 0; k < perTrial; k++) {
        // seedrandom's Tyche-i next(), inline.
        b = (b << 25) ^ (b >>> 7) ^ c;
        c = (c - d) | 0;
        d = (d << 24) ^ (d >>> 8) ^ a;
        a = (a - b) | 0;
        b = (b << 20) ^ (b >>> 12) ^ c;
        c = (c - d) | 0;
        d = (d << 16) ^ (c >>> 16) ^ a;
        a = (a - b) | 0;
        // The ziggurat's fast path, inline; the slow path steps the same state through `next`.
        const layer = a & 127;
        const j = a >> 7;
        const bound = K[layer];
        if (j < bound && j > -bound) {
          out[at] = j * W[layer];
        } else {
          // Rare (≈ 3%): hand the state over to the slow path and take it back.
          S[s * 4] = a;
          S[s * 4 + 1] = b;
          S[s * 4 + 2] = c;
          S[s * 4 + 3] = d;
          this.current = s;
          out[at] = zigguratSlow(j, layer, this.nextOfCurrent);
          a = S[s * 4];
          b = S[s * 4 + 1];
          c = S[s * 4 + 2];
          d = S[s * 4 + 3];
        }
        at += stride;
      }
    }
    S[s * 4] = a;
    S[s * 4 + 1] = b;
    S[s * 4 + 2] = c;
    S[s * 4 + 3] = d;
  }

  /** One step of stream s's Tyche-i (seedrandom's next()), in place; returns the new integer. */
  private step(s: number): number {
    const S = this.state;
    let a = S[s * 4];
    let b = S[s * 4 + 1];
    let c = S[s * 4 + 2];
    let d = S[s * 4 + 3];
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    S[s * 4] = a;
    S[s * 4 + 1] = b;
    S[s * 4 + 2] = c;
    S[s * 4 + 3] = d;
    return a;
  }
}
