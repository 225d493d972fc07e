/**
 * Phase timings for the scale benchmark (tests/bench/scale.bench.ts): with PARKPLAN_TIMINGS=1 in the
 * environment, each timed phase of a run prints one line `parkplan-timing <phase> <ms>` to stderr.
 * Off (and free) otherwise; never on in a browser (no process there).
 */
const enabled = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.PARKPLAN_TIMINGS === "1";

function report(phase: string, started: number): void {
  const ms = performance.now() - started;
  (globalThis as unknown as { process: { stderr: { write(s: string): void } } }).process.stderr.write(
    `parkplan-timing ${phase} ${ms.toFixed(1)}\n`,
  );
}

/** Run `fn`, printing its wall time under `phase` when timings are on. */
export function timed<T>(phase: string, fn: () => T): T {
  if (!enabled) return fn();
  const started = performance.now();
  const value = fn();
  if (value instanceof Promise) return value.finally(() => report(phase, started)) as T;
  report(phase, started);
  return value;
}
