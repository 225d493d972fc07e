/**
 * One preset per source document (shared/docs/targets.md): every target a platform sheet can evaluate,
 * tagged with its id there, plus the targets that need other data, kept and reported as not evaluable,
 * and the allocation rules with the scenario settings they suggest.
 */
import type { ScenarioInput } from "./scenario.js";
import type { TargetInput } from "./targetSchema.js";
import { needsColumns } from "./targets.js";
import type { RatioRule } from "./levers/ratioSchema.js";

export interface Rule {
  id: string;
  zh: string;
  en: string;
  /** Scenario settings that implement the rule, where the model can. */
  suggests?: Partial<ScenarioInput>;
}

/**
 * A lever a plan's target pulls (model.md §2.1): ratio paths proposed as an editable starting point — the
 * pane puts them into the form, the CLI lists them (`parkplan presets`); a scenario uses them only when
 * it says so (they are never applied silently).
 */
export interface Lever {
  /** The target it serves. */
  target: string;
  zh: string;
  en: string;
  ratios: NonNullable<ScenarioInput["ratios"]>;
}

export interface Preset {
  id: string;
  name: { zh: string; en: string };
  document: string;
  baseYear: number;
  horizon: number;
  targets: TargetInput[];
  rules: Rule[];
  levers: Lever[];
}

/** A rule for the main platforms' levels (国家级、省级), where the plans' share targets are checked. */
const mainLevels = (rule: RatioRule) => ({ byLevel: { national: rule, provincial: rule } });

type Lbl = [zh: string, en: string];
const label = ([zh, en]: Lbl) => ({ zh, en });
const na = (id: string, year: number, level: TargetInput["level"], what: Lbl, why: Lbl): TargetInput => ({
  id,
  year,
  level,
  label: label(what),
  comparison: ">=",
  threshold: 0,
  notEvaluable: label(why),
});
/** The reason of a target needing platform-sheet columns the reader does not read: each column named. */
const columns = (...cols: Lbl[]): Lbl => {
  const r = needsColumns(cols.map(label));
  return [r.zh, r.en];
};

const JX = 2020;
const jiaxing: Preset = {
  id: "jiaxing-2020",
  name: { zh: "嘉兴 平台优化提升攻坚行动（2020）", en: "Jiaxing platform upgrading campaign (2020)" },
  document: "嘉政发〔2018〕15号",
  baseYear: 2017,
  horizon: JX,
  targets: [
    {
      id: "JX-1",
      year: JX,
      level: "county",
      aggregate: "count",
      comparison: "between",
      threshold: 1,
      thresholdMax: 2,
      // "原则上每个县保留1～2家重大平台，现阶段确有需要的，可适当增加1～2家": 3–4 is met with the allowance.
      allowanceMax: 4,
      allowanceLabel: label(["现阶段确有需要的，可适当增加 1–2 家", "up to 1–2 more where needed at this stage"]),
      label: label([
        "每县保留 1–2 个重大平台（确有需要可增加 1–2 家）",
        "1–2 major platforms kept per county (up to 1–2 more where needed)",
      ]),
    },
    {
      id: "JX-2",
      year: JX,
      level: "platform",
      metric: "developableLand",
      comparison: ">=",
      threshold: 10000,
      label: label(["整合后重大平台可开发空间 ≥ 1 万亩", "developable space of each major platform ≥ 10,000 亩"]),
    },
    {
      id: "JX-3",
      year: JX,
      level: "platform",
      metric: "valueAdded",
      comparison: ">=",
      threshold: 80,
      label: label(["整合后重大平台规上工业增加值 ≥ 80 亿元", "value added of each major platform ≥ 80亿"]),
    },
    na(
      "JX-4",
      JX,
      "platform",
      ["主导产业链 1–2 条、特色产业 2–3 个", "1–2 leading chains, 2–3 characteristic industries"],
      columns(["领跑产业链数", "leading industrial chains"], ["特色产业数", "characteristic industries"]),
    ),
    {
      id: "JX-5",
      year: JX,
      level: "platform",
      metric: "highTechShare",
      comparison: ">=",
      threshold: 0.45,
      label: label(["高新技术产业增加值占比 ≥ 45%", "high-tech share of value added ≥ 45%"]),
    },
    {
      id: "JX-6",
      year: JX,
      level: "platform",
      metric: "rdShare",
      comparison: ">=",
      threshold: 0.03,
      label: label(["R&D 占比 ≥ 3%", "R&D share ≥ 3%"]),
    },
    {
      id: "JX-7",
      year: JX,
      level: "platform",
      metric: "outputPerMu",
      comparison: ">=",
      threshold: 500,
      label: label(["规上工业亩均产出 ≥ 500 万元/亩", "output per mu ≥ 500 万元/亩"]),
    },
    {
      id: "JX-8",
      year: JX,
      level: "platform",
      metric: "taxPerMu",
      comparison: ">=",
      threshold: 30,
      label: label(["亩均税收 ≥ 30 万元/亩", "tax per mu ≥ 30 万元/亩"]),
    },
    {
      id: "JX-9",
      year: JX,
      level: "platform",
      metric: "valueAdded",
      comparison: ">=",
      threshold: 100,
      label: label(["规上工业增加值 ≥ 100 亿元", "value added ≥ 100亿"]),
    },
    {
      id: "JX-10a",
      year: JX,
      level: "platform",
      metric: "enterprises100",
      comparison: ">=",
      threshold: 1,
      label: label(["百亿企业 ≥ 1 家", "≥ 1 enterprise with output ≥ 100亿"]),
    },
    {
      id: "JX-10b",
      year: JX,
      level: "platform",
      metric: "listedCompanies",
      comparison: ">=",
      threshold: 3,
      label: label(["上市公司 ≥ 3 家", "≥ 3 listed companies"]),
    },
    {
      id: "JX-11",
      year: JX,
      level: "region",
      aggregate: "count",
      where: { metric: "output", comparison: ">", threshold: 1000 },
      comparison: ">=",
      threshold: 3,
      label: label(["产值超千亿平台 ≥ 3 个", "≥ 3 platforms with output > 1000亿"]),
    },
    na(
      "JX-12",
      JX,
      "county",
      ["引进重大项目 ≥ 20（有国家级开发区的县）/ ≥ 15 个", "≥ 20 (county with a national zone) / ≥ 15 major projects"],
      columns(["引进重大项目数", "major projects introduced"]),
    ),
    {
      id: "JX-13",
      year: JX,
      level: "county",
      aggregate: "share",
      statuses: ["exit", "transform"],
      subjects: "all",
      comparison: ">=",
      threshold: 0.3,
      label: label(["每县退出 30% 以上工业平台", "≥ 30% of each county's platforms exited"]),
    },
  ],
  rules: [
    {
      id: "JX-14",
      zh: "新增工业用地指标只配置给重大平台",
      en: "new industrial land quota only to major platforms",
      suggests: { land: { strategy: "main-only" } },
    },
    {
      id: "JX-15",
      zh: "严禁新上高耗能项目，限制六大传统行业产能扩张",
      en: "no new high-energy projects; six traditional industries restricted",
    },
    { id: "JX-16", zh: "季度监测、年终排名", en: "quarterly monitoring, year-end ranking" },
  ],
  levers: [
    {
      target: "JX-5",
      zh: "国家级、省级平台高新技术产业增加值占比每年 +1.2 个百分点",
      en: "national and provincial platforms' high-tech share of value added +1.2 points a year",
      ratios: { highTech: mainLevels({ change: 0.012 }) },
    },
    {
      target: "JX-6",
      zh: "国家级、省级平台 R&D 占比每年 +0.5 个百分点",
      en: "national and provincial platforms' R&D share +0.5 points a year",
      ratios: { rd: mainLevels({ change: 0.005 }) },
    },
  ],
};

const LS = 2025;
const lishui: Preset = {
  id: "lishui-2025",
  name: { zh: "丽水 产业平台整合提升（2025）", en: "Lishui industrial platform integration (2025)" },
  document: "丽政办发〔2020〕55号",
  baseYear: 2020,
  horizon: LS,
  targets: [
    {
      id: "LS-1",
      year: LS,
      level: "county",
      aggregate: "count",
      comparison: "between",
      threshold: 1,
      thresholdMax: 1,
      label: label(["每县原则上只保留 1 个重点产业平台", "1 key platform per county"]),
    },
    {
      id: "LS-2",
      year: LS,
      level: "platform",
      metric: "developableLand",
      comparison: ">=",
      threshold: 10000,
      label: label(["整合后重大平台可开发空间 ≥ 1 万亩", "developable space ≥ 10,000 亩"]),
    },
    {
      id: "LS-3",
      year: LS,
      level: "platform",
      metric: "output",
      comparison: ">=",
      threshold: 2,
      relativeTo: "base",
      label: label(["整合后平台产能翻番", "output capacity doubles (翻番)"]),
    },
    {
      id: "LS-4",
      year: LS,
      level: "platform",
      metric: "output",
      comparison: ">=",
      threshold: 1000,
      subjects: { statuses: ["main"], levels: ["national", "municipal"] },
      label: label(["市本级平台迈入千亿级", "the city-level platform reaches 1000亿"]),
    },
    {
      id: "LS-5",
      year: LS,
      level: "platform",
      metric: "output",
      comparison: ">=",
      threshold: 500,
      subjects: { statuses: ["main"], nameOrCountyIncludes: ["缙云", "青田", "遂松", "遂昌", "松阳"] },
      label: label(["缙云、青田、遂松平台各达 500 亿产能", "缙云, 青田 and 遂松 platforms ≥ 500亿 each"]),
    },
    na(
      "LS-6",
      2021,
      "region",
      ["管理机构、人员精简 60% / 30%", "agencies −60%, staff −30%"],
      columns(["管理机构数", "management agencies"], ["人员编制数", "staff"]),
    ),
    na("LS-7a", LS, "platform", ["投资强度翻番", "investment intensity ×2"], columns(["固定资产投资", "fixed-asset investment"])),
    {
      id: "LS-7b",
      year: LS,
      level: "platform",
      metric: "rd",
      comparison: ">=",
      threshold: 2,
      relativeTo: "base",
      label: label(["研发投入翻番", "R&D spend ×2"]),
    },
    {
      id: "LS-7c",
      year: LS,
      level: "platform",
      metric: "outputPerMu",
      comparison: ">=",
      threshold: 2,
      relativeTo: "base",
      label: label(["经济密度（亩均产出）翻番", "economic density (output per mu) ×2"]),
    },
    {
      id: "LS-7d",
      year: LS,
      level: "platform",
      metric: "taxPerMu",
      comparison: ">=",
      threshold: 2,
      relativeTo: "base",
      label: label(["税收密度（亩均税收）翻番", "tax density (tax per mu) ×2"]),
    },
    {
      id: "LS-8",
      year: LS,
      level: "platform",
      metric: "valueAddedPerMu",
      comparison: ">=",
      threshold: 120,
      label: label(["亩均增加值 ≥ 120 万元/亩", "value added per mu ≥ 120 万元/亩"]),
    },
    {
      id: "LS-9",
      year: LS,
      level: "platform",
      metric: "taxPerMu",
      comparison: ">=",
      threshold: 30,
      label: label(["亩均税收 ≥ 30 万元/亩", "tax per mu ≥ 30 万元/亩"]),
    },
    na(
      "LS-10",
      LS,
      "platform",
      ["省级产业创新服务综合体 ≥ 2 个", "≥ 2 provincial innovation service complexes"],
      columns(["省级产业创新服务综合体数", "provincial innovation service complexes"]),
    ),
    {
      id: "LS-11",
      year: LS,
      level: "platform",
      metric: "highTechShare",
      comparison: ">=",
      threshold: 0.5,
      label: label(["高新技术产业增加值占比 ≥ 50%", "high-tech share ≥ 50%"]),
    },
    {
      id: "LS-12",
      year: LS,
      level: "platform",
      metric: "rdShare",
      comparison: ">=",
      threshold: 0.03,
      label: label(["R&D 经费支出占比 ≥ 3%", "R&D intensity ≥ 3%"]),
    },
    {
      id: "LS-14",
      year: LS,
      level: "county",
      metric: "output",
      comparison: ">=",
      threshold: 100,
      subjects: "all",
      label: label(["各县平台产能 ≥ 100 亿元", "each county's platforms ≥ 100亿 capacity"]),
    },
  ],
  rules: [
    {
      id: "LS-13",
      zh: "“一心两翼三片区” 10 个主平台；68 个乡镇工业功能区合并、转型或撤销",
      en: "10 main platforms; 68 township zones merged, transformed or revoked",
    },
    {
      id: "LS-15",
      zh: "亩均论英雄：按亩均效益配置土地、能耗等要素；整合平台以外不再新增工业用地",
      en: "quotas by per-mu efficiency; no new industrial land outside integrated platforms",
      suggests: { land: { strategy: "merit" }, energy: { strategy: "merit" } },
    },
  ],
  levers: [
    {
      target: "LS-11",
      zh: "国家级、省级平台高新技术产业增加值占比每年 +2 个百分点",
      en: "national and provincial platforms' high-tech share of value added +2 points a year",
      ratios: { highTech: mainLevels({ change: 0.02 }) },
    },
    {
      target: "LS-12",
      zh: "国家级、省级平台 R&D 经费支出占比每年 +0.3 个百分点",
      en: "national and provincial platforms' R&D intensity +0.3 points a year",
      ratios: { rd: mainLevels({ change: 0.003 }) },
    },
  ],
};

const HZ = 2020;
/** HZ-3's 亩产效益 and high-tech increases, for the region and (suffix "-p") each main platform. */
const hzIncreases = (level: "region" | "platform", suffix: string): TargetInput[] => {
  const who: Lbl = level === "region" ? ["", ""] : ["（各主平台）", " (each main platform)"];
  const rise = (id: string, metric: TargetInput["metric"], what: Lbl): TargetInput => ({
    id: id + suffix,
    year: HZ,
    level,
    metric,
    comparison: ">",
    threshold: 1,
    relativeTo: "base",
    label: label([what[0] + who[0], what[1] + who[1]]),
  });
  return [
    rise("HZ-3a", "outputPerMu", ["亩均产出高于基期", "output per mu above base"]),
    rise("HZ-3b", "taxPerMu", ["亩均税收高于基期", "tax per mu above base"]),
    rise("HZ-3c", "highTechShare", ["高新技术产业占比高于基期（以增加值计）", "high-tech share above base (value-added basis)"]),
  ];
};
const hangzhou: Preset = {
  id: "hangzhou-2020",
  name: { zh: "杭州 工业平台优化提升（2020）", en: "Hangzhou industrial platform upgrading (2020)" },
  document: "杭政办函〔2017〕127号",
  baseYear: 2017,
  horizon: HZ,
  targets: [
    {
      id: "HZ-1a",
      year: HZ,
      level: "region",
      metric: "land",
      comparison: ">=",
      threshold: 1,
      relativeTo: "base",
      label: label(["平台工业用地面积不低于基期", "the platforms' industrial land not below base"]),
    },
    {
      id: "HZ-1b",
      year: HZ,
      level: "region",
      metric: "valueAddedShareOfGdp",
      comparison: ">=",
      threshold: 1,
      relativeTo: "base",
      label: label(["工业增加值占 GDP 比重不低于基期（平台增加值计）", "industrial VA share of GDP not below base (the platforms' VA)"]),
    },
    {
      id: "HZ-1c",
      year: HZ,
      level: "region",
      metric: "cityIndustrialLand",
      comparison: ">=",
      threshold: 1,
      relativeTo: "base",
      label: label(["全市工业用地规模不低于基期", "the city's industrial land not below base"]),
    },
    {
      id: "HZ-2a",
      year: HZ,
      level: "region",
      metric: "energyIntensity",
      comparison: "<",
      threshold: 1,
      relativeTo: "base",
      label: label(["单位工业增加值能耗低于基期", "energy per unit of VA below base"]),
    },
    {
      id: "HZ-2b",
      year: HZ,
      level: "region",
      metric: "emissions",
      comparison: "<",
      threshold: 1,
      relativeTo: "base",
      label: label(["工业主要污染物排放低于基期", "main pollutant emissions below base"]),
    },
    ...hzIncreases("region", ""),
    ...hzIncreases("platform", "-p"),
    {
      id: "HZ-3d",
      year: HZ,
      level: "region",
      metric: "outputShareOfCity",
      comparison: ">",
      threshold: 1,
      relativeTo: "base",
      label: label(["工业平台产值占全市比重提高", "the platforms' share of city output rises"]),
    },
    na(
      "HZ-3e",
      HZ,
      "region",
      ["工业平台特色产业占比提高", "the platforms' characteristic-industry share rises"],
      columns(["特色产业产值", "characteristic-industry output"]),
    ),
    na(
      "HZ-8",
      HZ,
      "platform",
      ["每个平台 2–3 个特色产业", "2–3 characteristic industries per platform"],
      columns(["特色产业数", "characteristic industries"]),
    ),
  ],
  rules: [
    {
      id: "HZ-4",
      zh: "整合托管型→分区，保留提升型→保留，逐步退出型→退出，转为创新型→转型",
      en: "four classes map onto sub-park, kept, exit, transform",
    },
    {
      id: "HZ-5",
      zh: "亩产效益 A/B/C/D 综合评价，资源向 A/B 类倾斜",
      en: "A/B/C/D evaluation; resources to A/B",
      suggests: { land: { strategy: "merit" } },
    },
    { id: "HZ-6", zh: "新增工业用地准入门槛", en: "entry thresholds for new industrial land" },
    { id: "HZ-7", zh: "盘活“三块地”存量", en: "revitalise stock land" },
    { id: "HZ-9", zh: "淘汰落后产能", en: "phase out backward capacity" },
  ],
  levers: [],
};

const JD = 2020;
const jiading: Preset = {
  id: "jiading-2020",
  name: { zh: "嘉定 产业发展区域统筹（2020）", en: "Jiading district-wide industrial coordination (2020)" },
  document: "嘉委发〔2017〕2号",
  baseYear: 2016,
  horizon: JD,
  targets: [
    {
      id: "JD-1",
      year: JD,
      level: "region",
      metric: "output",
      comparison: ">=",
      threshold: 6000,
      label: label(["规上工业产值 ≥ 6000 亿元", "output ≥ 6000亿"]),
    },
    // "工业增加值年均增幅高于全市平均水平1-2个百分点": at least 1 point above (the plan's aim is 1–2; more is no miss).
    {
      id: "JD-2",
      year: JD,
      level: "region",
      metric: "valueAddedGrowthAboveCity",
      comparison: ">=",
      threshold: 0.01,
      label: label(["工业增加值年均增幅高于全市 1–2 个百分点", "VA growth per year 1–2 points above Shanghai's average"]),
    },
    {
      id: "JD-2-p",
      year: JD,
      level: "platform",
      metric: "valueAddedGrowthAboveCity",
      comparison: ">=",
      threshold: 0.01,
      label: label(["工业增加值年均增幅高于全市 1–2 个百分点（各主平台）", "VA growth 1–2 points above Shanghai's (each main platform)"]),
    },
    {
      id: "JD-3",
      year: JD,
      level: "region",
      metric: "strategicEmergingOutput",
      comparison: ">=",
      threshold: 1000,
      label: label(["战略性新兴产业产值 ≥ 1000 亿元", "strategic emerging output ≥ 1000亿"]),
    },
    na(
      "JD-4",
      JD,
      "region",
      ["四大重点产业合计 ≥ 1000 亿元", "four key industries ≥ 1000亿"],
      columns(["四大重点产业产值", "output of the four key industries"]),
    ),
  ],
  rules: [
    {
      id: "JD-5",
      zh: "能耗、排放等指标全区统筹配置与考核",
      en: "district-wide allocation of energy and emission quotas",
      suggests: { energy: { strategy: "merit" } },
    },
    { id: "JD-6", zh: "低效闲置用地盘活或减量", en: "low-efficiency land redeveloped or reduced" },
    {
      id: "JD-7",
      zh: "统筹造成的镇级收入损失以转移支付或增量分成补偿",
      en: "towns compensated by transfers or shares of incremental revenue",
    },
  ],
  levers: [],
};

const JH = 2025;
const jinhua: Preset = {
  id: "jinhua-2025",
  name: { zh: "金华 开发区（园区）整合提升（2025，征求意见稿）", en: "Jinhua development zone integration (2025, draft)" },
  document: "开发区（园区）整合提升实施方案（征求意见稿）",
  baseYear: 2020,
  horizon: JH,
  targets: [
    {
      id: "JH-1a",
      year: JH,
      level: "county",
      aggregate: "count",
      comparison: "between",
      threshold: 1,
      thresholdMax: 1,
      // "各县（市、区）允许整合形成1个开发区（园区），其中工业强县可增加1个" (市本级 1–2).
      allowanceMax: 2,
      allowanceLabel: label(["工业强县可增加 1 个；市本级 1–2 个", "one more for a strong industrial county; the city proper 1–2"]),
      label: label(["每县 1 个主平台（工业强县可 +1）", "1 main platform per county (+1 for strong counties)"]),
    },
    {
      id: "JH-1b",
      year: 2021,
      level: "region",
      aggregate: "count",
      comparison: "between",
      threshold: 14,
      thresholdMax: 14,
      label: label(["到 2021 年全市省级以上开发区（园区）整合为 14 个主平台", "14 main platforms in the city by 2021"]),
    },
    {
      // One joint target: 千亿级规模 and 百亿级税收 on the same platform ("金华经济技术开发区、义乌经济技术开发区等").
      id: "JH-2",
      year: JH,
      level: "region",
      aggregate: "count",
      where: [
        { metric: "output", comparison: ">=", threshold: 1000 },
        { metric: "tax", comparison: ">=", threshold: 100 },
      ],
      comparison: ">=",
      threshold: 2,
      label: label([
        "“千亿级规模、百亿级税收”高能级战略平台 ≥ 2 个（金华、义乌经开区等）",
        "≥ 2 high-level strategic platforms with output ≥ 1000亿 and tax ≥ 100亿 (金华, 义乌 and others)",
      ]),
    },
    na(
      "JH-3",
      JH,
      "platform",
      ["省级以上平台 1–2 个竞争力特色产业", "1–2 competitive industries per provincial+ platform"],
      columns(["竞争力特色产业数", "competitive characteristic industries"]),
    ),
    na(
      "JH-4",
      JH,
      "platform",
      ["每个平台 2–3 个主导产业", "2–3 leading industries per platform"],
      columns(["主导产业数", "leading industries"]),
    ),
  ],
  rules: [
    { id: "JH-5", zh: "未整合园区转型（特色小镇、小微企业园）或列入退出", en: "parks not integrated are transformed or exit" },
    {
      id: "JH-6",
      zh: "土地、能耗等要素向主平台倾斜；主平台以外不再新增工业用地",
      en: "quotas tilted to main platforms; no new industrial land outside them",
      suggests: { land: { strategy: "main-only" } },
    },
  ],
  levers: [],
};

export const PRESETS: readonly Preset[] = [jiaxing, lishui, hangzhou, jiading, jinhua];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A preset's levers as one `ratios` field (each lever moves its own ratios), for a form or a scenario file to start from. */
export function presetLevers(preset: Preset): NonNullable<ScenarioInput["ratios"]> {
  return Object.assign({}, ...preset.levers.map((lever) => JSON.parse(JSON.stringify(lever.ratios)) as object)) as NonNullable<
    ScenarioInput["ratios"]
  >;
}
