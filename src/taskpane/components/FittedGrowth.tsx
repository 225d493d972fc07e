/**
 * After a run with growth.fromHistory: the fitted 低/中/高 per platform beside the analyst's growth,
 * collapsed to one line (fits the 320 px pane); rows the run did not use as fitted say why.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from "@fluentui/react-components";
import { formatFigure } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import { CALIBRATION_LABELS, CALIBRATION_USE_LABELS } from "../../views/calibration.js";
import type { FittedGrowthView } from "../hooks/resultView.js";

export interface FittedGrowthProps {
  view: FittedGrowthView;
  lang: Lang;
  t: Translate;
  /** Open at first (collapsed otherwise). */
  defaultOpen?: boolean;
}

const useStyles = makeStyles({
  note: { fontSize: tokens.fontSizeBase200, margin: 0 },
  list: { listStyle: "none", margin: 0, padding: 0, maxHeight: "200px", overflowY: "auto", fontSize: tokens.fontSizeBase200 },
  row: { padding: `${tokens.spacingVerticalXXS} 0`, overflowWrap: "anywhere" },
  name: { fontWeight: tokens.fontWeightSemibold },
  detail: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

export function FittedGrowth({ view, lang, t, defaultOpen = false }: FittedGrowthProps) {
  const styles = useStyles();
  const L = CALIBRATION_LABELS;
  const rho = view.rho === null ? pick(lang, L.notFitted) : formatFigure(view.rho, "ratio3");
  return (
    <Accordion collapsible defaultOpenItems={defaultOpen ? ["fitted"] : []}>
      <AccordionItem value="fitted">
        <AccordionHeader size="small">{t("result.fitted", { count: view.rows.length })}</AccordionHeader>
        <AccordionPanel>
          <p className={styles.note} data-testid="fitted-rho">
            {pick(lang, L.rho)} {rho} · {pick(lang, L.rhoUsed)} {formatFigure(view.correlation, "ratio3")}
          </p>
          <p className={styles.note}>{t("result.fittedHead")}</p>
          <ul className={styles.list} data-testid="fitted-growth">
            {view.rows.map((r) => (
              <li key={r.name} className={styles.row} data-use={r.use}>
                <span className={styles.name}>{r.name}</span> · {r.fitted} · {t("result.fittedYears", { years: r.years })}
                <span className={styles.detail}>
                  {t("result.fittedScenario", { value: r.scenario })}
                  {r.use === "applied" ? "" : ` · ${pick(lang, CALIBRATION_USE_LABELS[r.use])}`}
                </span>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
