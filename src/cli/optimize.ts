/**
 * parkplan optimize <workbook> [--scenario f] [--objective output|valueAdded|tax] [--over horizon|all] [--robust K]: the
 * optimal split of the land quota (and the energy cap) by LP (model.md §2.5), its shadow prices in words, the
 * Monte Carlo of its grants; the 优化配置 sheet in a copy of the workbook with that Monte Carlo stored as the run
 * "<scenario> · 最优配置" (PARKPLAN.SCENARIO, parkplan reproduce), a summary on stdout (or the JSON document). Exit code 1 when the constraints conflict (the conflicts are listed). --robust K: the
 * sample-average LP over the first K Monte Carlo trials (models/README.md "Robust allocation"). See src/cli/README.md.
 */
import type { SheetLanguage } from "../workbook/results/language.js";
import { basename, extname, resolve } from "node:path";
import {
  conflictSentence,
  objectiveSentence,
  OBJECTIVE_KINDS,
  OBJECTIVE_SPANS,
  robustTrials,
  shadowSentence,
  yearMaps,
  type AllocationPlan,
  type ObjectiveKind,
  type ObjectiveSpan,
} from "../../models/decisions/optimize/index.js";
import { bilingual } from "../../models/vocabulary.js";
import { optimizeScenario, type OptimizeOutcome } from "../pipeline/optimize.js";
import { formatIssue } from "../workbook/sheet/index.js";
import { checkOutputPath, saveXlsxFile } from "../workbook/xlsx/xlsxFile.js";
import { openWorkbook, outputExtension, outputFor } from "./commands.js";
import type { CliEnvironment } from "./environment.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "./errors.js";
import { jsonDocument, toJson } from "./jsonOutput.js";
import { progressBar } from "./progress.js";
import { scenarioInput, type ScenarioOptions } from "./scenarioInput.js";
import { fmt, textTable } from "./textTable.js";
import { withEngine } from "./threads.js";

export interface OptimizeOptions extends ScenarioOptions {
  /** --lang: the result sheets' language (default both). */
  lang?: SheetLanguage;

  objective?: string;
  over?: string;
  /** Sampled trials of the robust LP (string from the command line). */
  robust?: string | number;
  sheet?: string;
  out?: string;
  json?: boolean;
  maxSize?: number;
  threads?: number;
}

export function defaultOptimizeOutput(workbook: string): string {
  return resolve(`${basename(workbook, extname(workbook))}-optimized${outputExtension(workbook)}`);
}

function choice<T extends string>(option: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${option} 须为 ${choices.join("、")} 之一，收到“${value}”`,
    `${option} must be one of ${choices.join(", ")}, got "${value}"`,
  );
}

/** The --json document (src/cli/README.md "optimize"): objective, allocation, shadowPrices, infeasible, robust, simulation. */
export function optimizeJson(outcome: OptimizeOutcome): unknown {
  const { plan } = outcome.optimization;
  const order = outcome.input.platforms.map((p) => p.name);
  const byYear = (list: { year: number | null; value: number }[]) => Object.fromEntries(list.map((p) => [String(p.year), p.value]));
  return {
    objective: { kind: plan.objective.kind, value: plan.objective.value, baseline: plan.objective.baseline },
    allocation: {
      land: plan.feasible ? yearMaps(plan, plan.grants, { order }) : {},
      energy: plan.energy ? yearMaps(plan, plan.energy, { order }) : {},
    },
    shadowPrices: {
      land: byYear(plan.shadow.land),
      energy: byYear(plan.shadow.energy),
      headroom: Object.fromEntries(
        [...plan.shadow.headroom].sort((a, b) => order.indexOf(a.platform!) - order.indexOf(b.platform!)).map((p) => [p.platform, p.value]),
      ),
    },
    infeasible: plan.conflicts.map((c) => ({
      kind: c.kind,
      id: c.id,
      subject: c.subject,
      year: c.year,
      required: c.required,
      shortfall: c.shortfall,
      message: bilingual(conflictSentence(c)),
    })),
    robust: plan.robust ? { trials: plan.robust.trials } : null,
    simulation: outcome.result ? jsonDocument(outcome.result, outcome.input.issues) : null,
  };
}

function summary(plan: AllocationPlan, order: string[]): string {
  const lines = [bilingual(objectiveSentence(plan))];
  if (!plan.feasible) {
    lines.push("", "约束冲突 / Conflicting constraints:");
    for (const c of plan.conflicts) lines.push(`  ${bilingual(conflictSentence(c))}`);
    return lines.join("\n");
  }
  const land = yearMaps(plan, plan.grants, { order });
  const years = [...new Set(Object.values(land).flatMap((m) => Object.keys(m)))].sort();
  lines.push("", `最优新增用地（亩）/ Optimal land grants (亩)`);
  lines.push(
    textTable(
      ["平台 Platform", ...years],
      Object.entries(land).map(([name, m]) => [name, ...years.map((y) => fmt(m[y] ?? 0, 0))]),
      new Set(years.map((_, j) => j + 1)),
    ),
  );
  lines.push("", "影子价格 / Shadow prices:");
  for (const kind of ["land", "energy", "headroom"] as const)
    for (const p of plan.shadow[kind]) if (kind !== "headroom" || p.value > 0) lines.push(`  ${bilingual(shadowSentence(plan, kind, p))}`);
  return lines.join("\n");
}

export async function optimizeCommand(workbook: string, options: OptimizeOptions, env: CliEnvironment = {}): Promise<number> {
  const objective = choice<ObjectiveKind>("--objective", options.objective, OBJECTIVE_KINDS);
  const over = choice<ObjectiveSpan>("--over", options.over, OBJECTIVE_SPANS);
  const robust = options.robust === undefined ? undefined : robustTrials(options.robust);
  if (typeof robust === "object") throw new UsageError(robust.zh, robust.en);
  const { writes, out } = outputFor(workbook, options, defaultOptimizeOutput(workbook));
  const book = await openWorkbook(workbook, options.maxSize, env);
  const scenario = scenarioInput(workbook, options);
  if (writes) await checkOutputPath(out, env.files);
  const progress = progressBar(!options.json);
  let outcome: OptimizeOutcome;
  try {
    outcome = await withEngine(options.threads, (engine) =>
      optimizeScenario(book, {
        scenario: scenario.document,
        sheet: options.sheet,
        overrides: { objective, over, robust },
        write: writes,
        onProgress: progress.update,
        engine,
        lang: options.lang,
      }),
    );
  } finally {
    progress.stop();
  }
  if (writes) await saveXlsxFile(book, out, env.files);
  const { plan } = outcome.optimization;
  if (options.json) process.stdout.write(toJson(optimizeJson(outcome)) + "\n");
  else {
    process.stdout.write(
      summary(
        plan,
        outcome.input.platforms.map((p) => p.name),
      ) + "\n",
    );
    for (const issue of outcome.input.issues) process.stderr.write(`提示 / note: ${formatIssue(issue)}\n`);
    for (const w of outcome.result?.warnings ?? []) process.stderr.write(`提示 / note: ${w.zh} / ${w.en}\n`);
    process.stdout.write(`\n已写出 / written: ${out}（优化配置）\n`);
    if (outcome.storedAs !== null)
      process.stdout.write(
        `最优配置的运行已保存为“${outcome.storedAs}”（PARKPLAN.SCENARIO 可读，parkplan reproduce 可复现） / the optimal run is stored as "${outcome.storedAs}" (read by PARKPLAN.SCENARIO, re-run by parkplan reproduce)\n`,
      );
  }
  return plan.feasible ? EXIT_OK : EXIT_INPUT;
}
