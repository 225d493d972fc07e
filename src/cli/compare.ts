/**
 * parkplan compare <workbook> <scenario.json>…: run each scenario on the same platform sheet, write the
 * 情景对比 sheet and each run's stored result into a copy of the workbook, and optionally a
 * self-contained HTML report. Returns the exit code; see src/cli/README.md.
 */
import type { SheetLanguage } from "../workbook/results/language.js";
import { basename, extname, resolve } from "node:path";
import { parseScenario, ScenarioError } from "../../models/scenario.js";
import { compareScenarios } from "../pipeline/compareScenarios.js";
import { withEngine } from "./threads.js";
import { comparisonReport } from "../report/report.js";
import { readScenarioFile } from "../scenarios/scenarioFile.js";
import { formatIssue } from "../workbook/sheet/index.js";
import { checkOutputPath, saveXlsxFile, writeFileAtomic } from "../workbook/xlsx/xlsxFile.js";
import type { ComparisonModel } from "../compare/types.js";
import { checkOutputExtension, openWorkbook, outputExtension } from "./commands.js";
import type { CliEnvironment } from "./environment.js";
import { EXIT_OK, UsageError } from "./errors.js";
import { progressBar } from "./progress.js";
import { fmt, textTable } from "./textTable.js";

export interface CompareOptions {
  /** --lang: the result sheets' language (default both). */
  lang?: SheetLanguage;

  out?: string;
  report?: string;
  baseline?: string;
  sheet?: string;
  /** Size limit in bytes (--max-size, given in MB). */
  maxSize?: number;
  /** Threads for the trials (--threads; default all cores). */
  threads?: number;
}

export function defaultComparisonOutput(workbook: string): string {
  return resolve(`${basename(workbook, extname(workbook))}-compared${outputExtension(workbook)}`);
}

/** Scenario names must differ (they are the columns and the stored runs' keys); the baseline must be one of them. */
function checkNames(files: string[], documents: Record<string, unknown>[], baseline: string | undefined): string[] {
  const names = documents.map((d) => parseScenario(d).name);
  names.forEach((name, k) => {
    const first = names.indexOf(name);
    if (first !== k) {
      throw new ScenarioError([
        {
          path: "name",
          zh: `情景文件 ${files[first]} 与 ${files[k]} 的情景名称同为“${name}”，请改名后再对比`,
          en: `the scenario files ${files[first]} and ${files[k]} are both named "${name}"; rename one to compare them`,
        },
      ]);
    }
  });
  if (baseline !== undefined && !names.includes(baseline)) {
    throw new UsageError(
      `--baseline “${baseline}”不是所列情景之一（可选：${names.join("、")}）`,
      `--baseline "${baseline}" is not one of the scenarios (choose from: ${names.join(", ")})`,
    );
  }
  return names;
}

/** The terminal summary: each scenario's figures in the last report year, with the difference from the baseline. */
function summary(model: ComparisonModel): string {
  const last = model.years[model.years.length - 1];
  const rows = model.rows.filter((r) => (r.kind === "figure" || r.kind === "count") && r.year === last);
  const header = ["指标 Indicator", ...model.scenarios.flatMap((s, k) => (k === model.baseline ? [s.name] : [s.name, "差值 diff"]))];
  const digits = (f: string) => (f === "int" ? 0 : f === "ratio3" ? 3 : f === "perMu" ? 1 : 2);
  // A difference that rounds to zero shows as 0, not "-0.0".
  const diff = (v: number | null, d: number) => (v !== null && Math.abs(v) < 0.5 * 10 ** -d ? fmt(0, d) : fmt(v, d));
  const body = rows.map((r) => [
    r.label.zh,
    ...r.cells.flatMap((c, k) =>
      k === model.baseline ? [fmt(c.value, digits(r.fmt))] : [fmt(c.value, digits(r.fmt)), diff(c.diff, digits(r.fmt))],
    ),
  ]);
  const numeric = new Set(header.map((_, j) => j).filter((j) => j > 0));
  return `情景对比 / Scenario comparison（${last}年，基准 baseline: ${model.scenarios[model.baseline].name}）\n${textTable(header, body, numeric)}`;
}

export async function compareCommand(
  workbook: string,
  scenarioFiles: string[],
  options: CompareOptions,
  env: CliEnvironment = {},
): Promise<number> {
  const out = resolve(options.out ?? defaultComparisonOutput(workbook));
  const input = resolve(workbook);
  if (out === input || (options.report !== undefined && resolve(options.report) === input)) {
    throw new UsageError("输出文件不能覆盖输入工作簿", "the output file must not overwrite the input workbook");
  }
  checkOutputExtension(workbook, out);
  if (options.report !== undefined && resolve(options.report) === out)
    throw new UsageError("报告与输出工作簿不能是同一文件", "the report and the output workbook must be different files");
  const book = await openWorkbook(workbook, options.maxSize, env);
  const documents: Record<string, unknown>[] = [];
  for (const file of scenarioFiles) documents.push(await readScenarioFile(file));
  checkNames(scenarioFiles, documents, options.baseline);
  // Before the runs: output paths that cannot be written fail now, not after them.
  await checkOutputPath(out, env.files);
  if (options.report !== undefined) await checkOutputPath(options.report, env.files);
  const progress = progressBar(true);
  let outcome;
  try {
    outcome = await withEngine(options.threads, (engine) =>
      compareScenarios(book, {
        scenarios: documents,
        sheet: options.sheet,
        baseline: options.baseline,
        onProgress: (index, count, done, total) => progress.update(index * total + done, count * total),
        engine,
        lang: options.lang,
      }),
    );
  } finally {
    progress.stop();
  }
  await saveXlsxFile(book, out, env.files);
  if (options.report !== undefined) {
    const { model, input: sheet, results } = outcome;
    const engine = results[0] ? `${results[0].engine.version} (model ${results[0].engine.model})` : undefined;
    const report = comparisonReport(model, { inputFile: basename(workbook), sheet: sheet.sheet, generatedAt: new Date(), engine });
    // The workbook is already written: say so before the report's failure.
    await writeFileAtomic(options.report, report, env.files).catch((error: unknown) => {
      process.stdout.write(`已写出 / written: ${out}\n`);
      throw error;
    });
  }
  process.stdout.write(summary(outcome.model) + "\n");
  for (const issue of outcome.input.issues) process.stderr.write(`提示 / note: ${formatIssue(issue)}\n`);
  process.stdout.write(`\n已写出 / written: ${out}（情景对比 + ${outcome.results.length} 个运行记录 stored runs）\n`);
  if (options.report !== undefined) process.stdout.write(`报告 / report: ${resolve(options.report)}\n`);
  return EXIT_OK;
}
