/**
 * parkplan solve <workbook> --target ID [--subject NAME] --lever growth|land|energy|ratio:NAME: the smallest
 * lever value at which the target is met with probability ≥ p* (models/decisions/solve.ts), for one subject
 * or each subject of the target; the 反推 sheet in a copy of the workbook, the answer on stdout (or JSON).
 * Returns the exit code; see src/cli/README.md.
 */
import type { SheetLanguage } from "../workbook/results/language.js";
import { basename, extname, resolve } from "node:path";
import { parseLever, type LeverSpec } from "../../models/decisions/levers.js";
import type { SolveResult } from "../../models/decisions/solve.js";
import { SOLVE_STATUS_LABELS } from "../../models/decisions/solveWords.js";
import { ScenarioError } from "../../models/scenario.js";
import { solveWorkbook } from "../pipeline/solve.js";
import { formatIssue } from "../workbook/sheet/index.js";
import { checkOutputPath, saveXlsxFile } from "../workbook/xlsx/xlsxFile.js";
import { openWorkbook, outputExtension, outputFor } from "./commands.js";
import type { CliEnvironment } from "./environment.js";
import { EXIT_OK, UsageError } from "./errors.js";
import { progressBar } from "./progress.js";
import { scenarioInput, type ScenarioOptions } from "./scenarioInput.js";
import { fmt, textTable } from "./textTable.js";
import { withEngine } from "./threads.js";

export interface SolveOptions extends ScenarioOptions {
  /** --lang: the result sheets' language (default both). */
  lang?: SheetLanguage;

  target: string;
  subject?: string;
  lever: string;
  probability?: string;
  range?: string;
  sheet?: string;
  out?: string;
  json?: boolean;
  maxSize?: number;
  threads?: number;
}

export function defaultSolveOutput(workbook: string): string {
  return resolve(`${basename(workbook, extname(workbook))}-solved${outputExtension(workbook)}`);
}

/** "LO,HI" → [lo, hi] with lo < hi; a usage error naming --range otherwise. */
export function parseRange(text: string): [number, number] {
  const parts = text.split(",").map((s) => s.trim());
  const [lo, hi] = parts.map(Number);
  if (parts.length !== 2 || parts.some((s) => s === "") || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi))
    throw new UsageError(
      `--range 须为两个数 LO,HI 且 LO < HI（如 0,0.1），收到“${text}”`,
      `--range must be two numbers LO,HI with LO < HI (e.g. 0,0.1), got "${text}"`,
    );
  return [lo, hi];
}

/** p* in (0, 1]; a usage error naming --probability otherwise. */
export function parseProbability(text: string): number {
  const p = Number(text);
  if (text.trim() === "" || !(p > 0 && p <= 1))
    throw new UsageError(
      `--probability 须为 (0, 1] 内的数（如 0.8），收到“${text}”`,
      `--probability must be a number in (0, 1] (e.g. 0.8), got "${text}"`,
    );
  return p;
}

function leverOption(text: string): LeverSpec {
  try {
    return parseLever(text);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new UsageError(`--lever ${error.issues[0].zh}`, `--lever: ${error.issues[0].en}`);
  }
}

/** The JSON of one back-solve: the answer's five fields first, then what it is about and how it was found. */
export function solveJson(r: SolveResult) {
  return {
    lever: r.lever,
    value: r.value,
    probability: r.probability,
    reachable: r.reachable,
    curve: r.curve,
    target: r.target,
    subject: r.subject,
    year: r.year,
    range: r.range,
    goal: r.goal,
    tolerance: r.tolerance,
    status: r.status,
    base: r.base,
    platforms: r.platforms,
    runs: r.runs,
    evaluations: r.evaluations,
    monotone: r.monotone,
    sentence: r.sentence,
  };
}

function summary(results: SolveResult[]): string {
  const lines = results.map((r) => `${r.sentence.zh}\n  ${r.sentence.en}`);
  if (results.length === 1) return lines[0];
  const digits = results[0].lever === "growth" ? 3 : results[0].lever.startsWith("ratio") ? 4 : 3;
  const table = textTable(
    ["对象 Subject", "状态 Status", "所需值 Value", "概率 P", "原概率 Base P", "次数 Evals"],
    results.map((r) => [
      r.subject,
      SOLVE_STATUS_LABELS[r.status].zh,
      fmt(r.value, digits),
      fmt(r.probability, 3),
      fmt(r.base.p, 3),
      String(r.evaluations),
    ]),
    new Set([2, 3, 4, 5]),
  );
  return `${table}\n\n${lines.join("\n")}`;
}

export async function solveCommand(workbook: string, options: SolveOptions, env: CliEnvironment = {}): Promise<number> {
  const lever = leverOption(options.lever);
  const range = options.range !== undefined ? parseRange(options.range) : undefined;
  const probability = options.probability !== undefined ? parseProbability(options.probability) : undefined;
  const { writes, out } = outputFor(workbook, options, defaultSolveOutput(workbook));
  const book = await openWorkbook(workbook, options.maxSize, env);
  const scenario = scenarioInput(workbook, options);
  if (writes) await checkOutputPath(out, env.files);
  const progress = progressBar(!options.json);
  let outcome;
  try {
    const request = {
      sheet: options.sheet,
      scenario: scenario.document,
      target: options.target,
      subject: options.subject,
      lever,
      probability,
      range,
      write: writes,
      onProgress: progress.update,
      lang: options.lang,
    };
    // The subjects' back-solves at once on --threads threads (default: all cores; 1 = this thread), the same numbers.
    outcome = await withEngine(options.threads, (engine) => solveWorkbook(book, { ...request, engine }));
  } finally {
    progress.stop();
  }
  if (writes) await saveXlsxFile(book, out, env.files);
  if (options.json) {
    const doc = outcome.single ? solveJson(outcome.results[0]) : outcome.results.map(solveJson);
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
  } else {
    process.stdout.write(summary(outcome.results) + "\n");
    for (const issue of outcome.input.issues) process.stderr.write(`提示 / note: ${formatIssue(issue)}\n`);
    process.stdout.write(`\n已写出 / written: ${out}（${outcome.sheet.name}）\n`);
  }
  return EXIT_OK;
}
