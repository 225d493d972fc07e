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
