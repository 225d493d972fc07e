/** Bilingual labels, units and number formats of what the result sheets show. */
import type { Binding } from "../../../models/results.js";
import type { EvaluationClass, Indicator } from "../../../models/scenario.js";
import type { Comparison, Metric } from "../../../models/targetSchema.js";
import type { CellFormat } from "../sheetSpec.js";

export interface Measure {
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  fmt: CellFormat;
}

const m = (zh: string, en: string, unitZh: string, unitEn: string, fmt: CellFormat): Measure => ({ zh, en, unitZh, unitEn, fmt });
const YI = ["亿元", "100M yuan"] as const;
const PER_MU = ["万元/亩", "10k yuan/mu"] as const;

/** Every metric a year row or a target can carry, plus the count and share a target may compare. */
export const METRIC_LABELS: Record<Metric | "count" | "share", Measure> = {
  output: m("产值", "Output", ...YI, "yi"),
  land: m("工业用地", "Industrial land", "亩", "mu", "int"),
  valueAdded: m("增加值", "Value added", ...YI, "yi"),
  tax: m("税收", "Tax", ...YI, "yi"),
  energy: m("能耗", "Energy use", "万吨标煤", "10k tce", "yi"),
  rd: m("研发投入", "R&D spend", ...YI, "yi"),
  highTechValueAdded: m("高新技术产业增加值", "High-tech value added", ...YI, "yi"),
  strategicEmergingOutput: m("战略性新兴产业产值", "Strategic emerging industry output", ...YI, "yi"),
  outputPerMu: m("亩均产出", "Output per mu", ...PER_MU, "perMu"),
  taxPerMu: m("亩均税收", "Tax per mu", ...PER_MU, "perMu"),
  valueAddedPerMu: m("亩均增加值", "Value added per mu", ...PER_MU, "perMu"),
  energyIntensity: m("单位增加值能耗", "Energy per value added", "吨标煤/万元", "tce/10k yuan", "ratio3"),
  highTechShare: m("高新技术产业增加值占比", "High-tech share of value added", "%", "%", "pct"),
  rdShare: m("研发投入占比", "R&D share", "%", "%", "pct"),
  developableLand: m("可开发空间", "Developable land", "亩", "mu", "int"),
  listedCompanies: m("上市公司", "Listed companies", "家", "firms", "int"),
  enterprises100: m("百亿企业", "Enterprises ≥ 100亿", "家", "firms", "int"),
  count: m("数量", "Count", "个", "count", "int"),
  share: m("占比", "Share", "%", "%", "pct"),
};

/** "产值（亿元）/ Output (100M yuan)", with an optional qualifier after the name ("P10"). */
export function measureHeader(x: Measure, qualifier = ""): string {
  const q = qualifier ? ` ${qualifier}` : "";
  return `${x.zh}${q}（${x.unitZh}）/ ${x.en}${q} (${x.unitEn})`;
}

export const BINDING_LABELS: Record<Binding, string> = {
  land: "用地 / land",
  energy: "能耗 / energy",
  exited: "已退出 / exited",
};

export const COMPARISON_LABELS: Record<Comparison, string> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  between: "介于 / between",
};

export const TARGET_LEVEL_LABELS: Record<"platform" | "county" | "region", string> = {
  platform: "平台 / platform",
  county: "县 / county",
  region: "全市 / region",
};

export const ROLLUP_KIND_LABELS: Record<"main" | "county" | "region", string> = {
  main: "主平台及分区 / main platform with sub-parks",
  county: "县 / county",
  region: "全市 / region",
};

export const CLASS_LABELS: Record<EvaluationClass, string> = {
  A: "A 优先发展类 / priority",
  B: "B 提升发展类 / upgrade",
  C: "C 调控帮扶类 / controlled",
  D: "D 倒逼整治类 / remediation",
};

export const INDICATOR_LABELS: Record<Indicator, Measure> = {
  taxPerMu: m("亩均税收", "Tax per mu", ...PER_MU, "perMu"),
  valueAddedPerMu: m("亩均增加值", "Value added per mu", ...PER_MU, "perMu"),
  valueAddedPerEnergy: m("单位能耗增加值", "Value added per energy", "万元/吨标煤", "10k yuan/tce", "ratio3"),
  valueAddedPerEmission: m("单位排放增加值", "Value added per emission", "万元/单位排放", "10k yuan/unit", "perMu"),
  laborProductivity: m("全员劳动生产率", "Labour productivity", "万元/人", "10k yuan/person", "perMu"),
  rdShare: m("R&D 占比", "R&D share", "%", "%", "pct"),
};

export const SEVERITY_LABELS: Record<string, string> = {
  error: "错误 / error",
  warning: "警告 / warning",
  info: "提示 / info",
};
