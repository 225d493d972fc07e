/** Every target check: id, subject, projected value against the threshold, met or not, probability. */
import { Badge, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { TargetCheck } from "../../../models/results.js";
import { CHECK_OUTCOME_LABELS, checkOutcome, type CheckOutcome } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import { formatProbability, formatTargetValue } from "../hooks/resultView.js";
import { useTableStyles } from "./tableStyles.js";

export interface TargetTableProps {
  targets: TargetCheck[];
  lang: Lang;
  t: Translate;
}

/** Badge colour and the row's data-status per outcome ("ne" is what the browser tests read). */
const OUTCOME_VIEW: Record<CheckOutcome, { color: "success" | "danger" | "subtle"; status: string }> = {
  met: { color: "success", status: "met" },
  notMet: { color: "danger", status: "notMet" },
  notEvaluable: { color: "subtle", status: "ne" },
};

const useStyles = makeStyles({
  wrap: { maxHeight: "260px" },
});

export function TargetTable({ targets, lang, t }: TargetTableProps) {
  const table = useTableStyles();
  const local = useStyles();
  const styles = {
    ...table,
    wrap: mergeClasses(table.wrap, local.wrap),
  };
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="target-table">
        <thead>
          <tr>
            {[t("result.target"), t("result.subject"), t("result.value"), t("result.threshold"), "", t("result.probability")].map(
              (h, i) => (
                <th key={i} className={styles.th}>
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {targets.map((c, i) => {
            const outcome = checkOutcome(c);
            return (
              <tr key={i} data-testid="target-row" data-id={c.id} data-subject={c.subject} data-status={OUTCOME_VIEW[outcome].status}>
                <td className={styles.td} title={pick(lang, c.label)}>
                  {c.id}
                </td>
                <td className={styles.td}>{c.subject}</td>
                <td className={`${styles.td} ${styles.num}`}>{formatTargetValue(c, c.value)}</td>
                <td className={`${styles.td} ${styles.num}`}>{formatTargetValue(c, c.threshold)}</td>
                <td className={styles.td} title={c.reason ? pick(lang, c.reason) : undefined}>
                  <Badge size="small" appearance="tint" color={OUTCOME_VIEW[outcome].color}>
                    {pick(lang, CHECK_OUTCOME_LABELS[outcome])}
                  </Badge>
                </td>
                <td className={`${styles.td} ${styles.num}`} data-testid="target-probability">
                  {formatProbability(c.probability)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
