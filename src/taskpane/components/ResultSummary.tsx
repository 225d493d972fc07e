/**
 * After a run: targets met / not met / not evaluable, the checks (texts, ranges, filter, groups), the growth
 * fitted from history, the charts and Monte Carlo views (lazy: fan, per-mu bars, first year met, class
 * probabilities) and the model's notes.
 */
import { Badge, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { SimulationResult } from "../../../models/results.js";
import { CHECK_OUTCOME_LABELS, termKeys, type CheckOutcome } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import { fittedGrowth, targetCounts } from "../hooks/resultView.js";
import { FittedGrowth } from "./FittedGrowth.js";
import { TargetTable } from "./TargetTable.js";

const Charts = lazy(() => import("./charts/Charts.js"));

export interface ResultSummaryProps {
  result: SimulationResult;
  lang: Lang;
  t: Translate;
}

/** Badge colour and test id per outcome; a Record, so a new outcome fails the type check here. */
const OUTCOME_BADGES: Record<CheckOutcome, { color: "success" | "danger" | "informative"; testId: string }> = {
  met: { color: "success", testId: "count-met" },
  notMet: { color: "danger", testId: "count-not-met" },
  notEvaluable: { color: "informative", testId: "count-not-evaluable" },
};

const useStyles = makeStyles({
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { fontSize: tokens.fontSizeBase200, margin: 0 },
  warnings: { fontSize: tokens.fontSizeBase100, margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "120px", overflowY: "auto" },
});

export function ResultSummary({ result, lang, t }: ResultSummaryProps) {
  const styles = useStyles();
  const counts = targetCounts(result.targets);
  const fitted = fittedGrowth(result);
  return (
    <>
      {result.targets.length === 0 ? (
        <p className={styles.note}>{t("result.noTargets")}</p>
      ) : (
        <>
          <div className={styles.counts}>
            {termKeys(CHECK_OUTCOME_LABELS).map((o) => (
              <Badge key={o} color={OUTCOME_BADGES[o].color} data-testid={OUTCOME_BADGES[o].testId} data-value={counts[o]}>
                {pick(lang, CHECK_OUTCOME_LABELS[o])} {counts[o]}
              </Badge>
            ))}
          </div>
          <TargetTable targets={result.targets} lang={lang} t={t} />
        </>
      )}
      {fitted && <FittedGrowth view={fitted} lang={lang} t={t} />}
      <Suspense fallback={<Spinner size="tiny" label={t("chart.loading")} />}>
        <Charts result={result} lang={lang} t={t} />
      </Suspense>
      {result.warnings.length > 0 && (
        <>
          <p className={styles.note}>{t("result.warnings", { count: result.warnings.length })}</p>
          <ul className={styles.warnings}>
            {result.warnings.map((w, i) => (
              <li key={i}>{pick(lang, w)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
