/**
 * What the engine refuses or doubts in the platform records: inputs for which model.md's equations are
 * undefined (errors) and figures no platform can plausibly have (warnings). One implementation for every
 * caller: the sheet reader runs `platformProblems` and maps each problem's platform and field back to its
 * sheet cell; `simulate` runs `validatePlatforms`, which throws on the errors, for callers that build
 * platforms in code (the custom functions, scripts).
 *
 * With every figure below its error limit, any sum the model forms over platforms and years stays finite
 * (10⁶ 亿元 × a million platforms is still 10¹²), so non-finite totals cannot arise from the sheet.
 */
import { PLATFORM_FIELD_LABELS as LABELS, type Platform, type PlatformField } from "./platform.js";

export type PlatformProblemCode =
  | "NO_PLATFORMS"
  | "NO_NAME"
  | "DUPLICATE_NAME"
  | "NOT_A_YEAR"
  | "NON_FINITE"
  | "NEGATIVE"
  | "IMPOSSIBLE"
  | "IMPLAUSIBLE"
  | "EXCEEDS_TOTAL"
  | "TAX_ABOVE_OUTPUT"
  | "ENERGY_INTENSITY_HIGH"
  | "DEVELOPABLE_BELOW_LAND"
  | "OUTPUT_WITHOUT_LAND";

export interface PlatformProblem {
  code: PlatformProblemCode;
  severity: "error" | "warning";
  /** Position of the platform in the input; -1 for the list as a whole. */
  index: number;
  platform: string;
  /** The field at fault ("platforms" for the list as a whole). */
  field: PlatformField | "platforms";
  /** The field the message compares with (tax with output …), so a sheet can name both cells. */
  related?: PlatformField;
  /** Messages without the platform's name or place: callers prefix one ("平台“X”", "嘉兴表!E7："). */
  zh: string;
  en: string;
}

export class PlatformInputError extends Error {
  constructor(readonly problems: PlatformProblem[]) {
    super(problems.map((p) => `平台“${p.platform}”${p.zh} / platform "${p.platform}": ${p.en}`).join("\n"));
    this.name = "PlatformInputError";
  }
}

/** The numeric figures of a platform, each with its unit and limits. */
export type Figure = Exclude<PlatformField, "name" | "exitYear">;

export interface FieldLimit {
  /** Canonical unit, as messages print it ("" for counts). */
  unit: string;
  /** Above this the figure is reported as implausible (a warning: most likely a unit error). */
  warnAbove: number | null;
  /** Above this no platform can have the figure: an error. */
  errorAbove: number;
}

const MONEY: FieldLimit = { unit: "亿元", warnAbove: 20_000, errorAbove: 1_000_000 };
const LAND: FieldLimit = { unit: "亩", warnAbove: 500_000, errorAbove: 10_000_000 };
const ENERGY: FieldLimit = { unit: "万吨标煤", warnAbove: 5_000, errorAbove: 100_000 };
const COMPANIES: FieldLimit = { unit: "", warnAbove: 1_000, errorAbove: 1_000_000 };

/**
 * Plausible magnitudes per field, in the model's units (documented in src/workbook/README.md): 10⁶ 亿元 is
 * more than China's GDP, 10⁷ 亩 (6,667 km²) more than a prefecture-level city, 10⁵ 万吨标煤 a sixth of
 * China's energy use; the warning limits sit above the largest platforms in the country.
 */
export const PLAUSIBLE_LIMITS: Record<Figure, FieldLimit> = {
  output: MONEY,
  valueAdded: MONEY,
  tax: MONEY,
  rd: MONEY,
  highTechValueAdded: MONEY,
  strategicEmergingOutput: MONEY,
  land: LAND,
  manualLand: LAND,
  developableLand: { ...LAND, warnAbove: 1_000_000 },
  energy: ENERGY,
  manualEnergy: ENERGY,
  listedCompanies: COMPANIES,
  enterprises100: COMPANIES,
  employees: { unit: "人", warnAbove: 2_000_000, errorAbove: 100_000_000 },
  emissions: { unit: "", warnAbove: null, errorAbove: Number.MAX_VALUE },
};

const FIGURES = Object.keys(PLAUSIBLE_LIMITS) as Figure[];

/** Parts that cannot exceed their whole (an error), and tax, which plausibly does not (a warning). */
const PARTS: readonly [Figure, Figure, "error" | "warning"][] = [
  ["valueAdded", "output", "error"],
  ["strategicEmergingOutput", "output", "error"],
  ["rd", "output", "error"],
  ["highTechValueAdded", "valueAdded", "error"],
  ["tax", "output", "warning"],
];

/** Energy per value added above this (吨标煤/万元, = 万吨标煤 per 亿元) is a warning: twenty times China's average. */
export const ENERGY_INTENSITY_WARN = 10;

/** A number as messages print it: 1200000, 0.35, 1e+308. */
function shown(v: number): string {
  return Math.abs(v) >= 1e15 || (v !== 0 && Math.abs(v) < 1e-6)
    ? v.toExponential(3).replace(/\.?0+e/, "e")
    : String(Number(v.toPrecision(10)));
}

function amount(v: number, field: Figure): string {
  const unit = PLAUSIBLE_LIMITS[field].unit;
  return unit ? `${shown(v)} ${unit}` : shown(v);
}

/** Every problem of the platforms, in input order, platform by platform. */
export function platformProblems(platforms: readonly Platform[]): PlatformProblem[] {
  const problems: PlatformProblem[] = [];
  const seen = new Set<string>();
  platforms.forEach((p, index) => {
    const add = (
      code: PlatformProblemCode,
      severity: "error" | "warning",
      field: PlatformProblem["field"],
      zh: string,
      en: string,
      related?: PlatformField,
    ) => problems.push({ code, severity, index, platform: p.name, field, ...(related ? { related } : {}), zh, en });
    if (!p.name) add("NO_NAME", "error", "name", "缺少名称", "has no name");
    if (seen.has(p.name)) add("DUPLICATE_NAME", "error", "name", "名称重复", "appears twice");
    seen.add(p.name);
    if (p.exitYear !== null && !Number.isInteger(p.exitYear))
      add("NOT_A_YEAR", "error", "exitYear", `退出年份不是整数年份（${p.exitYear}）`, `exit year is not a whole year (${p.exitYear})`);

    const usable = new Set<Figure>();
    for (const field of FIGURES) {
      const v = p[field];
      if (v === null) continue;
      const { zh, en } = LABELS[field];
      const limit = PLAUSIBLE_LIMITS[field];
      if (!Number.isFinite(v)) {
        add(
          "NON_FINITE",
          "error",
          field,
          `${zh}换算为模型单位后超出可计算范围（${v}）`,
          `${en} is out of the computable range after unit conversion (${v})`,
        );
      } else if (v < 0) {
        add("NEGATIVE", "error", field, `${zh}为负数（${amount(v, field)}）`, `${en} is negative (${amount(v, field)})`);
      } else if (v > limit.errorAbove) {
        add(
          "IMPOSSIBLE",
          "error",
          field,
          `${zh}为 ${amount(v, field)}，超过任何平台可能的上限 ${amount(limit.errorAbove, field)}，请检查单位`,
          `${en} is ${amount(v, field)}, above what any platform can have (${amount(limit.errorAbove, field)}); check the unit`,
        );
      } else {
        usable.add(field);
        if (limit.warnAbove !== null && v > limit.warnAbove) {
          add(
            "IMPLAUSIBLE",
            "warning",
            field,
            `${zh}为 ${amount(v, field)}，超过合理范围（${amount(limit.warnAbove, field)}），请检查单位`,
            `${en} is ${amount(v, field)}, beyond a plausible ${amount(limit.warnAbove, field)}; check the unit`,
          );
        }
      }
    }
    for (const [part, whole, severity] of PARTS) {
      const a = p[part],
        b = p[whole];
      if (!usable.has(part) || !usable.has(whole) || a === null || b === null || !(b > 0) || a <= b) continue;
      const [pz, pe] = [LABELS[part].zh, LABELS[part].en],
        [wz, we] = [LABELS[whole].zh, LABELS[whole].en];
      if (severity === "error") {
        add(
          "EXCEEDS_TOTAL",
          "error",
          part,
          `${pz}（${amount(a, part)}）大于${wz}（${amount(b, whole)}），不可能`,
          `${pe} (${amount(a, part)}) exceeds ${we} (${amount(b, whole)}), which cannot be`,
          whole,
        );
      } else {
        add(
          "TAX_ABOVE_OUTPUT",
          "warning",
          part,
          `${pz}（${amount(a, part)}）大于${wz}（${amount(b, whole)}），请检查单位`,
          `${pe} (${amount(a, part)}) exceeds ${we} (${amount(b, whole)}); check the units`,
          whole,
        );
      }
    }
    if (usable.has("energy") && usable.has("valueAdded") && p.valueAdded! > 0 && p.energy! / p.valueAdded! > ENERGY_INTENSITY_WARN) {
      const e = shown(p.energy! / p.valueAdded!);
      add(
        "ENERGY_INTENSITY_HIGH",
        "warning",
        "energy",
        `单位增加值能耗 ${e} 吨标煤/万元，超过合理范围（${ENERGY_INTENSITY_WARN}），请检查能耗或增加值的单位`,
        `energy per value added is ${e} 吨标煤/万元, beyond a plausible ${ENERGY_INTENSITY_WARN}; check the units of energy use and value added`,
        "valueAdded",
      );
    }
    if (usable.has("developableLand") && usable.has("land") && p.developableLand! < p.land) {
      add(
        "DEVELOPABLE_BELOW_LAND",
        "warning",
        "developableLand",
        `可开发空间（${amount(p.developableLand!, "developableLand")}）小于工业用地面积（${amount(p.land, "land")}）：模型按没有剩余空间计算，不再分配新增用地，也不承接退出平台迁入的产值；现有用地不变`,
        `developable land (${amount(p.developableLand!, "developableLand")}) is below land in use (${amount(p.land, "land")}): the model takes it as no headroom, grants no new land and takes in no relocated output; the land in use stays as it is`,
        "land",
      );
    }
    if (p.output > 0 && !(p.land > 0)) add("OUTPUT_WITHOUT_LAND", "error", "land", "有产值但没有用地", "has output but no land", "output");
  });
  if (platforms.length === 0)
    problems.push({
      code: "NO_PLATFORMS",
      severity: "error",
      index: -1,
      platform: "—",
      field: "platforms",
      zh: "没有平台",
      en: "no platforms",
    });
  return problems;
}

/** Throw a PlatformInputError with every error-severity problem; warnings are the sheet reader's to report. */
export function validatePlatforms(platforms: readonly Platform[]): void {
  const errors = platformProblems(platforms).filter((p) => p.severity === "error");
  if (errors.length > 0) throw new PlatformInputError(errors);
}
