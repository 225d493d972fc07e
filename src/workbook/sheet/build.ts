/**
 * One data row → one Platform in canonical units, with an issue for every cell that cannot be read.
 * Amounts convert through models/units.ts, from a unit written in the cell ("2公顷") when there is one, else
 * from the column's unit; a cell unit of another kind than the column is an error. Shares become fractions; rd and high-tech value added may come
 * from a share column (share × output, share × value added).
 */
import { platform, type Platform } from "../../../models/platform.js";
import { CANONICAL, unitKind, type AnyUnit } from "../../../models/units.js";
import { isCellError } from "../grid.js";
import { cellText, parseLevel, parseNumber, parseStatus, type NumberCell } from "./cells.js";
import type { ColumnPlan } from "./columns.js";
import { FIELD_BY_NAME, type SheetField } from "./fields.js";
import { fieldCode, type IssueList } from "./issues.js";
import type { RawCell, RawRow } from "./rows.js";
import { units } from "./sheetUnits.js";
import { displayText } from "./text.js";

/** Columns whose blank cells are worth a warning: the figures targets are evaluated on. */
const INDICATORS = new Set<SheetField>([
  "valueAdded",
  "tax",
  "energy",
  "rd",
  "rdShare",
  "highTechValueAdded",
  "highTechShare",
  "employees",
]);
/** Cells whose errors stop the run: without them there is no platform to simulate. */
const REQUIRED = new Set<SheetField>(["name", "land", "output"]);
/** What a column holds, for unit messages. */
const KIND_WORDS: Record<string, [string, string]> = {
  money: ["金额", "money"],
  area: ["面积", "area"],
  energy: ["能耗", "energy"],
  ratio: ["比例", "a share"],
  count: ["个数", "a count"],
  year: ["年份", "a year"],
};

/** The unit written in a cell: "120亩" → 亩, "45%" typed as text → %; null for plain numbers. */
function writtenUnit(n: NumberCell, raw: RawCell): AnyUnit | null {
  if (n.kind !== "number") return null;
  return n.unit ?? (n.percent && typeof raw.value === "string" ? "%" : null);
}

/** Is the number written with a unit of another kind than the column holds? */
function unitMismatch(n: NumberCell, raw: RawCell, kind: string): boolean {
  const unit = writtenUnit(n, raw);
  return unit !== null && unitKind(unit) !== kind;
}

export interface BuiltRow {
  platform: Platform;
  /** Cells used by later checks. */
  cells: Map<SheetField, RawCell>;
}

export class RowBuilder {
  /** Share columns without "%" whose plain numbers are percentages (some exceed 1). */
  private readonly percentShares = new Set<SheetField>();

  constructor(
    private readonly plans: ColumnPlan[],
    rows: RawRow[],
    private readonly issues: IssueList,
    private readonly sheet: string,
  ) {
    for (const p of plans) {
      if (p.spec.kind !== "ratio" || p.unit === "%") continue;
      const over = rows.some((r) => {
        const n = parseNumber(r.cells.get(p.field)!.value, r.cells.get(p.field)!.format);
        return n.kind === "number" && !n.percent && !n.unit && n.value > 1;
      });
      if (over) {
        this.percentShares.add(p.field);
        issues.warn(
          "SHEET_SHARE_AS_PERCENT",
          p.cell,
          `列“${p.header}”有大于 1 的数值，按百分数读取（45 → 45%）`,
          `column "${p.header}" holds values above 1; read as percentages (45 → 45%)`,
        );
      }
    }
  }

  private plan(field: SheetField): ColumnPlan | undefined {
    return this.plans.find((p) => p.field === field);
  }

  /** A numeric cell in canonical units; null when blank, a dash, an error or not a number (with an issue). */
  private number(field: SheetField, raw: RawCell | undefined): number | null {
    if (!raw) return null;
    const spec = FIELD_BY_NAME.get(field)!;
    const unit = this.plan(field)!.unit;
    const n = parseNumber(raw.value, raw.format);
    if (n.kind === "blank" || n.kind === "dash") {
      if (n.kind === "blank" && INDICATORS.has(field)) {
        this.issues.warn("SHEET_MISSING_VALUE", raw.cell, `${spec.zh}为空`, `${spec.en} is blank`);
      }
      return null;
    }
    if (n.kind === "error") {
      this.issues.add(
        "SHEET_CELL_ERROR",
        REQUIRED.has(field) ? "error" : "warning",
        raw.cell,
        `${spec.zh}单元格为错误值 ${n.error}，按空值处理`,
        `${spec.en} cell holds the error ${n.error}; treated as blank`,
      );
      return null;
    }
    const yearText = spec.kind === "year" && n.kind === "invalid" ? /^\s*((?:19|20)\d{2})\s*年?\s*$/.exec(n.text) : null;
    if (n.kind === "invalid" && !yearText && !(spec.kind === "year" && raw.value instanceof Date)) {
      this.issues.error("SHEET_NOT_A_NUMBER", raw.cell, `${spec.zh}不是数字（“${n.text}”）`, `${spec.en} is not a number ("${n.text}")`);
      return null;
    }
    if (unitMismatch(n, raw, spec.kind)) {
      const text = cellText(raw.value),
        unit = writtenUnit(n, raw)!;
      const [zh, en] = KIND_WORDS[spec.kind] ?? [spec.kind, spec.kind];
      this.issues.error(
        "SHEET_CELL_UNIT_MISMATCH",
        raw.cell,
        `${spec.zh}“${text}”的单位与该列不符（该列为${zh}，“${unit}”不是${zh}单位）`,
        `${spec.en} "${text}": unit does not match the column (the column holds ${en}; "${unit}" is not a unit of ${en})`,
      );
      return null;
    }
    if (spec.kind === "year")
      return this.year(raw, yearText ? Number(yearText[1]) : n.kind === "number" ? n.value : (raw.value as Date).getUTCFullYear());
    if (n.kind !== "number") return null;
    // "1e400" and the like: left for the model's checks, which report them as out of range (SHEET_NON_FINITE).
    if (!Number.isFinite(n.value)) return n.value;
    if (n.value < 0) {
      const shown = typeof raw.value === "number" ? String(raw.value) : cellText(raw.value);
      this.issues.error(
        `SHEET_NEGATIVE_${fieldCode(field)}`,
        raw.cell,
        `${spec.zh}为负数（${shown}）`,
        `${spec.en} is negative (${shown})`,
      );
      return null;
    }
    if (spec.kind === "ratio")
      return this.share(field, raw, n.percent ? n.value : unit === "%" || this.percentShares.has(field) ? n.value / 100 : n.value);
    // A unit written in the cell overrides the column's. Values already in the canonical unit are kept as
    // typed (mathjs turns 100 亩 into 99.99999999999999 亩).
    const from = n.unit ?? unit;
    if (!from || spec.kind === "count" || from === CANONICAL[spec.kind as "money"]) return n.value;
    return units.toCanonical(n.value, from);
  }

  /** A share as a fraction; above 100 % is an error (a part cannot exceed its whole). */
  private share(field: SheetField, raw: RawCell, fraction: number): number | null {
    if (fraction <= 1) return fraction;
    const spec = FIELD_BY_NAME.get(field)!,
      pct = `${Number((fraction * 100).toPrecision(10))}%`;
    this.issues.error("SHEET_SHARE_ABOVE_100", raw.cell, `${spec.zh}为 ${pct}，超过 100%`, `${spec.en} is ${pct}, above 100 %`);
    return null;
  }

  private year(raw: RawCell, y: number): number | null {
    if (Number.isInteger(y) && y >= 1900 && y <= 2200) return y;
    this.issues.warn(
      "SHEET_BAD_YEAR",
      raw.cell,
      `年份“${cellText(raw.value)}”无效，已忽略`,
      `"${cellText(raw.value)}" is not a valid year; ignored`,
    );
    return null;
  }

  private text(field: SheetField, raw: RawCell | undefined): string {
    if (!raw) return "";
    if (isCellError(raw.value)) {
      const spec = FIELD_BY_NAME.get(field)!;
      this.issues.add(
        "SHEET_CELL_ERROR",
        REQUIRED.has(field) ? "error" : "warning",
        raw.cell,
        `${spec.zh}单元格为错误值 ${raw.value.error}`,
        `${spec.en} cell holds the error ${raw.value.error}`,
      );
      return "";
    }
    return displayText(cellText(raw.value));
  }

  /** The row's platform, or null when the row has no name (an error if it has figures). */
  build(raw: RawRow): BuiltRow | null {
    const get = (f: SheetField) => raw.cells.get(f);
    const name = this.text("name", get("name"));
    const num = (f: SheetField) => this.number(f, get(f));
    const figures = this.plans
      .filter((p) => ["money", "area", "energy", "count", "ratio"].includes(p.spec.kind))
      .some((p) => parseNumber(get(p.field)!.value).kind !== "blank");
    if (!name) {
      const cell = get("name")!.cell;
      if (figures && !isCellError(get("name")!.value)) {
        this.issues.error("SHEET_MISSING_NAME", cell, "有数据但缺少平台名称", "figures without a platform name");
      }
      return null;
    }
    if (!figures) {
      this.issues.warn("SHEET_EMPTY_ROW", get("name")!.cell, `“${name}”没有任何数据，已跳过`, `"${name}" has no figures; skipped`);
      return null;
    }
    const output = num("output");
    const valueAdded = num("valueAdded");
    const rdShare = num("rdShare");
    const htShare = num("highTechShare");
    const mainPlatform = this.text("mainPlatform", get("mainPlatform")) || null;
    const p = platform({
      name,
      county: this.text("county", get("county")),
      level: this.level(get("level")),
      status: this.status(get("status"), mainPlatform),
      mainPlatform,
      exitYear: num("exitYear"),
      developableLand: num("developableLand"),
      land: num("land") ?? 0,
      output: output ?? 0,
      valueAdded,
      tax: num("tax"),
      energy: num("energy"),
      rd: this.plan("rd") ? num("rd") : rdShare !== null && output !== null ? rdShare * output : null,
      highTechValueAdded: this.plan("highTechValueAdded")
        ? num("highTechValueAdded")
        : htShare !== null && valueAdded !== null
          ? htShare * valueAdded
          : null,
      strategicEmergingOutput: num("strategicEmergingOutput"),
      listedCompanies: num("listedCompanies"),
      enterprises100: num("enterprises100"),
      employees: num("employees"),
      emissions: num("emissions"),
      manualLand: num("manualLand"),
      manualEnergy: num("manualEnergy"),
      source: { sheet: this.sheet, row: raw.row + 1 },
    });
    if (!this.plan("rd") && rdShare !== null && output === null) this.noBase("rdShare", get("rdShare")!, "output");
    if (!this.plan("highTechValueAdded") && htShare !== null && valueAdded === null)
      this.noBase("highTechShare", get("highTechShare")!, "valueAdded");
    this.checkLandOutput(p, raw, output);
    return { platform: p, cells: raw.cells };
  }

  private noBase(share: SheetField, raw: RawCell, base: SheetField): void {
    const s = FIELD_BY_NAME.get(share)!,
      b = FIELD_BY_NAME.get(base)!;
    this.issues.warn(
      "SHEET_SHARE_WITHOUT_BASE",
      raw.cell,
      `有${s.zh}但缺少${b.zh}，无法换算`,
      `${s.en} given without ${b.en}; cannot convert`,
    );
  }

  private checkLandOutput(p: Platform, raw: RawRow, output: number | null): void {
    const landCell = raw.cells.get("land");
    const outCell = raw.cells.get("output");
    if (outCell && output === null && parseNumber(outCell.value).kind === "blank") {
      this.issues.warn("SHEET_MISSING_OUTPUT", outCell.cell, "规上工业产值为空，按 0 计", "output is blank; taken as 0");
    }
    if (!landCell || p.land > 0) return;
    const land = parseNumber(landCell.value);
    // Negative, erroneous or non-numeric land already has its own issue.
    if (land.kind === "error" || land.kind === "invalid" || (land.kind === "number" && land.value < 0)) return;
    if (unitMismatch(land, landCell, "area")) return;
    const landRead = land.kind === "number";
    if (p.output > 0) {
      this.issues.error(
        "SHEET_OUTPUT_WITHOUT_LAND",
        landCell.cell,
        `产值为 ${p.output} 亿元但工业用地面积为${landRead ? " 0" : "空"}`,
        `output is ${p.output} 亿元 but land in use is ${landRead ? "0" : "missing"}`,
      );
    } else if (!landRead) {
      this.issues.warn("SHEET_MISSING_LAND", landCell.cell, "工业用地面积为空，按 0 计", "land in use is blank; taken as 0");
    }
  }

  private level(raw: RawCell | undefined): Platform["level"] {
    const t = this.text("level", raw);
    if (!t) return null;
    const level = parseLevel(t);
    if (!level) this.issues.warn("SHEET_UNKNOWN_LEVEL", raw!.cell, `无法识别的级别“${t}”`, `unknown level "${t}"`);
    return level ?? null;
  }

  private status(raw: RawCell | undefined, mainPlatform: string | null): Platform["status"] {
    const t = this.text("status", raw);
    const status = t ? parseStatus(t) : undefined;
    if (t && !status) {
      this.issues.warn(
        "SHEET_UNKNOWN_STATUS",
        raw!.cell,
        `无法识别的整合类型“${t}”，按${mainPlatform ? "分区" : "保留"}处理`,
        `unknown status "${t}"; taken as ${mainPlatform ? "sub-park" : "kept"}`,
      );
    }
    return status ?? (mainPlatform ? "subPark" : "kept");
  }
}
