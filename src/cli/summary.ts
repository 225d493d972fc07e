/**
 * The short summary a run prints: main platforms at the horizon and the target checks.
 */
import type { SimulationResult, TargetCheck } from "../../models/results.js";
import { CHECK_OUTCOME_LABELS, checkOutcome, termKeys } from "../../models/vocabulary.js";
import { fmt, textTable } from "./textTable.js";
import { summaryLine, targetSummaries } from "../views/targetSummary.js";
import { formatTargetValue, thresholdLine } from "../views/thresholdText.js";

function targetRow(t: TargetCheck): string[] {
  const outcome = CHECK_OUTCOME_LABELS[checkOutcome(t)].zh;
  return [
    t.id,
    t.subject,
    String(t.year),
    formatTargetValue(t, t.value),
    // As the pane shows it: a range as the plan states it (JX-1 "1–2"), the allowance in brackets.
    thresholdLine(t, "zh"),
    outcome,
    t.probability === null ? "" : `${Math.round(t.probability * 100)}%`,
  ];
}

/** Main platforms listed by default; the rest are in the 汇总 sheet (a 100,000-platform sheet has 10,000). */
export const SUMMARY_MAIN_ROWS = 40;

export function summaryText(
  result: SimulationResult,
  opts: { sheet: string; platforms: number; issues: number; scenarioFrom: string; maxTargets?: number; maxMains?: number },
): string {
  const year = result.reportYears[result.reportYears.length - 1];
  const mc = result.monteCarlo;
  const lines = [
    `ParkPlan ${result.engine.version} · ${result.scenario.name} · 基年 ${result.baseYear} → ${year}` +
      (mc ? ` · 蒙特卡洛 ${mc.runs} 次（种子 ${mc.seed}）` : " · 确定性"),
    `平台表“${opts.sheet}”：${opts.platforms} 个平台，提示 ${opts.issues} 条；情景：${opts.scenarioFrom}`,
    "",
    `主平台与全市（${year}年）/ Main platforms and region (${year})`,
  ];
  const mains = result.rollups.filter((u) => u.kind === "main");
  const maxMains = opts.maxMains ?? SUMMARY_MAIN_ROWS;
  const rollups = [...mains.slice(0, maxMains), ...result.rollups.filter((u) => u.kind === "region")];
  lines.push(
    textTable(
      ["平台 Platform", "产值 亿元", "亩均产出", "亩均税收", ...(mc ? ["产值 P10", "产值 P90"] : [])],
      rollups.map((u) => {
        const y = u.years.find((f) => f.year === year)!;
        const q = u.stats?.[String(year)]?.output;
        return [u.name, fmt(y.output, 1), fmt(y.outputPerMu, 1), fmt(y.taxPerMu, 1), ...(mc ? [fmt(q?.p10, 1), fmt(q?.p90, 1)] : [])];
      }),
      new Set([1, 2, 3, 4, 5]),
    ),
  );
  if (mains.length > maxMains)
    lines.push(`…… 另有 ${mains.length - maxMains} 个主平台见“汇总”表 / ${mains.length - maxMains} more main platforms in the 汇总 sheet`);
  const counts = termKeys(CHECK_OUTCOME_LABELS).map(
    (o) => `${CHECK_OUTCOME_LABELS[o].zh} ${result.targets.filter((t) => checkOutcome(t) === o).length}`,
  );
  lines.push("", `目标检查 / Target checks: ${result.targets.length} 项，${counts.join("，")}`);
  const max = opts.maxTargets ?? 40;
  if (result.targets.length > 0) {
    lines.push(
      textTable(
        ["编号", "对象", "年份", "数值", "目标", "结果", mc ? "概率" : ""],
        result.targets.slice(0, max).map(targetRow),
        new Set([3]),
      ),
    );
    if (result.targets.length > max)
      lines.push(`…… 另有 ${result.targets.length - max} 项见“达标”表 / ${result.targets.length - max} more in the 达标 sheet`);
  }
  // One line per target (as 达标 opens with): subjects met, and the chance that all meet it together.
  const summaries = targetSummaries(result);
  if (summaries.length > 0) lines.push("", "目标小结 / Summary by target", ...summaries.map((t) => `  ${summaryLine(t, "zh")}`));
  return lines.join("\n");
}
