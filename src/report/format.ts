/** Numbers as the report shows them: the sheet's formats (亿元 2 decimals, 万元/亩 1, % 1, integers), "—" for missing. */
import type { CellFormat } from "../workbook/sheetSpec.js";

const DIGITS: Record<CellFormat, number> = { yi: 2, perMu: 1, pct: 1, int: 0, ratio3: 3, text: 0 };

export function formatNumber(value: number | null, fmt: CellFormat): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const x = fmt === "pct" ? value * 100 : value;
  const digits = DIGITS[fmt];
  const shown = x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return fmt === "pct" ? `${shown}%` : shown;
}

/** A difference with its sign ("+12.30", "−3.0", "0"). */
export function formatDiff(value: number | null, fmt: CellFormat): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const shown = formatNumber(Math.abs(value), fmt);
  if (/^[0.,%]+$/.test(shown)) return shown;
  return (value > 0 ? "+" : "−") + shown;
}
