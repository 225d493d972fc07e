/** New land and energy: quotas, allocation strategies, lag, intensity decline, cap; exits' relocation. */
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { AllocationStrategy } from "../../../models/scenario.js";
import type { MessageKey, Translate } from "../../i18n/index.js";
import type { FormField, ScenarioForm } from "../hooks/scenarioForm.js";
import { FormInput } from "./FormInput.js";

type TextField = "landQuota" | "lagYears" | "energyDecline" | "energyCap" | "relocation";

export interface QuotaFieldsProps {
  form: ScenarioForm;
  errors: Partial<Record<FormField, string>>;
  disabled: boolean;
  t: Translate;
  onField: (field: TextField, value: string) => void;
  onStrategy: (which: "landStrategy" | "energyStrategy", value: AllocationStrategy) => void;
}

/** Every strategy with its label; a Record, so a strategy added to the model fails the type check here. (Not
 * ALLOCATION_STRATEGIES: models/scenario.ts would bring zod into the pane's first load.) */
const STRATEGIES: Record<AllocationStrategy, MessageKey> = {
  proportional: "strategy.proportional",
  merit: "strategy.merit",
  "main-only": "strategy.main-only",
  manual: "strategy.manual",
};

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

function StrategySelect({ id, value, disabled, t, onChange }: { id: string; value: AllocationStrategy; disabled: boolean; t: Translate; onChange: (v: AllocationStrategy) => void }) {
  return (
    <Field label={t("scenario.strategy")} size="small">
      <Select id={id} size="small" value={value} disabled={disabled} onChange={(_, d) => onChange(d.value as AllocationStrategy)}>
        {(Object.keys(STRATEGIES) as AllocationStrategy[]).map((s) => (
          <option key={s} value={s}>
            {t(STRATEGIES[s])}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function QuotaFields({ form, errors, disabled, t, onField, onStrategy }: QuotaFieldsProps) {
  const styles = useStyles();
  return (
    <>
      <h3 className={styles.heading}>{t("scenario.land")}</h3>
      <div className={styles.grid}>
        <FormInput id="pp-land-quota" label={t("scenario.landQuota")} value={form.landQuota} error={errors.landQuota} disabled={disabled} onChange={(v) => onField("landQuota", v)} />
        <FormInput id="pp-land-lag" label={t("scenario.lag")} value={form.lagYears} error={errors.lagYears} disabled={disabled} inputMode="numeric" onChange={(v) => onField("lagYears", v)} />
      </div>
      <StrategySelect id="pp-land-strategy" value={form.landStrategy} disabled={disabled} t={t} onChange={(v) => onStrategy("landStrategy", v)} />
      <h3 className={styles.heading}>{t("scenario.energy")}</h3>
      <div className={styles.grid}>
        <FormInput id="pp-energy-decline" label={t("scenario.energyDecline")} value={form.energyDecline} error={errors.energyDecline} disabled={disabled} onChange={(v) => onField("energyDecline", v)} />
        <FormInput id="pp-energy-cap" label={t("scenario.energyCap")} value={form.energyCap} error={errors.energyCap} disabled={disabled} onChange={(v) => onField("energyCap", v)} />
      </div>
      <StrategySelect id="pp-energy-strategy" value={form.energyStrategy} disabled={disabled} t={t} onChange={(v) => onStrategy("energyStrategy", v)} />
      <FormInput id="pp-relocation" label={t("scenario.exits")} value={form.relocation} error={errors.relocation} disabled={disabled} onChange={(v) => onField("relocation", v)} />
    </>
  );
}
