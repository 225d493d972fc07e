/**
 * The short summary a run prints: main platforms at the horizon and the target checks.
 */
import type { SimulationResult, TargetCheck } from "../../models/results.js";
import { fmt, textTable } from "./textTable.js";

const METRIC_FORMAT: Record<string, { unit: string; digits: number }> = {
  output: { unit: "亿元", digits: 1 }, valueAdded: { unit: "亿元", digits: 1 }, tax: { unit: "亿元", digits: 1 }, land: { unit: "亩", digits: 0 },
  outputPerMu: { unit: "万元/亩", digits: 1 }, taxPerMu: { unit: "万元/亩", digits: 1 }, valueAddedPerMu: { unit: "万元/亩", digits: 1 },
  highTechShare: { unit: "", digits: 3 }, rdShare: { unit: "", digits: 3 }, energyIntensity: { unit: "吨标煤/万元", digits: 3 },
  developableLand: { unit: "亩", digits: 0 }, count: { unit: "个", digits: 0 }, share: { unit: "", digits: 2 },
};

function targetRow(t: TargetCheck): string[] {
  const f = METRIC_FORMAT[t.metric ?? ""] ?? { unit: "", digits: 2 };
  const threshold = t.comparison === "between" ? `${fmt(t.threshold, f.digits)}–${fmt(t.thresholdMax, f.digits)}` : `${t.comparison} ${fmt(t.threshold, f.digits)}`;
  const status = !t.evaluable ? "不可评估" : t.met ? "达标" : "未达标";
  return [t.id, t.subject, String(t.year), fmt(t.value, f.digits), threshold, status, t.probability === null ? "" : `${Math.round(t.probability * 100)}%`];
}

export function summaryText(result: SimulationResult, opts: { sheet: string; platforms: number; issues: number; scenarioFrom: string; maxTargets?: number }): string {
  const year = result.reportYears[result.reportYears.length - 1];
  const mc = result.monteCarlo;
  const lines = [
    `ParkPlan ${result.engine.version} · ${result.scenario.name} · 基年 ${result.baseYear} → ${year}` + (mc ? ` · 蒙特卡洛 ${mc.runs} 次（种子 ${mc.seed}）` : " · 确定性"),
    `平台表“${opts.sheet}”：${opts.platforms} 个平台，提示 ${opts.issues} 条；情景：${opts.scenarioFrom}`,
    "",
    `主平台与全市（${year}年）/ Main platforms and region (${year})`,
  ];
  const rollups = result.rollups.filter((u) => u.kind === "main" || u.kind === "region");
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
  const evaluable = result.targets.filter((t) => t.evaluable);
  const met = evaluable.filter((t) => t.met).length;
  lines.push("", `目标检查 / Target checks: ${result.targets.length} 项，达标 ${met}，未达标 ${evaluable.length - met}，不可评估 ${result.targets.length - evaluable.length}`);
  const max = opts.maxTargets ?? 40;
  if (result.targets.length > 0) {
    lines.push(textTable(["编号", "对象", "年份", "数值", "目标", "结果", mc ? "概率" : ""], result.targets.slice(0, max).map(targetRow), new Set([3])));
    if (result.targets.length > max) lines.push(`…… 另有 ${result.targets.length - max} 项见“达标”表 / ${result.targets.length - max} more in the 达标 sheet`);
  }
  return lines.join("\n");
}
