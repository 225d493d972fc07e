/**
 * A big platform workbook for the scale benchmark and the big round-trip test: `rows` platforms in
 * counties of ten (1 main platform, 4 sub-parks, 3 kept, 1–2 exits or transforms pointing at the main
 * one), every column of the samples' sheet filled, the sample's header (平台基本情况, units in the
 * headers). Deterministic: the numbers come from a seeded seedrandom stream.
 */
import seedrandom from "seedrandom";
import { LEVEL_LABELS, STATUS_LABELS, type Level, type Status } from "../../models/platform.js";
import type { SpecCell } from "../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";

export const SCALE_BASE_YEAR = 2020;
export const SCALE_SHEET = "平台基本情况";

export const SCALE_HEADERS = [
  "平台名称",
  "所在县（市、区）",
  "级别",
  "整合类型",
  "整合去向",
  "退出年份",
  "可开发空间（亩）",
  "工业用地面积（亩）",
  "规上工业产值（亿元）",
  "规上工业增加值（亿元）",
  "税收（亿元）",
  "能耗（万吨标煤）",
  "研发投入（亿元）",
  "高新技术产业增加值（亿元）",
  "战略性新兴产业产值（亿元）",
  "上市公司（家）",
  "百亿企业（家）",
  "从业人员（人）",
] as const;

const LEVELS: Level[] = ["national", "provincial", "municipal", "county", "township"];
const COUNTY_NAMES = ["南湖区", "秀洲区", "嘉善县", "平湖市", "海盐县", "海宁市", "桐乡市", "莲都区", "青田县", "缙云县"];
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One platform row: [name, county, level, status, receiver, exit year, 12 figures]. */
export type ScaleRow = (string | number | null)[];

/** The platform rows (without the header), in sheet order. */
export function scaleRows(rows: number, seed = "parkplan-scale"): ScaleRow[] {
  const rng = seedrandom(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rng();
  const out: ScaleRow[] = [];
  for (let k = 0; out.length < rows; k++) {
    const county = `${COUNTY_NAMES[k % COUNTY_NAMES.length]}${Math.floor(k / COUNTY_NAMES.length) || ""}`;
    const main = `${county}经济开发区`;
    const exits = k % 2 === 0 ? 2 : 1;
    for (let q = 0; q < 10 && out.length < rows; q++) {
      const status: Status = q === 0 ? "main" : q <= 4 ? "subPark" : q <= 9 - exits ? "kept" : q % 3 === 0 ? "transform" : "exit";
      const name = q === 0 ? main : `${county}${status === "subPark" ? "分园" : status === "kept" ? "工业园区" : "小微园"}${q}`;
      const land =
        status === "main"
          ? between(12000, 30000)
          : status === "subPark"
            ? between(2000, 8000)
            : status === "kept"
              ? between(1500, 6000)
              : between(300, 1500);
      const perMu =
        status === "main" ? between(350, 650) : status === "exit" || status === "transform" ? between(60, 180) : between(150, 420);
      const output = (land * perMu) / 1e4;
      const valueAdded = output * between(0.17, 0.26);
      const leaves = status === "exit" || status === "transform";
      out.push([
        name,
        county,
        LEVEL_LABELS[status === "main" ? LEVELS[k % 2] : LEVELS[2 + (q % 3)]].zh,
        STATUS_LABELS[status].zh,
        status === "subPark" || leaves ? main : null,
        leaves ? SCALE_BASE_YEAR + 1 + Math.floor(between(0, 10)) : null,
        Math.round(land * between(1.05, status === "main" ? 1.6 : 1.3)),
        Math.round(land),
        round(output, 2),
        round(valueAdded, 2),
        round(output * between(0.03, 0.08), 2),
        round(valueAdded * between(0.25, 0.6), 2),
        round(output * between(0.01, 0.04), 2),
        round(valueAdded * between(0.2, 0.7), 2),
        round(output * between(0.1, 0.5), 2),
        Math.floor(between(0, status === "main" ? 8 : 3)),
        Math.floor(between(0, status === "main" ? 3 : 1.2)),
        Math.round(land * between(0.5, 2)),
      ]);
    }
  }
  return out;
}

/** The workbook's bytes: one sheet, the header in row 1, the platforms below. */
export async function scaleWorkbookBytes(rows: number, seed?: string): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  const cells: SpecCell[][] = [SCALE_HEADERS.map((h) => ({ v: h, style: "header" as const }))];
  for (const row of scaleRows(rows, seed)) cells.push(row.map((v) => ({ v })));
  await book.writeSheets([{ name: SCALE_SHEET, rows: cells, frozen: { rows: 1, cols: 1 } }]);
  return book.toBuffer();
}

/** A scenario with land and energy quotas allocated by merit (the realistic run of the benchmark). */
export function meritScenario(platforms: number): Record<string, unknown> {
  return {
    name: "规模测试 亩均论英雄 / scale merit",
    baseYear: SCALE_BASE_YEAR,
    horizon: Array.from({ length: 10 }, (_, k) => SCALE_BASE_YEAR + 1 + k),
    growth: { mean: 0.07, sd: 0.05, correlation: 0.5 },
    // About 2% of the land in use a year, and an energy cap near the base year's use (about 18 万吨标煤 a platform).
    land: { quota: Math.round(platforms * 100), strategy: "merit", lagYears: 1 },
    energy: { intensityDecline: 0.0343, cap: Math.round(platforms * 18), strategy: "merit" },
    exits: { relocationShare: 0.5 },
    monteCarlo: { runs: 0 },
  };
}

/** The default scenario of the benchmark: ten years, everything else the model's defaults. */
export function defaultScenario(): Record<string, unknown> {
  return {
    name: "规模测试 默认 / scale default",
    baseYear: SCALE_BASE_YEAR,
    horizon: Array.from({ length: 10 }, (_, k) => SCALE_BASE_YEAR + 1 + k),
    monteCarlo: { runs: 0 },
  };
}
