/** 亩均产出 per main platform as horizontal bars with P10–P90 whiskers, against the 500 万元/亩 line. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { PER_MU_BENCHMARK, type PerMuBar } from "../../hooks/resultView.js";
import { linear, niceAxis } from "./scale.js";

export interface PerMuBarsProps {
  bars: PerMuBar[];
  title: string;
}

const W = 320;
const ROW = 18;
const M = { left: 110, right: 40, top: 6, bottom: 18 };

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  title: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0` },
});

/** Long platform names are cut to fit the label column (the full name is in the bar's tooltip). */
const short = (name: string) => (name.length > 9 ? `${name.slice(0, 8)}…` : name);

export function PerMuBars({ bars, title }: PerMuBarsProps) {
  const styles = useStyles();
  if (bars.length === 0) return null;
  const H = M.top + M.bottom + bars.length * ROW;
  const top = Math.max(PER_MU_BENCHMARK, ...bars.flatMap((b) => [b.value, b.p90 ?? 0]).filter(Number.isFinite));
  const { domain, ticks } = niceAxis(0, top, 4);
  const x = linear(0, domain[1], M.left, W - M.right);
  const good = { fill: tokens.colorPaletteGreenBackground3 };
  const short_ = { fill: tokens.colorPaletteDarkOrangeBackground3 };
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className={styles.title}>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="permu-chart">
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={H - 4} fontSize={9} textAnchor="middle" style={{ fill: tokens.colorNeutralForeground3 }}>
            {t}
          </text>
        ))}
        {bars.map((b, i) => {
          const cy = M.top + i * ROW + ROW / 2;
          const v = Number.isFinite(b.value) ? b.value : 0;
          return (
            <g key={b.name} data-testid="permu-bar" data-name={b.name}>
              <title>{`${b.name}: ${v.toFixed(1)}`}</title>
              <text x={M.left - 4} y={cy + 3} fontSize={9} textAnchor="end" style={{ fill: tokens.colorNeutralForeground2 }}>
                {short(b.name)}
              </text>
              <rect x={M.left} y={cy - 6} width={Math.max(0, x(v) - M.left)} height={12} style={v >= PER_MU_BENCHMARK ? good : short_} />
              {b.p10 !== null && b.p90 !== null && (
                <line x1={x(b.p10)} x2={x(b.p90)} y1={cy} y2={cy} strokeWidth={1.5} style={{ stroke: tokens.colorNeutralForeground1 }} />
              )}
              <text
                x={x(Math.max(v, b.p90 ?? 0)) + 3}
                y={cy + 3}
                fontSize={9}
                style={{ fill: tokens.colorNeutralForeground1 }}
                data-testid="permu-value"
              >
                {v.toFixed(1)}
              </text>
            </g>
          );
        })}
        <line
          x1={x(PER_MU_BENCHMARK)}
          x2={x(PER_MU_BENCHMARK)}
          y1={M.top - 2}
          y2={H - M.bottom + 2}
          strokeDasharray="4 3"
          strokeWidth={1}
          style={{ stroke: tokens.colorPaletteRedForeground1 }}
          data-testid="permu-benchmark"
        />
      </svg>
    </figure>
  );
}
