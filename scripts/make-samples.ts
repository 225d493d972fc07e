/**
 * Writes the sample workbooks (and their scenario documents) in assets/samples/, one per source plan:
 *   jiaxing-2017.xlsx   嘉兴市工业平台基本情况表（2017年）, seed 000 (嘉政发〔2018〕15号), one year
 *   lishui-2020.xlsx    丽水市产业平台基本情况表（2020年）, seed 001 (丽政办发〔2020〕55号), one year
 *   hangzhou-2017.xlsx  杭州市工业平台基本情况表（2017年）, seed 002 (杭政办函〔2017〕127号), wide: land and output 2015–2017
 *   jiading-2017.xlsx   嘉定区产业区块基本情况表（分年度）, seed 003 (嘉委发〔2017〕2号), long: a 年份 column, 2016 and 2017
 *   jinhua-2020.xlsx    金华市开发区（园区）基本情况表（2020年）, seed 004 (征求意见稿), one year
 * Platform-level figures are not published; every figure is an estimate built from the public figures in
 * shared/docs/domain.md and stated ratios. The "说明" sheet names, cell by cell, how each was estimated.
 * Deterministic: no randomness, fixed document dates, fixed zip entry dates.
 * Run: npx tsx scripts/make-samples.ts
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { headerHeight, headerLines, headerWidth, textWidth } from "../src/workbook/results/layout.js";
import { NAME_WRAP, pageNumbers } from "../src/workbook/results/print.js";
import { words } from "../src/workbook/results/language.js";
import { pageHeaderFooter, PRINT_MARGINS } from "../src/workbook/sheetSpec.js";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "assets", "samples");

/** 整合类型 as the sheets write it: the generic words, and 杭州's four classes (杭政办函〔2017〕127号). */
type Status = "主平台" | "分区" | "保留" | "退出" | "转型" | "整合托管型" | "保留提升型" | "逐步退出型" | "转为创新型";
type Kind = "公开数据推算" | "比例推算" | "假设";
/** Ratios that turn output into the other columns. */
interface Mix {
  v: number;
  eF: number;
  rd: number;
  ht: number;
  sei: number;
  why?: string;
}
interface Row {
  name: string;
  county: string;
  level: string;
  status: Status;
  to?: string;
  year?: number;
  D: number;
  L: number;
  Y: number;
  mix: Mix;
  listed: number;
  e100: number;
  /** Anchored figures replacing the ratio rule, with their note. */
  V?: number;
  T?: number;
  R?: number;
  notes?: Partial<Record<"D" | "L" | "Y" | "V" | "T" | "R" | "listed", [Kind, string, string]>>;
  /** Earlier years (oldest first), for the wide and long samples. */
  past?: Past[];
}
interface Past {
  year: number;
  Y: number;
  L: number;
  notes: Partial<Record<"Y" | "L", [Kind, string, string]>>;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${r2(x * 100)}%`;
const f2 = (x: number) => x.toFixed(2);
const km2 = (a: number, share = 0.45) => Math.round(a * 1500 * share);
const VA_RATIO = 0.204; // 嘉兴 2018 年 1–9 月 规上增加值 ÷ 产值
const TAX_PER_VA = 25.5 / 102.6; // 浙江 2017 规上亩均税收 ÷ 开发区亩均增加值
const VA_PER_TCE = 2.6; // 万元增加值 / 吨标煤
const VA_PER_WORKER = 23.2; // 万元 / 人

const MAIN: Mix = { v: VA_RATIO, eF: 1, rd: 0.0155, ht: 0.45, sei: 0.3 };
const TOWN: Mix = { v: VA_RATIO, eF: 1.3, rd: 0.01, ht: 0.22, sei: 0.1, why: "乡镇园区以传统产业为主，能耗强度高于平均（假设）" };

function main(
  name: string,
  county: string,
  level: string,
  Y: number,
  L: number,
  D: number,
  mix: Partial<Mix>,
  listed: number,
  e100: number,
  extra: Partial<Row> = {},
): Row {
  return { name, county, level, status: "主平台", D, L, Y, mix: { ...MAIN, ...mix }, listed, e100, ...extra };
}
function park(
  name: string,
  county: string,
  status: Status,
  to: string | undefined,
  year: number | undefined,
  Y: number,
  L: number,
  D = L,
  mix: Partial<Mix> = {},
): Row {
  return { name, county, level: "乡镇", status, to, year, D, L, Y, mix: { ...TOWN, ...mix }, listed: 0, e100: 0 };
}

const JX_GROWTH = 0.077;
const JX_ECON = "嘉兴经济技术开发区",
  JX_XZ = "嘉兴秀洲高新技术产业开发区",
  JX_KJC = "嘉兴科技城",
  JX_JS = "嘉善经济技术开发区";
const JX_PH = "平湖经济技术开发区",
  JX_HN = "海宁经济开发区",
  JX_HY = "海盐经济开发区",
  JX_TX = "桐乡经济开发区";
const txY = r2(359.15 * (1 + JX_GROWTH));
const jiaxing: Row[] = [
  main(JX_ECON, "嘉兴经开区", "国家级", 728.6, 15800, 24000, { rd: 0.018, ht: 0.5, sei: 0.38 }, 5, 1),
  main(
    "嘉兴港区",
    "嘉兴港区",
    "省级",
    688.4,
    13500,
    21000,
    { v: 0.18, eF: 1.8, rd: 0.013, ht: 0.4, sei: 0.45, why: "石化新材料为主：增加值率偏低、能耗强度高（假设）" },
    2,
    2,
  ),
  main(
    JX_KJC,
    "南湖区",
    "省级",
    212.3,
    6200,
    15000,
    { v: 0.22, rd: 0.026, ht: 0.55, sei: 0.42, why: "科创型平台，增加值率偏高（假设）" },
    2,
    0,
  ),
  main(
    JX_XZ,
    "秀洲区",
    "国家级",
    381.5,
    11200,
    26000,
    { v: 0.21, rd: 0.022, ht: 0.52, sei: 0.4, why: "高新区，增加值率略高（假设）" },
    3,
    0,
  ),
  main(JX_JS, "嘉善县", "国家级", 396.8, 9800, km2(18.2), { rd: 0.019, ht: 0.48, sei: 0.36 }, 3, 0, {
    notes: {
      D: [
        "公开数据推算",
        `国家核准面积 18.2 km² × 1500 亩/km² × 工业用地占比 45%（假设）= ${km2(18.2)}；方案要求不突破国家核准面积`,
        "S7, S12",
      ],
    },
  }),
  main(JX_PH, "平湖市", "国家级", 562.4, 13300, km2(27.5), { rd: 0.017, ht: 0.47, sei: 0.33 }, 4, 1, {
    notes: {
      D: [
        "公开数据推算",
        `国家核准面积 27.5 km² × 1500 亩/km² × 工业用地占比 45%（假设）= ${km2(27.5)}；方案要求不突破国家核准面积`,
        "S7, S12",
      ],
    },
  }),
  main(
    "独山港经济开发区",
    "平湖市",
    "省级",
    236.7,
    7600,
    20000,
    { v: 0.19, eF: 1.4, rd: 0.012, ht: 0.35, why: "临港重化工业比重较高（假设）" },
    1,
    0,
  ),
  main(JX_HN, "海宁市", "省级", 418.2, 12100, 21000, { rd: 0.016, ht: 0.44 }, 4, 1),
  main(JX_HY, "海盐县", "省级", 258.9, 8600, 16000, { ht: 0.4, sei: 0.28 }, 2, 0),
  main(
    JX_TX,
    "桐乡市",
    "省级",
    txY,
    km2(28),
    km2(85),
    { eF: 1.2, rd: 0.017, sei: 0.35, why: "玻纤、化纤等材料产业比重较高（假设）" },
    3,
    1,
    {
      notes: {
        Y: [
          "公开数据推算",
          `2016 年工业总产值 359.15 亿元（164 家规上企业；视同规上产值）× (1 + 7.7%) = ${f2(txY)}；7.7% 为嘉兴工业增加值年均增速，借作 2016→2017 增长`,
          "S6, S11",
        ],
        L: ["公开数据推算", `2016 年建成面积 28 km² × 1500 亩/km² × 工业用地占比 45%（假设）= ${km2(28)}`, "S6, S12"],
        D: ["公开数据推算", `规划面积 85 km² × 1500 亩/km² × 工业用地占比 45%（假设）= ${km2(85)}`, "S6, S12"],
      },
    },
  ),
  park("塘汇街道工业园区", "嘉兴经开区", "退出", JX_ECON, 2019, 13.9, 650),
  park("凤桥镇工业园区", "南湖区", "分区", JX_KJC, undefined, 38.2, 1800, 2600),
  park("新丰镇工业园区", "南湖区", "保留", undefined, undefined, 22.1, 1200, 1500),
  park("王江泾镇工业园区", "秀洲区", "分区", JX_XZ, undefined, 61.9, 2600, 3000),
  park("油车港镇工业园区", "秀洲区", "退出", JX_XZ, 2019, 15.1, 900),
  park("新塍镇工业园区", "秀洲区", "退出", JX_XZ, 2020, 18.9, 1100),
  park("姚庄镇工业园区", "嘉善县", "分区", JX_JS, undefined, 78.5, 2400, 3000, { eF: 1, rd: 0.014, ht: 0.35, sei: 0.2, why: undefined }),
  park("天凝镇工业园区", "嘉善县", "退出", JX_JS, 2018, 11.2, 700),
  park("干窑镇工业园区", "嘉善县", "退出", JX_JS, 2019, 8.6, 500),
  park("新埭镇工业园区", "平湖市", "分区", JX_PH, undefined, 57.8, 2200, 2900),
  park("林埭镇工业园区", "平湖市", "退出", JX_PH, 2019, 13.7, 800),
  park("许村镇工业园区", "海宁市", "分区", JX_HN, undefined, 55.3, 2500, 3000),
  park("袁花镇工业园区", "海宁市", "退出", JX_HN, 2019, 15.4, 900),
  park("周王庙镇工业园区", "海宁市", "退出", JX_HN, 2020, 9.8, 600),
  park("沈荡镇工业园区", "海盐县", "保留", undefined, undefined, 26.3, 1300, 1600),
  park("百步镇工业园区", "海盐县", "退出", JX_HY, 2020, 7.3, 450),
  park("崇福镇工业园区", "桐乡市", "分区", JX_TX, undefined, 69.7, 2800, 3000),
  park("河山镇工业园区", "桐乡市", "保留", undefined, undefined, 31.6, 1400, 1700),
];

const LS_GROWTH = 0.103;
const LS_CORE = "丽水经济技术开发区",
  LS_JY = "缙云经济开发区",
  LS_QT = "青田经济开发区",
  LS_SC = "遂昌经济开发区",
  LS_SY = "松阳经济开发区";
const LS_LQ = "龙泉经济开发区",
  LS_QY = "庆元经济开发区",
  LS_YH = "云和经济开发区",
  LS_JN = "景宁经济开发区";
const coreV = r2(63 * (1 + LS_GROWTH) ** 5);
const coreY = r2(coreV / VA_RATIO);
const qyY = r2(62.32 / (1 + LS_GROWTH) ** 3);
const qyTaxRatio = 1.956 / 62.32;
const ljY = 41;
const lishui: Row[] = [
  main(LS_CORE, "市本级", "国家级", coreY, 17500, km2(54), { rd: 0.018, ht: 0.5, sei: 0.4 }, 3, 1, {
    V: coreV,
    notes: {
      V: ["公开数据推算", `2015 年规上工业增加值 63 亿元 × (1 + 10.3%)^5 = ${f2(coreV)}；10.3% 为丽水工业增加值年均增速`, "S8, S11"],
      Y: ["公开数据推算", `= 增加值 ${f2(coreV)} ÷ 增加值率 20.4% = ${f2(coreY)}（反推）`, "S8, S5"],
      D: [
        "公开数据推算",
        `整合后面积 54 km² × 1500 亩/km² × 工业用地占比 45%（假设）= ${km2(54)}；含丽景园、莲都工业区、空港园等整合区块`,
        "S8, S12",
      ],
    },
  }),
  main(
    "丽缙智能装备高新技术产业园区",
    "缙云县",
    "省级",
    ljY,
    1700,
    12000,
    { rd: 0.042, ht: 0.6, sei: 0.45, why: "智能装备高新园（假设）" },
    0,
    0,
    {
      notes: {
        Y: ["公开数据推算", `公开：规上产值 2019 年 30 亿元，2020 年超过 40 亿元；取 ${f2(ljY)}`, "S9"],
        R: ["公开数据推算", `= 产值 ${f2(ljY)} × 研发强度 4.2%（公开）= ${f2(ljY * 0.042)}`, "S9"],
      },
    },
  ),
  main(LS_JY, "缙云县", "省级", 140.2, 6200, 15000, { rd: 0.02 }, 2, 0),
  main(
    LS_QT,
    "青田县",
    "省级",
    176.5,
    6400,
    16000,
    { v: 0.17, eF: 1.6, rd: 0.012, ht: 0.3, why: "不锈钢等冶金产业比重高：增加值率偏低、能耗强度高（假设）" },
    1,
    1,
  ),
  main(LS_SC, "遂昌县", "省级", 88.4, 3900, 11000, { rd: 0.014, ht: 0.38 }, 1, 0),
  main(LS_SY, "松阳县", "省级", 92.7, 3800, 10500, { eF: 1.4, rd: 0.011, ht: 0.3, why: "不锈钢管产业比重高（假设）" }, 0, 0),
  main(LS_LQ, "龙泉市", "省级", 102.3, 4300, 12000, { rd: 0.016, ht: 0.42 }, 1, 0),
  main(LS_QY, "庆元县", "省级", qyY, 2600, 10200, { rd: 0.013, ht: 0.32 }, 0, 0, {
    T: r2(qyY * qyTaxRatio),
    notes: {
      Y: [
        "公开数据推算",
        `2023 年规上产值 62.32 亿元（71 家规上企业）÷ (1 + 10.3%)^3 = ${f2(qyY)}（按丽水年均增速回推到 2020 年）`,
        "S10, S11",
      ],
      T: [
        "公开数据推算",
        `= 产值 ${f2(qyY)} × 税收/产值 ${pct(qyTaxRatio)}（2023 年税收 1.956 亿 ÷ 产值 62.32 亿）= ${f2(qyY * qyTaxRatio)}`,
        "S10",
      ],
    },
  }),
  main(LS_YH, "云和县", "省级", 71.6, 2900, 10000, { rd: 0.012, ht: 0.3 }, 0, 0),
  main(LS_JN, "景宁畲族自治县", "省级", 31.6, 1500, 8500, { rd: 0.01, ht: 0.28 }, 0, 0),
  park("碧湖镇工业功能区", "莲都区", "分区", LS_CORE, undefined, 42.6, 1800, 2900),
  park("壶镇工业功能区", "缙云县", "分区", LS_JY, undefined, 57.4, 2300, 3000, { eF: 1.1, rd: 0.013, ht: 0.3 }),
  park("新建镇工业功能区", "缙云县", "退出", LS_JY, 2021, 7.4, 480),
  park("温溪镇工业功能区", "青田县", "分区", LS_QT, undefined, 46.2, 1850, 2800),
  park("船寮镇工业功能区", "青田县", "转型", LS_QT, 2022, 9.6, 640),
  park("大柘镇工业功能区", "遂昌县", "退出", LS_SC, 2021, 6.1, 400),
  park("望松街道工业功能区", "松阳县", "分区", LS_SY, undefined, 31.5, 1350, 2000),
  park("古市镇工业功能区", "松阳县", "转型", LS_SY, 2022, 8.3, 560),
  park("八都镇工业功能区", "龙泉市", "分区", LS_LQ, undefined, 22.4, 1100, 1800),
  park("上垟镇工业功能区", "龙泉市", "转型", LS_LQ, 2022, 4.9, 380),
  park("屏都街道工业功能区", "庆元县", "分区", LS_QY, undefined, 17.2, 950, 1500),
  park("崇头镇工业功能区", "云和县", "退出", LS_YH, 2021, 5.2, 340),
  park("东坑镇工业功能区", "景宁畲族自治县", "退出", LS_JN, 2022, 3.9, 300),
];

type Source = [id: string, what: string, where: string];
const SOURCES: Source[] = [
  [
    "S1",
    "方案原文：嘉政发〔2018〕15号；丽政办发〔2020〕55号（平台名称、整合框架、目标）",
    "shared/seeds/000_77f3d36d5c4632ca.txt；shared/seeds/001_4bab2172545ba7ca.txt",
  ],
  ["S2", "浙江 2017 年规上工业亩均税收 25.5 万元/亩", "http://en.drc.gov.cn/2018-11/22/content_37303881.htm"],
  [
    "S3",
    "浙江开发区 2017 年规上亩均增加值 102.6 万元/亩；全员劳动生产率 23.2 万元/人；R&D/营收 1.55%",
    "http://english.zj.gov.cn/art/2018/9/4/art_5798_2290046.html",
  ],
  ["S4", "单位能耗增加值基准 2.694 万元/吨标煤（黄岩 2022），取约 2.6", "https://www.chacewang.com/newsdetail/news430850.html"],
  ["S5", "增加值率 ≈ 20.4%（由嘉兴市 2018 年 1–9 月规上工业产值与增加值推算）", "domain.md 第 3 节（市统计数据推算，未记录网址）"],
  [
    "S6",
    "桐乡经济开发区 2016 年：工业总产值 359.15 亿元，164 家规上企业，规划 85 km²，建成 28 km²",
    "govt.chinadaily.com.cn 桐乡经济开发区简介（domain.md 未记录具体网址）",
  ],
  ["S7", "嘉善、平湖国家级经开区面积 18.2 km² / 27.5 km²", "zhejiang.chinadaily.com.cn 嘉兴页面（domain.md 未记录具体网址）"],
  ["S8", "丽水经济技术开发区：2015 年规上工业增加值 63 亿元；整合面积 54 km²", "丽水公开资料（domain.md 第 3 节，未记录具体网址）"],
  [
    "S9",
    "丽缙智能装备高新园：规上产值 2019 年 30 亿元，2020 年超过 40 亿元；研发强度约 4.2%",
    "丽水公开报道（domain.md 第 3 节，未记录具体网址）",
  ],
  ["S10", "庆元经济开发区 2023 年：71 家规上企业，产值 62.32 亿元，税收 1.956 亿元", "庆元县公开报告（domain.md 第 3 节，未记录具体网址）"],
  ["S11", "工业增加值年均增速（2017–2024）：嘉兴 ≈ 7.7%，丽水 ≈ 10.3%", "domain.md 第 4 节（校准默认值）"],
  ["S12", "工业用地占开发区面积比例 45%：本表假设，无公开平台数据", "—（假设）"],
];

interface Note {
  cell: string;
  name: string;
  field: string;
  value: number;
  kind: Kind;
  how: string;
  src: string;
}

/** The ratios and references a sample's notes cite (source ids of its own 数据来源 table). */
interface Basis {
  /** The value-added ratio the plan's platforms take unless their mix says otherwise. */
  va: number;
  vaSrc: string;
  /** The 亩均 yardstick quoted in the land note, and its sources. */
  landRef: string;
  landSrc: string;
}
const ZJ_2017: Basis = {
  va: VA_RATIO,
  vaSrc: "S5",
  landRef: "参照：全省开发区亩均增加值 102.6 ÷ 20.4% ≈ 503 万元/亩",
  landSrc: "S3, S5",
};

type Key = "D" | "L" | "Y" | "V" | "T" | "E" | "R" | "H" | "S" | "listed" | "e100" | "emp";
interface Item {
  key: Key;
  field: string;
  value: number;
  kind: Kind;
  how: string;
  src: string;
}

/** The 12 figure columns of one row, each with the note saying how it was estimated. */
function figures(row: Row, basis: Basis = ZJ_2017): Item[] {
  const m = row.mix;
  const V = row.V ?? r2(row.Y * m.v);
  const T = row.T ?? r2(V * TAX_PER_VA);
  const E = r2((V / VA_PER_TCE) * m.eF);
  const R = row.R ?? r2(row.Y * m.rd);
  const H = r2(V * m.ht),
    S = r2(row.Y * m.sei);
  const emp = Math.round((V * 1e4) / VA_PER_WORKER / 10) * 10;
  const p = Math.round((row.Y * 1e4) / row.L);
  const exiting = /退出|转/.test(row.status);
  const why = m.why ? `；${m.why}` : "";
  const rules: [Key, string, number, Kind, string, string][] = [
    [
      "D",
      "可开发空间",
      row.D,
      "假设",
      exiting
        ? "退出/转型园区不再扩展：可开发空间 = 现有工业用地"
        : row.status === "主平台"
          ? "平台级可开发空间未公开：按同类平台规划面积量级设定（整合后目标 ≥ 1 万亩）"
          : "乡镇园区可开发空间未公开：按现有用地的约 1.1–1.5 倍设定",
      "S1",
    ],
    [
      "L",
      "工业用地面积",
      row.L,
      "假设",
      `平台级工业用地未公开：按平台规模设定，对应亩均产出 ${p} 万元/亩（${basis.landRef}）`,
      basis.landSrc,
    ],
    ["Y", "规上工业产值", row.Y, "假设", "平台级规上工业产值未公开：按所在县（市、区）工业规模设定量级", "—"],
    ["V", "规上工业增加值", V, "比例推算", `= 产值 ${f2(row.Y)} × 增加值率 ${pct(m.v)}${m.v === basis.va ? "" : why}`, basis.vaSrc],
    ["T", "税收", T, "比例推算", `= 增加值 ${f2(V)} × 25.5 ÷ 102.6（全省规上亩均税收 ÷ 开发区亩均增加值 ≈ 0.249）`, "S2, S3"],
    [
      "E",
      "能耗",
      E,
      "比例推算",
      `= 增加值 ${f2(V)} 亿元 ÷ 2.6 万元/吨标煤${m.eF === 1 ? "" : ` × 行业系数 ${m.eF}${why}`}；平台能耗未公开`,
      "S4",
    ],
    [
      "R",
      "研发投入",
      R,
      "比例推算",
      `= 产值 ${f2(row.Y)} × ${pct(m.rd)}${m.rd === 0.0155 ? "（全省开发区 R&D/营收）" : "（以全省开发区 1.55% 为基准按平台类型调整，假设）"}`,
      "S3",
    ],
    ["H", "高新技术产业增加值", H, "假设", `= 增加值 ${f2(V)} × ${pct(m.ht)}（平台高新技术产业占比未公开，假设）`, "—"],
    ["S", "战略性新兴产业产值", S, "假设", `= 产值 ${f2(row.Y)} × ${pct(m.sei)}（平台战新产业占比未公开，假设）`, "—"],
    ["listed", "上市公司", row.listed, "假设", "示意值：未核对企业名录", "—"],
    ["e100", "百亿企业", row.e100, "假设", "示意值：未核对企业名录", "—"],
    ["emp", "从业人员", emp, "比例推算", `= 增加值 ${f2(V)} 亿元 ÷ 全员劳动生产率 23.2 万元/人，取整到十位`, "S3"],
  ];
  return rules.map(([key, field, value, kind, how, src]): Item => {
    const own = key === "E" || key === "H" || key === "S" || key === "e100" || key === "emp" ? undefined : row.notes?.[key];
    return own ? { key, field, value, kind: own[0], how: own[1], src: own[2] } : { key, field, value, kind, how, src };
  });
}

/**
 * A platform's earlier years, newest first in `steps`: [output growth, land growth] into the following year.
 * Each earlier year is the following one deflated by its growth, rounded as the sheet shows it.
 */
function withHistory(row: Row, base: number, steps: [number, number][], src: string): Row {
  const past: Past[] = [];
  let [Y, L] = [row.Y, row.L];
  steps.forEach(([gY, gL], k) => {
    const year = base - 1 - k;
    const [y, l] = [r2(Y / (1 + gY)), Math.round(L / (1 + gL))];
    past.unshift({
      year,
      Y: y,
      L: l,
      notes: {
        Y: ["假设", `= ${year + 1} 年产值 ${f2(Y)} ÷ (1 + ${pct(gY)})；平台历年产值未公开，按假设的年增速回推`, src],
        L: [
          "假设",
          gL === 0
            ? `= ${year + 1} 年用地 ${L}（假设当年未新增工业用地）`
            : `= ${year + 1} 年用地 ${L} ÷ (1 + ${pct(gL)})，取整；平台历年用地未公开，按假设的年增量回推`,
          src,
        ],
      },
    });
    [Y, L] = [y, l];
  });
  return { ...row, past };
}

/** The row of one earlier year: its own output and land; ratios as in the base year, anchored figures dropped. */
function pastRow(row: Row, p: Past): Row {
  const notes: Row["notes"] = { ...(row.notes?.D ? { D: row.notes.D } : {}), ...p.notes };
  return { ...row, Y: p.Y, L: p.L, V: undefined, T: undefined, R: undefined, notes };
}

/** A data line of the platform sheet: its cells, and the notes of its figure cells by column (1-based). */
interface Line {
  values: (string | number | null)[];
  notes: { col: number; name: string; item: Item }[];
}
interface Block {
  lines: Line[];
  /** Label of the total row under the block. */
  total: string;
  /** How the 说明 sheet describes that total row. */
  totalHow: string;
}
interface Table {
  headers: string[];
  widths: number[];
  formats: string[];
  /** 1-based columns of 级别 and 整合类型 (list validation) and the first column that is summed. */
  levelCol: number;
  statusCol: number;
  firstSum: number;
  statuses: string;
  blocks: Block[];
}

const TEXT_HEADERS = ["平台名称", "所在县（市、区）", "级别", "整合类型", "整合去向", "退出年份"];
const FIGURE_HEADERS: Record<Key, [string, number, string]> = {
  D: ["可开发空间（亩）", 13, "0"],
  L: ["工业用地面积（亩）", 13, "0"],
  Y: ["规上工业产值（亿元）", 13, "0.00"],
  V: ["规上工业增加值（亿元）", 13, "0.00"],
  T: ["税收（亿元）", 11, "0.00"],
  E: ["能耗（万吨标煤）", 12, "0.00"],
  R: ["研发投入（亿元）", 12, "0.00"],
  H: ["高新技术产业增加值（亿元）", 14, "0.00"],
  S: ["战略性新兴产业产值（亿元）", 14, "0.00"],
  listed: ["上市公司（家）", 10, "0"],
  e100: ["百亿企业（家）", 10, "0"],
  emp: ["从业人员（人）", 12, "0"],
};
const KEYS = Object.keys(FIGURE_HEADERS) as Key[];
const STATUSES = '"主平台,分区,保留,退出,转型"';

const textCells = (row: Row) => [row.name, row.county, row.level, row.status, row.to ?? null, row.year ?? null];
const noted = (first: number, items: Item[], name: string, field = (i: Item) => i.field) =>
  items.map((item, k) => ({ col: first + k, name, item: { ...item, field: field(item) } }));

/** One row per platform, one year: 平台名称 … 从业人员 (the jiaxing and lishui samples). */
function singleTable(rows: Row[], basis?: Basis, statuses = STATUSES): Table {
  return {
    headers: [...TEXT_HEADERS, ...KEYS.map((k) => FIGURE_HEADERS[k][0])],
    widths: [34, 16, 9, 10, 30, 10, ...KEYS.map((k) => FIGURE_HEADERS[k][1])],
    formats: ["@", "@", "@", "@", "@", "0", ...KEYS.map((k) => FIGURE_HEADERS[k][2])],
    levelCol: 3,
    statusCol: 4,
    firstSum: 7,
    statuses,
    blocks: [
      {
        lines: rows.map((row) => {
          const items = figures(row, basis);
          return { values: [...textCells(row), ...items.map((i) => i.value)], notes: noted(7, items, row.name) };
        }),
        total: "合计",
        totalHow: "SUM 公式：所有行（含分区、保留、退出/转型）的简单合计；主平台行仅为主平台本身，不含其分区",
      },
    ],
  };
}

/** Wide: 工业用地面积 and 规上工业产值 once per year ("2015年规上工业产值（亿元）"), the other columns for the base year only. */
function wideTable(rows: Row[], base: number, basis: Basis, statuses: string): Table {
  const years = rows[0].past!.map((p) => p.year);
  const yearly = (k: "L" | "Y") => [...years, base].map((y) => `${y}年${FIGURE_HEADERS[k][0]}`);
  const rest = KEYS.filter((k) => k !== "D" && k !== "L" && k !== "Y");
  const n = years.length + 1;
  return {
    headers: [...TEXT_HEADERS, FIGURE_HEADERS.D[0], ...yearly("L"), ...yearly("Y"), ...rest.map((k) => FIGURE_HEADERS[k][0])],
    widths: [34, 16, 9, 12, 30, 10, 13, ...Array<number>(2 * n).fill(13), ...rest.map((k) => FIGURE_HEADERS[k][1])],
    formats: [
      "@",
      "@",
      "@",
      "@",
      "@",
      "0",
      "0",
      ...Array<string>(n).fill("0"),
      ...Array<string>(n).fill("0.00"),
      ...rest.map((k) => FIGURE_HEADERS[k][2]),
    ],
    levelCol: 3,
    statusCol: 4,
    firstSum: 7,
    statuses,
    blocks: [
      {
        lines: rows.map((row) => {
          const now = figures(row, basis);
          const by = (k: Key, items: Item[]) => items.find((i) => i.key === k)!;
          const then = row.past!.map((p) => ({ year: p.year, items: figures(pastRow(row, p), basis) }));
          const cells: { item: Item; year?: number }[] = [
            { item: by("D", now) },
            ...then.map((t) => ({ item: by("L", t.items), year: t.year })),
            { item: by("L", now), year: base },
            ...then.map((t) => ({ item: by("Y", t.items), year: t.year })),
            { item: by("Y", now), year: base },
            ...rest.map((k) => ({ item: by(k, now) })),
          ];
          return {
            values: [...textCells(row), ...cells.map((c) => c.item.value)],
            notes: cells.map((c, k) => ({
              col: 7 + k,
              name: row.name,
              item: { ...c.item, field: c.year ? `${c.year}年${c.item.field}` : c.item.field },
            })),
          };
        }),
        total: "合计",
        totalHow: "SUM 公式：所有行（含整合托管、保留提升、逐步退出、转为创新型）的简单合计，逐年各列分别合计；主平台行不含其托管园区",
      },
    ],
  };
}

/** Long: a 年份 column, one row per platform and year, a block of rows and a 合计 row per year. */
function longTable(rows: Row[], base: number, basis: Basis, statuses: string): Table {
  const years = [...rows[0].past!.map((p) => p.year), base];
  return {
    headers: [TEXT_HEADERS[0], "年份", ...TEXT_HEADERS.slice(1), ...KEYS.map((k) => FIGURE_HEADERS[k][0])],
    widths: [34, 8, 16, 9, 10, 30, 10, ...KEYS.map((k) => FIGURE_HEADERS[k][1])],
    formats: ["@", "0", "@", "@", "@", "@", "0", ...KEYS.map((k) => FIGURE_HEADERS[k][2])],
    levelCol: 4,
    statusCol: 5,
    firstSum: 8,
    statuses,
    blocks: years.map((year) => ({
      lines: rows.map((row) => {
        const p = row.past!.find((q) => q.year === year);
        const items = figures(p ? pastRow(row, p) : row, basis);
        const [name, ...text] = textCells(row);
        return {
          values: [name, year, ...text, ...items.map((i) => i.value)],
          notes: noted(8, items, row.name, (i) => `${year}年${i.field}`),
        };
      }),
      total: `${year}年合计`,
      totalHow: `SUM 公式：${year} 年各行（含分区、保留、退出/转型）的简单合计`,
    })),
  };
}

const thin = { style: "thin" as const, color: { argb: "FFB7B7B7" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const col = (c: number) => String.fromCharCode(64 + c);

/**
 * How a sample sheet prints, as ParkPlan's result sheets do (src/workbook/results/print.ts): A4 landscape,
 * one page wide, narrow side margins, the sheet's title centred in the page header and its name at the
 * right, page numbers in the footer; `repeatRow` (1-based) on every page. Only the samples get this: a
 * user's own sheets are never rewritten.
 */
function printLikeResults(ws: ExcelJS.Worksheet, title: string, repeatRow?: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...PRINT_MARGINS },
    ...(repeatRow ? { printTitlesRow: `${repeatRow}:${repeatRow}` } : {}),
  };
  const hf = pageHeaderFooter({ orientation: "landscape", paper: "A4", fitToWidth: true, title, footer: pageNumbers(words("both")) });
  ws.headerFooter = { ...ws.headerFooter, oddHeader: `&C${hf.center}&R${hf.right}`, oddFooter: `&C${hf.footer}` };
}

/**
 * Column widths and row heights that print one page wide at 8 pt or more, as the result sheets do
 * (results/layout.ts): headers on up to three lines, text columns wrapped at NAME_WRAP units (a long name
 * on two lines), number columns as wide as their longest figure. Returns the widths.
 */
function fitForPrint(ws: ExcelJS.Worksheet, table: Table, lastRow: number): number[] {
  const shown = (v: ExcelJS.CellValue, fmt: string): string => {
    const x = v !== null && typeof v === "object" && "result" in v ? v.result : v;
    if (typeof x === "number") return fmt === "0.00" ? x.toFixed(2) : String(Math.round(x));
    return x === null || x === undefined ? "" : String(x);
  };
  const widths = table.headers.map((header, k) => {
    let w = headerWidth(header);
    for (let r = 4; r <= lastRow; r++) {
      const text = shown(ws.getCell(r, k + 1).value, table.formats[k]);
      // A bold total's digits are wider: one unit more (LibreOffice shows ### otherwise).
      w = Math.max(w, table.formats[k] === "@" ? Math.min(NAME_WRAP, textWidth(text)) : text.length + 1);
    }
    return Math.max(6, w + 2);
  });
  widths.forEach((w, k) => (ws.getColumn(k + 1).width = w));
  ws.getRow(3).height = headerHeight(Math.max(...table.headers.map((h, k) => headerLines(h, widths[k]))));
  for (let r = 4; r <= lastRow; r++) {
    let lines = 1;
    table.formats.forEach((fmt, k) => {
      if (fmt !== "@") return;
      const cell = ws.getCell(r, k + 1);
      const text = shown(cell.value, fmt);
      if (textWidth(text) <= widths[k] - 2) return;
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: "middle" };
      lines = Math.max(lines, headerLines(text, widths[k]));
    });
    if (lines > 1) ws.getRow(r).height = headerHeight(lines);
  }
  return widths;
}

/** Writes the platform sheet; returns the notes of every figure cell and the 说明 lines of the total rows. */
function platformSheet(wb: ExcelJS.Workbook, title: string, table: Table, footnote: string): { notes: Note[]; totals: string[][] } {
  const { headers } = table;
  const ws = wb.addWorksheet("平台基本情况", { views: [{ state: "frozen", xSplit: 1, ySplit: 3 }] });
  ws.columns = table.widths.map((width, k) => ({ width, style: { numFmt: table.formats[k] } }));
  ws.mergeCells(1, 1, 1, headers.length);
  Object.assign(ws.getCell("A1"), { value: title, font: { bold: true, size: 14 }, alignment: { horizontal: "center" } });
  ws.getRow(1).height = 24;
  ws.getCell("A2").value = "单位：亿元、亩、万吨标煤";
  const head = ws.getRow(3);
  head.values = headers;
  head.height = 36;
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = box;
  });
  const notes: Note[] = [];
  const totals: string[][] = [];
  let n = 4;
  for (const block of table.blocks) {
    const first = n;
    for (const line of block.lines) {
      ws.getRow(n).values = line.values;
      ws.getRow(n).eachCell({ includeEmpty: true }, (c) => (c.border = box));
      ws.getCell(n, table.levelCol).dataValidation = { type: "list", allowBlank: true, formulae: ['"国家级,省级,市级,县级,乡镇"'] };
      ws.getCell(n, table.statusCol).dataValidation = { type: "list", allowBlank: false, formulae: [table.statuses] };
      for (const { col: c, name, item } of line.notes) {
        notes.push({ cell: `${col(c)}${n}`, name, field: item.field, value: item.value, kind: item.kind, how: item.how, src: item.src });
      }
      n++;
    }
    const last = n - 1;
    ws.getCell(n, 1).value = block.total;
    for (let c = table.firstSum; c <= headers.length; c++) {
      const sum = block.lines.reduce((s, _l, k) => s + Number(ws.getCell(first + k, c).value), 0);
      const whole = table.formats[c - 1] === "0";
      ws.getCell(n, c).value = { formula: `SUM(${col(c)}${first}:${col(c)}${last})`, result: whole ? Math.round(sum) : r2(sum) };
    }
    ws.getRow(n).eachCell({ includeEmpty: true }, (c) =>
      Object.assign(c, { font: { bold: true }, border: { ...box, top: { style: "medium" } } }),
    );
    totals.push([`${col(table.firstSum)}${n}:${col(headers.length)}${n}`, block.total, block.totalHow]);
    n++;
  }
  const widths = fitForPrint(ws, table, n - 1);
  ws.mergeCells(n, 1, n, headers.length);
  Object.assign(ws.getCell(n, 1), {
    value: footnote,
    alignment: { wrapText: true, vertical: "top" },
    font: { size: 9, italic: true },
  });
  // The footnote's lines across the merged width (9 pt: about 0.8 of a width unit per unit of text, 12 pt a line).
  const across = widths.reduce((a, b) => a + b, 0);
  ws.getRow(n).height = Math.max(2, Math.ceil((textWidth(footnote) * 0.8) / across)) * 12 + 6;
  printLikeResults(ws, title, 3);
  return { notes, totals };
}

function notesSheet(wb: ExcelJS.Workbook, title: string, general: string[], sources: Source[], notes: Note[], totals: string[][]): void {
  const ws = wb.addWorksheet("说明", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [10, 30, 18, 12, 14, 70, 40].map((width) => ({ width }));
  ws.mergeCells("A1:G1");
  Object.assign(ws.getCell("A1"), { value: title, font: { bold: true, size: 14 } });
  const line = (text: string, bold = false) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, 7);
    Object.assign(ws.getCell(row.number, 1), { font: { bold }, alignment: { wrapText: true, vertical: "top" } });
    row.height = Math.max(16, Math.ceil(text.length / 90) * 16);
  };
  const header = (values: string[]) => {
    const row = ws.addRow(values);
    row.eachCell((c) =>
      Object.assign(c, { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } }, border: box }),
    );
  };
  line("一、总体说明", true);
  general.forEach((g) => line(g));
  ws.addRow([]);
  line("二、数据来源", true);
  header(["编号", "内容", "", "", "", "", "来源 / 网址"]);
  for (const [id, what, where] of sources) {
    const row = ws.addRow([id, what, null, null, null, null, where]);
    ws.mergeCells(row.number, 2, row.number, 6);
    row.getCell(2).alignment = { wrapText: true };
  }
  const printed = ws.rowCount;
  ws.addRow([]);
  line("三、逐格估算说明（'平台基本情况' 表）", true);
  header(["单元格", "平台名称", "指标", "数值", "性质", "估算方法", "依据（见上表编号）"]);
  for (const n of notes) {
    const row = ws.addRow([n.cell, n.name, n.field, n.value, `估算（${n.kind}）`, n.how, n.src]);
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
    row.getCell(4).numFmt = Number.isInteger(n.value) ? "0" : "0.00";
  }
  for (const [range, label, how] of totals) ws.addRow([range, label, "各列合计", null, "公式", how, "—"]);
  printLikeResults(ws, title);
  // The handout carries 一 and 二 (every figure is an estimate; the sources); 三, the cell-by-cell table of
  // some 300 rows (five A4 pages), is read on screen: clear the print area to print it too.
  // exceljs writes '说明'!$<first>:$<last>: "A$1" makes it $A$1 (LibreOffice ignores a half-absolute $A1).
  ws.pageSetup.printArea = `A$1:G$${printed}`;
}

/** Zip entry dates: exceljs (JSZip) stamps entries with the current time; overwrite them with a fixed date. */
function fixZipDates(buf: Buffer, date: Date): Buffer {
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = buf.readUInt16LE(eocd + 10); k > 0; k--) {
    buf.writeUInt16LE(0, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    buf.writeUInt16LE(0, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

const FOOTNOTE =
  "注：平台级数据未公开发布，表中各数值均为依据公开资料与比例关系的估算或示意值（非统计数据）；整合类型、整合去向、退出年份为按方案规则所作的示意安排。逐格估算方法与来源见'说明'表。";

async function writeSample(
  file: string,
  date: string,
  title: string,
  table: Table,
  general: string[],
  scenario: object,
  sources: Source[] = SOURCES,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const when = new Date(`${date}T00:00:00Z`);
  Object.assign(wb, { creator: "ParkPlan", lastModifiedBy: "ParkPlan", created: when, modified: when });
  const { notes, totals } = platformSheet(wb, title, table, FOOTNOTE);
  notesSheet(wb, `${title.replace("基本情况表", "数据说明")}`, general, sources, notes, totals);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(join(OUT, `${file}.xlsx`), fixZipDates(buf, when));
  writeFileSync(join(OUT, `${file}.scenario.json`), `${JSON.stringify(scenario, null, 2)}\n`);
}

const COMMON = [
  "本表为 ParkPlan 的示例数据，供演示和测试使用。开发区（园区）层面的产值、用地、税收、能耗等数据未见公开统计，表中所有数值均为估算：少数锚定于公开数据（见下表 S2–S10），其余按比例关系推算或按平台规模假设。请勿将其作为统计数据引用。",
  "比例关系：增加值 = 产值 × 20.4%（部分平台按产业调整）；税收 = 增加值 × 25.5/102.6；能耗 = 增加值 ÷ 2.6 万元/吨标煤（× 行业系数）；研发投入 = 产值 × 约 1.55%；从业人员 = 增加值 ÷ 23.2 万元/人。面积换算：1 km² = 1500 亩。",
  "量级参照：浙江开发区 2017 年亩均增加值 102.6 万元/亩、全省规上亩均税收 25.5 万元/亩。本表平台多数低于此水平，与两份方案提出的亩均产出 500 万元/亩（嘉兴 2020）、亩均增加值 120 万元/亩与亩均税收 30 万元/亩（丽水 2025，约为 2020 年的 2 倍）等目标所隐含的差距相一致。",
  "主平台行仅为主平台本身；分区行单独列出，由模型汇总到其主平台（整合去向）。退出、转型行的整合去向为其外迁产能的承接平台。",
];

mkdirSync(OUT, { recursive: true });
await writeSample(
  "jiaxing-2017",
  "2018-06-08",
  "嘉兴市工业平台基本情况表（2017年）",
  singleTable(jiaxing),
  [
    ...COMMON,
    "平台名单：以嘉政发〔2018〕15号为框架（每县 1–2 个重大平台；镇（街道）工业园区作为分区纳入或退出，每县退出 ≥ 30%）。主平台名称为公开名称；镇（街道）工业园区按所在镇（街道）命名，其整合类型与退出年份为示意，并非各县实际方案。嘉兴经开区、嘉兴港区作为市本级功能区单列。",
    "按示意安排，嘉兴经开区、秀洲区、嘉善县、海宁市、海盐县的退出比例 ≥ 30%；嘉兴港区、南湖区、平湖市、桐乡市不足 30%（用于检验 JX-13）。",
  ],
  {
    name: "嘉兴 2020 攻坚方案",
    baseYear: 2017,
    horizon: [2018, 2019, 2020],
    targets: "jiaxing-2020",
    growth: { mean: 0.077, sd: 0.045, correlation: 0.5 },
    land: { quota: 6000, strategy: "main-only", lagYears: 1 },
    energy: { intensityDecline: 0.0366 },
    exits: { relocationShare: 0.5 },
    monteCarlo: { runs: 1000, seed: "jiaxing" },
  },
);
await writeSample(
  "lishui-2020",
  "2020-08-20",
  "丽水市产业平台基本情况表（2020年）",
  singleTable(lishui),
  [
    ...COMMON,
    "平台名单：以丽政办发〔2020〕55号的 10 个主体平台（“一心两翼三片区”）为框架：一心 = 丽水经济技术开发区（市本级，含丽景园、莲都工业区、空港园等整合区块）；两翼 = 丽缙智能装备高新园与缙云经济开发区（北翼）、青田经济开发区（南翼）；三片区 = 遂松（遂昌、松阳）、龙庆（龙泉、庆元）、云景（云和、景宁）。",
    "丽水平台级的增加值率、税收与能耗比例未见公开，沿用嘉兴增加值率 20.4% 与浙江 2017 年的比例关系（庆元税收除外）；丽水 2020 年的实际比例可能不同。",
    "乡镇工业功能区（方案称全市 68 个）仅列 13 个示例，按所在乡镇（街道）命名；合并（分区）、转型、撤销（退出）的安排与年份为示意，并非实际方案。缙云县按方案列两个主体平台，与“每县原则上保留 1 个”并存。",
  ],
  {
    name: "丽水 2025 整合提升方案",
    baseYear: 2020,
    horizon: [2021, 2022, 2023, 2024, 2025],
    targets: "lishui-2025",
    growth: { mean: 0.103, sd: 0.032, correlation: 0.5 },
    land: { quota: 3000, strategy: "merit", lagYears: 1 },
    energy: { intensityDecline: 0.0343 },
    exits: { relocationShare: 0.5 },
    monteCarlo: { runs: 1000, seed: "lishui" },
  },
);
// ---- 杭州 2017 (wide: 2015–2017 land and output), 嘉定 2016/2017 (long), 金华 2020 (one year) ----

/** The sources the three later samples share: the province's ratios, as S2–S5 of the first two. */
const RATIO_SOURCES = SOURCES.filter(([id]) => ["S2", "S3", "S4", "S5"].includes(id));
const HZ_STATUSES = '"主平台,整合托管型,保留提升型,逐步退出型,转为创新型"';

const HZ_BASE = 2017;
const HZ_ECON = "杭州经济技术开发区",
  HZ_HT = "杭州高新技术产业开发区（滨江）",
  HZ_XS = "萧山经济技术开发区",
  HZ_YH = "杭州余杭经济技术开发区",
  HZ_DJD = "杭州大江东产业集聚区";
const HZ_FY = "富阳经济技术开发区",
  HZ_LA = "临安经济开发区",
  HZ_TL = "桐庐经济开发区",
  HZ_JD = "建德经济开发区";
/** Output and land growth into 2017 and into 2016 ([output, land] per step, newest first). */
const hz = (row: Row, into2017: [number, number], into2016: [number, number]) => withHistory(row, HZ_BASE, [into2017, into2016], "S10");
const yhY = 503.6,
  yhV = 315 / 1060;
const hzParks = (
  name: string,
  county: string,
  status: Status,
  to: string | undefined,
  year: number | undefined,
  Y: number,
  L: number,
  D?: number,
  mix: Partial<Mix> = {},
) => park(name, county, status, to, year, Y, L, D ?? L, mix);
const hangzhou: Row[] = [
  hz(
    main(HZ_ECON, HZ_ECON, "国家级", 1718.6, km2(104.7, 0.25), km2(104.7, 0.32), { rd: 0.02, ht: 0.55, sei: 0.45 }, 8, 3, {
      notes: {
        Y: ["假设", "平台 2017 年规上产值未公开：量级参照 2010 年工业总产值 1328.62 亿元（H6）按年均约 4% 外推", "S6"],
        L: [
          "公开数据推算",
          `行政管辖面积 104.7 km² × 1500 亩/km² × 工业用地占比 25%（含高教园区与城区，假设）= ${km2(104.7, 0.25)}`,
          "S6, S11",
        ],
        D: ["公开数据推算", `行政管辖面积 104.7 km² × 1500 亩/km² × 32%（假设）= ${km2(104.7, 0.32)}`, "S6, S11"],
      },
    }),
    [0.078, 0.012],
    [0.064, 0.015],
  ),
  hz(
    main(
      HZ_HT,
      "滨江区",
      "国家级",
      1286.4,
      13800,
      18000,
      { v: 0.26, rd: 0.045, ht: 0.75, sei: 0.6, why: "数字经济、电子信息为主，增加值率偏高（假设）" },
      12,
      2,
    ),
    [0.115, 0.02],
    [0.102, 0.025],
  ),
  hz(
    main(HZ_XS, "萧山区", "国家级", 986.3, km2(110, 0.22), km2(110, 0.3), { rd: 0.017, ht: 0.46, sei: 0.36 }, 6, 2, {
      notes: {
        L: ["公开数据推算", `总面积 110 km² × 1500 亩/km² × 工业用地占比 22%（假设）= ${km2(110, 0.22)}`, "S7, S11"],
        D: ["公开数据推算", `总面积 110 km² × 1500 亩/km² × 30%（假设）= ${km2(110, 0.3)}`, "S7, S11"],
      },
    }),
    [0.069, 0.01],
    [0.058, 0.012],
  ),
  hz(
    main(HZ_YH, "余杭区", "国家级", yhY, 15600, 21000, { v: r3(yhV), rd: 0.024, ht: 0.52, sei: 0.42, why: undefined }, 24, 0, {
      notes: {
        listed: ["公开数据推算", "公开：上市企业 24 家（2018 年报道）", "S9"],
        Y: ["公开数据推算", `2017 年底规模工业产值“突破 500 亿元”：取 ${f2(yhY)}`, "S8"],
        V: [
          "公开数据推算",
          `= 产值 ${f2(yhY)} × 增加值率 ${pct(r3(yhV))}（2021 年规模工业增加值 315 亿 ÷ 产值 1060 亿，借作 2017 年比例）= ${f2(r2(yhY * r3(yhV)))}`,
          "S8",
        ],
      },
    }),
    [0.104, 0.03],
    [0.091, 0.035],
  ),
  hz(
    main(
      HZ_DJD,
      "大江东产业集聚区",
      "省级",
      812.5,
      30500,
      60000,
      { eF: 1.2, rd: 0.016, ht: 0.42, sei: 0.4, why: "汽车、新材料等重型制造比重较高（假设）" },
      2,
      1,
    ),
    [0.118, 0.04],
    [0.096, 0.045],
  ),
  hz(
    main(
      HZ_FY,
      "富阳区",
      "省级",
      452.7,
      17800,
      26000,
      { v: 0.19, eF: 1.4, rd: 0.013, ht: 0.33, sei: 0.22, why: "造纸、金属加工等传统产业比重较高（假设）" },
      3,
      0,
    ),
    [0.057, 0.008],
    [0.051, 0.01],
  ),
  hz(main(HZ_LA, "临安区", "省级", 268.4, 11600, 16000, { rd: 0.019, ht: 0.48, sei: 0.35 }, 2, 0), [0.087, 0.015], [0.079, 0.02]),
  hz(main(HZ_TL, "桐庐县", "省级", 186.9, 8900, 12000, { rd: 0.014, ht: 0.36 }, 1, 0), [0.072, 0.01], [0.066, 0.012]),
  hz(
    main(HZ_JD, "建德市", "省级", 172.3, 9400, 13000, { eF: 1.5, rd: 0.013, ht: 0.34, sei: 0.25, why: "化工、建材比重较高（假设）" }, 1, 0),
    [0.061, 0.008],
    [0.055, 0.01],
  ),
  hz(hzParks("瓜沥镇工业功能区", "萧山区", "整合托管型", HZ_XS, undefined, 126.4, 5600, 6500), [0.066, 0.01], [0.059, 0.01]),
  hz(hzParks("临浦镇工业功能区", "萧山区", "保留提升型", undefined, undefined, 64.2, 3100, 3600), [0.058, 0.005], [0.052, 0.005]),
  hz(hzParks("党湾镇工业功能区", "萧山区", "逐步退出型", HZ_XS, 2019, 18.6, 1300), [0.051, 0], [0.05, 0]),
  hz(hzParks("仁和街道工业功能区", "余杭区", "整合托管型", HZ_YH, undefined, 88.5, 3900, 4800), [0.089, 0.015], [0.082, 0.015]),
  hz(hzParks("塘栖镇工业功能区", "余杭区", "保留提升型", undefined, undefined, 52.3, 2500, 3000), [0.071, 0.008], [0.064, 0.008]),
  hz(hzParks("瓶窑镇工业功能区", "余杭区", "逐步退出型", HZ_YH, 2020, 14.8, 950), [0.053, 0], [0.05, 0]),
  hz(hzParks("新登镇工业功能区", "富阳区", "整合托管型", HZ_FY, undefined, 61.7, 3200, 3800, { eF: 1.4 }), [0.055, 0.006], [0.05, 0.006]),
  hz(
    hzParks("场口镇工业功能区", "富阳区", "逐步退出型", HZ_FY, 2019, 12.4, 900, undefined, {
      eF: 1.8,
      why: "造纸企业集中，能耗强度高（假设）",
    }),
    [0.05, 0],
    [0.052, 0],
  ),
  hz(hzParks("锦北街道工业功能区", "临安区", "整合托管型", HZ_LA, undefined, 33.6, 1700, 2100), [0.078, 0.01], [0.07, 0.01]),
  hz(hzParks("於潜镇工业功能区", "临安区", "逐步退出型", HZ_LA, 2020, 9.7, 700), [0.052, 0], [0.05, 0]),
  hz(hzParks("分水镇工业功能区", "桐庐县", "保留提升型", undefined, undefined, 28.9, 1500, 1800), [0.063, 0.006], [0.06, 0.006]),
  hz(hzParks("横村镇工业功能区", "桐庐县", "整合托管型", HZ_TL, undefined, 21.3, 1100, 1300), [0.06, 0.005], [0.057, 0.005]),
  hz(hzParks("乾潭镇工业功能区", "建德市", "逐步退出型", HZ_JD, 2019, 8.2, 600, undefined, { eF: 1.6 }), [0.05, 0], [0.051, 0]),
  hz(
    hzParks("半山街道工业功能区", "拱墅区", "转为创新型", HZ_ECON, 2019, 24.5, 1400, undefined, { rd: 0.02, ht: 0.3, sei: 0.15 }),
    [0.052, 0],
    [0.05, 0],
  ),
  hz(
    hzParks("石桥街道工业功能区", "下城区", "转为创新型", HZ_ECON, 2020, 16.3, 1000, undefined, { rd: 0.018, ht: 0.28, sei: 0.12 }),
    [0.05, 0],
    [0.053, 0],
  ),
  hz(
    hzParks("三墩镇工业功能区", "西湖区", "转为创新型", HZ_HT, 2020, 19.8, 1150, undefined, { rd: 0.022, ht: 0.32, sei: 0.16 }),
    [0.055, 0],
    [0.05, 0],
  ),
];

const HZ_SOURCES: Source[] = [
  [
    "S1",
    "方案原文：杭政办函〔2017〕127号（四类平台：整合托管型、转为创新型、保留提升型、逐步退出型；两底线两降低四提升）",
    "shared/seeds/002_54db4878fe846f88.txt",
  ],
  ...RATIO_SOURCES,
  [
    "S6",
    "杭州经济技术开发区：1993 年国家级；行政管辖面积 104.7 km²；2010 年工业总产值 1328.62 亿元",
    "https://gd.huaxia.com/c/2011/07/26/693185.shtml",
  ],
  [
    "S7",
    "萧山经济技术开发区：国家级，总面积 110 km²，规上工业企业 210 家（年份未注明）",
    "http://s.www.hbzqbyyxgs.com/citiao/160466.html（百科转载）",
  ],
  [
    "S8",
    "杭州余杭经济技术开发区：2017 年底规模工业产值突破 500 亿元、财政总收入突破 50 亿元；2021 年规模工业总产值约 1060 亿元、增加值 315 亿元",
    "http://zjrb.zjol.com.cn/html/2018-11/27/content_3183680.htm；杭州日报 2022-01-11（人民网转载）",
  ],
  ["S9", "余杭经济技术开发区 2018 年报道：上市企业 24 家，产值过 10 亿元企业 10 家", "https://zj.cnipai.com/news/detail/199898.html"],
  [
    "S10",
    "平台历年产值、用地未公开：2015→2016→2017 年产值年增速按 5%–12% 假设（国家级、集聚区偏高，乡镇园区偏低），用地年增 0–4.5%，退出/转型园区不新增用地；量级参照浙江工业增加值年均增速 ≈ 8.5% ± 3.1 个百分点",
    "domain.md 第 4 节（假设）",
  ],
  ["S11", "工业用地占开发区行政/规划面积的比例（22%–32%）：本表假设，无公开平台数据", "—（假设）"],
];

const JD_BASE = 2017;
const JD_AUTO = "上海国际汽车城（安亭）",
  JD_IND = "嘉定工业区",
  JD_NEW = "嘉定新城";
const jd = (row: Row, gY: number, gL: number) => withHistory(row, JD_BASE, [[gY, gL]], "S10");
const jdIndY = r2(1223.7 / 1.034),
  jdIndT = r2(67.6 / 1.076);
const jiading: Row[] = [
  jd(
    main(
      JD_AUTO,
      "安亭镇",
      "市级",
      2450.6,
      42000,
      km2(98, 0.38),
      { v: 0.19, eF: 0.8, rd: 0.022, ht: 0.4, sei: 0.12, why: "整车与零部件为主（假设）" },
      4,
      5,
      {
        notes: {
          Y: [
            "假设",
            "平台产值未公开：全区汽车产业 2020 年规上产值 3676.1 亿元（全口径，占全区 68.8%，S11），汽车城取其中约 2/3 并按 2017 年量级设定",
            "S11",
          ],
          D: ["公开数据推算", `规划面积 98 km² × 1500 亩/km² × 工业用地占比 38%（假设）= ${km2(98, 0.38)}`, "S11, S12"],
        },
      },
    ),
    0.124,
    0.015,
  ),
  jd(
    main(JD_IND, "嘉定工业区", "市级", jdIndY, 26500, 34000, { rd: 0.02, ht: 0.42, sei: 0.3 }, 5, 3, {
      T: jdIndT,
      notes: {
        Y: ["公开数据推算", `2018 年 179 家规上工业企业总产值 1223.7 亿元，同比增长 3.4%：2017 年 = 1223.7 ÷ 1.034 = ${f2(jdIndY)}`, "S6"],
        T: ["公开数据推算", `2018 年第二产业税收 67.6 亿元 ÷ (1 + 7.6%)（税收总额增速）= ${f2(jdIndT)}`, "S6"],
      },
    }),
    0.046,
    0.01,
  ),
  jd(main(JD_NEW, "马陆镇", "县级", 426.3, 11800, 16000, { rd: 0.024, ht: 0.5, sei: 0.38 }, 3, 0), 0.083, 0.02),
  jd(
    park("菊园新区工业区块", "菊园新区", "分区", JD_NEW, undefined, 94.7, 3200, 3800, {
      eF: 1,
      rd: 0.016,
      ht: 0.35,
      sei: 0.3,
      why: undefined,
    }),
    0.071,
    0.01,
  ),
  jd(
    park("外冈镇汽车零部件区块", "外冈镇", "分区", JD_AUTO, undefined, 162.4, 5400, 6500, {
      eF: 1,
      rd: 0.015,
      ht: 0.3,
      sei: 0.1,
      why: undefined,
    }),
    0.097,
    0.012,
  ),
  jd(
    park("南翔镇104工业区块", "南翔镇", "保留", undefined, undefined, 368.2, 9600, 10500, {
      eF: 1,
      rd: 0.018,
      ht: 0.4,
      sei: 0.32,
      why: undefined,
    }),
    0.064,
    0.008,
  ),
  jd(
    park("江桥镇104工业区块", "江桥镇", "保留", undefined, undefined, 309.5, 9100, 9800, { rd: 0.012, ht: 0.28, sei: 0.18 }),
    0.052,
    0.005,
  ),
  jd(
    park("徐行镇104工业区块", "徐行镇", "保留", undefined, undefined, 186.8, 6100, 6800, { rd: 0.012, ht: 0.26, sei: 0.15 }),
    0.058,
    0.005,
  ),
  jd(
    park("华亭镇104工业区块", "华亭镇", "保留", undefined, undefined, 121.3, 4300, 4800, { rd: 0.011, ht: 0.22, sei: 0.12 }),
    0.049,
    0.004,
  ),
  jd(park("马陆镇195区域", "马陆镇", "转型", JD_NEW, 2019, 38.6, 1900), 0.031, 0),
  jd(park("江桥镇195区域", "江桥镇", "转型", JD_IND, 2020, 29.4, 1500), 0.028, 0),
  jd(park("华亭镇198区域", "华亭镇", "退出", JD_IND, 2018, 6.8, 520), 0.012, 0),
  jd(park("徐行镇198区域", "徐行镇", "退出", JD_IND, 2019, 8.9, 640), 0.018, 0),
  jd(park("外冈镇198区域", "外冈镇", "退出", JD_AUTO, 2020, 7.5, 560), 0.015, 0),
  jd(park("嘉定工业区198区域", "嘉定工业区", "退出", JD_IND, 2019, 9.6, 600), 0.02, 0),
];
const JD_SOURCES: Source[] = [
  [
    "S1",
    "方案原文：嘉委发〔2017〕2号（区级统筹；“镇”含嘉定新城、菊园新区、嘉定工业区；新城公司、嘉定工业区集团、国际汽车城集团为重点开发主体；104、195、198 地块）",
    "shared/seeds/003_a4b71cf5425e3193.txt",
  ],
  ...RATIO_SOURCES,
  [
    "S6",
    "嘉定工业区 2018 年：179 家规上工业企业总产值 1223.7 亿元（+3.4%）；税收总额 142.8 亿元（+7.6%），其中第二产业 67.6 亿元",
    "https://investchn.com/home/news/detail/id/35934.html（上海嘉定工业区发布）",
  ],
  [
    "S7",
    "嘉定 2017 年：淘汰劣势企业 183 家，节约标准煤 3.8 万吨，腾出土地 1759.8 亩",
    "http://shcafe.org/shzxxw/90536.html（domain.md 第 4 节）",
  ],
  [
    "S8",
    "上海 2017 年：规上工业总产值 33989 亿元，可比增长 6.8%；汽车行业增长 19.1%",
    "https://app.sheitc.sh.gov.cn/shgyjjyxbg/676954.htm",
  ],
  [
    "S9",
    "嘉定 2015 年一季度规上工业产值 1300.5 亿元；2021 年 1–10 月规上工业总产值 4317.1 亿元（比 2019 年同期 −10.8%），汽车产业占 65.4%，战略性新兴产业占 24.0%",
    "https://www.jiading.gov.cn/zwpd/zwdt/content_31699；https://www.jiading.gov.cn/tongji/publicity/fdzdgknr/tjsj97/sjxxa/147483",
  ],
  [
    "S10",
    "平台 2016 年数据未公开：按各平台 2016→2017 年产值增速（汽车城 12.4%，参照上海汽车行业 +19.1%；其余 1%–10%，假设）与用地增量回推",
    "S8（假设）",
  ],
  [
    "S11",
    "上海国际汽车城：规划面积由 68 km² 扩至 98 km²；2020 年全区汽车产业规上工业总产值 3676.1 亿元（全口径），占全区工业 68.8%",
    "https://www.artxdigi.com/zh-hans/entrytochina/e2",
  ],
  ["S12", "工业用地占规划面积比例 38%：本表假设，无公开平台数据", "—（假设）"],
];

const JH_VA = r3(12374.91 / 55334.56);
const JH_BASIS: Basis = {
  va: JH_VA,
  vaSrc: "S5",
  landRef: `参照：全省开发区 2017 年亩均增加值 102.6 ÷ 增加值率 ${pct(JH_VA)} ≈ ${Math.round(102.6 / JH_VA)} 万元/亩`,
  landSrc: "S3, S5",
};
const JH_ECON = "金华经济技术开发区",
  JH_JY = "金义都市经济开发区",
  JH_YW = "义乌经济技术开发区",
  JH_YWH = "义乌信息光电高新技术产业园区",
  JH_YK = "浙江永康经济开发区",
  JH_YKH = "永康现代农业装备高新技术产业园区";
const JH_DY = "浙江东阳经济开发区",
  JH_LX = "兰溪经济开发区",
  JH_WY = "武义经济开发区",
  JH_PJ = "浦江经济开发区",
  JH_PA = "磐安经济开发区";
const jhMain = (
  name: string,
  county: string,
  level: string,
  Y: number,
  L: number,
  D: number,
  mix: Partial<Mix>,
  listed: number,
  e100: number,
  extra: Partial<Row> = {},
) => main(name, county, level, Y, L, D, { v: JH_VA, ...mix }, listed, e100, extra);
const jhPark = (
  name: string,
  county: string,
  status: Status,
  to: string,
  year: number | undefined,
  Y: number,
  L: number,
  D = L,
  mix: Partial<Mix> = {},
) => park(name, county, status, to, year, Y, L, D, { v: JH_VA, ...mix });
const ywCity = r2(1163.7 / 1.667);
const ywY = r2(ywCity * 0.6);
const jinhua: Row[] = [
  jhMain(JH_ECON, "金华开发区", "国家级", 568.4, 21500, km2(102, 0.22), { rd: 0.021, ht: 0.55, sei: 0.42 }, 5, 1, {
    notes: { D: ["公开数据推算", `行政管辖面积 102 km² × 1500 亩/km² × 22%（含代管乡街，假设）= ${km2(102, 0.22)}`, "S6, S10"] },
  }),
  jhMain(JH_JY, "金东区", "省级", 231.6, 9800, 16000, { rd: 0.017, ht: 0.45, sei: 0.35 }, 1, 0),
  jhMain(JH_YW, "义乌市", "国家级", ywY, 16800, 24000, { rd: 0.02, ht: 0.5, sei: 0.45 }, 3, 2, {
    notes: {
      Y: [
        "公开数据推算",
        `义乌全市 2021 年规上工业总产值 1163.7 亿元、增长 66.7%：2020 年 ≈ 1163.7 ÷ 1.667 = ${f2(ywCity)}；经开区取其 60%（假设）= ${f2(ywY)}`,
        "S7",
      ],
    },
  }),
  jhMain(JH_YWH, "义乌市", "省级", 176.2, 6200, 12000, { rd: 0.032, ht: 0.7, sei: 0.65, why: "信息光电（光伏、LED）为主（假设）" }, 2, 1),
  jhMain(JH_YK, "永康市", "省级", 436.8, 18600, 24000, { rd: 0.018, ht: 0.4, sei: 0.28 }, 4, 0),
  jhMain(JH_YKH, "永康市", "省级", 142.5, 6100, 10500, { rd: 0.022, ht: 0.48, sei: 0.3 }, 1, 0),
  jhMain(JH_DY, "东阳市", "省级", 296.3, 11200, 15000, { rd: 0.024, ht: 0.5, sei: 0.4 }, 4, 1),
  jhMain(
    JH_LX,
    "兰溪市",
    "省级",
    318.7,
    13900,
    17000,
    { eF: 1.5, rd: 0.012, ht: 0.3, sei: 0.2, why: "纺织、化工、建材比重较高（假设）" },
    1,
    0,
  ),
  jhMain(
    JH_WY,
    "武义县",
    "省级",
    284.1,
    12300,
    15500,
    { eF: 1.2, rd: 0.016, ht: 0.38, sei: 0.22, why: "五金、电动工具为主（假设）" },
    2,
    0,
  ),
  jhMain(JH_PJ, "浦江县", "省级", 163.9, 7900, 11000, { eF: 1.1, rd: 0.013, ht: 0.3, sei: 0.15 }, 1, 0),
  jhMain(JH_PA, "磐安县", "省级", 47.6, 2600, 10000, { rd: 0.012, ht: 0.32, sei: 0.2 }, 0, 0),
  jhPark("秋滨街道工业功能区", "金华开发区", "分区", JH_ECON, undefined, 48.3, 2300, 2900),
  jhPark("孝顺镇工业功能区", "金东区", "分区", JH_JY, undefined, 41.2, 2100, 2600),
  jhPark("佛堂镇工业功能区", "义乌市", "分区", JH_YW, undefined, 73.5, 3100, 3800),
  jhPark("苏溪镇工业功能区", "义乌市", "转型", JH_YW, 2022, 22.6, 1200, undefined),
  jhPark("古山镇工业功能区", "永康市", "分区", JH_YK, undefined, 66.8, 2900, 3500),
  jhPark("芝英镇工业功能区", "永康市", "转型", JH_YK, 2023, 27.4, 1500),
  jhPark("横店镇工业功能区", "东阳市", "分区", JH_DY, undefined, 88.1, 3300, 4000, {
    eF: 1,
    rd: 0.02,
    ht: 0.45,
    sei: 0.35,
    why: undefined,
  }),
  jhPark("游埠镇工业功能区", "兰溪市", "退出", JH_LX, 2022, 11.3, 800),
  jhPark("桐琴镇工业功能区", "武义县", "分区", JH_WY, undefined, 39.7, 1900, 2400),
  jhPark("黄宅镇工业功能区", "浦江县", "退出", JH_PJ, 2023, 14.2, 950),
  jhPark("尖山镇工业功能区", "磐安县", "退出", JH_PA, 2022, 4.6, 380),
];
const JH_SOURCES: Source[] = [
  [
    "S1",
    "方案原文：金华市开发区（园区）整合提升实施方案（征求意见稿）（市本级 1–2 个、各县 1 个、工业强县可增 1 个；到 2021 年整合为 14 个；“千亿级规模、百亿级税收”）",
    "shared/seeds/004_58e18d8ae0096152.txt",
  ],
  ...RATIO_SOURCES.filter(([id]) => id !== "S5"),
  [
    "S5",
    `增加值率 ≈ ${pct(JH_VA)}：2020 年浙江经济开发区规上工业增加值 12374.91 亿元 ÷ 规上工业总产值 55334.56 亿元；同年开发区税收 5103.33 亿元`,
    "http://48903.com/news/show-173233.html（《2020年度浙江省经济开发区综合考评报告》报道）",
  ],
  [
    "S6",
    "金华经济技术开发区：1992 年成立，2010 年升格国家级；代管一乡四街道，行政管辖面积 102 km²",
    "http://zj.touzi888.net/park/brief.html?id=5009",
  ],
  [
    "S7",
    "义乌市 2021 年规上工业总产值 1163.7 亿元，增长 66.7%（信息光电、汽车制造两大产业集群）",
    "http://miscantus.com/article-87766-1.html",
  ],
  [
    "S8",
    "金华各县（市、区）2020 年 GDP：义乌 1485.6、婺城 654.48、永康 639.78、东阳 638.16、兰溪 400.16、武义 271.33、金东 259.27、浦江 234.46、磐安 120.7（亿元），用于设定平台产值量级",
    "http://roseeton.com/ditu/2538.html",
  ],
  ["S9", "浙江工业增加值年均增速 ≈ 8.5% ± 3.1 个百分点；十四五规上工业单位增加值能耗 −16%（≈ −3.43%/年）", "domain.md 第 4 节"],
  ["S10", "工业用地占开发区面积比例：本表假设，无公开平台数据", "—（假设）"],
];

const LATER = [
  "本表为 ParkPlan 的示例数据，供演示和测试使用。开发区（园区）层面的产值、用地、税收、能耗等数据大多未见公开统计，表中所有数值均为估算：少数锚定于公开数据（见下表 S6 起各条），其余按比例关系推算或按平台规模假设。请勿将其作为统计数据引用。",
  "比例关系：增加值 = 产值 × 增加值率（部分平台按产业调整）；税收 = 增加值 × 25.5/102.6；能耗 = 增加值 ÷ 2.6 万元/吨标煤（× 行业系数）；研发投入 = 产值 × 约 1.55%；从业人员 = 增加值 ÷ 23.2 万元/人。面积换算：1 km² = 1500 亩。",
  "主平台行仅为主平台本身；分区（整合托管）行单独列出，由模型汇总到其主平台（整合去向）。退出、转型行的整合去向为其外迁产能的承接平台。",
];
await writeSample(
  "hangzhou-2017",
  "2018-01-11",
  "杭州市工业平台基本情况表（2017年）",
  wideTable(hangzhou, HZ_BASE, ZJ_2017, HZ_STATUSES),
  [
    ...LATER,
    "表式：宽表。工业用地面积与规上工业产值各列 2015、2016、2017 三年（表头“2015年规上工业产值（亿元）”等），其余各列仅为基年 2017 年。历年数据为按假设增速回推的估算（S10），供增速校准（growth.fromHistory）演示。",
    "平台名单：以杭政办函〔2017〕127号为框架，省级以上开发区为主平台（杭州经开区、杭州高新区（滨江）、萧山经开区、余杭经开区为国家级；大江东产业集聚区、富阳、临安、桐庐、建德为省级）。乡镇（街道）工业功能区按方案四类标注：整合托管型（由主平台“一区多园”托管，模型视为分区）、保留提升型（保留）、逐步退出型（退出，不再新增工业用地）、转为创新型（主城区工业功能区转型，模型视为转型）；名称按所在乡镇（街道）命名，类型与年份为示意，并非实际方案。",
    "增加值率沿用嘉兴 2018 年比例 20.4%（S5），余杭经开区取其 2021 年公开比例 29.7%（S8）；浙江 2017 年的比例关系同嘉兴、丽水示例。",
  ],
  {
    name: "杭州 2020 工业平台优化提升",
    baseYear: HZ_BASE,
    horizon: [2018, 2019, 2020],
    targets: "hangzhou-2020",
    growth: { mean: 0.07, sd: 0.031, correlation: 0.5, fromHistory: true },
    land: { quota: 4000, strategy: "merit", lagYears: 1 },
    energy: { intensityDecline: 0.0366 },
    exits: { relocationShare: 0.5, mode: "phased" },
    monteCarlo: { runs: 1000, seed: "hangzhou" },
  },
  HZ_SOURCES,
);
await writeSample(
  "jiading-2017",
  "2018-03-13",
  "嘉定区产业区块基本情况表（分年度）",
  longTable(jiading, JD_BASE, ZJ_2017, STATUSES),
  [
    ...LATER,
    "表式：长表。“年份”列标明每行的年度，每个平台 2016、2017 年各一行，每年之后为该年合计行。基年为 2017 年，2016 年为历史数据（按假设增速回推，S10）。",
    "平台名单：以嘉委发〔2017〕2号为框架：嘉定新城、嘉定工业区、上海国际汽车城（安亭）为重点开发主体所在区域，作主平台（上海市级工业区记作“市级”，嘉定新城记作“县级”即区级）；各镇 104 工业区块为保留，菊园新区、外冈镇零部件区块为分区；195 区域（转型）与 198 区域（减量化）按年份转型或退出。区块名称与安排为示意，并非实际方案。",
    "全区规上工业产值量级：2015 年一季度 1300.5 亿元、2019 年约 5800 亿元（S9 推算），本表 2017 年各行合计约 5400 亿元。上海平台的比例关系未见公开，沿用浙江 2017 年比例（S2–S5）；嘉定工业区的税收锚定其公开的第二产业税收（S6）。",
  ],
  {
    name: "嘉定 2020 产业发展区域统筹",
    baseYear: JD_BASE,
    horizon: [2018, 2019, 2020],
    targets: "jiading-2020",
    growth: { mean: 0.06, sd: 0.035, correlation: 0.6 },
    land: { quota: 1500, strategy: "merit", lagYears: 1 },
    energy: { intensityDecline: 0.0366, strategy: "merit" },
    exits: { relocationShare: 0.5 },
    // JD-2 compares with Shanghai's growth: its 2017 规上工业增加值 growth, 6.8% (S8), for every year.
    references: { cityGrowth: 0.068 },
    monteCarlo: { runs: 1000, seed: "jiading" },
  },
  JD_SOURCES,
);
await writeSample(
  "jinhua-2020",
  "2020-12-20",
  "金华市开发区（园区）基本情况表（2020年）",
  singleTable(jinhua, JH_BASIS),
  [
    ...LATER,
    "表式：单年表（2020 年），与嘉兴、丽水示例相同。",
    "平台名单：以金华市开发区（园区）整合提升实施方案（征求意见稿）为框架：市本级 2 个（金华经开区、金义都市经开区），各县（市）1 个，义乌、永康作为工业强县各增 1 个，共 11 个主平台（方案为到 2021 年 14 个）；金华经开区、义乌经开区为方案点名的高能级战略平台培育对象，永康、东阳经开区为争创国家级对象。未整合的工业功能区转型（特色小镇、小微企业园）或列入退出；名称按所在乡镇命名，安排与年份为示意。",
    `增加值率取 2020 年浙江经济开发区的公开比例 ${pct(JH_VA)}（S5）；其余比例沿用浙江 2017 年数据。义乌两平台 2021 年起光伏产业高速增长（S7），情景文件为其设定较高增速。`,
  ],
  {
    name: "金华 2025 开发区整合提升",
    baseYear: 2020,
    horizon: [2021, 2022, 2023, 2024, 2025],
    targets: "jinhua-2025",
    growth: {
      mean: 0.085,
      sd: 0.031,
      correlation: 0.5,
      byPlatform: { [JH_YW]: { mean: 0.15, sd: 0.08 }, [JH_YWH]: { mean: 0.15, sd: 0.08 } },
    },
    land: { quota: 2500, strategy: "main-only", lagYears: 1 },
    energy: { intensityDecline: 0.0343 },
    exits: { relocationShare: 0.5 },
    monteCarlo: { runs: 1000, seed: "jinhua" },
  },
  JH_SOURCES,
);
console.log(`wrote ${OUT}/{jiaxing-2017,lishui-2020,hangzhou-2017,jiading-2017,jinhua-2020}.{xlsx,scenario.json}`);
