/**
 * A 决策 tool's result: the objective and shadow prices, the back-solve's sentence and P curve (every
 * subject: a table of the values needed), or the tornado as bars and the two-way table (rows = assumption
 * A's values, columns = B's, cells = the figure coloured against the base by the figure's direction). The
 * exact numbers ride along as data-* attributes (the browser tests compare them with the pipeline's).
 */
import { mergeClasses } from "@fluentui/react-components";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import type { DecisionOutcome as Outcome, SensitivitySummary } from "../../worker/decisionProtocol.js";
import type { SolveResult } from "../../../models/decisions/solveTypes.js";
import { IMPROVEMENT_LABELS } from "../../../models/vocabulary.js";
import { optimizeView, sensitivityView, solveRows, solveView, twoWayView } from "../hooks/decisionView.js";
import { useDecisionStyles } from "./decisionStyles.js";

export function DecisionOutcome({ outcome, lang, t }: { outcome: Outcome; lang: Lang; t: Translate }) {
  const styles = useDecisionStyles();
  const s = outcome.summary;
  if (s.tool === "optimize") {
    const v = optimizeView(s, lang);
    return (
      <div className={styles.stack} data-testid="decision-optimize">
        <p className={styles.text} data-testid="decision-sentence">
          {v.sentence}
        </p>
        {v.value !== null && (
          <table className={styles.table}>
            <tbody>
              <tr>
                <td className={styles.cell}>{t("decision.value")}</td>
                <td className={styles.num} data-testid="decision-objective" data-value={String(s.objective.value)}>
                  {v.value} {t("decision.unit")}
                </td>
              </tr>
              <tr>
                <td className={styles.cell}>{t("decision.baseline")}</td>
                <td className={styles.num} data-testid="decision-baseline" data-value={String(s.objective.baseline)}>
                  {v.baseline} {t("decision.unit")}
                </td>
              </tr>
              <tr>
                <td className={styles.cell}>{t("decision.gain")}</td>
                <td className={styles.num}>
                  {v.gain} {t("decision.unit")}
                </td>
              </tr>
            </tbody>
          </table>
        )}
        {v.conflicts.length > 0 && (
          <>
            <p className={styles.text}>{t("decision.conflicts")}</p>
            <ul className={styles.list}>
              {v.conflicts.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
        {v.shadow.length > 0 && (
          <>
            <p className={styles.text}>{t("decision.shadow")}</p>
            <ul className={styles.list} data-testid="decision-shadow">
              {v.shadow.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
        {s.feasible && (
          <>
            <p className={styles.text}>{t("decision.grants")}</p>
            {v.grants.length === 0 ? (
              <p className={styles.text}>{t("decision.noGrants")}</p>
            ) : (
              <table className={styles.table} data-testid="decision-grants">
                <tbody>
                  {v.grants.map((g) => (
                    <tr key={g.platform} data-testid="decision-grant" data-platform={g.platform}>
                      <td className={styles.cell}>{g.platform}</td>
                      <td className={styles.num}>{g.total}</td>
                      <td className={styles.cell}>{g.years}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    );
  }
  if (s.tool === "solve") {
    if (s.results.length === 1) return <SolveOne result={s.results[0]} lang={lang} t={t} />;
    // Every subject: one row each (the 反推 sheet has every sentence and curve).
    return (
      <div className={styles.stack} data-testid="decision-solve">
        <table className={styles.table} data-testid="decision-solve-table">
          <thead>
            <tr>
              <th className={styles.cell}>{t("decision.subject")}</th>
              <th className={styles.num}>{t("decision.curveX")}</th>
              <th className={styles.num}>{t("decision.curveP")}</th>
            </tr>
          </thead>
          <tbody>
            {solveRows(s.results, lang).map((row, i) => (
              <tr
                key={row.subject}
                className={row.reachable ? styles.met : undefined}
                data-testid="decision-solve-row"
                data-subject={row.subject}
                data-value={String(s.results[i].value)}
                data-probability={String(s.results[i].probability)}
              >
                <td className={styles.cell}>{row.subject}</td>
                <td className={styles.num}>{row.value}</td>
                <td className={styles.num}>{row.p}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const v = sensitivityView(s, lang);
  return (
    <div className={styles.stack} data-testid="decision-sensitivity">
      <p className={styles.text} data-testid="decision-sentence">
        {v.sentence}
      </p>
      <p className={styles.text} data-testid="decision-base" data-value={String(s.result.base)}>
        {t("decision.base", { label: v.label, value: v.base })}
      </p>
      <p className={styles.text}>{t("decision.tornadoHead")}</p>
      {v.rows.map((r, i) => (
        <div
          key={r.label}
          className={styles.stack}
          data-testid="decision-tornado-row"
          data-assumption={s.result.rows[i].assumption}
          data-at-low={String(s.result.rows[i].atLow)}
          data-at-high={String(s.result.rows[i].atHigh)}
        >
          <p className={styles.text}>
            {r.label}
            {lang === "zh" ? `（${r.range}）` : ` (${r.range})`} · {r.atLow} / {r.atHigh} · {r.swing}
          </p>
          <div className={styles.track}>
            <div className={styles.bar} style={{ left: `${r.left}%`, width: `${r.width}%` }} />
          </div>
        </div>
      ))}
      <TwoWay summary={s} lang={lang} t={t} base={v.base} label={v.label} />
    </div>
  );
}

/** The two-way table, when one was asked: its own horizontal scroll only when the grid is wider than the pane. */
function TwoWay({ summary, lang, t, base, label }: { summary: SensitivitySummary; lang: Lang; t: Translate; base: string; label: string }) {
  const styles = useDecisionStyles();
  const v = twoWayView(summary, lang);
  const grid = summary.result.twoWay;
  if (!v || !grid) return null;
  return (
    <div className={styles.stack} data-testid="decision-two-way" data-a={grid.a} data-b={grid.b}>
      <p className={styles.text}>{t("decision.twoWayHead", { a: v.rowsLabel, b: v.columnsLabel, label })}</p>
      <div className={styles.gridWrap} data-testid="decision-two-way-scroll">
        <table className={styles.grid} data-testid="decision-two-way-table">
          <thead>
            <tr>
              <th className={styles.gridCorner} scope="col" title={`${v.rowsLabel} \\ ${v.columnsLabel}`}>
                A \ B
              </th>
              {v.columns.map((c, j) => (
                <th key={j} className={styles.gridHead} scope="col" data-testid="decision-two-way-col" data-value={String(grid.bValues[j])}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.rows.map((row, i) => (
              <tr key={i}>
                <th className={styles.gridHead} scope="row" data-testid="decision-two-way-row" data-value={String(grid.aValues[i])}>
                  {row.head}
                </th>
                {row.cells.map((c, j) => (
                  <td
                    key={j}
                    className={mergeClasses(styles.gridCell, styles[c.improvement])}
                    title={pick(lang, IMPROVEMENT_LABELS[c.improvement])}
                    data-testid="decision-two-way-cell"
                    data-row={i}
                    data-col={j}
                    data-value={String(c.value)}
                    data-improvement={c.improvement}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.text}>{t("decision.twoWayColours", { base })}</p>
    </div>
  );
}

/** One back-solve: the answer in a sentence and the P curve at the points evaluated. */
function SolveOne({ result, lang, t }: { result: SolveResult; lang: Lang; t: Translate }) {
  const styles = useDecisionStyles();
  const v = solveView(result, lang);
  return (
    <div className={styles.stack} data-testid="decision-solve">
      <p
        className={styles.text}
        data-testid="decision-sentence"
        data-status={result.status}
        data-value={String(result.value)}
        data-probability={String(result.probability)}
      >
        {v.sentence}
      </p>
      <table className={styles.table} data-testid="decision-curve">
        <thead>
          <tr>
            <th className={styles.cell}>{t("decision.curveX")}</th>
            <th className={styles.num}>{t("decision.curveP")}</th>
          </tr>
        </thead>
        <tbody>
          {v.curve.map((q, i) => (
            <tr
              key={i}
              className={q.meets ? styles.met : undefined}
              data-testid="decision-curve-point"
              data-x={String(result.curve[i].x)}
              data-p={String(result.curve[i].p)}
            >
              <td className={styles.cell}>{q.x}</td>
              <td className={styles.num}>{q.p}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
