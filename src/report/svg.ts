/**
 * Inline SVG charts for the report, drawn from the comparison model: the region output of every scenario
 * on one chart (P10–P90 bands, P50 lines, a legend, axis titles), and the probability of each target as
 * grouped bars, each labelled with its probability and its target id. Every label is escaped; no external references.
 */
import type { ComparisonModel } from "../compare/types.js";
import { escapeHtml } from "./escape.js";
import { formatNumber } from "./format.js";

export const PALETTE = ["#1f6fb2", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#7f6a4f"];
const colour = (k: number) => PALETTE[k % PALETTE.length];

const W = 560;
const H = 260;
const FAN_W = 440;
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

function axes(
  x: (v: number) => number,
  y: (v: number) => number,
  xs: number[],
  ys: number[],
  yFmt: (v: number) => string,
  width = W,
): string {
  const parts: string[] = [];
  for (const v of ys) {
    parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${n(y(v))}" y2="${n(y(v))}" class="grid"/>`);
    parts.push(`<text x="${M.left - 6}" y="${n(y(v) + 4)}" text-anchor="end">${escapeHtml(yFmt(v))}</text>`);
  }
  for (const v of xs) parts.push(`<text x="${n(x(v))}" y="${H - M.bottom + 18}" text-anchor="middle">${v}</text>`);
  parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" class="axis"/>`);
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

/**
 * All scenarios on one chart: each one's P10–P90 band (translucent, its colour) and its P50 line; a
 * scenario without Monte Carlo draws its deterministic path instead (dashed, said in the legend). Axis
 * titles, year ticks and a legend; the y range shared by every scenario (fanRange).
 */
export function overlaidFanChart(model: ComparisonModel): string {
  // Narrower than W: beside the probability bars on one A4 landscape page.
  const width = FAN_W;
  const height = H + 30 + 18 * model.fans.length;
  const bottom = H - M.bottom;
  const years = [...new Set(model.fans.flatMap((f) => f.points.map((p) => p.year)))].sort((a, b) => a - b);
  const [x0, x1] = [years[0] ?? 0, years[years.length - 1] ?? 1];
  const range = fanRange(model);
  const x = (v: number) => M.left + ((v - x0) / (x1 - x0 || 1)) * (width - M.left - M.right);
  const y = (v: number) => bottom - ((v - range[0]) / (range[1] - range[0])) * (bottom - M.top);
  const parts: string[] = [axes(x, y, years, ticks(range[0], range[1]), (v) => formatNumber(v, "int"), width)];
  parts.push(
    `<text x="${(M.left + width - M.right) / 2}" y="${bottom + 32}" text-anchor="middle" class="axis-title">年份 Year</text>`,
    `<text transform="translate(14 ${n((M.top + bottom) / 2)}) rotate(-90)" text-anchor="middle" class="axis-title">全市产值（亿元）Region output, 100M yuan</text>`,
  );
  const legend: string[] = [];
  model.fans.forEach((f, k) => {
    const banded = f.points.filter((p) => p.p10 !== null && p.p90 !== null && p.p10 !== p.p90);
    if (banded.length) {
      const edge = [...f.points.filter((p) => p.p10 !== null && p.p90 !== null)];
      parts.push(
        `<path class="band" d="${path([...edge.map((p): [number, number] => [x(p.year), y(p.p90 as number)]), ...[...edge].reverse().map((p): [number, number] => [x(p.year), y(p.p10 as number)])])}Z" fill="${colour(k)}" fill-opacity="0.16" stroke="none"/>`,
      );
    }
    const medians = f.points.filter((p) => p.p50 !== null);
    const line = medians.length > 1 ? medians.map((p): [number, number] => [x(p.year), y(p.p50 as number)]) : null;
    const det = f.points.filter((p) => p.value !== null).map((p): [number, number] => [x(p.year), y(p.value as number)]);
    parts.push(
      `<path class="p50" d="${path(line ?? det)}" fill="none" stroke="${colour(k)}" stroke-width="2"${line ? "" : ' stroke-dasharray="5 4"'}/>`,
    );
    const ly = H + 24 + k * 18;
    const what = line ? "" : " · 确定性路径 deterministic (no Monte Carlo)";
    legend.push(
      `<rect x="${M.left}" y="${ly - 10}" width="12" height="12" fill="${colour(k)}" fill-opacity="${banded.length ? 0.35 : 1}" stroke="${colour(k)}"/><text x="${M.left + 18}" y="${ly}" class="legend">${escapeHtml(f.scenario)}${what}</text>`,
    );
  });
  const title = `<text x="${M.left}" y="18" class="title">全市产值 region output：P50 线，P10–P90 阴影</text>`;
  return `<svg class="fan" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="全市产值扇形图 region output fan of every scenario">${title}${parts.join("")}${legend.join("")}</svg>`;
}

/** Grouped bars: for each target, one bar per scenario with its probability. */
export function probabilityChart(model: ComparisonModel): string {
  const groups = model.targetBars;
  const count = model.scenarios.length;
  const bar = 13;
  const groupWidth = count * bar + 10;
  const width = Math.max(W, M.left + M.right + groups.length * groupWidth);
  const legendHeight = 18 * count + 16;
  const height = H + 24 + legendHeight;
  const bottom = height - M.bottom - legendHeight;
  // Room above a 100 % bar for its label.
  const y = (v: number) => bottom - v * (bottom - M.top - 26);
  const parts: string[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${n(y(v))}" y2="${n(y(v))}" class="grid"/>`);
    parts.push(`<text x="${M.left - 6}" y="${n(y(v) + 4)}" text-anchor="end">${v * 100}%</text>`);
  }
  groups.forEach((g, j) => {
    const left = M.left + j * groupWidth + 5;
    g.probabilities.forEach((p, k) => {
      if (p === null) return;
      const top = y(p);
      const cx = left + k * bar + (bar - 1) / 2;
      parts.push(
        `<rect x="${n(left + k * bar)}" y="${n(top)}" width="${bar - 1}" height="${n(bottom - top)}" fill="${colour(k)}"><title>${escapeHtml(`${g.targetId} · ${model.scenarios[k].name}: ${formatNumber(p, "pct")}`)}</title></rect>`,
        // The probability written on the bar, upright above it: the chart reads without hovering, and prints.
        `<text class="bar-label" transform="translate(${n(cx + 3)} ${n(top - 3)}) rotate(-90)">${Math.round(p * 100)}%</text>`,
      );
    });
    parts.push(`<text x="${n(left + (count * bar) / 2)}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(g.targetId)}</text>`);
  });
  parts.push(`<line x1="${M.left}" x2="${width - M.right}" y1="${bottom}" y2="${bottom}" class="axis"/>`);
  parts.push(
    `<text x="${(M.left + width - M.right) / 2}" y="${bottom + 32}" text-anchor="middle" class="axis-title">目标 Target</text>`,
    `<text transform="translate(14 ${n((M.top + bottom) / 2)}) rotate(-90)" text-anchor="middle" class="axis-title">达标概率 Probability met</text>`,
  );
  model.scenarios.forEach((s, k) => {
    const ly = bottom + 52 + k * 18;
    parts.push(
      `<rect x="${M.left}" y="${ly - 10}" width="12" height="12" fill="${colour(k)}"/><text x="${M.left + 18}" y="${ly}">${escapeHtml(s.name)}</text>`,
    );
  });
  const title = `<text x="${M.left}" y="18" class="title">目标达标概率 / probability of each target</text>`;
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="目标达标概率 probability of each target">${title}${parts.join("")}</svg>`;
}
