/**
 * 亩均产出 per main platform as horizontal bars with P10–P90 whiskers, against the 500 万元/亩 line; each
 * bar focusable, its tooltip the full name, the value and P10 / P50 / P90.
 */
import { tokens } from "@fluentui/react-components";
import { METRIC_TERMS } from "../../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../../i18n/index.js";
import { PER_MU_BENCHMARK, type PerMuBar } from "../../hooks/resultView.js";
import { ChartFrame } from "./ChartFrame.js";
import { linear, niceAxis } from "./scale.js";

export interface PerMuBarsProps {
  bars: PerMuBar[];
  title: string;
  fileBase: string;
  lang: Lang;
  t: Translate;
}

const W = 320;
const ROW = 18;
const M = { left: 110, right: 40, top: 6, bottom: 18 };

const one = (v: number | null) => (v === null || !Number.isFinite(v) ? "—" : v.toFixed(1));

/** The tooltip of one bar: the platform, its value with the unit, P10 · P50 · P90 where computed. */
export function barTipLines(b: PerMuBar, lang: Lang): string[] {
  const lines = [b.name, `${pick(lang, METRIC_TERMS.outputPerMu.name)} ${one(b.value)} ${pick(lang, METRIC_TERMS.outputPerMu.unit)}`];
  if (b.p10 !== null && b.p90 !== null) lines.push(`P10 ${one(b.p10)} · P50 ${one(b.p50)} · P90 ${one(b.p90)}`);
  return lines;
}

/** Long platform names are cut to fit the label column (the full name is in the bar's tooltip). */
const short = (name: string) => (name.length > 9 ? `${name.slice(0, 8)}…` : name);

export function PerMuBars({ bars, title, fileBase, lang, t }: PerMuBarsProps) {
  if (bars.length === 0) return null;
  const H = M.top + M.bottom + bars.length * ROW;
  const top = Math.max(PER_MU_BENCHMARK, ...bars.flatMap((b) => [b.value, b.p90 ?? 0]).filter(Number.isFinite));
  const { domain, ticks } = niceAxis(0, top, 4);
  const x = linear(0, domain[1], M.left, W - M.right);
  const good = { fill: tokens.colorPaletteGreenBackground3 };
  const short_ = { fill: tokens.colorPaletteDarkOrangeBackground3 };
  return (
    <ChartFrame title={title} width={W} height={H} testId="permu-chart" fileBase={fileBase} t={t}>
      {(tip) => (
        <>
          {ticks.map((t) => (
            <text key={t} x={x(t)} y={H - 4} fontSize={9} textAnchor="middle" style={{ fill: tokens.colorNeutralForeground3 }}>
              {t}
            </text>
          ))}
          {bars.map((b, i) => {
            const cy = M.top + i * ROW + ROW / 2;
            const v = Number.isFinite(b.value) ? b.value : 0;
            const lines = barTipLines(b, lang);
            const on = tip.active === b.name;
            return (
              <g key={b.name} {...tip.point(b.name, x(v), cy, lines)} data-testid="permu-bar" data-name={b.name}>
                <title>{lines.join("\n")}</title>
                <rect x={0} y={cy - ROW / 2} width={W} height={ROW} fill="transparent" data-export="skip" />
                <text x={M.left - 4} y={cy + 3} fontSize={9} textAnchor="end" style={{ fill: tokens.colorNeutralForeground2 }}>
                  {short(b.name)}
                </text>
                <rect
                  x={M.left}
                  y={cy - 6}
                  width={Math.max(0, x(v) - M.left)}
                  height={12}
                  strokeWidth={on ? 1.5 : 0}
                  style={{ ...(v >= PER_MU_BENCHMARK ? good : short_), stroke: tokens.colorNeutralForeground1 }}
                />
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
        </>
      )}
    </ChartFrame>
  );
}
