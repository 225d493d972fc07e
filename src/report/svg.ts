/**
 * Inline SVG charts for the report, drawn from the comparison model: the region output fan of each
 * scenario (deterministic path, P50 dashed, P10–P90 band), on one shared scale so the fans compare, and
 * the probability of each target as grouped bars. Every label is escaped; no external references.
 */
import type { ComparisonModel, FanPoint } from "../compare/types.js";
import { escapeHtml } from "./escape.js";
import { formatNumber } from "./format.js";

export const PALETTE = ["#1f6fb2", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#7f6a4f"];
const colour = (k: number) => PALETTE[k % PALETTE.length];

const W = 560;
const H = 260;
const M = { top: 28, right: 16, bottom: 36, left: 64 };

/** About five round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const n = (v: number) => v.toFixed(1);

function axes(x: (v: number) => number, y: (v: number) => number, xs: number[], ys: number[], yFmt: (v: number) => string): string {
  const parts: string[] = [];
  for (const v of ys) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${n(y(v))}" y2="${n(y(v))}" class="grid"/>`);
    parts.push(`<text x="${M.left - 6}" y="${n(y(v) + 4)}" text-anchor="end">${escapeHtml(yFmt(v))}</text>`);
  }
  for (const v of xs) parts.push(`<text x="${n(x(v))}" y="${H - M.bottom + 18}" text-anchor="middle">${v}</text>`);
  parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" class="axis"/>`);
  return parts.join("");
}

const path = (pts: [number, number][]) => pts.map(([px, py], k) => `${k ? "L" : "M"}${n(px)},${n(py)}`).join("");

/** The value range every fan shares (deterministic values and quantiles of all scenarios). */
export function fanRange(model: ComparisonModel): [number, number] {
  const values = model.fans.flatMap((f) => f.points.flatMap((p) => [p.value, p.p10, p.p90])).filter((v): v is number => v !== null);
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  return [Math.max(0, lo - pad), hi + pad];
}

/** One scenario's fan: band P10–P90 where Monte Carlo ran, P50 dashed, deterministic path solid. */
export function fanChart(scenario: string, points: FanPoint[], k: number, range: [number, number]): string {
  const years = points.map((p) => p.year);
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  const x = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - ((v - range[0]) / (range[1] - range[0])) * (H - M.top - M.bottom);
  const banded = points.filter((p) => p.p10 !== null && p.p90 !== null);
  const band = banded.length
    ? `<path d="${path([...banded.map((p): [number, number] => [x(p.year), y(p.p90 as number)]), ...[...banded].reverse().map((p): [number, number] => [x(p.year), y(p.p10 as number)])])}Z" fill="${colour(k)}" fill-opacity="0.18" stroke="none"/>`
    : "";
  const medians = points.filter((p) => p.p50 !== null);
  const p50 =
    medians.length > 1
      ? `<path d="${path(medians.map((p) => [x(p.year), y(p.p50 as number)]))}" fill="none" stroke="${colour(k)}" stroke-dasharray="5 4"/>`
      : "";
  const line = points.filter((p) => p.value !== null);
  const det = `<path d="${path(line.map((p) => [x(p.year), y(p.value as number)]))}" fill="none" stroke="${colour(k)}" stroke-width="2"/>`;
  const dots = line
    .map(
      (p) =>
        `<circle cx="${n(x(p.year))}" cy="${n(y(p.value as number))}" r="3" fill="${colour(k)}"><title>${p.year}: ${formatNumber(p.value, "yi")} 亿元</title></circle>`,
    )
    .join("");
  const title = `<text x="${M.left}" y="18" class="title">${escapeHtml(scenario)} · 全市产值（亿元）/ region output</text>`;
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(scenario)}">${title}${axes(x, y, years, ticks(range[0], range[1]), (v) => formatNumber(v, "int"))}${band}${p50}${det}${dots}</svg>`;
}

/** Grouped bars: for each target, one bar per scenario with its probability. */
export function probabilityChart(model: ComparisonModel): string {
  const groups = model.targetBars;
  const count = model.scenarios.length;
  const bar = 14;
  const groupWidth = count * bar + 18;
  const width = Math.max(W, M.left + M.right + groups.length * groupWidth);
  const legendHeight = 18 * count;
  const height = H + legendHeight;
  const bottom = height - M.bottom - legendHeight;
  const y = (v: number) => bottom - v * (bottom - M.top);
  const parts: string[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${n(y(v))}" y2="${n(y(v))}" class="grid"/>`);
    parts.push(`<text x="${M.left - 6}" y="${n(y(v) + 4)}" text-anchor="end">${v * 100}%</text>`);
  }
  groups.forEach((g, j) => {
    const left = M.left + j * groupWidth + 9;
    g.probabilities.forEach((p, k) => {
      if (p === null) return;
      const top = y(p);
      parts.push(
        `<rect x="${n(left + k * bar)}" y="${n(top)}" width="${bar - 2}" height="${n(bottom - top)}" fill="${colour(k)}"><title>${escapeHtml(`${g.targetId} · ${model.scenarios[k].name}: ${formatNumber(p, "pct")}`)}</title></rect>`,
      );
    });
    parts.push(`<text x="${n(left + (count * bar) / 2)}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(g.targetId)}</text>`);
  });
  parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${bottom}" y2="${bottom}" class="axis"/>`);
  model.scenarios.forEach((s, k) => {
    const ly = bottom + 30 + k * 18;
    parts.push(
      `<rect x="${M.left}" y="${ly - 10}" width="12" height="12" fill="${colour(k)}"/><text x="${M.left + 18}" y="${ly}">${escapeHtml(s.name)}</text>`,
    );
  });
  const title = `<text x="${M.left}" y="18" class="title">目标达标概率 / probability of each target</text>`;
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="目标达标概率 probability of each target">${title}${parts.join("")}</svg>`;
}
