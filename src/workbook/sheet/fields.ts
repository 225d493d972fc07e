/**
 * The columns a platform sheet may hold: which Platform field each feeds, what it measures (so units can be
 * converted), its header synonyms in Chinese and English (best first), and its name for messages.
 */
import { PLATFORM_FIELD_LABELS as LABELS, type PlatformField } from "../../../models/platform.js";
import { textKey } from "./text.js";

export type FieldKind = "text" | "level" | "status" | "year" | "money" | "area" | "energy" | "ratio" | "count";

/** A Platform field, or an input the reader derives a field from (shares → amounts, the text columns, a year column). */
export type SheetField = PlatformField | "county" | "level" | "status" | "mainPlatform" | "rdShare" | "highTechShare" | "year";

export interface FieldSpec {
  field: SheetField;
  kind: FieldKind;
  zh: string;
  en: string;
  synonyms: string[];
}

export const FIELDS: readonly FieldSpec[] = [
  {
    field: "name",
    kind: "text",
    ...LABELS.name,
    synonyms: [
      "平台名称",
      "平台",
      "园区名称",
      "园区",
      "开发区名称",
      "开发区",
      "平台名",
      "名称",
      "Platform",
      "Platform name",
      "Name",
      "Park",
      "Park name",
    ],
  },
  {
    field: "county",
    kind: "text",
    zh: "所在县（市、区）",
    en: "county",
    synonyms: [
      "所在县（市、区）",
      "县（市、区）",
      "所属区县",
      "县市区",
      "区县",
      "所在区县",
      "所在县市区",
      "所属县（市、区）",
      "所在地",
      "County",
      "District",
      "County/District",
    ],
  },
  { field: "level", kind: "level", zh: "级别", en: "level", synonyms: ["级别", "平台级别", "园区级别", "等级", "Level", "Platform level"] },
  {
    field: "status",
    kind: "status",
    zh: "整合类型",
    en: "status",
    synonyms: ["整合类型", "处置类型", "处置方式", "类型", "整合方式", "整合提升类型", "处置意见", "Status", "Type", "Integration type"],
  },
  {
    field: "mainPlatform",
    kind: "text",
    zh: "整合去向",
    en: "merged into",
    synonyms: ["整合去向", "并入平台", "归属主平台", "整合后归属", "并入", "主平台", "Merged into", "Merge into", "Main platform"],
  },
  { field: "exitYear", kind: "year", ...LABELS.exitYear, synonyms: ["退出年份", "退出年度", "退出时间", "Exit year"] },
  {
    field: "developableLand",
    kind: "area",
    ...LABELS.developableLand,
    synonyms: ["可开发空间", "可开发面积", "规划面积", "可开发用地", "Developable land", "Developable area", "Planned area"],
  },
  {
    field: "land",
    kind: "area",
    ...LABELS.land,
    synonyms: [
      "工业用地面积",
      "用地面积",
      "已开发面积",
      "建成面积",
      "已用地",
      "已开发用地",
      "现状用地",
      "现状工业用地",
      "工业用地",
      "已建成面积",
      "Land in use",
      "Land",
      "Land area",
      "Industrial land",
    ],
  },
  {
    field: "output",
    kind: "money",
    ...LABELS.output,
    synonyms: [
      "规上工业产值",
      "工业总产值",
      "产值",
      "总产值",
      "规上工业总产值",
      "规上产值",
      "工业产值",
      "Output",
      "Industrial output",
      "Gross output",
    ],
  },
  {
    field: "valueAdded",
    kind: "money",
    ...LABELS.valueAdded,
    synonyms: ["规上工业增加值", "工业增加值", "增加值", "规上增加值", "Value added", "Industrial value added", "VA"],
  },
  {
    field: "tax",
    kind: "money",
    ...LABELS.tax,
    synonyms: ["税收", "税收收入", "实缴税金", "税收总额", "实缴税收", "税金", "Tax", "Tax revenue", "Taxes"],
  },
  {
    field: "energy",
    kind: "energy",
    ...LABELS.energy,
    synonyms: ["能耗", "综合能耗", "能源消费量", "综合能源消费量", "能耗总量", "Energy", "Energy use", "Energy consumption"],
  },
  {
    field: "rd",
    kind: "money",
    ...LABELS.rd,
    synonyms: ["研发投入", "R&D经费", "R&D", "R&D spend", "研发经费", "R&D经费支出", "研发费用", "R&D expenditure"],
  },
  {
    field: "rdShare",
    kind: "ratio",
    zh: "R&D占比",
    en: "R&D share",
    synonyms: ["R&D占比", "研发投入强度", "R&D share", "研发投入占比", "研发占比", "R&D经费占比", "R&D强度", "R&D intensity"],
  },
  {
    field: "highTechValueAdded",
    kind: "money",
    ...LABELS.highTechValueAdded,
    synonyms: ["高新技术产业增加值", "高新产业增加值", "High-tech value added"],
  },
  {
    field: "highTechShare",
    kind: "ratio",
    zh: "高新技术产业增加值占比",
    en: "high-tech share",
    synonyms: ["高新技术产业增加值占比", "高新技术产业占比", "高新技术产业增加值比重", "高新产业占比", "High-tech share"],
  },
  {
    field: "strategicEmergingOutput",
    kind: "money",
    ...LABELS.strategicEmergingOutput,
    synonyms: ["战略性新兴产业产值", "战略性新兴产业", "战新产业产值", "Strategic emerging output"],
  },
  {
    field: "listedCompanies",
    kind: "count",
    ...LABELS.listedCompanies,
    synonyms: ["上市公司", "上市企业", "上市公司数", "上市企业数", "上市公司数量", "Listed companies"],
  },
  {
    field: "enterprises100",
    kind: "count",
    ...LABELS.enterprises100,
    synonyms: ["百亿企业", "产值超百亿企业", "超百亿企业", "百亿级企业", "Enterprises ≥100亿", "Enterprises >=100亿"],
  },
  {
    field: "employees",
    kind: "count",
    ...LABELS.employees,
    synonyms: ["从业人员", "员工人数", "从业人员数", "从业人数", "就业人数", "Employees"],
  },
  {
    field: "emissions",
    kind: "count",
    ...LABELS.emissions,
    synonyms: ["主要污染物排放", "主要污染物排放量", "污染物排放量", "排放", "Emissions"],
  },
  {
    field: "manualLand",
    kind: "area",
    ...LABELS.manualLand,
    synonyms: ["新增用地", "新增用地指标", "年新增用地", "Manual land grant", "Land grant"],
  },
  {
    field: "manualEnergy",
    kind: "energy",
    ...LABELS.manualEnergy,
    synonyms: ["能耗指标", "用能指标", "新增能耗指标", "新增用能指标", "Energy quota"],
  },
  { field: "year", kind: "year", zh: "年份", en: "year", synonyms: ["年份", "年度", "统计年份", "数据年份", "Year"] },
];

export const FIELD_BY_NAME = new Map(FIELDS.map((f) => [f.field, f]));

/** Comparison key of a header label: textKey plus 规模以上 → 规上, no marks like * or a trailing colon. */
export function labelKey(label: string): string {
  // 口径 and price words qualify a field without naming another one (scope.ts reads them from the header).
  return textKey(label)
    .replace(/规模以上/g, "规上")
    .replace(/全口径|(?:可比|当年|不变)价格?|现价/g, "")
    .replace(/^[*※]+|[*※:]+$/g, "");
}

/** Same key with every bracketed part dropped: "所在县(市、区)" → "所在县". */
export function bareKey(key: string): string {
  return key.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "");
}

const EXACT = new Map<string, { spec: FieldSpec; rank: number }>();
const BARE = new Map<string, { spec: FieldSpec; rank: number }>();
for (const spec of FIELDS) {
  spec.synonyms.forEach((s, rank) => {
    const key = labelKey(s);
    if (!EXACT.has(key)) EXACT.set(key, { spec, rank });
    const bare = bareKey(key);
    if (bare && !BARE.has(bare)) BARE.set(bare, { spec, rank });
  });
}

/** The field a header label names, with the synonym's rank (0 = preferred); exact keys first, then bare ones. */
export function matchField(label: string): { spec: FieldSpec; rank: number } | undefined {
  const key = labelKey(label);
  if (!key) return undefined;
  return EXACT.get(key) ?? BARE.get(bareKey(key)) ?? (bareKey(key) !== key ? EXACT.get(bareKey(key)) : undefined);
}

/** Platform fields every sheet may fill (the derived inputs excluded). */
export const PLATFORM_FIELDS: readonly SheetField[] = FIELDS.map((f) => f.field).filter(
  (f) => f !== "rdShare" && f !== "highTechShare" && f !== "year",
);
