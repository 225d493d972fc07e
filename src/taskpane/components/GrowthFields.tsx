/**
 * Growth of output per mu: region-wide μ ± σ or a 低/中/高 guess (triangular, PERT), correlation and
 * persistence of the regional shock, growth fitted from the sheet's history, and optional μ ± σ by level.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Checkbox,
  Field,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { GROWTH_DISTRIBUTIONS, type GrowthDistribution } from "../../../models/growthModels.js";
import { LEVELS, type Level } from "../../../models/platform.js";
import { GROWTH_MODEL_LABELS, LEVEL_LABELS } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import type { FormField, ScenarioForm } from "../hooks/scenarioForm.js";
import { FormInput } from "./FormInput.js";

export interface GrowthFieldsProps {
  form: ScenarioForm;
  errors: Partial<Record<FormField, string>>;
  disabled: boolean;
  lang: Lang;
  t: Translate;
  onField: (
    field: "growthMean" | "growthSd" | "growthLow" | "growthMode" | "growthHigh" | "correlation" | "persistence",
    value: string,
  ) => void;
  onDistribution: (value: GrowthDistribution) => void;
  onLevel: (level: Level, which: "mean" | "sd", value: string) => void;
  /** growth.fromHistory: true or off. */
  onFromHistory: (checked: boolean) => void;
}

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  levels: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS, alignItems: "end" },
  level: { fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalXS },
});

export function GrowthFields({ form, errors, disabled, lang, t, onField, onDistribution, onLevel, onFromHistory }: GrowthFieldsProps) {
  const styles = useStyles();
  const guess = form.growthDistribution !== "normal";
  return (
    <>
      <Field label={t("scenario.distribution")} size="small">
        <Select
          id="pp-growth-distribution"
          size="small"
          value={form.growthDistribution}
          disabled={disabled}
          onChange={(_, d) => onDistribution(d.value as GrowthDistribution)}
        >
          {GROWTH_DISTRIBUTIONS.map((g) => (
            <option key={g} value={g}>
              {pick(lang, GROWTH_MODEL_LABELS[g])}
            </option>
          ))}
        </Select>
      </Field>
      {guess && (
        <div className={styles.grid}>
          {(["growthLow", "growthMode", "growthHigh"] as const).map((field) => (
            <FormInput
              key={field}
              id={`pp-${field}`}
              label={t(`scenario.${field}`)}
              value={form[field]}
              error={errors[field]}
              disabled={disabled}
              onChange={(v) => onField(field, v)}
            />
          ))}
        </div>
      )}
      <div className={styles.grid}>
        {!guess && (
          <>
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
          </>
        )}
        <FormInput
          id="pp-correlation"
          label={t("scenario.correlation")}
          value={form.correlation}
          error={errors.correlation}
          disabled={disabled}
          onChange={(v) => onField("correlation", v)}
        />
        <FormInput
          id="pp-persistence"
          label={t("scenario.persistence")}
          value={form.persistence}
          error={errors.persistence}
          disabled={disabled}
          onChange={(v) => onField("persistence", v)}
        />
      </div>
      <Field size="small" hint={t("scenario.fromHistoryHint")}>
        <Checkbox
          id="pp-from-history"
          label={t("scenario.fromHistory")}
          checked={form.fromHistory}
          disabled={disabled}
          onChange={(_, d) => onFromHistory(d.checked === true)}
        />
      </Field>
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
