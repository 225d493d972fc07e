/**
 * The command line's last resort, in-process: an unexpected error (injected through the file layer)
 * becomes the bilingual internal-error message with the path of a log holding the stack; a log that
 * cannot be written is said so, still without a stack; expected errors never write a log.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { fatalError, main } from "../../src/cli/main.js";
import { FileError } from "../../src/errors/fileErrors.js";
import { nodeFiles, type FileLayer } from "../../src/workbook/xlsx/xlsxFile.js";

const SAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "../../assets/samples/jiaxing-2017.xlsx");
const root = mkdtempSync(join(tmpdir(), "parkplan-internal-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const buggy: FileLayer = {
  ...nodeFiles,
  readFile: async () => {
    throw new TypeError("injected: cannot read properties of undefined (reading 'sheets')");
  },
};

/** Run `fn` with stderr captured. */
async function stderrOf(fn: () => Promise<number> | number): Promise<{ code: number; text: string }> {
  const chunks: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => chunks.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    return { code: await fn(), text: chunks.join("") };
  } finally {
    process.stderr.write = write;
    process.exitCode = undefined;
  }
}

describe("internal errors on the command line", () => {
  test("an injected bug: bilingual message, the log's path, no stack on screen; the log holds stack, version, arguments", async () => {
    const logs = mkdtempSync(join(root, "logs-"));
    const { code, text } = await stderrOf(() => main(["check", SAMPLE], { files: buggy, logDir: logs }));
    expect(code).toBe(1);
    expect(text).toContain("内部错误");
    expect(text).toContain("internal error");
    expect(text).not.toMatch(/^\s+at /m);
    expect(text).not.toContain("TypeError");
    const [log, ...more] = readdirSync(logs);
    expect(more).toEqual([]);
    expect(log).toMatch(/^parkplan-error-\d{8}-\d{6}-\d{3}\.log$/);
    expect(text).toContain(join(logs, log));
    const details = readFileSync(join(logs, log), "utf8");
    expect(details).toContain("TypeError: injected: cannot read properties of undefined (reading 'sheets')");
    expect(details).toMatch(/^\s+at .*xlsxFile\.ts/m);
    expect(details).toContain("ParkPlan 0.");
    expect(details).toContain(`arguments: ${JSON.stringify(["check", SAMPLE])}`);
  });

  test("a log folder that cannot be written: the message says so with the reason, still no stack", async () => {
    const file = join(root, "not-a-folder");
    writeFileSync(file, "");
    const { code, text } = await stderrOf(() => fatalError(new RangeError("boom"), ["simulate", "x.xlsx"], { logDir: file }));
    expect(code).toBe(1);
    expect(text).toContain("internal error");
    expect(text).toMatch(/详细信息无法写入日志文件 .*not-a-folder.*（ENOTDIR）/);
    expect(text).toContain("could not be written to the log file");
    expect(text).not.toMatch(/^\s+at |RangeError/m);
  });

  test("an expected failure (a file that cannot be written) names the path and writes no log", async () => {
    const logs = mkdtempSync(join(root, "logs-"));
    const { code, text } = await stderrOf(() => fatalError(new FileError("out/r.xlsx", "write", "ENOSPC"), [], { logDir: logs }));
    expect(code).toBe(1);
    expect(text).toContain("无法写出 out/r.xlsx：磁盘空间已满");
    expect(text).toContain("cannot write out/r.xlsx: the disk is full");
    expect(readdirSync(logs)).toEqual([]);
  });
});
