/**
 * Every target check: the target's id and full text, the subject, the projected value against the
 * threshold as the plan states it (ranges as ranges), met or not, probability. "只看未达标" keeps the
 * checks not met; "按目标分组" puts each target's text once above its checks with the count met ("7/10").
 */
import { Badge, Checkbox, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { TargetCheck } from "../../../models/results.js";
import { CHECK_OUTCOME_LABELS, checkOutcome, type CheckOutcome } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import { formatProbability, formatTargetValue } from "../hooks/resultView.js";
import { filterTargets, groupCount, groupTargets, thresholdText } from "../hooks/targetView.js";
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

const COLUMNS = 5;

const useStyles = makeStyles({
  wrap: { maxHeight: "360px", overflowX: "auto" },
  table: { tableLayout: "auto" },
  filters: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  first: { overflowWrap: "anywhere", minWidth: "6em" },
  id: { fontWeight: tokens.fontWeightSemibold },
  text: { display: "block", color: tokens.colorNeutralForeground2 },
  detail: { display: "block", color: tokens.colorNeutralForeground3 },
  group: { backgroundColor: tokens.colorNeutralBackground2, overflowWrap: "anywhere" },
  count: { whiteSpace: "nowrap", marginLeft: tokens.spacingHorizontalXS },
  badge: { whiteSpace: "nowrap" },
  none: { fontSize: tokens.fontSizeBase200, margin: 0 },
});

export function TargetTable({ targets, lang, t }: TargetTableProps) {
  const table = useTableStyles();
  const styles = useStyles();
  const [notMetOnly, setNotMetOnly] = useState(false);
  const [grouped, setGrouped] = useState(true);
  const metLabel = pick(lang, CHECK_OUTCOME_LABELS.met);

  const row = (c: TargetCheck, i: number, inGroup: boolean) => {
    const outcome = checkOutcome(c);
    const threshold = thresholdText(c);
    const notes = [...(c.reason ? [c.reason] : []), ...c.notes];
    return (
      <tr key={i} data-testid="target-row" data-id={c.id} data-subject={c.subject} data-status={OUTCOME_VIEW[outcome].status}>
        <td className={mergeClasses(table.td, styles.first)}>
          {inGroup ? (
            c.subject
          ) : (
            <>
              <span className={styles.id}>{c.id}</span> · {c.subject}
              <span className={styles.text} data-testid="target-text">
                {pick(lang, c.label)}
              </span>
            </>
          )}
          {notes.map((n, k) => (
            <span key={k} className={styles.detail}>
              {pick(lang, n)}
            </span>
          ))}
        </td>
        <td className={mergeClasses(table.td, table.num)}>{formatTargetValue(c, c.value)}</td>
        <td className={mergeClasses(table.td, table.num)} data-testid="target-threshold">
          {threshold.text}
          {threshold.allowance !== null && (
            <span className={styles.detail} data-testid="target-allowance">
              {t("result.allowance", { max: threshold.allowance })}
            </span>
          )}
        </td>
        <td className={mergeClasses(table.td, styles.badge)}>
          <Badge size="small" appearance="tint" color={OUTCOME_VIEW[outcome].color}>
            {pick(lang, CHECK_OUTCOME_LABELS[outcome])}
          </Badge>
        </td>
        <td className={mergeClasses(table.td, table.num)} data-testid="target-probability">
          {formatProbability(c.probability)}
        </td>
      </tr>
    );
  };

  const shown = filterTargets(targets, notMetOnly);
  const groups = grouped ? groupTargets(targets, notMetOnly) : [];
  return (
    <>
      <div className={styles.filters}>
        <Checkbox
          id="pp-not-met-only"
          checked={notMetOnly}
          onChange={(_, d) => setNotMetOnly(d.checked === true)}
          label={t("result.onlyOutcome", { outcome: pick(lang, CHECK_OUTCOME_LABELS.notMet) })}
        />
        <Checkbox
          id="pp-group-targets"
          checked={grouped}
          onChange={(_, d) => setGrouped(d.checked === true)}
          label={t("result.groupByTarget")}
        />
      </div>
      {shown.length === 0 ? (
        <p className={styles.none} data-testid="target-none">
          {t("result.noneNotMet")}
        </p>
      ) : (
        <div className={mergeClasses(table.wrap, styles.wrap)}>
          <table className={mergeClasses(table.table, styles.table)} data-testid="target-table" data-grouped={grouped}>
            <thead>
              <tr>
                {[
                  grouped ? t("result.subject") : `${t("result.target")} · ${t("result.subject")}`,
                  t("result.value"),
                  t("result.threshold"),
                  "",
                  t("result.probability"),
                ].map((h, i) => (
                  <th key={i} className={table.th}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grouped
                ? groups.flatMap((g) => [
                    <tr key={`g-${g.id}`} data-testid="target-group" data-id={g.id} data-met={g.met} data-of={g.of}>
                      <td colSpan={COLUMNS} className={mergeClasses(table.td, styles.group)}>
                        <span className={styles.id}>{g.id}</span> <span data-testid="target-text">{pick(lang, g.label)}</span>
                        {g.of > 0 && (
                          <span className={styles.count} data-testid="target-group-count">
                            · {groupCount(g)} {metLabel}
                          </span>
                        )}
                      </td>
                    </tr>,
                    ...g.checks.map((c) => row(c, targets.indexOf(c), true)),
                  ])
                : shown.map((c) => row(c, targets.indexOf(c), false))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
