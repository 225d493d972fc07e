/**
 * The platform record: one row of the analyst's platform sheet, in the model's canonical units
 * (亿元, 亩, 万吨标煤, 万元/亩). Conversions happen when the sheet is read (models/units.ts), never here.
 */

import type { PlatformHistory } from "./history/panel.js";

/** Administrative level of a platform: 国家级 / 省级 / 市级 / 县级 / 乡镇. */
export type Level = "national" | "provincial" | "municipal" | "county" | "township";

/**
 * Status after integration (the sheet's 处置/整合类型 column):
 * main 主平台, subPark 分区/分园 (merged into a main platform), kept 保留, exit 退出, transform 转型.
 */
export type Status = "main" | "subPark" | "kept" | "exit" | "transform";

export const LEVELS: readonly Level[] = ["national", "provincial", "municipal", "county", "township"];
export const STATUSES: readonly Status[] = ["main", "subPark", "kept", "exit", "transform"];

export const LEVEL_LABELS: Record<Level, { zh: string; en: string }> = {
  national: { zh: "国家级", en: "national" },
  provincial: { zh: "省级", en: "provincial" },
  municipal: { zh: "市级", en: "municipal" },
  county: { zh: "县级", en: "county" },
  township: { zh: "乡镇", en: "township" },
};

export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  main: { zh: "主平台", en: "main platform" },
  subPark: { zh: "分区", en: "sub-park" },
  kept: { zh: "保留", en: "kept" },
  exit: { zh: "退出", en: "exit" },
  transform: { zh: "转型", en: "transform" },
};

/** The figures of a Platform that messages name (numbers the sheet gives, plus the name and the exit year). */
export type PlatformField =
  | "name"
  | "exitYear"
  | "developableLand"
  | "land"
  | "output"
  | "valueAdded"
  | "tax"
  | "energy"
  | "rd"
  | "highTechValueAdded"
  | "strategicEmergingOutput"
  | "listedCompanies"
  | "enterprises100"
  | "employees"
  | "emissions"
  | "manualLand"
  | "manualEnergy";

/** How messages name each field: the sheet's usual header in Chinese, a short English name. */
export const PLATFORM_FIELD_LABELS: Record<PlatformField, { zh: string; en: string }> = {
  name: { zh: "平台名称", en: "platform name" },
  exitYear: { zh: "退出年份", en: "exit year" },
  developableLand: { zh: "可开发空间", en: "developable land" },
  land: { zh: "工业用地面积", en: "land in use" },
  output: { zh: "规上工业产值", en: "output" },
  valueAdded: { zh: "规上工业增加值", en: "value added" },
  tax: { zh: "税收", en: "tax" },
  energy: { zh: "能耗", en: "energy use" },
  rd: { zh: "研发投入", en: "R&D spend" },
  highTechValueAdded: { zh: "高新技术产业增加值", en: "high-tech value added" },
  strategicEmergingOutput: { zh: "战略性新兴产业产值", en: "strategic emerging output" },
  listedCompanies: { zh: "上市公司", en: "listed companies" },
  enterprises100: { zh: "百亿企业", en: "enterprises ≥100亿" },
  employees: { zh: "从业人员", en: "employees" },
  emissions: { zh: "主要污染物排放", en: "emissions" },
  manualLand: { zh: "新增用地", en: "manual land grant" },
  manualEnergy: { zh: "能耗指标", en: "energy quota" },
};

/** Where a record came from, so messages can name the sheet and row. */
export interface SourceRef {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
}

export interface Platform {
  name: string;
  county: string;
  level: Level | null;
  status: Status;
  /** 整合去向: the main platform a sub-park merges into, or the receiver of an exit's relocated output. */
  mainPlatform: string | null;
  /** First year an exit or transform produces nothing; null = the first projected year. */
  exitYear: number | null;
  /** 可开发空间 D, 亩 (total land the platform may reach); null = no headroom beyond land in use. */
  developableLand: number | null;
  /** 工业用地 in use L0, 亩. */
  land: number;
  /** 规上工业产值 Y0, 亿元. */
  output: number;
  /** 规上工业增加值 V0, 亿元. */
  valueAdded: number | null;
  /** 税收 T0, 亿元. */
  tax: number | null;
  /** 能耗 E0, 万吨标煤. */
  energy: number | null;
  /** R&D spend R0, 亿元. */
  rd: number | null;
  /** High-tech industry value added H0, 亿元. */
  highTechValueAdded: number | null;
  /** 战略性新兴产业产值, 亿元. */
  strategicEmergingOutput: number | null;
  listedCompanies: number | null;
  /** Enterprises with output ≥ 100亿. */
  enterprises100: number | null;
  employees: number | null;
  /** Main pollutant emissions (as the sheet gives them); rarely present. */
  emissions: number | null;
  /** Manual land grant per year, 亩 (the sheet's 新增用地 column), used by the manual strategy. */
  manualLand: number | null;
  /** Manual energy quota per year, 万吨标煤, used by the manual energy strategy. */
  manualEnergy: number | null;
  source?: SourceRef;
  /** Figures of the years before the base year, oldest first (models/history/panel.ts); absent = none. */
  history?: PlatformHistory;
}

/** A platform with every optional figure unset: a base for tests and builders. */
export function platform(fields: Partial<Platform> & Pick<Platform, "name" | "land" | "output">): Platform {
  return {
    county: "",
    level: null,
    status: "kept",
    mainPlatform: null,
    exitYear: null,
    developableLand: null,
    valueAdded: null,
    tax: null,
    energy: null,
    rd: null,
    highTechValueAdded: null,
    strategicEmergingOutput: null,
    listedCompanies: null,
    enterprises100: null,
    employees: null,
    emissions: null,
    manualLand: null,
    manualEnergy: null,
    ...fields,
  };
}

export function isExiting(p: Pick<Platform, "status">): boolean {
  return p.status === "exit" || p.status === "transform";
}
