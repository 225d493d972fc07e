/**
 * PARKPLAN.SCENARIO: one figure of a stored run. Metric and statistic may be written as the model's
 * key ("outputPerMu", "p50"), the result sheets' Chinese label ("亩均产出", "中位数") or English label.
 */
import { YEAR_METRICS, type YearMetric } from "../../models/results.js";
import { METRIC_TERMS } from "../../models/vocabulary.js";
import { STATISTICS, storedValue, type Statistic } from "../pipeline/storedResults.js";
import { optional, requireInteger, requireText } from "./args.js";
import { cellError } from "./errors.js";
import { loadStoredRun } from "./storedRuns.js";

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");

const METRIC_NAMES = new Map<string, YearMetric>(
  YEAR_METRICS.flatMap((m) => [norm(m), norm(METRIC_TERMS[m].name.zh), norm(METRIC_TERMS[m].name.en)].map((name) => [name, m] as const)),
);

const STATISTIC_NAMES = new Map<string, Statistic>([
  ...STATISTICS.map((s) => [s, s] as const),
  ["确定值", "value"],
  ["确定性", "value"],
  ["均值", "mean"],
  ["平均值", "mean"],
  ["中位数", "p50"],
]);

/** The metric a text names, else #VALUE! listing the choices. */
export function parseMetric(v: unknown): YearMetric {
  const text = requireText(v, ["指标", "metric"]);
  const metric = METRIC_NAMES.get(norm(text));
  if (!metric) {
    const zh = YEAR_METRICS.map((m) => METRIC_TERMS[m].name.zh).join("、");
    throw cellError(
      "invalidValue",
      `无法识别指标“${text}”，可用：${zh}`,
      `unknown metric "${text}"; use one of ${YEAR_METRICS.join(", ")}`,
    );
  }
  return metric;
}

/** The statistic a text names ("value" when blank), else #VALUE!. */
export function parseStatistic(v: unknown): Statistic {
  return optional(v, "value" as Statistic, (x) => {
    const text = requireText(x, ["统计量", "statistic"]);
    const statistic = STATISTIC_NAMES.get(norm(text));
    if (!statistic)
      throw cellError(
        "invalidValue",
        `无法识别统计量“${text}”，可用：确定值、均值、P10、P50、P90`,
        `unknown statistic "${text}"; use value, mean, p10, p50 or p90`,
      );
    return statistic;
  });
}

/** The stored figure, or #N/A saying what is missing. Arguments are checked before the store is read. */
export async function scenarioValue(
  scenarioArg: unknown,
  subjectArg: unknown,
  metricArg: unknown,
  yearArg: unknown,
  statisticArg: unknown,
): Promise<number> {
  const scenario = requireText(scenarioArg, ["情景名称", "scenario"]);
  const subject = requireText(subjectArg, ["平台名称", "platform"]);
  const metric = parseMetric(metricArg);
  const year = requireInteger(yearArg, ["年份", "year"], 1900, 2200);
  const statistic = parseStatistic(statisticArg);
  const stored = await loadStoredRun(scenario);
  if (!stored)
    throw cellError(
      "notAvailable",
      `工作簿中没有情景“${scenario}”的运行结果，请先运行该情景`,
      `no stored run of scenario "${scenario}" in this workbook; run it first`,
    );
  if (!Object.hasOwn(stored.platforms, subject) && !Object.hasOwn(stored.rollups, subject)) {
    throw cellError("notAvailable", `情景“${scenario}”的结果中没有“${subject}”`, `"${subject}" is not in the run of "${scenario}"`);
  }
  const value = storedValue(stored, subject, metric, year, statistic);
  if (value === null) {
    throw cellError(
      "notAvailable",
      `“${subject}”${year} 年没有${METRIC_TERMS[metric].name.zh}（${statistic}）的结果`,
      `no ${statistic} of ${metric} for "${subject}" in ${year}`,
    );
  }
  return value;
}
