/** The scenario: plan preset, name and years, growth, land and energy, exits, policy levers, Monte Carlo. */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, type ChangeEvent } from "react";
import type { Level } from "../../../models/platform.js";
import { findPreset, PRESETS } from "../../../models/presets.js";
import type { AllocationStrategy } from "../../../models/scenario.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import type { FormField, ScenarioForm } from "../hooks/scenarioForm.js";
import type { TransferNote } from "../hooks/useScenario.js";
import { ErrorBox } from "./ErrorBox.js";
import { FormInput } from "./FormInput.js";
import { GrowthFields } from "./GrowthFields.js";
import { LeverFields } from "./LeverFields.js";
import { QuotaFields } from "./QuotaFields.js";

type TextField = Exclude<
  keyof ScenarioForm,
  "byLevel" | "preset" | "landStrategy" | "energyStrategy" | "growthDistribution" | "exitMode" | "ratios" | "fromHistory"
>;

export interface ScenarioPanelProps {
  form: ScenarioForm;
  errors: Partial<Record<FormField, string>>;
  disabled: boolean;
  lang: Lang;
  t: Translate;
  onField: (field: TextField, value: string) => void;
  onStrategy: (which: "landStrategy" | "energyStrategy", value: AllocationStrategy) => void;
  /** The form's other choices (growth distribution, fit from history, exit mode, policy levers). */
  onChoice: <K extends "growthDistribution" | "fromHistory" | "exitMode" | "ratios">(field: K, value: ScenarioForm[K]) => void;
  onLevel: (level: Level, which: "mean" | "sd", value: string) => void;
  onPreset: (id: string) => void;
  /** Scenario .json files (the command line's --scenario): import into the form, export the form's document. */
  transfer?: {
    note: TransferNote | null;
    canExport: boolean;
    onImport: (file: { name: string; text: string }) => void;
    onExport: () => void;
  };
}

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
  rules: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  files: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Import / export of scenario .json files, with what the last one did. */
function ScenarioFiles({
  transfer,
  disabled,
  t,
}: {
  transfer: NonNullable<ScenarioPanelProps["transfer"]>;
  disabled: boolean;
  t: Translate;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) transfer.onImport({ name: file.name, text: await file.text() });
  };
  const { note } = transfer;
  return (
    <>
      <div className={styles.files}>
        <input ref={input} id="pp-scenario-file" type="file" hidden accept=".json,application/json" disabled={disabled} onChange={chosen} />
        <Button size="small" id="pp-scenario-import" disabled={disabled} onClick={() => input.current?.click()}>
          {t("scenario.import")}
        </Button>
        <Button size="small" id="pp-scenario-export" disabled={disabled || !transfer.canExport} onClick={transfer.onExport}>
          {t("scenario.export")}
        </Button>
      </div>
      <p className={styles.rules}>{t("scenario.transferHint")}</p>
      {note?.kind === "imported" && (
        <p className={styles.rules} data-testid="scenario-imported">
          {t("scenario.imported", { file: note.file })}{" "}
          {note.dropped.length > 0 && t("scenario.keptFields", { fields: note.dropped.join(", ") })}
        </p>
      )}
      {note?.kind === "fromLibrary" && (
        <p className={styles.rules} data-testid="scenario-from-library">
          {t("scenario.fromLibrary", { name: note.name })}{" "}
          {note.dropped.length > 0 && t("scenario.keptFields", { fields: note.dropped.join(", ") })}
        </p>
      )}
      {note?.kind === "exported" && (
        <p className={styles.rules} data-testid="scenario-exported">
          {t("scenario.exported", { file: note.file })}
        </p>
      )}
      {note?.kind === "failed" && <ErrorBox error={note.error} heading={t(note.error.heading)} />}
    </>
  );
}

export function ScenarioPanel({
  form,
  errors,
  disabled,
  lang,
  t,
  onField,
  onStrategy,
  onChoice,
  onLevel,
  onPreset,
  transfer,
}: ScenarioPanelProps) {
  const styles = useStyles();
  const preset = findPreset(form.preset);
  return (
    <>
      {transfer && <ScenarioFiles transfer={transfer} disabled={disabled} t={t} />}
      <Field label={t("scenario.preset")} size="small">
        <Select id="pp-preset" size="small" value={form.preset} disabled={disabled} onChange={(_, d) => onPreset(d.value)}>
          <option value="">{t("scenario.presetNone")}</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(lang, p.name)}
            </option>
          ))}
        </Select>
      </Field>
      {preset && preset.rules.length > 0 && (
        <p className={styles.rules}>{t("scenario.rules", { rules: preset.rules.map((r) => `${r.id} ${pick(lang, r)}`).join("；") })}</p>
      )}
      <FormInput
        id="pp-name"
        label={t("scenario.name")}
        value={form.name}
        error={errors.name}
        disabled={disabled}
        inputMode="text"
        onChange={(v) => onField("name", v)}
      />
      <div className={styles.grid}>
        <FormInput
          id="pp-base-year"
          label={t("scenario.baseYear")}
          value={form.baseYear}
          error={errors.baseYear}
          disabled={disabled}
          inputMode="numeric"
          onChange={(v) => onField("baseYear", v)}
        />
        <FormInput
          id="pp-end-year"
          label={t("scenario.endYear")}
          value={form.endYear}
          error={errors.endYear}
          disabled={disabled}
          inputMode="numeric"
          onChange={(v) => onField("endYear", v)}
        />
      </div>
      <h3 className={styles.heading}>{t("scenario.growth")}</h3>
      <GrowthFields
        form={form}
        errors={errors}
        disabled={disabled}
        lang={lang}
        t={t}
        onField={onField}
        onDistribution={(v) => onChoice("growthDistribution", v)}
        onLevel={onLevel}
        onFromHistory={(v) => onChoice("fromHistory", v)}
      />
      <QuotaFields
        form={form}
        errors={errors}
        disabled={disabled}
        lang={lang}
        t={t}
        onField={onField}
        onStrategy={onStrategy}
        onExitMode={(v) => onChoice("exitMode", v)}
      />
      <LeverFields
        levers={form.ratios}
        preset={preset}
        errors={errors}
        disabled={disabled}
        lang={lang}
        t={t}
        onChange={(v) => onChoice("ratios", v)}
      />
      <h3 className={styles.heading}>{t("scenario.monteCarlo")}</h3>
      <div className={styles.grid}>
        <FormInput
          id="pp-runs"
          label={t("scenario.runs")}
          value={form.runs}
          error={errors.runs}
          disabled={disabled}
          inputMode="numeric"
          onChange={(v) => onField("runs", v)}
        />
        <FormInput
          id="pp-seed"
          label={t("scenario.seed")}
          value={form.seed}
          error={errors.seed}
          disabled={disabled}
          inputMode="text"
          onChange={(v) => onField("seed", v)}
        />
      </div>
    </>
  );
}
