/**
 * A small region for the comparison and reproduce tests: two main platforms (one with a sub-park), a kept
 * platform without headroom, and three scenarios that differ in land strategy, growth and Monte Carlo.
 * The land quota exceeds the headroom, so some new land stays unallocated.
 */
import type { CellValue, SheetGrid } from "../../src/workbook/grid.js";

export const HEAD = ["平台名称", "所在县（市、区）", "级别", "整合类型", "整合去向", "可开发空间", "工业用地面积", "产值", "税收"];
export const ROWS: CellValue[][] = [
  ["甲经开区", "南湖区", "国家级", "主平台", null, 12000, 10000, 800, 27],
  ["乙园", "南湖区", "省级", "分区", "甲经开区", null, 2000, 60, 2],
  ["丙区", "秀洲区", "省级", "主平台", null, 3100, 3000, 90, 4],
  ["丁园", "秀洲区", "县级", "保留", null, null, 1000, 20, 0.5],
];

export function platformGrid(rows: CellValue[][] = ROWS): SheetGrid {
  return { sheet: "平台", values: [["某市工业平台基本情况（2019年）"], HEAD, ...rows], merges: [], tables: [] };
}

const TARGETS = [
  {
    id: "OUT",
    level: "region",
    metric: "output",
    comparison: ">=",
    threshold: 1300,
    label: { zh: "全市产值 ≥ 1300 亿元", en: "region output ≥ 1300亿" },
  },
  {
    id: "PM",
    level: "platform",
    metric: "outputPerMu",
    comparison: ">=",
    threshold: 500,
    label: { zh: "亩均产出 ≥ 500", en: "output per mu ≥ 500" },
  },
  {
    id: "K1000",
    level: "region",
    aggregate: "count",
    where: { metric: "output", comparison: ">=", threshold: 1000 },
    comparison: ">=",
    threshold: 1,
    label: { zh: "千亿平台 ≥ 1 个", en: "≥ 1 platform ≥ 1000亿" },
  },
];

export const BASE = {
  name: "基准",
  horizon: [2020, 2022],
  targets: TARGETS,
  land: { quota: 3000, strategy: "proportional" },
  monteCarlo: { runs: 40, seed: "t" },
};
export const MERIT = {
  name: "亩均",
  horizon: [2020, 2022],
  targets: TARGETS,
  growth: { mean: 0.1 },
  land: { quota: 3000, strategy: "merit" },
  monteCarlo: { runs: 40, seed: "t" },
};
/** Deterministic only, one more report year. */
export const PLAIN = { name: "确定性", horizon: [2020, 2021, 2022], targets: TARGETS, land: { quota: 1000, strategy: "main-only" } };
