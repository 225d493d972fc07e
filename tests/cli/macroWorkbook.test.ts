/**
 * A macro-enabled platform workbook (.xlsm) through the command line: the result is an .xlsm by default
 * with the macros byte for byte, and an output named .xlsx (which Excel would refuse to open) is a usage
 * error before any work.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import { OpcPackage } from "../../src/workbook/package/opcPackage.js";
import { makeMacroEnabled } from "../fixtures/fidelity/parts.js";

const SAMPLE = resolve("assets/samples/jiaxing-2017.xlsx");
let dir: string;
const cwd = process.cwd();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "parkplan-xlsm-"));
  const pkg = OpcPackage.read(readFileSync(SAMPLE), Number.MAX_SAFE_INTEGER);
  makeMacroEnabled(pkg);
  writeFileSync(join(dir, "platforms.xlsm"), pkg.toBytes());
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

async function quietly(args: string[]): Promise<{ code: number; output: string }> {
  const chunks: string[] = [];
  const { stdout, stderr } = process;
  const writes = [stdout.write, stderr.write];
  const capture = ((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true)) as typeof stdout.write;
  stdout.write = capture;
  stderr.write = capture;
  try {
    return { code: await main(args), output: chunks.join("") };
  } finally {
    [stdout.write, stderr.write] = writes;
    process.exitCode = undefined;
  }
}

test("an .xlsm input gives <name>-projected.xlsm with its vbaProject.bin byte-identical and the macro-enabled type", async () => {
  const { code } = await quietly(["simulate", "platforms.xlsm", "--runs", "0", "--preset", "jiaxing-2020"]);
  expect(code).toBe(0);
  const input = OpcPackage.read(readFileSync(join(dir, "platforms.xlsm")), Number.MAX_SAFE_INTEGER);
  const output = OpcPackage.read(readFileSync(join(dir, "platforms-projected.xlsm")), Number.MAX_SAFE_INTEGER);
  expect(Buffer.from(output.bytes("xl/vbaProject.bin")).equals(Buffer.from(input.bytes("xl/vbaProject.bin")))).toBe(true);
  expect(output.text("[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  expect(existsSync(join(dir, "platforms-projected.xlsx"))).toBe(false);
});

test("an .xlsm input with --out *.xlsx is refused (exit 2) in both languages, nothing written", async () => {
  const { code, output } = await quietly(["simulate", "platforms.xlsm", "--runs", "0", "--out", "result.xlsx"]);
  expect(code).toBe(2);
  expect(output).toContain("输出须以 .xlsm 结尾");
  expect(output).toContain("the output must end in .xlsm");
  expect(existsSync(join(dir, "result.xlsx"))).toBe(false);
});
