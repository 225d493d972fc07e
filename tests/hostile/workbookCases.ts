/**
 * Hostile platform workbooks, built in code with exceljs: numbers that are impossible or implausible,
 * broken 整合去向, text in number columns, empty sheets … Each case says what the user must be told: the
 * exit code, the sheet!cell named, the Chinese and English text, and no output after a fatal error.
 *
 * The sheet of every case: title row 1 (its year, 2020, is the base year), header row 2, platforms from
 * row 3. Columns: A 平台名称, B 县, C 级别, D 整合类型, E 整合去向, F 退出年份, G 可开发空间, H 工业用地面积,
 * I 规上工业产值, J 增加值, K 税收, L 能耗, M R&D占比（%）.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { HostileCase } from "./case.js";

type Cell = string | number | null | { error: "#DIV/0!" | "#N/A" };
type Rows = Cell[][];

const SHEET = "平台基本情况";
const at = (cell: string) => `${SHEET}!${cell}`;
const HEADER = [
  "平台名称",
  "所在县（市、区）",
  "级别",
  "整合类型",
  "整合去向",
  "退出年份",
  "可开发空间",
  "工业用地面积",
  "规上工业产值",
  "规上工业增加值",
  "税收",
  "能耗",
  "R&D占比（%）",
];

/** Three platforms that pass every check: a main platform (row 3), its sub-park (row 4), an exit in 2022 (row 5). */
function platforms(): Rows {
  return [
    ["嘉兴经开区", "南湖区", "国家级", "主平台", null, null, 30000, 20000, 800, 180, 40, 60, 2.5],
    ["南湖分园", "南湖区", "省级", "分区", "嘉兴经开区", null, 5000, 3000, 90, 20, 4, 8, 1.8],
    ["凤桥工业园", "南湖区", "乡镇", "退出", null, 2022, null, 800, 10, 2, 0.4, 1, 0.5],
  ];
}

/** Set one cell of the data ("I3" → row 3, column I) in rows that start at sheet row 3. */
function put(rows: Rows, cell: string, value: Cell): Rows {
  const col = cell.charCodeAt(0) - 65,
    row = Number(cell.slice(1)) - 3;
  while (rows.length <= row) rows.push([]);
  rows[row][col] = value;
  return rows;
}

async function writeBook(dir: string, sheets: { name: string; rows: Cell[][] }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(join(dir, "book.xlsx"));
}

/** book.xlsx holding the platform sheet: title, `header`, `rows`. */
function platformBook(rows: Rows, header: string[] = HEADER): (dir: string) => Promise<void> {
  return (dir) => writeBook(dir, [{ name: SHEET, rows: [["嘉兴市平台基本情况表（2020年）"], header, ...rows] }]);
}

const CHECK = ["check", "book.xlsx"];
const SIMULATE = ["simulate", "book.xlsx", "--out", "out.xlsx"];

/** A case on the standard sheet with some cells changed. */
function sheetCase(
  id: string,
  what: string,
  edits: [string, Cell][],
  args: string[],
  expect: HostileCase["expect"],
  header?: string[],
): HostileCase {
  const rows = edits.reduce((r, [cell, v]) => put(r, cell, v), platforms());
  const build = platformBook(rows, header);
  return {
    id,
    what,
    expect: args === SIMULATE && expect.exit !== 0 ? { absent: ["out.xlsx"], ...expect } : expect,
    async setup(dir) {
      await build(dir);
      return [...args];
    },
  };
}

const fatal = (mentions: string[], zh: string | RegExp, en: string | RegExp) => ({ exit: 1 as const, mentions, zh, en });
const fine = (mentions: string[], zh: string | RegExp, en: string | RegExp) => ({ exit: 0 as const, mentions, zh, en });
const withUnit = (column: number, unit: string) => HEADER.map((h, i) => (i === column ? `${h}（${unit}）` : h));

export const workbookCases: HostileCase[] = [
  sheetCase(
    "wb-nonfinite-text",
    "typed 1e400 as the output",
    [["I3", "1e400"]],
    CHECK,
    fatal(
      [at("I3")],
      "规上工业产值换算为模型单位后超出可计算范围（Infinity）",
      "output is out of the computable range after unit conversion (Infinity)",
    ),
  ),
  sheetCase(
    "wb-nonfinite-after-conversion",
    "1e308 公顷 of developable land (×15 亩 overflows)",
    [["G3", 1e308]],
    SIMULATE,
    fatal([at("G3")], "可开发空间换算为模型单位后超出可计算范围", "developable land is out of the computable range"),
    withUnit(6, "公顷"),
  ),
  sheetCase(
    "wb-huge-in-wan-yuan",
    "1e308 万元 of output (finite in 亿元, far beyond any platform)",
    [["I3", 1e308]],
    SIMULATE,
    fatal([at("I3")], /规上工业产值为 1e\+304 亿元，超过任何平台可能的上限/, /output is 1e\+304 亿元, above what any platform can have/),
    withUnit(8, "万元"),
  ),
  sheetCase(
    "wb-output-impossible",
    "an output of 2,000,000 亿元 for one platform",
    [["I3", 2_000_000]],
    SIMULATE,
    fatal([at("I3")], "超过任何平台可能的上限 1000000 亿元", "above what any platform can have (1000000 亿元)"),
  ),
  sheetCase(
    "wb-output-implausible",
    "50,000 亿元 of output (a 万元 figure in a 亿元 column?)",
    [["I3", 50_000]],
    CHECK,
    fine([at("I3")], "规上工业产值为 50000 亿元，超过合理范围", "output is 50000 亿元, beyond a plausible 20000 亿元"),
  ),
  sheetCase(
    "wb-land-impossible",
    "20 million 亩 of land in use",
    [["H3", 20_000_000]],
    CHECK,
    fatal([at("H3")], "工业用地面积为 20000000 亩，超过任何平台可能的上限", "land in use is 20000000 亩, above what any platform can have"),
  ),
  sheetCase(
    "wb-every-figure-1e308",
    "1e308 in every amount of a row",
    ["G3", "H3", "I3", "J3", "K3", "L3"].map((c) => [c, 1e308] as [string, Cell]),
    CHECK,
    fatal(["G3", "H3", "I3", "J3", "K3", "L3"].map(at), "超过任何平台可能的上限", "above what any platform can have"),
  ),
  sheetCase(
    "wb-developable-below-land",
    "developable land 10,000 亩 under 20,000 亩 in use",
    [["G3", 10_000]],
    SIMULATE,
    fine([at("G3"), at("H3")], "不再分配新增用地", "grants no new land"),
  ),
  sheetCase(
    "wb-rd-share-150",
    "R&D 占比 150 in a (%) column",
    [["M3", 150]],
    CHECK,
    fatal([at("M3")], "R&D占比为 150%，超过 100%", "R&D share is 150%, above 100 %"),
  ),
  sheetCase(
    "wb-negative-share",
    "a negative R&D share",
    [["M4", -2]],
    SIMULATE,
    fatal([at("M4")], "R&D占比为负数（-2）", "R&D share is negative (-2)"),
  ),
  sheetCase(
    "wb-tax-above-output",
    "tax of 900 亿元 on an output of 800 亿元",
    [["K3", 900]],
    CHECK,
    fine([at("K3"), at("I3")], "税收（900 亿元）大于规上工业产值（800 亿元）", "tax (900 亿元) exceeds output (800 亿元)"),
  ),
  sheetCase(
    "wb-value-added-above-output",
    "value added larger than output",
    [["J4", 95]],
    SIMULATE,
    fatal(
      [at("J4"), at("I4")],
      "规上工业增加值（95 亿元）大于规上工业产值（90 亿元），不可能",
      "value added (95 亿元) exceeds output (90 亿元), which cannot be",
    ),
  ),
  sheetCase(
    "wb-energy-intensity",
    "5,000 万吨标煤 on 180 亿元 of value added",
    [["L3", 5_000]],
    CHECK,
    fine([at("L3"), at("J3")], "单位增加值能耗", "energy per value added"),
  ),
  sheetCase(
    "wb-exit-before-base",
    "an exit year (2019) before the base year (2020)",
    [["F5", 2019]],
    SIMULATE,
    fine([at("F5")], "退出年份 2019 不晚于基年 2020", "exit year 2019 is not after the base year 2020"),
  ),
  sheetCase(
    "wb-merged-into-itself",
    "a main platform whose 整合去向 is itself",
    [["E3", "嘉兴经开区"]],
    SIMULATE,
    fatal([at("E3")], "“嘉兴经开区”的整合去向是它自己", '"嘉兴经开区" is merged into itself'),
  ),
  sheetCase(
    "wb-main-into-own-subpark",
    "a main platform merged into its own sub-park",
    [["E3", "南湖分园"]],
    CHECK,
    fatal([at("E3"), at("A4")], "形成循环", "a cycle"),
  ),
  sheetCase(
    "wb-subpark-chain",
    "a sub-park merged into another sub-park",
    [
      ["A6", "凤桥分园"],
      ["D6", "分区"],
      ["E6", "南湖分园"],
      ["H6", 100],
      ["I6", 2],
    ],
    CHECK,
    fatal([at("E6")], "本身是分区；分区只能并入主平台", "itself a sub-park"),
  ),
  sheetCase(
    "wb-subpark-into-exit",
    "a sub-park merged into a platform that exits",
    [["E4", "凤桥工业园"]],
    CHECK,
    fatal([at("E4"), at("A5")], "本身退出", "which is itself marked exit"),
  ),
  sheetCase(
    "wb-unknown-target",
    "a sub-park merged into a platform not in the sheet",
    [["E4", "不存在的平台"]],
    SIMULATE,
    fatal([at("E4")], "整合去向“不存在的平台”不是本表中的平台", '"不存在的平台" (merged into) is not a platform of this sheet'),
  ),
  sheetCase(
    "wb-text-in-number",
    "约3000 typed in the land column",
    [["H4", "约3000"]],
    SIMULATE,
    fatal([at("H4")], "工业用地面积不是数字（“约3000”）", 'land in use is not a number ("约3000")'),
  ),
  sheetCase(
    "wb-unit-of-wrong-kind",
    "3000万元 in the land column",
    [["H3", "3000万元"]],
    CHECK,
    fatal([at("H3")], "单位与该列不符", "unit does not match the column"),
  ),
  sheetCase(
    "wb-error-cell",
    "#DIV/0! as the output",
    [["I3", { error: "#DIV/0!" }]],
    CHECK,
    fatal([at("I3")], "错误值 #DIV/0!", "holds the error #DIV/0!"),
  ),
  sheetCase(
    "wb-duplicate-name",
    "the same platform twice",
    [["A4", "嘉兴经开区 "]],
    SIMULATE,
    fatal([at("A4")], "平台名称“嘉兴经开区”重复", 'platform name "嘉兴经开区" appears twice'),
  ),
  sheetCase(
    "wb-negative-land",
    "negative land in use",
    [["H3", -100]],
    SIMULATE,
    fatal([at("H3")], "工业用地面积为负数（-100）", "land in use is negative (-100)"),
  ),
  sheetCase("wb-output-without-land", "output with land 0", [["H4", 0]], CHECK, fatal([at("H4")], "工业用地面积为 0", "land in use is 0")),
  {
    id: "wb-empty-sheet",
    what: "a workbook whose only sheet is empty",
    setup: async (dir) => (await writeBook(dir, [{ name: "Sheet1", rows: [] }]), [...SIMULATE]),
    expect: { ...fatal(["Sheet1"], "工作簿中没有找到平台表", "no platform table found in the workbook"), absent: ["out.xlsx"] },
  },
  {
    id: "wb-header-only",
    what: "a header row with no platforms under it",
    setup: async (dir) => (await platformBook([])(dir), [...CHECK]),
    expect: fatal([at("A2")], "表头下没有平台数据", "no platform rows under the header"),
  },
];
