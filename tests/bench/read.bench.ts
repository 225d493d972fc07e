/**
 * Read benchmark (npx tsx tests/bench/read.bench.ts [--sizes=10000,100000] [--modes=new,old]): the
 * platform sheet of a big workbook (bigWorkbook.ts, ~20 columns) read in a child process each, the way
 * the command line reads it, by the streaming reader ("new": open, the head of every sheet for detection,
 * then the whole platform sheet) and by exceljs ("old": every part inflated, exceljs loads the package,
 * worksheetToGrid). Prints wall time and the child's peak RSS (process.resourceUsage().maxRSS). The
 * workbooks are generated once and cached in the OS temp folder. No assertions: a benchmark, not a test.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIG_SHEET, writeBigPlatformWorkbook } from "./bigWorkbook.js";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const CACHE = join(tmpdir(), "parkplan-read-bench");
const GENERATOR_VERSION = 1;

async function child(mode: string, file: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  let cells = 0;
  if (mode === "new") {
    const { openXlsxFile } = await import("../../src/workbook/xlsx/xlsxFile.js");
    const book = await openXlsxFile(file, { maxBytes: Number.MAX_SAFE_INTEGER });
    for (const s of await book.listSheets()) await book.readGrid(s.name, { rows: 20 });
    const grid = await book.readGrid(BIG_SHEET);
    rows = grid.values.length;
    cells = grid.values.reduce((n, r) => n + r.length, 0);
  } else {
    const { readFile } = await import("node:fs/promises");
    const { loadExcelJs, readPackage } = await import("../../src/workbook/xlsx/readPackage.js");
    const { worksheetToGrid } = await import("../../src/workbook/xlsx/toGrid.js");
    const pkg = readPackage(new Uint8Array(await readFile(file)), file, Number.MAX_SAFE_INTEGER);
    for (const name of pkg.names()) pkg.bytes(name);
    const wb = await loadExcelJs(pkg, file);
    const grid = worksheetToGrid(wb.getWorksheet(BIG_SHEET)!);
    rows = grid.values.length;
    cells = grid.values.reduce((n, r) => n + r.length, 0);
  }
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({ mode, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows, cells })}\n`,
  );
}

async function workbookOf(rows: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `big-${rows}-v${GENERATOR_VERSION}.xlsx`);
  if (!existsSync(path)) await writeBigPlatformWorkbook(path, rows);
  return path;
}

async function main(): Promise<void> {
  const sizes = arg("sizes", "10000,100000").split(",").map(Number);
  const modes = arg("modes", "new,old").split(",");
  const nodeArgs = arg("node-args", "--max-old-space-size=8192").split(",").filter(Boolean);
  for (const size of sizes) {
    const file = await workbookOf(size);
    const { OpcPackage } = await import("../../src/workbook/package/opcPackage.js");
    const { readFile } = await import("node:fs/promises");
    const pkg = OpcPackage.read(new Uint8Array(await readFile(file)), Number.MAX_SAFE_INTEGER);
    const sheetBytes = pkg.originalEntry("xl/worksheets/sheet1.xml")?.size ?? 0;
    const stringBytes = pkg.originalEntry("xl/sharedStrings.xml")?.size ?? 0;
    console.log(
      `${size} platforms: file ${(statSync(file).size / 2 ** 20).toFixed(1)} MB, sheet XML ${(sheetBytes / 2 ** 20).toFixed(1)} MB, shared strings ${(stringBytes / 2 ** 20).toFixed(1)} MB`,
    );
    for (const mode of modes) {
      const run = spawnSync(process.execPath, [...nodeArgs, "--import", "tsx", import.meta.filename, `--child=${mode}`, `--file=${file}`], {
        encoding: "utf8",
      });
      console.log(
        `  ${mode}: ${run.status === 0 ? run.stdout.trim() : `failed (${run.status}): ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`}`,
      );
    }
  }
}

const childMode = arg("child", "");
if (childMode) await child(childMode, arg("file", ""));
else await main();
