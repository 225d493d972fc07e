/**
 * parkplan reproduce <workbook> <scenario name>: re-run a run stored in a projected workbook (its
 * scenario and seed, on the platform sheet as it is now) and report whether every number is identical,
 * or what changed (input data, engine version, the first differing figures). An optimal plan's run
 * ("<scenario> · 最优配置", stored by `parkplan optimize --out`) re-runs with its stored grants. Writes nothing.
 */
import { figure, OBJECTIVE_LABELS, SPAN_LABELS } from "../../models/decisions/optimize/index.js";
import { reproduce, type ReproduceReport } from "../pipeline/reproduce.js";
import { openWorkbook } from "./commands.js";
import { withEngine } from "./threads.js";
import type { CliEnvironment } from "./environment.js";
import { EXIT_INPUT, EXIT_OK } from "./errors.js";
import { fmt, textTable } from "./textTable.js";

/** An optimal plan's run: re-run with its stored grants, and the LP objective it was stored with. */
function optimalLines(report: ReproduceReport): string[] {
  const o = report.stored.optimization?.objective;
  const lines = report.stored.plannedGrants
    ? ["按保存的逐平台配置重跑 / re-run with the stored per-platform grants (strategy optimal)"]
    : [];
  if (o) {
    const kind = OBJECTIVE_LABELS[o.kind];
    const over = SPAN_LABELS[o.over];
    lines.push(
      `线性规划目标 / LP objective: ${kind.zh}（${over.zh}）${figure(o.value)} 亿元，情景原策略 ${figure(o.baseline)} 亿元 / ${kind.en} (${over.en}) ${figure(o.value)} 亿元, the scenario's own strategy ${figure(o.baseline)} 亿元`,
    );
  }
  return lines;
}

export async function reproduceCommand(
  workbook: string,
  name: string,
  options: { limit?: number; json?: boolean; maxSize?: number; threads?: number },
  env: CliEnvironment = {},
): Promise<number> {
  const book = await openWorkbook(workbook, options.maxSize, env);
  const report = await withEngine(options.threads, (engine) => reproduce(book, name, { limit: options.limit ?? 20, engine }));
  if (options.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    return report.identical ? EXIT_OK : EXIT_INPUT;
  }
  const s = report.stored;
  const lines = [
    `情景“${name}”：${s.runs} 次蒙特卡洛（种子 ${s.seed}），${s.finishedAt} 由 ParkPlan ${s.engine.version} 运行于“${s.sheet}”`,
    `Scenario "${name}": ${s.runs} Monte Carlo runs (seed ${s.seed}), run ${s.finishedAt} by ParkPlan ${s.engine.version} on "${s.sheet}"`,
    `输入数据 / input data: ${report.inputChanged ? "已变化 / changed" : "未变 / unchanged"} (${s.inputHash.slice(0, 12)} → ${report.now.inputHash.slice(0, 12)})`,
    ...optimalLines(report),
    `引擎 / engine: ${report.engineChanged ? `已变化 / changed (${s.engine.version} → ${report.now.engine.version})` : `未变 / unchanged (${s.engine.version})`}`,
    report.identical
      ? "结果完全一致 / every number is identical"
      : `有 ${report.differenceCount} 个数值不同 / ${report.differenceCount} figures differ:`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  if (!report.identical) {
    const rows = report.differences.map((d) => [d.subject, d.metric, String(d.year), d.statistic, fmt(d.stored, 4), fmt(d.now, 4)]);
    process.stdout.write(
      textTable(["对象 Subject", "指标 Metric", "年份", "统计量", "原值 stored", "现值 now"], rows, new Set([4, 5])) + "\n",
    );
  }
  return report.identical ? EXIT_OK : EXIT_INPUT;
}
