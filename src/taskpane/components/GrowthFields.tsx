/** Growth of output per mu: region-wide mean, volatility and correlation, and optional values by level. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from "@fluentui/react-components";
import { LEVELS, type Level } from "../../../models/platform.js";
import { LEVEL_LABELS } from "../../../models/vocabulary.js";
import type { Lang, Translate } from "../../i18n/index.js";
import type { FormField, ScenarioForm } from "../hooks/scenarioForm.js";
import { FormInput } from "./FormInput.js";

export interface GrowthFieldsProps {
  form: ScenarioForm;
  errors: Partial<Record<FormField, string>>;
  disabled: boolean;
  lang: Lang;
  t: Translate;
  onField: (field: "growthMean" | "growthSd" | "correlation", value: string) => void;
  onLevel: (level: Level, which: "mean" | "sd", value: string) => void;
}

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: tokens.spacingHorizontalS },
  levels: { display: "grid", gridTemplateColumns: "auto 1fr 1fr", gap: tokens.spacingHorizontalS, alignItems: "end" },
  level: { fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalXS },
});

export function GrowthFields({ form, errors, disabled, lang, t, onField, onLevel }: GrowthFieldsProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.grid}>
        <FormInput
          id="pp-growth-mean"
          label={t("scenario.growthMean")}
          value={form.growthMean}
          error={errors.growthMean}
          disabled={disabled}
          onChange={(v) => onField("growthMean", v)}
        />
        <FormInput
          id="pp-growth-sd"
          label={t("scenario.growthSd")}
          value={form.growthSd}
          error={errors.growthSd}
          disabled={disabled}
          onChange={(v) => onField("growthSd", v)}
        />
        <FormInput
          id="pp-correlation"
          label={t("scenario.correlation")}
          value={form.correlation}
          error={errors.correlation}
          disabled={disabled}
          onChange={(v) => onField("correlation", v)}
        />
      </div>
      <Accordion collapsible>
        <AccordionItem value="levels">
          <AccordionHeader size="small">{t("scenario.byLevel")}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.levels}>
              {LEVELS.map((level) => (
                <div key={level} style={{ display: "contents" }}>
                  <span className={styles.level}>{LEVEL_LABELS[level][lang]}</span>
                  <FormInput
                    id={`pp-level-${level}-mean`}
                    label={t("scenario.growthMean")}
                    value={form.byLevel[level].mean}
                    error={errors[`byLevel.${level}.mean`]}
                    disabled={disabled}
                    onChange={(v) => onLevel(level, "mean", v)}
                  />
                  <FormInput
                    id={`pp-level-${level}-sd`}
                    label={t("scenario.growthSd")}
                    value={form.byLevel[level].sd}
                    error={errors[`byLevel.${level}.sd`]}
                    disabled={disabled}
                    onChange={(v) => onLevel(level, "sd", v)}
                  />
                </div>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
