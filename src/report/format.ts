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

const SHANGHAI = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment on the Beijing clock, whatever the machine's time zone: "2026-12-02 20:37 (北京时间)". */
export function shanghaiTime(at: Date): string {
  const part = Object.fromEntries(SHANGHAI.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} (北京时间)`;
}
