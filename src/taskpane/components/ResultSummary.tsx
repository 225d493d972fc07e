/** After a run: targets met / not met / not evaluable, the checks, the model's notes and the charts (lazy). */
import { Badge, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { SimulationResult } from "../../../models/results.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import { targetCounts } from "../hooks/resultView.js";
import { TargetTable } from "./TargetTable.js";

const Charts = lazy(() => import("./charts/Charts.js"));

export interface ResultSummaryProps {
  result: SimulationResult;
  lang: Lang;
  t: Translate;
}

const useStyles = makeStyles({
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { fontSize: tokens.fontSizeBase200, margin: 0 },
  warnings: { fontSize: tokens.fontSizeBase100, margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "120px", overflowY: "auto" },
});

export function ResultSummary({ result, lang, t }: ResultSummaryProps) {
  const styles = useStyles();
  const counts = targetCounts(result.targets);
  return (
    <>
      {result.targets.length === 0 ? (
        <p className={styles.note}>{t("result.noTargets")}</p>
      ) : (
        <>
          <div className={styles.counts}>
            <Badge color="success" data-testid="count-met" data-value={counts.met}>
              {t("result.met")} {counts.met}
            </Badge>
            <Badge color="danger" data-testid="count-not-met" data-value={counts.notMet}>
              {t("result.notMet")} {counts.notMet}
            </Badge>
            <Badge color="informative" data-testid="count-not-evaluable" data-value={counts.notEvaluable}>
              {t("result.notEvaluable")} {counts.notEvaluable}
            </Badge>
          </div>
          <TargetTable targets={result.targets} lang={lang} t={t} />
        </>
      )}
      <Suspense fallback={<Spinner size="tiny" label={t("chart.loading")} />}>
        <Charts result={result} t={t} />
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
