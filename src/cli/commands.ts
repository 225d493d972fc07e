/**
 * The three commands. Each returns its exit code; output goes to stdout, messages to stderr.
 */
import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { PRESETS } from "../../models/presets.js";
import { LEVEL_LABELS, STATUS_LABELS } from "../../models/platform.js";
import { perMu } from "../../models/units.js";
import { runScenario } from "../pipeline/runScenario.js";
import { withEngine } from "./threads.js";
import { timed } from "../pipeline/timings.js";
import { loadPlatforms } from "../pipeline/loadPlatforms.js";
import { checkOutputPath, openXlsxFile, saveXlsxFile } from "../workbook/xlsx/xlsxFile.js";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook.js";
import type { CliEnvironment } from "./environment.js";
import { formatIssue } from "../workbook/sheet/index.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "./errors.js";
import { jsonPieces, writePieces } from "./jsonOutput.js";
import { progressBar } from "./progress.js";
import { scenarioInput, type ScenarioOptions } from "./scenarioInput.js";
import { summaryText } from "./summary.js";
import { textTable, fmt } from "./textTable.js";

export interface SimulateOptions extends ScenarioOptions {
  sheet?: string;
  out?: string;
  json?: boolean;
  /** Size limit in bytes (--max-size, given in MB). */
  maxSize?: number;
  /** Threads for the trials (--threads; default all cores). */
  threads?: number;
}

/** A workbook that does not exist is a usage error (exit 2); any other read failure names the path (exit 1). */
export function openWorkbook(path: string, maxSize: number | undefined, env: CliEnvironment): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new UsageError(`找不到工作簿文件：${path}`, `workbook not found: ${path}`);
  return openXlsxFile(path, { maxBytes: maxSize, files: env.files });
}

/** A macro workbook's results stay a macro workbook (its vbaProject.bin is copied): Excel refuses an .xlsx that holds macros. */
export function outputExtension(workbook: string): ".xlsx" | ".xlsm" {
  return extname(workbook).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
}

/** Where results go by default: <name>-projected.xlsx (or .xlsm) in the current folder. */
export function defaultOutput(workbook: string): string {
  return resolve(`${basename(workbook, extname(workbook))}-projected${outputExtension(workbook)}`);
}

/** An output named with the other extension than its input's kind would not open in Excel: refused before any work. */
export function checkOutputExtension(workbook: string, out: string): void {
  const wanted = outputExtension(workbook);
  if (extname(out).toLowerCase() === wanted) return;
  if (wanted === ".xlsm") {
    throw new UsageError(
      `输入是启用宏的工作簿（.xlsm），输出须以 .xlsm 结尾：${out}`,
      `the input is a macro-enabled workbook (.xlsm): the output must end in .xlsm: ${out}`,
    );
  }
  if (extname(out).toLowerCase() === ".xlsm") {
    throw new UsageError(`输入不含宏，输出请以 .xlsx 结尾：${out}`, `the input has no macros: the output must end in .xlsx: ${out}`);
  }
}

export async function simulateCommand(workbook: string, options: SimulateOptions, env: CliEnvironment = {}): Promise<number> {
  const writes = !options.json || options.out !== undefined;
  const out = resolve(options.out ?? defaultOutput(workbook));
  if (writes && existsSync(workbook) && out === resolve(workbook))
    throw new UsageError("输出文件不能覆盖输入工作簿", "the output file must not overwrite the input workbook");
  if (writes) checkOutputExtension(workbook, out);
  const book = await timed("open", () => openWorkbook(workbook, options.maxSize, env));
  const scenario = scenarioInput(workbook, options);
  // Before the (possibly long) run: a path that cannot be written fails now, not after it.
  if (writes) await checkOutputPath(out, env.files);
  const progress = progressBar(!options.json);
  let outcome;
  try {
    outcome = await withEngine(options.threads, (engine) =>
      runScenario(book, {
        sheet: options.sheet,
        scenario: scenario.document,
        inputFile: basename(workbook),
        write: writes,
        onProgress: progress.update,
        engine,
      }),
    );
  } finally {
    progress.stop();
  }
  if (writes) await timed("save", () => saveXlsxFile(book, out, env.files));
  if (options.json) {
    // Platform by platform: 100,000 platforms would otherwise be one document and one string.
    await writePieces(process.stdout, jsonPieces(outcome.result, outcome.input.issues));
    process.stdout.write("\n");
  } else {
    const { input } = outcome;
    process.stdout.write(
      summaryText(outcome.result, {
        sheet: input.sheet,
        platforms: input.platforms.length,
        issues: input.issues.length,
        scenarioFrom: scenario.from,
      }) + "\n",
    );
    for (const issue of input.issues) process.stderr.write(`提示 / note: ${formatIssue(issue)}\n`);
    for (const w of [...outcome.result.warnings, ...outcome.writeWarnings]) process.stderr.write(`提示 / note: ${w.zh} / ${w.en}\n`);
    process.stdout.write(`\n已写出 / written: ${out}（${outcome.sheets.map((s) => s.name).join("、")}）\n`);
  }
  return EXIT_OK;
}

export async function checkCommand(
  workbook: string,
  options: { sheet?: string; maxSize?: number },
  env: CliEnvironment = {},
): Promise<number> {
  const book = await openWorkbook(workbook, options.maxSize, env);
  const input = await loadPlatforms(book, options.sheet);
  process.stdout.write(
    `平台表“${input.sheet}”（表头第 ${input.headerRow} 行），基年 ${input.baseYear ?? "未注明 / not stated"}，${input.platforms.length} 个平台\n\n`,
  );
  process.stdout.write(
    textTable(
      ["列 Column", "字段 Field", "单元格", "单位 Unit"],
      input.columns.map((c) => [c.header, c.field, c.cell, c.unit ?? ""]),
    ) + "\n\n",
  );
  process.stdout.write(
    textTable(
      ["平台", "县", "级别", "类型", "用地 亩", "产值 亿元", "亩均产出"],
      input.platforms.map((p) => [
        p.name,
        p.county,
        p.level ? LEVEL_LABELS[p.level].zh : "",
        STATUS_LABELS[p.status].zh,
        fmt(p.land, 0),
        fmt(p.output, 2),
        fmt(perMu(p.output, p.land), 1),
      ]),
      new Set([4, 5, 6]),
    ) + "\n",
  );
  if (input.missingFields.length) process.stdout.write(`\n缺少的列 / missing columns: ${input.missingFields.join(", ")}\n`);
  for (const issue of input.issues) process.stderr.write(`提示 / note: ${formatIssue(issue)}\n`);
  return input.fatal ? EXIT_INPUT : EXIT_OK;
}

export function presetsCommand(options: { json?: boolean }): number {
  if (options.json) {
    process.stdout.write(JSON.stringify(PRESETS, null, 2) + "\n");
    return EXIT_OK;
  }
  for (const p of PRESETS) {
    process.stdout.write(`\n${p.id} · ${p.name.zh} / ${p.name.en} · ${p.document} · 基年 ${p.baseYear} → ${p.horizon}\n`);
    for (const t of p.targets)
      process.stdout.write(`  ${t.id.padEnd(7)} ${t.notEvaluable ? "（不可评估）" : ""}${t.label?.zh ?? ""} / ${t.label?.en ?? ""}\n`);
    for (const r of p.rules)
      process.stdout.write(`  ${r.id.padEnd(7)} 规则 rule: ${r.zh} / ${r.en}${r.suggests ? ` → ${JSON.stringify(r.suggests)}` : ""}\n`);
    // Levers are proposals: a scenario file uses them only when it copies them into its `ratios`.
    for (const l of p.levers)
      process.stdout.write(`  ${l.target.padEnd(7)} 建议杠杆 lever: ${l.zh} / ${l.en} → "ratios": ${JSON.stringify(l.ratios)}\n`);
  }
  return EXIT_OK;
}
