/** Output over the years: the deterministic path as a line over the Monte Carlo P10–P90 band. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { FanPoint } from "../../hooks/resultView.js";
import { linear, niceAxis } from "./scale.js";

export interface FanChartProps {
  points: FanPoint[];
  title: string;
  legendLine: string;
  legendBand: string;
}

const W = 320;
const H = 190;
const M = { left: 44, right: 10, top: 10, bottom: 38 };

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  title: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0` },
});

export function FanChart({ points, title, legendLine, legendBand }: FanChartProps) {
  const styles = useStyles();
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
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className={styles.title}>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="fan-chart">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} strokeWidth={0.5} style={{ stroke: tokens.colorNeutralStroke2 }} />
            <text x={M.left - 4} y={y(t) + 3} fontSize={9} textAnchor="end" style={{ fill: tokens.colorNeutralForeground3 }}>
              {t.toLocaleString("en-US")}
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
      </svg>
    </figure>
  );
}
