/**
 * parkplan sensitivity <workbook> --figure …: the tornado of one figure (a metric's P50 for a subject and
 * year, or a target's probability) over the scenario's assumptions, optionally a two-way table, printed
 * or as JSON, and written as the 敏感性 sheet into a copy of the workbook. See src/cli/README.md.
 */
import type { SheetLanguage } from "../workbook/results/language.js";
import { basename, extname, resolve } from "node:path";
import { ScenarioError } from "../../models/scenario.js";
import {
  driverSentence,
  figureStyle,
  parseAssumption,
  parseFigure,
  type AssumptionId,
  type Figure,
  type SensitivityResult,
} from "../../models/decisions/sensitivity.js";
import { ASSUMPTION_TERMS, formatFigure } from "../../models/vocabulary.js";
import { runSensitivity, type SensitivityOutcome } from "../pipeline/sensitivity.js";
import { formatIssue } from "../workbook/sheet/index.js";
import { checkOutputPath, saveXlsxFile } from "../workbook/xlsx/xlsxFile.js";
import { openWorkbook, outputExtension, outputFor } from "./commands.js";
import type { CliEnvironment } from "./environment.js";
import { EXIT_OK, UsageError } from "./errors.js";
import { progressBar } from "./progress.js";
import { scenarioInput } from "./scenarioInput.js";
import { textTable } from "./textTable.js";
import { withEngine } from "./threads.js";

export interface SensitivityOptions {
  /** --lang: the result sheets' language (default both). */
  lang?: SheetLanguage;

  scenario?: string;
  sheet?: string;
  figure: string;
  twoWay?: string;
  assumptions?: string;
  runs?: number;
  seed?: string;
  json?: boolean;
  out?: string;
  maxSize?: number;
  /** Threads the evaluations run on (default: all cores; 1 = this thread; the same numbers). */
  threads?: number;
}

/** The model's paths of the command's options. */
const OPTION_OF: Record<string, string> = { figure: "--figure", "two-way": "--two-way", assumption: "--assumptions" };

export function defaultSensitivityOutput(workbook: string): string {
  return resolve(`${basename(workbook, extname(workbook))}-sensitivity${outputExtension(workbook)}`);
}

/** A model error about an option's text as a usage error naming the option (the model's message names the choices). */
function optionError(option: string, error: ScenarioError): UsageError {
  const zh = error.issues.map((i) => i.zh).join("；");
  const en = error.issues.map((i) => i.en).join("; ");
  return new UsageError(`${option}：${zh}`, `${option}: ${en}`);
}

function asOption<T>(option: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw error instanceof ScenarioError ? optionError(option, error) : error;
  }
}

function parseList(option: string, text: string): AssumptionId[] {
  return text.split(",").map((t) => asOption(option, () => parseAssumption(t.trim(), option)));
}

/** The JSON of the command: exactly figure, base, rows (and twoWay when asked). */
export function sensitivityJson(r: SensitivityResult): Pick<SensitivityResult, "figure" | "base" | "rows" | "twoWay"> {
  return { figure: r.figure, base: r.base, rows: r.rows, ...(r.twoWay ? { twoWay: r.twoWay } : {}) };
}

function summary(r: SensitivityResult, figure: Figure): string {
  const style = figureStyle(figure);
  const sentence = driverSentence(r, style);
  const lines = [
    `${r.label.zh} / ${r.label.en} · ${r.scenario} · ${r.runs > 0 ? `${r.runs} 次 runs, seed ${r.seed}` : "确定性 deterministic"}`,
    `基准值 base: ${formatFigure(r.base, style)}`,
    "",
    textTable(
      ["假设 Assumption", "编号 Id", "低值 Low", "高值 High", "低值时 At low", "高值时 At high", "波动 Swing"],
      r.rows.map((row) => {
        const term = ASSUMPTION_TERMS[row.assumption];
        return [
          `${term.name.zh} ${term.name.en}`,
          row.assumption,
          formatFigure(row.low, term.style),
          formatFigure(row.high, term.style),
          formatFigure(row.atLow, style),
          formatFigure(row.atHigh, style),
          formatFigure(row.swing, style),
        ];
      }),
      new Set([2, 3, 4, 5, 6]),
    ),
    "",
    sentence.zh,
    sentence.en,
  ];
  if (r.twoWay) {
    const t = r.twoWay;
    lines.push(
      "",
      `双因素表 two-way: ${t.a}（行 rows）× ${t.b}（列 columns）`,
      textTable(
        [`${t.a} \\ ${t.b}`, ...t.bValues.map((v) => formatFigure(v, ASSUMPTION_TERMS[t.b].style))],
        t.aValues.map((a, k) => [formatFigure(a, ASSUMPTION_TERMS[t.a].style), ...t.values[k].map((v) => formatFigure(v, style))]),
        new Set(t.bValues.map((_, k) => k + 1)),
      ),
    );
  }
  return lines.join("\n");
}

export async function sensitivityCommand(workbook: string, options: SensitivityOptions, env: CliEnvironment = {}): Promise<number> {
  // Every option's text is checked before the workbook is opened: a bad one writes nothing.
  const figure = asOption("--figure", () => parseFigure(options.figure));
  const assumptions = options.assumptions !== undefined ? parseList("--assumptions", options.assumptions) : undefined;
  let twoWay: [AssumptionId, AssumptionId] | undefined;
  if (options.twoWay !== undefined) {
    const pair = parseList("--two-way", options.twoWay);
    if (pair.length !== 2)
      throw new UsageError(
        `--two-way 须为两个假设，以逗号分隔（如 growth.mean,land.quota），现为 ${pair.length} 个`,
        `--two-way takes two assumptions separated by a comma (e.g. growth.mean,land.quota), got ${pair.length}`,
      );
    twoWay = [pair[0], pair[1]];
  }
  const { writes, out } = outputFor(workbook, options, defaultSensitivityOutput(workbook));
  const book = await openWorkbook(workbook, options.maxSize, env);
  const source = scenarioInput(workbook, { scenario: options.scenario, seed: options.seed });
  // --runs is the runs of this analysis: above the scenario's sensitivity.runs and monteCarlo.runs.
  const document =
    options.runs === undefined
      ? source.document
      : { ...source.document, sensitivity: { ...((source.document.sensitivity ?? {}) as object), runs: options.runs } };
  if (writes) await checkOutputPath(out, env.files);
  const progress = progressBar(!options.json);
  let outcome: SensitivityOutcome;
  try {
    outcome = await withEngine(options.threads, (engine) =>
      runSensitivity(book, {
        sheet: options.sheet,
        scenario: document,
        figure,
        assumptions,
        twoWay,
        write: writes,
        onProgress: progress.update,
        engine,
        lang: options.lang,
      }),
    );
  } catch (error) {
    // A subject or target the sheet does not have is the option's fault: say which option.
    const option = error instanceof ScenarioError ? OPTION_OF[error.issues[0]?.path ?? ""] : undefined;
    throw option && error instanceof ScenarioError ? optionError(option, error) : error;
  } finally {
    progress.stop();
  }
  if (writes) await saveXlsxFile(book, out, env.files);
  const { result, input } = outcome;
  if (options.json) process.stdout.write(JSON.stringify(sensitivityJson(result), null, 2) + "\n");
  else {
    process.stdout.write(summary(result, figure) + "\n");
    process.stdout.write(`\n已写出 / written: ${out}（${outcome.sheet.name}）\n`);
  }
  for (const issue of input.issues) process.stderr.write(`提示 / note: ${formatIssue(issue)}\n`);
  for (const s of result.skipped)
    process.stderr.write(`提示 / note: 未列入 ${s.assumption}：${s.reason.zh} / left out ${s.assumption}: ${s.reason.en}\n`);
  return EXIT_OK;
}
