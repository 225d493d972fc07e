/**
 * --threads: the command line's Monte Carlo on worker threads gives the same JSON, byte for byte, for
 * one thread and several; a thread count below 1 is a usage error.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/parkplan.js", import.meta.url));
const SAMPLE = fileURLToPath(new URL("../../assets/samples/jiaxing-2017.xlsx", import.meta.url));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("parkplan simulate --threads", () => {
  it("prints the same JSON with 1, 2 and 3 threads (runs not a multiple of the block)", () => {
    const args = ["simulate", SAMPLE, "--runs", "1100", "--seed", "threads", "--json"];
    const one = run([...args, "--threads", "1"]);
    expect(one.code).toBe(0);
    const doc = JSON.parse(one.stdout) as { scenario: { monteCarlo: { runs: number } }; targets: { probability: number | null }[] };
    expect(doc.scenario.monteCarlo.runs).toBe(1100);
    expect(doc.targets.some((t) => t.probability !== null && t.probability > 0 && t.probability < 1)).toBe(true);
    for (const threads of ["2", "3"]) {
      const many = run([...args, "--threads", threads]);
      expect(many.code).toBe(0);
      expect(many.stdout).toBe(one.stdout);
    }
  });

  it("refuses --threads 0 as a usage error (exit 2), in both languages", () => {
    const r = run(["simulate", SAMPLE, "--json", "--threads", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("须为正整数 / must be a whole number ≥ 1");
  });
});
