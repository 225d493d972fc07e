/**
 * 首次达标年份 / First year met: for a chosen check, the engine's P(met by each year) as a step line
 * over bars of the share first meeting it that year, and the same as a small table; the years' shares
 * add up to P(met by the last year), the rest is "not met within the projection".
 */
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { TargetCheck } from "../../../../models/results.js";
import { pick, type Lang, type Translate } from "../../../i18n/index.js";
import { formatProbability } from "../../hooks/resultView.js";
import { checkName, firstYearChoices, firstYearDistribution, type FirstYearRow } from "../../hooks/targetView.js";
import { useTableStyles } from "../tableStyles.js";
import { ChartFrame } from "./ChartFrame.js";
import { linear } from "./scale.js";

export interface FirstYearPanelProps {
  targets: TargetCheck[];
  baseYear: number;
  fileBase: string;
  lang: Lang;
  t: Translate;
}

const W = 320;
const H = 150;
const M = { left: 32, right: 8, top: 8, bottom: 34 };

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  text: { fontSize: tokens.fontSizeBase200, margin: 0, overflowWrap: "anywhere" },
  note: { fontSize: tokens.fontSizeBase100, margin: 0, color: tokens.colorNeutralForeground2 },
  select: { minWidth: 0, maxWidth: "100%" },
});

export function FirstYearPanel({ targets, baseYear, fileBase, lang, t }: FirstYearPanelProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const { checks, initial } = firstYearChoices(targets);
  const [chosen, setChosen] = useState<number>(initial);
  if (checks.length === 0) return null;
  const index = chosen < checks.length ? chosen : initial;
  const check = checks[index];
  const d = firstYearDistribution(check)!;
  const yearText = (year: number) => (year === baseYear ? t("result.baseYear", { year }) : String(year));
  const tipLines = (r: FirstYearRow) => [
    yearText(r.year),
    `${t("result.firstYearFirst")} ${formatProbability(r.first)}`,
    `${t("result.firstYearBy")} ${formatProbability(r.by)}`,
  ];
  const title = t("chart.firstYearTitle", { check: checkName(check) });
  const x = linear(0, Math.max(1, d.rows.length), M.left, W - M.right);
  const y = linear(0, 1, H - M.bottom, M.top);
  const slot = x(1) - x(0);
  const steps = d.rows.map((r, k) => `M${x(k).toFixed(1)},${y(r.by).toFixed(1)}H${x(k + 1).toFixed(1)}`).join("");
  const joins = d.rows
    .slice(1)
    .map((r, k) => `M${x(k + 1).toFixed(1)},${y(d.rows[k].by).toFixed(1)}V${y(r.by).toFixed(1)}`)
    .join("");
  return (
    <section className={styles.panel} data-testid="first-year">
      <h3 className={styles.heading}>{t("result.firstYear")}</h3>
      <Field label={t("result.firstYearCheck")}>
        <Select id="pp-first-year-check" className={styles.select} value={String(index)} onChange={(_, v) => setChosen(Number(v.value))}>
          {checks.map((c, i) => (
            <option key={i} value={i}>
              {checkName(c)}
            </option>
          ))}
        </Select>
      </Field>
      <p className={styles.text} data-testid="first-year-label">
        {pick(lang, check.label)}
      </p>
      <ChartFrame title={title} width={W} height={H} testId="first-year-chart" fileBase={`${fileBase}-${checkName(check)}`} t={t}>
        {(tip) => (
          <>
            {[0, 0.5, 1].map((v) => (
              <g key={v}>
                <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} strokeWidth={0.5} style={{ stroke: tokens.colorNeutralStroke2 }} />
                <text x={M.left - 4} y={y(v) + 3} fontSize={9} textAnchor="end" style={{ fill: tokens.colorNeutralForeground3 }}>
                  {`${v * 100}%`}
                </text>
              </g>
            ))}
            {d.rows.map((r, k) => {
              const key = String(r.year);
              const lines = tipLines(r);
              const cx = x(k) + slot / 2;
              return (
                <g key={key} {...tip.point(key, cx, y(r.by), lines)} data-testid="first-year-bar" data-year={r.year}>
                  <title>{lines.join("\n")}</title>
                  <rect x={x(k)} y={M.top} width={slot} height={H - M.top - M.bottom} fill="transparent" data-export="skip" />
                  <rect
                    x={cx - slot * 0.25}
                    y={y(r.first)}
                    width={slot * 0.5}
                    height={Math.max(0, y(0) - y(r.first))}
                    strokeWidth={tip.active === key ? 1.5 : 0}
                    style={{ fill: tokens.colorBrandBackground2, stroke: tokens.colorBrandForeground1 }}
                  />
                  <text x={cx} y={H - M.bottom + 12} fontSize={9} textAnchor="middle" style={{ fill: tokens.colorNeutralForeground3 }}>
                    {r.year}
                  </text>
                </g>
              );
            })}
            <path
              d={steps + joins}
              fill="none"
              strokeWidth={2}
              style={{ stroke: tokens.colorBrandForeground1 }}
              data-testid="first-year-steps"
            />
            <g transform={`translate(${M.left}, ${H - 6})`} fontSize={9} style={{ fill: tokens.colorNeutralForeground2 }}>
              <rect x={0} y={-8} width={12} height={9} style={{ fill: tokens.colorBrandBackground2 }} />
              <text x={16} y={0}>
                {t("chart.legendFirst")}
              </text>
              <line x1={130} x2={144} y1={-3} y2={-3} strokeWidth={2} style={{ stroke: tokens.colorBrandForeground1 }} />
              <text x={148} y={0}>
                {t("chart.legendBy")}
              </text>
            </g>
          </>
        )}
      </ChartFrame>
      <div className={table.wrap}>
        <table className={table.table} data-testid="first-year-table">
          <thead>
            <tr>
              {[t("result.year"), t("result.firstYearFirst"), t("result.firstYearBy")].map((h) => (
                <th key={h} className={table.th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.year} data-testid="first-year-row" data-year={r.year}>
                <td className={table.td}>{yearText(r.year)}</td>
                <td className={`${table.td} ${table.num}`}>{formatProbability(r.first)}</td>
                <td className={`${table.td} ${table.num}`}>{formatProbability(r.by)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.note} data-testid="first-year-summary">
        {t("result.firstYearNever", { p: formatProbability(d.never) })}
        {d.atTargetYear !== null && ` · ${t("result.firstYearAt", { year: check.year, p: formatProbability(d.atTargetYear) })}`}
      </p>
    </section>
  );
}
