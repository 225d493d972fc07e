/** New land and energy: quotas, strategies, lag, 标准地 thresholds, intensity decline, cap; exits: relocation, phase-out, land re-used. */
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { AllocationStrategy } from "../../../models/scenario.js";
import { STRATEGY_LABELS } from "../../../models/vocabulary.js";
import { FORM_STRATEGY_CHOICES } from "../hooks/formStrategies.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import type { FormField, ScenarioForm } from "../hooks/scenarioForm.js";
import { FormInput } from "./FormInput.js";

type TextField =
  | "landQuota"
  | "lagYears"
  | "energyDecline"
  | "energyCap"
  | "relocation"
  | "landReturn"
  | "landReturnLag"
  | "entryOutputPerMu"
  | "entryTaxPerMu";

export interface QuotaFieldsProps {
  form: ScenarioForm;
  errors: Partial<Record<FormField, string>>;
  disabled: boolean;
  lang: Lang;
  t: Translate;
  onField: (field: TextField, value: string) => void;
  onStrategy: (which: "landStrategy" | "energyStrategy", value: AllocationStrategy) => void;
  onExitMode: (value: ScenarioForm["exitMode"]) => void;
}

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
});

/** Every strategy of the vocabulary (models/vocabulary.ts, zod-free), labelled in the pane's language. */
function StrategySelect({
  id,
  value,
  disabled,
  lang,
  t,
  onChange,
}: {
  id: string;
  value: AllocationStrategy;
  disabled: boolean;
  lang: Lang;
  t: Translate;
  onChange: (v: AllocationStrategy) => void;
}) {
  return (
    <Field label={t("scenario.strategy")} size="small">
      <Select id={id} size="small" value={value} disabled={disabled} onChange={(_, d) => onChange(d.value as AllocationStrategy)}>
        {FORM_STRATEGY_CHOICES.map((s) => (
          <option key={s} value={s}>
            {pick(lang, STRATEGY_LABELS[s])}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function QuotaFields({ form, errors, disabled, lang, t, onField, onStrategy, onExitMode }: QuotaFieldsProps) {
  const styles = useStyles();
  return (
    <>
      <h3 className={styles.heading}>{t("scenario.land")}</h3>
      <div className={styles.grid}>
        <FormInput
          id="pp-land-quota"
          label={t("scenario.landQuota")}
          value={form.landQuota}
          error={errors.landQuota}
          disabled={disabled}
          onChange={(v) => onField("landQuota", v)}
        />
        <FormInput
          id="pp-land-lag"
          label={t("scenario.lag")}
          value={form.lagYears}
          error={errors.lagYears}
          disabled={disabled}
          inputMode="numeric"
          onChange={(v) => onField("lagYears", v)}
        />
      </div>
      <StrategySelect
        id="pp-land-strategy"
        value={form.landStrategy}
        disabled={disabled}
        lang={lang}
        t={t}
        onChange={(v) => onStrategy("landStrategy", v)}
      />
      <div className={styles.grid}>
        <FormInput
          id="pp-entry-output"
          label={t("scenario.entryOutputPerMu")}
          value={form.entryOutputPerMu}
          error={errors.entryOutputPerMu}
          disabled={disabled}
          onChange={(v) => onField("entryOutputPerMu", v)}
        />
        <FormInput
          id="pp-entry-tax"
          label={t("scenario.entryTaxPerMu")}
          value={form.entryTaxPerMu}
          error={errors.entryTaxPerMu}
          disabled={disabled}
          onChange={(v) => onField("entryTaxPerMu", v)}
        />
      </div>
      <h3 className={styles.heading}>{t("scenario.energy")}</h3>
      <div className={styles.grid}>
        <FormInput
          id="pp-energy-decline"
          label={t("scenario.energyDecline")}
          value={form.energyDecline}
          error={errors.energyDecline}
          disabled={disabled}
          onChange={(v) => onField("energyDecline", v)}
        />
        <FormInput
          id="pp-energy-cap"
          label={t("scenario.energyCap")}
          value={form.energyCap}
          error={errors.energyCap}
          disabled={disabled}
          onChange={(v) => onField("energyCap", v)}
        />
      </div>
      <StrategySelect
        id="pp-energy-strategy"
        value={form.energyStrategy}
        disabled={disabled}
        lang={lang}
        t={t}
        onChange={(v) => onStrategy("energyStrategy", v)}
      />
      <FormInput
        id="pp-relocation"
        label={t("scenario.exits")}
        value={form.relocation}
        error={errors.relocation}
        disabled={disabled}
        onChange={(v) => onField("relocation", v)}
      />
      <Field label={t("scenario.exitMode")} size="small">
        <Select
          id="pp-exit-mode"
          size="small"
          value={form.exitMode}
          disabled={disabled}
          onChange={(_, d) => onExitMode(d.value as ScenarioForm["exitMode"])}
        >
          <option value="immediate">{t("scenario.exitImmediate")}</option>
          <option value="phased">{t("scenario.exitPhased")}</option>
        </Select>
      </Field>
      <div className={styles.grid}>
        <FormInput
          id="pp-land-return"
          label={t("scenario.landReturn")}
          value={form.landReturn}
          error={errors.landReturn}
          disabled={disabled}
          onChange={(v) => onField("landReturn", v)}
        />
        <FormInput
          id="pp-land-return-lag"
          label={t("scenario.landReturnLag")}
          value={form.landReturnLag}
          error={errors.landReturnLag}
          disabled={disabled}
          inputMode="numeric"
          onChange={(v) => onField("landReturnLag", v)}
        />
      </div>
    </>
  );
}
