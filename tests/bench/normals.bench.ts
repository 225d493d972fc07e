/**
 * Normal draws benchmark (npm run bench:normals): the choices behind models/random.ts, measured.
 * (1) Normals per second: the ziggurat of NormalStreams.fill against Box–Muller on the same Tyche-i
 * integers (inline, both values of each pair used, as the engine did until 0.2.0). (2) Seeding cost per
 * stream of seedrandom's xor4096 (the old generator) and Tyche-i (each block seeds a stream per platform).
 * No assertions: a benchmark, not a test.
 */
import seedrandom from "seedrandom";
import { NormalStreams, platformStreamKey } from "../../models/random.js";

const DRAWS = 20_000_000;

/** Box–Muller on Tyche-i integers, inline like NormalStreams.fill (uniforms as seedrandom's prng()). */
function boxMuller(seed: string, out: Float64Array): void {
  const {
    a: a0,
    b: b0,
    c: c0,
    d: d0,
  } = (seedrandom.tychei(seed, { state: true }) as unknown as { state(): Record<string, number> }).state();
  let a = a0,
    b = b0,
    c = c0,
    d = d0;
  const uniform = () => {
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    return (a >>> 0) / 0x100000000;
  };
  for (let i = 0; i < out.length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    out[i] = radius * Math.cos(angle);
    out[i + 1] = radius * Math.sin(angle);
  }
}

function ziggurat(seed: string, out: Float64Array): void {
  const streams = new NormalStreams(seed, [platformStreamKey("x")]);
  streams.startBlock(0);
  streams.fill(0, 1, out.length, out, 0, 0, 1);
}

function time(label: string, run: () => void, count: number, unit: string): void {
  run(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const ms = times[2];
  console.log(
    `${label.padEnd(34)} ${(((count / ms) * 1e3) / 1e6).toFixed(1).padStart(7)} M${unit}/s   (${((ms * 1e6) / count).toFixed(2)} ns each, median of 5)`,
  );
}

const out = new Float64Array(DRAWS);
time("Box–Muller on Tyche-i", () => boxMuller("bench", out), DRAWS, " normals");
time("ziggurat on Tyche-i (NormalStreams)", () => ziggurat("bench", out), DRAWS, " normals");
const SEEDS = 20_000;
for (const [name, make] of [
  ["seeding xor4096", (s: string) => seedrandom.xor4096(s, { state: true })],
  ["seeding Tyche-i", (s: string) => seedrandom.tychei(s, { state: true })],
] as const) {
  time(
    name,
    () => {
      for (let i = 0; i < SEEDS; i++) make(`parkplan\u241fplatform:南湖区高新区\u241f${i}`);
    },
    SEEDS,
    " streams",
  );
}
