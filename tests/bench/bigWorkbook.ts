/**
 * A big platform workbook laid out like the samples (assets/samples/): a merged title row naming the
 * base year, a unit note, the header (the samples' 18 columns with units, then 主导产业 and 备注: 20 in
 * all), `rows` platforms, a merged footnote. The platforms are scaleRows' (scaleWorkbook.ts): counties of
 * ten, each a main platform, four sub-parks merging into it (整合去向), kept parks and one or two exits or
 * transforms with their year; every figure deterministic. Written by ParkPlan's own package writer, with
 * a second sheet of notes, so the reader meets shared strings, styles and merges as in a real file.
 *
 *   npx tsx tests/bench/bigWorkbook.ts <path.xlsx> <rows>
 */
import { writeFile } from "node:fs/promises";
import type { SpecCell } from "../../src/workbook/sheetSpec.js";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook.js";
import { SCALE_BASE_YEAR, SCALE_HEADERS, scaleRows } from "./scaleWorkbook.js";

export const BIG_SHEET = "平台基本情况";
export const BIG_BASE_YEAR = SCALE_BASE_YEAR;
export const BIG_HEADERS = [...SCALE_HEADERS, "主导产业", "备注"] as const;
/** Sheet rows above the first platform: title, unit note, header. */
export const BIG_HEADER_ROW = 3;

const INDUSTRIES = ["智能装备", "新材料", "生物医药", "集成电路", "新能源汽车", "时尚纺织", "绿色化工", "数字经济"];

/** The note a platform's row carries (most have none). */
function noteOf(row: (string | number | null)[], k: number): string | null {
  const [, , , status, target, exitYear] = row;
  if (exitYear !== null) return `${exitYear}年完成${status}，存量企业就近并入${target}`;
  if (target !== null) return `整合并入${target}，统一规划、统一管理`;
  return k % 17 === 0 ? "数据来源：统计快报（估算）" : null;
}

/** The workbook's cells: one platform sheet and a notes sheet. */
export function bigPlatformSheets(
  rows: number,
  seed?: string,
): { name: string; rows: SpecCell[][]; merges?: { top: number; left: number; bottom: number; right: number }[] }[] {
  const platforms = scaleRows(rows, seed);
  const width = BIG_HEADERS.length;
  const cells: SpecCell[][] = [
    [{ v: `浙江省工业平台基本情况表（${BIG_BASE_YEAR}年）`, style: "title" }],
    [{ v: "单位：亿元、亩、万吨标煤" }],
    BIG_HEADERS.map((h) => ({ v: h, style: "header" as const })),
  ];
  platforms.forEach((row, k) => {
    const industry = INDUSTRIES[(k * 7 + Math.floor(k / 10)) % INDUSTRIES.length];
    cells.push([...row, industry, noteOf(row, k)].map((v) => ({ v })));
  });
  cells.push([{ v: "注：数据均为估算，仅供规模测试使用。" }]);
  return [
    {
      name: BIG_SHEET,
      rows: cells,
      merges: [
        { top: 0, left: 0, bottom: 0, right: width - 1 },
        { top: cells.length - 1, left: 0, bottom: cells.length - 1, right: width - 1 },
      ],
    },
    { name: "说明", rows: [[{ v: "本工作簿为规模测试数据" }], [{ v: `平台 ${rows} 个` }]] },
  ];
}

/** The workbook's bytes. */
export async function bigPlatformWorkbookBytes(rows: number, seed?: string): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await book.writeSheets(bigPlatformSheets(rows, seed));
  return book.toBuffer();
}

/** Write the workbook of `rows` platforms to `path`. */
export async function writeBigPlatformWorkbook(path: string, rows: number, seed?: string): Promise<void> {
  await writeFile(path, await bigPlatformWorkbookBytes(rows, seed));
}

if (process.argv[1]?.endsWith("bigWorkbook.ts")) {
  const [path, rows] = process.argv.slice(2);
  if (!path || !Number(rows)) throw new Error("usage: npx tsx tests/bench/bigWorkbook.ts <path.xlsx> <rows>");
  await writeBigPlatformWorkbook(path, Number(rows));
}
