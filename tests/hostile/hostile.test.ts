/**
 * The hostile-input suite: every case (tests/hostile/case.ts) runs the real command line in-process —
 * `main(args)` with cwd switched to the case's own folder, stdout and stderr captured — and must end
 * with its exit code, name what it promised (a sheet!cell, a JSON path, a file path), speak Chinese and
 * English, show no stack trace, leave its inputs byte-identical and no output or *.tmp behind.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import type { HostileCase } from "./case.js";
import { pathCases, type InjectedCase } from "./pathCases.js";
import { scenarioCases } from "./scenarioCases.js";
import { workbookCases } from "./workbookCases.js";

const CASES: InjectedCase[] = [...workbookCases, ...pathCases, ...scenarioCases];

const root = mkdtempSync(join(tmpdir(), "parkplan-hostile-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(dir, f)).isFile());
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Run the command line in `cwd`, capturing what it writes. */
async function runIn(cwd: string, args: string[], env: Parameters<typeof main>[1]): Promise<{ code: number; output: string }> {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  const { stdout, stderr } = process;
  const writes = [stdout.write, stderr.write];
  const before = process.cwd();
  stdout.write = capture as typeof stdout.write;
  stderr.write = capture as typeof stderr.write;
  process.chdir(cwd);
  try {
    const code = await main(args, env);
    return { code, output: chunks.join("") };
  } finally {
    process.chdir(before);
    [stdout.write, stderr.write] = writes;
    process.exitCode = undefined;
  }
}

const STACK_LINE = /^\s+at /m;
const JS_ERROR = /(^|\s)(Error|[A-Z][A-Za-z]*Error): /m;

describe("hostile inputs", () => {
  test("the suite has cases enough and unique ids", () => {
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(40);
  });

  test.each(CASES.map((c) => [c.id, c] as [string, HostileCase & InjectedCase]))("%s", async (_id, c) => {
    const dir = join(root, c.id);
    const logs = join(root, `${c.id}.logs`);
    mkdirSync(dir);
    mkdirSync(logs);
    try {
      const args = await c.setup(dir);
      const watched = c.expect.unchanged ?? filesUnder(dir);
      const hashes = new Map(watched.map((f) => [f, sha256(join(dir, f))]));

      const { code, output } = await runIn(dir, args, { files: c.files?.(dir), logDir: logs });

      // An unexpected internal error: show its log, so the failing case says what broke.
      const log = readdirSync(logs)
        .map((f) => readFileSync(join(logs, f), "utf8"))
        .join("\n");
      expect.soft(code, `${output}\n${log}`).toBe(c.expect.exit);
      for (const text of c.expect.mentions) expect.soft(output, `mentions ${text}`).toContain(text);
      expect.soft(output, log).toMatch(c.expect.zh);
      expect.soft(output).toMatch(c.expect.en);
      expect.soft(output, "a Chinese character").toMatch(/[\u4e00-\u9fff]/);
      expect.soft(output, "English words").toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
      expect.soft(output, "no stack trace").not.toMatch(STACK_LINE);
      expect.soft(output, "no JS error prefix").not.toMatch(JS_ERROR);
      for (const [file, hash] of hashes) expect.soft(sha256(join(dir, file)), `${file} unchanged`).toBe(hash);
      for (const file of c.expect.absent ?? []) expect.soft(existsSync(join(dir, file)), `${file} absent`).toBe(false);
      expect
        .soft(
          filesUnder(dir).filter((f) => f.endsWith(".tmp")),
          "temporary files left",
        )
        .toEqual([]);
      // An internal error leaves exactly one log, named in the output, with the stack the screen did not get.
      const written = readdirSync(logs);
      if (/内部错误/.test(output)) {
        expect(written).toHaveLength(1);
        expect.soft(output).toContain(join(logs, written[0]));
        expect.soft(readFileSync(join(logs, written[0]), "utf8")).toMatch(STACK_LINE);
      } else {
        expect.soft(written).toEqual([]);
      }
    } finally {
      await c.cleanup?.(dir);
    }
  });
});
