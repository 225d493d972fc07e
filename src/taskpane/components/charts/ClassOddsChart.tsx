/**
 * The class probabilities as one 100% bar per platform (A, B, C, D, not rated), for a slide; each bar
 * focusable, its tooltip the platform and every share. The table beside it (ClassOddsTable) has the figures.
 */
import { tokens } from "@fluentui/react-components";
import { CLASSES } from "../../../../models/evaluationNames.js";
import type { Lang, Translate } from "../../../i18n/index.js";
import { formatProbability, type ClassOddsView } from "../../hooks/resultView.js";
import { ChartFrame } from "./ChartFrame.js";
import { classLabel } from "./ClassOddsTable.js";
import { linear } from "./scale.js";

export interface ClassOddsChartProps {
  view: ClassOddsView;
  fileBase: string;
  lang: Lang;
  t: Translate;
}

const W = 320;
const ROW = 14;
const M = { left: 104, right: 8, top: 4 };
const LEGEND_ROW = 12;

/** Segment colours A → D, then not rated: good to bad, as the class names say. */
const COLOURS = [
  tokens.colorPaletteGreenBackground3,
  tokens.colorPaletteBlueBackground2,
  tokens.colorPaletteMarigoldBackground3,
  tokens.colorPaletteRedBackground3,
  tokens.colorNeutralBackground5,
];

const short = (name: string) => (name.length > 9 ? `${name.slice(0, 8)}…` : name);

export function ClassOddsChart({ view, fileBase, lang, t }: ClassOddsChartProps) {
  const labels = [...CLASSES.map((c) => classLabel(lang, c)), ...(view.anyUnclassified ? [t("result.classNone")] : [])];
  // The legend in rows that fit the width (about 9 units a character).
  const legend: { label: string; k: number; x: number; row: number }[] = [];
  let lx = 0;
  let row = 0;
  labels.forEach((label, k) => {
    const w = 14 + label.length * 9 + 10;
    if (lx + w > W - 8 && lx > 0) [lx, row] = [0, row + 1];
    legend.push({ label, k, x: lx, row });
    lx += w;
  });
  const plotBottom = M.top + view.rows.length * ROW;
  const H = plotBottom + 16 + (row + 1) * LEGEND_ROW;
  const x = linear(0, 1, M.left, W - M.right);
  const title = t("result.classOdds", { year: view.year });
  return (
    <ChartFrame title={title} width={W} height={H} testId="class-odds-chart" fileBase={fileBase} t={t}>
      {(tip) => (
        <>
          {view.rows.map((r, i) => {
            const shares = [...CLASSES.map((c) => r.shares[c]), ...(view.anyUnclassified ? [r.unclassified] : [])];
            const lines = [r.name, ...shares.map((p, k) => `${labels[k]} ${formatProbability(p)}`).filter((_, k) => shares[k] > 0)];
            const y = M.top + i * ROW;
            let from = 0;
            return (
              <g key={r.name} {...tip.point(r.name, x(0.5), y + ROW, lines)} data-testid="class-odds-bar" data-name={r.name}>
                <title>{lines.join("\n")}</title>
                <text x={M.left - 4} y={y + ROW / 2 + 3} fontSize={9} textAnchor="end" style={{ fill: tokens.colorNeutralForeground2 }}>
                  {short(r.name)}
                </text>
                {shares.map((p, k) => {
                  const x0 = x(from);
                  from += p;
                  return p > 0 ? (
                    <rect key={k} x={x0} y={y + 2} width={Math.max(0, x(from) - x0)} height={ROW - 4} style={{ fill: COLOURS[k] }} />
                  ) : null;
                })}
                {tip.active === r.name && (
                  <rect
                    x={M.left}
                    y={y + 1}
                    width={W - M.left - M.right}
                    height={ROW - 2}
                    fill="none"
                    strokeWidth={1.5}
                    style={{ stroke: tokens.colorNeutralForeground1 }}
                    data-export="skip"
                  />
                )}
              </g>
            );
          })}
          {[0, 0.5, 1].map((v) => (
            <text key={v} x={x(v)} y={plotBottom + 10} fontSize={9} textAnchor="middle" style={{ fill: tokens.colorNeutralForeground3 }}>
              {`${v * 100}%`}
            </text>
          ))}
          {legend.map((l) => (
            <g key={l.k} transform={`translate(${4 + l.x}, ${plotBottom + 16 + l.row * LEGEND_ROW + 9})`}>
              <rect x={0} y={-8} width={10} height={9} style={{ fill: COLOURS[l.k] }} />
              <text x={14} y={0} fontSize={9} style={{ fill: tokens.colorNeutralForeground2 }}>
                {l.label}
              </text>
            </g>
          ))}
        </>
      )}
    </ChartFrame>
  );
}
