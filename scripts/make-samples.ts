/**
 * Writes the two sample workbooks (and their scenario documents) in assets/samples/:
 *   jiaxing-2017.xlsx  嘉兴市工业平台基本情况表（2017年）, seed 000 (嘉政发〔2018〕15号)
 *   lishui-2020.xlsx   丽水市产业平台基本情况表（2020年）, seed 001 (丽政办发〔2020〕55号)
 * Platform-level figures are not published; every figure is an estimate built from the public figures in
 * shared/docs/domain.md and stated ratios. The "说明" sheet names, cell by cell, how each was estimated.
 * Deterministic: no randomness, fixed document dates, fixed zip entry dates.
 * Run: npx tsx scripts/make-samples.ts
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "assets", "samples");

type Status = "主平台" | "分区" | "保留" | "退出" | "转型";
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
  notes?: Partial<Record<"D" | "L" | "Y" | "V" | "T" | "R", [Kind, string, string]>>;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
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

const HEADERS = [
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
];
const WIDTHS = [34, 16, 9, 10, 30, 10, 13, 13, 13, 13, 11, 12, 12, 14, 14, 10, 10, 12];
const FORMATS = ["@", "@", "@", "@", "@", "0", "0", "0", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0", "0", "0"];

const SOURCES: [string, string, string][] = [
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

/** The 12 figure columns of one row, and the note saying how each was estimated. */
function figures(row: Row, n: number): { values: number[]; notes: Note[] } {
  const m = row.mix;
  const V = row.V ?? r2(row.Y * m.v);
  const T = row.T ?? r2(V * TAX_PER_VA);
  const E = r2((V / VA_PER_TCE) * m.eF);
  const R = row.R ?? r2(row.Y * m.rd);
  const H = r2(V * m.ht),
    S = r2(row.Y * m.sei);
  const emp = Math.round((V * 1e4) / VA_PER_WORKER / 10) * 10;
  const p = Math.round((row.Y * 1e4) / row.L);
  const exiting = row.status === "退出" || row.status === "转型";
  const why = m.why ? `；${m.why}` : "";
  const rules: [string, number, Kind, string, string][] = [
    [
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
      "工业用地面积",
      row.L,
      "假设",
      `平台级工业用地未公开：按平台规模设定，对应亩均产出 ${p} 万元/亩（参照：全省开发区亩均增加值 102.6 ÷ 20.4% ≈ 503 万元/亩）`,
      "S3, S5",
    ],
    ["规上工业产值", row.Y, "假设", "平台级规上工业产值未公开：按所在县（市、区）工业规模设定量级", "—"],
    ["规上工业增加值", V, "比例推算", `= 产值 ${f2(row.Y)} × 增加值率 ${pct(m.v)}${m.v === VA_RATIO ? "" : why}`, "S5"],
    ["税收", T, "比例推算", `= 增加值 ${f2(V)} × 25.5 ÷ 102.6（全省规上亩均税收 ÷ 开发区亩均增加值 ≈ 0.249）`, "S2, S3"],
    [
      "能耗",
      E,
      "比例推算",
      `= 增加值 ${f2(V)} 亿元 ÷ 2.6 万元/吨标煤${m.eF === 1 ? "" : ` × 行业系数 ${m.eF}${why}`}；平台能耗未公开`,
      "S4",
    ],
    [
      "研发投入",
      R,
      "比例推算",
      `= 产值 ${f2(row.Y)} × ${pct(m.rd)}${m.rd === 0.0155 ? "（全省开发区 R&D/营收）" : "（以全省开发区 1.55% 为基准按平台类型调整，假设）"}`,
      "S3",
    ],
    ["高新技术产业增加值", H, "假设", `= 增加值 ${f2(V)} × ${pct(m.ht)}（平台高新技术产业占比未公开，假设）`, "—"],
    ["战略性新兴产业产值", S, "假设", `= 产值 ${f2(row.Y)} × ${pct(m.sei)}（平台战新产业占比未公开，假设）`, "—"],
    ["上市公司", row.listed, "假设", "示意值：未核对企业名录", "—"],
    ["百亿企业", row.e100, "假设", "示意值：未核对企业名录", "—"],
    ["从业人员", emp, "比例推算", `= 增加值 ${f2(V)} 亿元 ÷ 全员劳动生产率 23.2 万元/人，取整到十位`, "S3"],
  ];
  const keys = ["D", "L", "Y", "V", "T", null, "R"] as const;
  const notes = rules.map(([field, value, kind, how, src], k): Note => {
    const own = keys[k] ? row.notes?.[keys[k]!] : undefined;
    const cell = `${String.fromCharCode(71 + k)}${n}`;
    return own
      ? { cell, name: row.name, field, value, kind: own[0], how: own[1], src: own[2] }
      : { cell, name: row.name, field, value, kind, how, src };
  });
  return { values: rules.map((r) => r[1]), notes };
}

const thin = { style: "thin" as const, color: { argb: "FFB7B7B7" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };

function platformSheet(wb: ExcelJS.Workbook, title: string, rows: Row[], footnote: string): Note[] {
  const ws = wb.addWorksheet("平台基本情况", { views: [{ state: "frozen", xSplit: 1, ySplit: 3 }] });
  ws.columns = WIDTHS.map((width, k) => ({ width, style: { numFmt: FORMATS[k] } }));
  ws.mergeCells(1, 1, 1, HEADERS.length);
  Object.assign(ws.getCell("A1"), { value: title, font: { bold: true, size: 14 }, alignment: { horizontal: "center" } });
  ws.getRow(1).height = 24;
  ws.getCell("A2").value = "单位：亿元、亩、万吨标煤";
  const head = ws.getRow(3);
  head.values = HEADERS;
  head.height = 36;
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = box;
  });
  const notes: Note[] = [];
  rows.forEach((row, k) => {
    const n = 4 + k;
    const { values, notes: own } = figures(row, n);
    ws.getRow(n).values = [row.name, row.county, row.level, row.status, row.to ?? null, row.year ?? null, ...values];
    ws.getRow(n).eachCell({ includeEmpty: true }, (c) => (c.border = box));
    ws.getCell(n, 3).dataValidation = { type: "list", allowBlank: true, formulae: ['"国家级,省级,市级,县级,乡镇"'] };
    ws.getCell(n, 4).dataValidation = { type: "list", allowBlank: false, formulae: ['"主平台,分区,保留,退出,转型"'] };
    notes.push(...own);
  });
  const last = 3 + rows.length,
    total = last + 1;
  ws.getCell(total, 1).value = "合计";
  for (let c = 7; c <= HEADERS.length; c++) {
    const col = String.fromCharCode(64 + c);
    const sum = rows.reduce((s, _r, k) => s + Number(ws.getCell(4 + k, c).value), 0);
    ws.getCell(total, c).value = { formula: `SUM(${col}4:${col}${last})`, result: c >= 16 || c <= 8 ? Math.round(sum) : r2(sum) };
  }
  ws.getRow(total).eachCell({ includeEmpty: true }, (c) =>
    Object.assign(c, { font: { bold: true }, border: { ...box, top: { style: "medium" } } }),
  );
  ws.mergeCells(total + 1, 1, total + 1, HEADERS.length);
  Object.assign(ws.getCell(total + 1, 1), {
    value: footnote,
    alignment: { wrapText: true, vertical: "top" },
    font: { size: 9, italic: true },
  });
  ws.getRow(total + 1).height = 42;
  return notes;
}

function notesSheet(wb: ExcelJS.Workbook, title: string, general: string[], notes: Note[], totalRow: number): void {
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
  for (const [id, what, where] of SOURCES) {
    const row = ws.addRow([id, what, null, null, null, null, where]);
    ws.mergeCells(row.number, 2, row.number, 6);
    row.getCell(2).alignment = { wrapText: true };
  }
  ws.addRow([]);
  line("三、逐格估算说明（'平台基本情况' 表）", true);
  header(["单元格", "平台名称", "指标", "数值", "性质", "估算方法", "依据（见上表编号）"]);
  for (const n of notes) {
    const row = ws.addRow([n.cell, n.name, n.field, n.value, `估算（${n.kind}）`, n.how, n.src]);
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
    row.getCell(4).numFmt = Number.isInteger(n.value) ? "0" : "0.00";
  }
  ws.addRow([
    `G${totalRow}:R${totalRow}`,
    "合计",
    "各列合计",
    null,
    "公式",
    "SUM 公式：所有行（含分区、保留、退出/转型）的简单合计；主平台行仅为主平台本身，不含其分区",
    "—",
  ]);
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

async function writeSample(file: string, date: string, title: string, rows: Row[], general: string[], scenario: object): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const when = new Date(`${date}T00:00:00Z`);
  Object.assign(wb, { creator: "ParkPlan", lastModifiedBy: "ParkPlan", created: when, modified: when });
  const footnote =
    "注：平台级数据未公开发布，表中各数值均为依据公开资料与比例关系的估算或示意值（非统计数据）；整合类型、整合去向、退出年份为按方案规则所作的示意安排。逐格估算方法与来源见'说明'表。";
  const notes = platformSheet(wb, title, rows, footnote);
  notesSheet(wb, `${title.replace("基本情况表", "数据说明")}`, general, notes, 4 + rows.length);
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
  jiaxing,
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
  lishui,
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
console.log(`wrote ${OUT}/{jiaxing-2017,lishui-2020}.{xlsx,scenario.json}`);
