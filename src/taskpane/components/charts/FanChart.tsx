/**
 * Output over the years: the deterministic path as a line over the Monte Carlo P10–P90 band; each year a
 * focusable point whose tooltip gives the year, the value and P10 / P50 / P90.
 */
import { tokens } from "@fluentui/react-components";
import type { Translate } from "../../../i18n/index.js";
import type { FanPoint } from "../../hooks/resultView.js";
import { ChartFrame } from "./ChartFrame.js";
import { linear, niceAxis } from "./scale.js";

export interface FanChartProps {
  points: FanPoint[];
  title: string;
  legendLine: string;
  legendBand: string;
  fileBase: string;
  t: Translate;
}

const W = 320;
const H = 190;
const M = { left: 44, right: 10, top: 10, bottom: 38 };
const fmt = (v: number | null) =>
  v === null || !Number.isFinite(v) ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** The tooltip of one year: "2019", the deterministic value, P10 · P50 · P90 where the Monte Carlo has them. */
export function fanTipLines(p: FanPoint, t: Translate): string[] {
  const lines = [String(p.year), t("chart.tipValue", { value: fmt(p.value) })];
  if (p.p10 !== null && p.p90 !== null) lines.push(`P10 ${fmt(p.p10)} · P50 ${fmt(p.p50)} · P90 ${fmt(p.p90)}`);
  return lines;
}

export function FanChart({ points, title, legendLine, legendBand, fileBase, t }: FanChartProps) {
  if (points.length === 0) return null;
  const banded = points.filter((p) => p.p10 !== null && p.p90 !== null);
  const values = points.flatMap((p) => [p.value, p.p10 ?? p.value, p.p90 ?? p.value]).filter(Number.isFinite);
  const { domain, ticks } = niceAxis(Math.min(...values), Math.max(...values));
  const x = linear(points[0].year, points[points.length - 1].year, M.left, W - M.right);
  const y = linear(domain[0], domain[1], H - M.bottom, M.top);
  const line = points.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const band =
    banded.length > 1
      ? [
          ...banded.map((p) => `${x(p.year).toFixed(1)},${y(p.p90!).toFixed(1)}`),
          ...[...banded].reverse().map((p) => `${x(p.year).toFixed(1)},${y(p.p10!).toFixed(1)}`),
        ].join(" ")
      : null;
  const last = points[points.length - 1];
  const step = points.length > 1 ? (W - M.left - M.right) / (points.length - 1) : W - M.left - M.right;
  return (
    <ChartFrame title={title} width={W} height={H} testId="fan-chart" fileBase={fileBase} t={t}>
      {(tip) => (
        <>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} strokeWidth={0.5} style={{ stroke: tokens.colorNeutralStroke2 }} />
              <text x={M.left - 4} y={y(v) + 3} fontSize={9} textAnchor="end" style={{ fill: tokens.colorNeutralForeground3 }}>
                {v.toLocaleString("en-US")}
              </text>
            </g>
          ))}
          {points.map((p) => (
            <text
              key={p.year}
              x={x(p.year)}
              y={H - M.bottom + 12}
              fontSize={9}
              textAnchor="middle"
              style={{ fill: tokens.colorNeutralForeground3 }}
            >
              {p.year}
            </text>
          ))}
          {band && <polygon points={band} style={{ fill: tokens.colorBrandBackground2 }} data-testid="fan-band" />}
          <polyline points={line} fill="none" strokeWidth={2} style={{ stroke: tokens.colorBrandForeground1 }} data-testid="fan-line" />
          <text
            x={x(last.year) - 2}
            y={y(last.value) - 5}
            fontSize={9}
            textAnchor="end"
            style={{ fill: tokens.colorBrandForeground1 }}
            data-testid="fan-last"
          >
            {last.value.toFixed(2)}
          </text>
          {points.map((p) => {
            const key = String(p.year);
            const lines = fanTipLines(p, t);
            const on = tip.active === key;
            return (
              <g key={key} {...tip.point(key, x(p.year), y(p.value), lines)} data-testid="fan-point" data-year={p.year}>
                <title>{lines.join("\n")}</title>
                <rect x={x(p.year) - step / 2} y={M.top} width={step} height={H - M.top - M.bottom} fill="transparent" data-export="skip" />
                {on && p.p10 !== null && p.p90 !== null && (
                  <line
                    x1={x(p.year)}
                    x2={x(p.year)}
                    y1={y(p.p10)}
                    y2={y(p.p90)}
                    strokeWidth={1}
                    style={{ stroke: tokens.colorNeutralForeground2 }}
                    data-export="skip"
                  />
                )}
                <circle
                  cx={x(p.year)}
                  cy={y(p.value)}
                  r={on ? 4 : 2.5}
                  strokeWidth={on ? 2 : 1}
                  style={{ fill: tokens.colorNeutralBackground1, stroke: tokens.colorBrandForeground1 }}
                />
              </g>
            );
          })}
          <g transform={`translate(${M.left}, ${H - 12})`} fontSize={9} style={{ fill: tokens.colorNeutralForeground2 }}>
            <line x1={0} x2={14} y1={-3} y2={-3} strokeWidth={2} style={{ stroke: tokens.colorBrandForeground1 }} />
            <text x={18} y={0}>
              {legendLine}
            </text>
            {band && <rect x={120} y={-8} width={14} height={9} style={{ fill: tokens.colorBrandBackground2 }} />}
            {band && (
              <text x={138} y={0}>
                {legendBand}
              </text>
            )}
          </g>
        </>
      )}
    </ChartFrame>
  );
}
