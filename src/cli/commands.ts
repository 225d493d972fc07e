/**
 * The three commands. Each returns its exit code; output goes to stdout, messages to stderr.
 */
import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { PRESETS } from "../../models/presets.js";
import { LEVEL_LABELS, STATUS_LABELS } from "../../models/platform.js";
import { bilingual } from "../../models/vocabulary.js";
import { perMu } from "../../models/units.js";
import { fitGrowth } from "../../models/calibration/apply.js";
import type { ModelWarning } from "../../models/results.js";
import type { Platform } from "../../models/platform.js";
import { resolveScenario } from "../../models/simulate.js";
import {
  CALIBRATION_LABELS,
  CALIBRATION_USE_LABELS,
  calibrationUse,
  fittedText,
  scenarioGrowth,
  scenarioGrowthText,
} from "../views/calibration.js";
import { runScenario } from "../pipeline/runScenario.js";
import { withEngine } from "./threads.js";
import { timed } from "../pipeline/timings.js";
import { inputFor, loadPlatforms } from "../pipeline/loadPlatforms.js";
import { checkOutputPath, openXlsxFile, saveXlsxFile } from "../workbook/xlsx/xlsxFile.js";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook.js";
import type { SheetLanguage } from "../workbook/results/language.js";
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
  /** --lang: the result sheets' language (default both). */
  lang?: SheetLanguage;
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

/**
 * Whether a command writes a workbook (always, unless --json without --out) and where, refused before any
 * work when it would overwrite the input or has the wrong extension for the input's kind.
 */
export function outputFor(workbook: string, options: { json?: boolean; out?: string }, fallback: string): { writes: boolean; out: string } {
  const writes = !options.json || options.out !== undefined;
  const out = resolve(options.out ?? fallback);
  if (writes && existsSync(workbook) && out === resolve(workbook))
    throw new UsageError("输出文件不能覆盖输入工作簿", "the output file must not overwrite the input workbook");
  if (writes) checkOutputExtension(workbook, out);
  return { writes, out };
}

export async function simulateCommand(workbook: string, options: SimulateOptions, env: CliEnvironment = {}): Promise<number> {
  const { writes, out } = outputFor(workbook, options, defaultOutput(workbook));
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
        lang: options.lang,
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
  options: { sheet?: string; maxSize?: number; scenario?: string },
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
  // The scenario is read only for a sheet with history: its growth is shown beside the fitted one.
  const history = input.platforms.some((p) => (p.history?.length ?? 0) > 0);
  const scenario = history ? scenarioInput(workbook, { scenario: options.scenario }).document : null;
  const fitted = scenario ? fittedGrowthText(inputFor(input, scenario), scenario) : null;
  if (fitted?.text) process.stdout.write(`\n${fitted.text}\n`);
  for (const issue of input.issues) process.stderr.write(`提示 / note: ${formatIssue(issue)}\n`);
  for (const w of fitted?.warnings ?? []) process.stderr.write(`提示 / note: ${w.zh} / ${w.en}\n`);
  return input.fatal ? EXIT_INPUT : EXIT_OK;
}

/**
 * A sheet with history: the growth models/calibration fits per platform (低/中/高 = P10/P50/P90) beside
 * the scenario's own growth for it, at the scenario's base year; the fit as growth.fromHistory would
 * make it (the scenario's own coverage when it sets one, else every platform, for reference).
 */
function fittedGrowthText(
  input: { platforms: Platform[]; baseYear: number | null },
  document: Record<string, unknown>,
): { text: string | null; warnings: ModelWarning[] } | null {
  if (input.baseYear === null && typeof document.baseYear !== "number") return null;
  const scenario = resolveScenario(document, input.baseYear);
  const { growth } = scenario;
  const on = growth.fromHistory !== undefined;
  const warnings: ModelWarning[] = [];
  const fit = fitGrowth(input.platforms, on ? growth : { ...growth, fromHistory: { correlation: "fitted" } }, scenario.baseYear, warnings);
  if (!on) warnings.length = 0; // they say what a run would use instead: it does not fit
  if (!fit || fit.result.platforms.length === 0) return { text: null, warnings };
  const L = CALIBRATION_LABELS;
  const both = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`; // a column header: no slash, as check's others
  const rho = fit.result.rho === null ? bilingual(L.notFitted) : fmt(fit.result.rho, 3);
  const used = fmt(on ? fit.correlation : growth.correlation, 3);
  const lines = [
    `${bilingual(L.title)} · ${scenario.baseYear}`,
    `${bilingual(L.rho)} ${rho} · ${bilingual(L.rhoUsed)} ${used}`,
    "",
    textTable(
      [both(L.platform), both(L.fitted), both(L.years), both(L.scenario), ...(on ? [both(L.use)] : [])],
      fit.result.platforms.map((p) => [
        p.name,
        fittedText(p),
        String(p.years),
        scenarioGrowthText(scenarioGrowth(growth, p)),
        ...(on ? [bilingual(CALIBRATION_USE_LABELS[calibrationUse(p, growth.byPlatform)])] : []),
      ]),
      new Set([1, 2, 3]),
    ),
  ];
  if (!on) lines.push("", bilingual(L.off));
  return { text: lines.join("\n"), warnings };
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
