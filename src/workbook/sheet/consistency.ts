/**
 * The consistency report: figures that are readable but unlikely together, each a warning naming its cell
 * and the cell it is compared with. Value added above output is already the model's error (models/validate.ts
 * EXCEEDS_TOTAL) and tax above output its warning; here: 亩均产出 and 亩均税收 outside plausible ranges, tax
 * above value added, and, across the years of a multi-year sheet, a jump of output or land between two
 * successive years the sheet gives of more than JUMP_FACTOR up or down.
 */
import { WAN_PER_YI } from "../../../models/perMu.js";
import { METRIC_TERMS } from "../../../models/vocabulary.js";
import { parseNumber } from "./cells.js";
import type { BuiltRow } from "./build.js";
import type { IssueList } from "./issues.js";
import { rowCell } from "./modelChecks.js";

/**
 * Plausible 亩均 figures, 万元/亩 (documented in src/workbook/README.md). Zhejiang's platform evaluations see
 * 亩均产出 of about 50–800 and 亩均税收 of about 3–50; the limits sit roughly ten times beyond, so a figure
 * outside is most likely a unit slip (万元 read as 亿元, 公顷 as 亩) rather than a real platform.
 */
export const PER_MU_LIMITS = {
  outputPerMu: { low: 5, high: 5_000 },
  taxPerMu: { low: 0.2, high: 400 },
} as const;

/** A year-on-year change of output or land beyond ×3 or ÷3 is reported (a unit slip or a redrawn boundary). */
export const JUMP_FACTOR = 3;

const shown = (v: number): string => String(Number(v.toPrecision(4)));

function hasNumber(row: BuiltRow, field: "land" | "output"): boolean {
  const raw = row.cells.get(field);
  return raw !== undefined && parseNumber(raw.value, raw.format).kind === "number";
}

/** Cells that already carry an error: a figure there is not compared again. */
function errorCells(issues: IssueList): Set<string> {
  return new Set(issues.items.filter((i) => i.severity === "error" && i.cell !== null).map((i) => i.cell!));
}

/** How many platforms a 亩均 note lists before "and N more". */
const LISTED = 10;

/**
 * 亩均 ranges (one note per figure for the sheet, listing each platform outside with its cells: a unit slip
 * usually hits a whole column) and tax above value added, row by row. `year` names the year on multi-year sheets.
 */
export function checkConsistency(rows: readonly BuiltRow[], issues: IssueList, year?: number): void {
  const taken = errorCells(issues);
  const see = (cell: string | null) => (cell ? `${issues.sheet}!${cell}` : "");
  const clean = (cell: string | null) => cell !== null && !taken.has(cell);
  const outside: Record<keyof typeof PER_MU_LIMITS, { zh: string; en: string }[]> = { outputPerMu: [], taxPerMu: [] };
  for (const row of rows) {
    const p = row.platform;
    const landCell = rowCell(row, "land");
    if (!hasNumber(row, "land") || !(p.land > 0) || !clean(landCell)) continue;
    const perMu: [keyof typeof PER_MU_LIMITS, "output" | "tax", number | null][] = [
      ["outputPerMu", "output", hasNumber(row, "output") ? p.output : null],
      ["taxPerMu", "tax", p.tax],
    ];
    for (const [metric, field, amount] of perMu) {
      const cell = rowCell(row, field);
      if (amount === null || !(amount > 0) || !clean(cell)) continue;
      const value = (amount * WAN_PER_YI) / p.land;
      const { low, high } = PER_MU_LIMITS[metric];
      if (value >= low && value <= high) continue;
      outside[metric].push({
        zh: `“${p.name}”${shown(value)}（${cell}，对照 ${landCell}）`,
        en: `"${p.name}" ${shown(value)} (${cell}, see ${landCell})`,
      });
    }
  }
  for (const metric of ["outputPerMu", "taxPerMu"] as const) {
    const list = outside[metric];
    if (list.length === 0) continue;
    const { low, high } = PER_MU_LIMITS[metric];
    const term = METRIC_TERMS[metric].name;
    const more = list.length > LISTED ? list.length - LISTED : 0;
    const shownList = list.slice(0, LISTED);
    const inYear = year === undefined ? "" : `${year} 年`;
    issues.warn(
      `SHEET_${metric === "outputPerMu" ? "OUTPUT" : "TAX"}_PER_MU_IMPLAUSIBLE`,
      null,
      `${inYear}${term.zh}超出合理范围 ${low}–${high} 万元/亩：${shownList.map((x) => x.zh).join("、")}${more ? ` 等 ${list.length} 个平台` : ""}（万元/亩），请检查金额与用地的单位`,
      `${term.en.toLowerCase()}${year === undefined ? "" : ` in ${year}`} outside a plausible ${low}–${high} 万元/亩: ${shownList.map((x) => x.en).join(", ")}${more ? ` and ${more} more` : ""} (万元/亩); check the units of the amounts and the land`,
    );
  }
  for (const row of rows) {
    const p = row.platform;
    const taxCell = rowCell(row, "tax"),
      vaCell = rowCell(row, "valueAdded");
    // Tax above output is the model's own warning (TAX_ABOVE_OUTPUT): reported once, there.
    const aboveOutput = hasNumber(row, "output") && p.tax !== null && p.tax > p.output;
    if (
      p.tax !== null &&
      p.valueAdded !== null &&
      p.valueAdded > 0 &&
      p.tax > p.valueAdded &&
      !aboveOutput &&
      clean(taxCell) &&
      clean(vaCell)
    ) {
      issues.warn(
        "SHEET_TAX_ABOVE_VALUE_ADDED",
        taxCell,
        `税收（${shown(p.tax)} 亿元）大于规上工业增加值（${shown(p.valueAdded)} 亿元），请检查单位（对照 ${see(vaCell)}）`,
        `tax (${shown(p.tax)} 亿元) exceeds value added (${shown(p.valueAdded)} 亿元); check the units (see ${see(vaCell)})`,
      );
    }
  }
}

/** One platform's figure in one year, with the cell it was read from ("sheet!A1"). */
export interface YearFigure {
  year: number;
  value: number;
  cell: string | null;
}

/**
 * Output or land jumping by more than JUMP_FACTOR between successive years a platform has (oldest first):
 * a warning at the later year's cell. `warn` places it in the later year's sheet.
 */
export function checkJumps(
  name: string,
  field: "output" | "land",
  series: readonly YearFigure[],
  warn: (year: number, cell: string | null, zh: string, en: string) => void,
): void {
  const label =
    field === "output" ? { zh: "规上工业产值", en: "output", unit: "亿元" } : { zh: "工业用地面积", en: "land in use", unit: "亩" };
  for (let k = 1; k < series.length; k++) {
    const a = series[k - 1],
      b = series[k];
    if (!(a.value > 0) || !(b.value > 0)) continue;
    const ratio = b.value / a.value;
    if (ratio <= JUMP_FACTOR && ratio >= 1 / JUMP_FACTOR) continue;
    const change = ratio > 1 ? `×${shown(ratio)}` : `÷${shown(1 / ratio)}`;
    warn(
      b.year,
      b.cell,
      `平台“${name}”${label.zh}由 ${a.year} 年的 ${shown(a.value)} ${label.unit}变为 ${b.year} 年的 ${shown(b.value)} ${label.unit}（${change}），超过 ${JUMP_FACTOR} 倍，请检查（对照 ${a.cell ?? a.year}）`,
      `platform "${name}": ${label.en} goes from ${shown(a.value)} ${label.unit} in ${a.year} to ${shown(b.value)} ${label.unit} in ${b.year} (${change}), beyond a factor of ${JUMP_FACTOR}; check it (see ${a.cell ?? a.year})`,
    );
  }
}
