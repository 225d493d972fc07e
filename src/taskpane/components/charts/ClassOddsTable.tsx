/**
 * 亩均评价等级概率 / Probability of each evaluation class: per platform its base-year class and the
 * share of trials in A, B, C, D (and not rated, when any platform is) in the last report year.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { CLASSES, type EvaluationClass } from "../../../../models/evaluationNames.js";
import { CLASS_LABELS } from "../../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../../i18n/index.js";
import { formatProbability, formatShare, type ClassOddsView } from "../../hooks/resultView.js";
import { useTableStyles } from "../tableStyles.js";

export interface ClassOddsTableProps {
  view: ClassOddsView;
  lang: Lang;
  t: Translate;
}

/** "A 优先发展类" / "A priority": the vocabulary's label with its letter. */
export const classLabel = (lang: Lang, c: EvaluationClass): string => {
  const text = pick(lang, CLASS_LABELS[c]);
  return text.startsWith(c) ? text : `${c} ${text}`;
};

const useStyles = makeStyles({
  title: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0` },
  note: { fontSize: tokens.fontSizeBase100, margin: 0, color: tokens.colorNeutralForeground2 },
  name: { overflowWrap: "anywhere" },
  wrap: { maxHeight: "320px" },
  likely: { fontWeight: tokens.fontWeightSemibold },
});

export function ClassOddsTable({ view, lang, t }: ClassOddsTableProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const head: { key: string; text: string; title: string }[] = [
    { key: "name", text: t("result.classPlatform"), title: t("result.classPlatform") },
    { key: "base", text: t("result.classBase", { year: view.baseYear }), title: t("result.classBase", { year: view.baseYear }) },
    ...CLASSES.map((c) => ({ key: c, text: c, title: classLabel(lang, c) })),
    ...(view.anyUnclassified ? [{ key: "none", text: t("result.classNone"), title: t("result.classNone") }] : []),
  ];
  return (
    <section data-testid="class-odds" data-year={view.year}>
      <h3 className={styles.title}>{t("result.classOdds", { year: view.year })}</h3>
      <p className={styles.note}>
        {CLASSES.map((c) => classLabel(lang, c)).join(" · ")}
        <br />
        {t("result.classNote")}
      </p>
      <div className={`${table.wrap} ${styles.wrap}`}>
        <table className={table.table} data-testid="class-odds-table">
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h.key} className={table.th} title={h.title} abbr={h.title}>
                  {h.text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => {
              const shares = [...CLASSES.map((c) => r.shares[c]), ...(view.anyUnclassified ? [r.unclassified] : [])];
              const top = Math.max(...shares);
              return (
                <tr key={r.name} data-testid="class-odds-row" data-name={r.name}>
                  <td className={`${table.td} ${styles.name}`}>{r.name}</td>
                  <td className={table.td}>{r.baseClass ?? "—"}</td>
                  {shares.map((p, i) => (
                    <td
                      key={i}
                      className={`${table.td} ${table.num} ${p === top && p > 0 ? styles.likely : ""}`}
                      title={formatProbability(p)}
                      data-testid="class-odds-share"
                      data-value={p}
                    >
                      {formatShare(p)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
