/**
 * Policy levers (model.md §2.1): per ratio, collapsed to a one-line summary, a rule for the whole region
 * (none, change in percentage points a year, a path of year → %, or an expression), the rules by level
 * (a preset's suggestions: 国家级、省级), editable or cleared, and a note on per-platform rules, kept as
 * given. Stacked for a 320 px pane; the text and the document live in hooks/leverForm.ts.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
  type AccordionToggleData,
} from "@fluentui/react-components";
import { useState } from "react";
import { RATIO_LEVERS, type RatioLever } from "../../../models/levers/ratioNames.js";
import type { Preset } from "../../../models/presets.js";
import { RATIO_LEVER_LABELS } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import {
  emptyLevers,
  isLeverSet,
  leverSummary,
  leversForPreset,
  levelNames,
  presetLeverNote,
  ruleScope,
  withKind,
  type LeverField,
  type LeverForm,
  type LeversForm,
  type RuleForm,
} from "../hooks/leverForm.js";
import type { FormField } from "../hooks/scenarioForm.js";
import { FormInput } from "./FormInput.js";

export interface LeverFieldsProps {
  levers: LeversForm;
  preset: Preset | undefined;
  errors: Partial<Record<FormField, string>>;
  disabled: boolean;
  lang: Lang;
  t: Translate;
  onChange: (next: LeversForm) => void;
}

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  header: { display: "flex", flexDirection: "column", minWidth: 0 },
  summary: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
  groupHead: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  // minmax(0, …): the inputs shrink to the pane (320 px) instead of pushing the remove button out.
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
    "& .fui-Input": { minWidth: 0 },
  },
  // Level with the inputs, below their labels (the row aligns at the top so an error under one does not move it).
  remove: { marginTop: "22px", minWidth: "auto" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface RuleEditorProps {
  id: string;
  label: string;
  rule: RuleForm;
  scope: LeverField;
  /** The region's rule may be none; a level group is cleared with its own button instead. */
  allowNone: boolean;
  errors: Partial<Record<FormField, string>>;
  disabled: boolean;
  t: Translate;
  onChange: (rule: RuleForm) => void;
}

/** One rule: its kind, then the change, the path rows or the expression. */
function RuleEditor({ id, label, rule, scope, allowNone, errors, disabled, t, onChange }: RuleEditorProps) {
  const styles = useStyles();
  const setRow = (i: number, key: "year" | "value", value: string) =>
    onChange({ ...rule, path: rule.path.map((row, j) => (j === i ? { ...row, [key]: value } : row)) });
  return (
    <>
      <Field label={label} size="small">
        <Select
          id={`${id}-kind`}
          size="small"
          value={rule.kind}
          disabled={disabled}
          onChange={(_, d) => onChange(withKind(rule, d.value as RuleForm["kind"]))}
        >
          {allowNone && <option value="">{t("scenario.leverNone")}</option>}
          <option value="change">{t("scenario.leverChange")}</option>
          <option value="path">{t("scenario.leverPath")}</option>
          <option value="expr">{t("scenario.leverExpr")}</option>
        </Select>
      </Field>
      {rule.kind === "change" && (
        <FormInput
          id={`${id}-change`}
          label={t("scenario.leverChangePp")}
          value={rule.change}
          error={errors[`${scope}.change`]}
          disabled={disabled}
          onChange={(v) => onChange({ ...rule, change: v })}
        />
      )}
      {rule.kind === "path" && (
        <>
          {rule.path.map((row, i) => (
            <div className={styles.row} key={i}>
              <FormInput
                id={`${id}-year-${i}`}
                label={t("scenario.leverPathYear")}
                value={row.year}
                error={errors[`${scope}.path.${i}.year`]}
                disabled={disabled}
                inputMode="numeric"
                onChange={(v) => setRow(i, "year", v)}
              />
              <FormInput
                id={`${id}-value-${i}`}
                label={t("scenario.leverPathValue")}
                value={row.value}
                error={errors[`${scope}.path.${i}.value`]}
                disabled={disabled}
                onChange={(v) => setRow(i, "value", v)}
              />
              <Button
                id={`${id}-remove-${i}`}
                className={styles.remove}
                size="small"
                appearance="subtle"
                aria-label={t("scenario.leverRemoveRow")}
                title={t("scenario.leverRemoveRow")}
                disabled={disabled}
                onClick={() => onChange({ ...rule, path: rule.path.filter((_, j) => j !== i) })}
              >
                ×
              </Button>
            </div>
          ))}
          <Field validationMessage={errors[`${scope}.path`]} validationState={errors[`${scope}.path`] ? "error" : "none"} size="small">
            <div className={styles.actions}>
              <Button
                id={`${id}-add`}
                size="small"
                disabled={disabled}
                onClick={() => onChange({ ...rule, path: [...rule.path, { year: "", value: "" }] })}
              >
                {t("scenario.leverAddRow")}
              </Button>
            </div>
          </Field>
        </>
      )}
      {rule.kind === "expr" && (
        <Field
          label={t("scenario.leverExprText")}
          hint={t("scenario.leverExprHint")}
          validationMessage={errors[`${scope}.expr`]}
          validationState={errors[`${scope}.expr`] ? "error" : "none"}
          size="small"
        >
          <Input
            id={`${id}-expr`}
            size="small"
            value={rule.expr}
            disabled={disabled}
            placeholder="min(base*1.05^k, 0.6)"
            onChange={(_, d) => onChange({ ...rule, expr: d.value })}
          />
        </Field>
      )}
    </>
  );
}

export function LeverFields({ levers, preset, errors, disabled, lang, t, onChange }: LeverFieldsProps) {
  const styles = useStyles();
  const set = RATIO_LEVERS.filter((l) => isLeverSet(levers[l]));
  // A lever that becomes set (a preset chosen, a scenario loaded) opens, so its rule is seen, not hidden.
  const [open, setOpen] = useState<RatioLever[]>(set);
  const [shownSet, setShownSet] = useState(set.join());
  if (shownSet !== set.join()) {
    const before = shownSet.split(",");
    setShownSet(set.join());
    setOpen((o) => [...o, ...set.filter((l) => !before.includes(l) && !o.includes(l))]);
  }
  const edit = (lever: RatioLever, next: LeverForm) => onChange({ ...levers, [lever]: next });
  const note = preset ? presetLeverNote(preset, lang, t) : null;

  return (
    <>
      <h3 className={styles.heading}>{t("scenario.levers")}</h3>
      {note && <p className={styles.note}>{note}</p>}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d: AccordionToggleData<RatioLever>) => setOpen(d.openItems)}>
        {RATIO_LEVERS.map((lever) => {
          const form = levers[lever];
          const platforms = Object.keys(form.byPlatform).length;
          return (
            <AccordionItem value={lever} key={lever} id={`pp-lever-${lever}`}>
              <AccordionHeader size="small">
                <span className={styles.header}>
                  <span>{pick(lang, RATIO_LEVER_LABELS[lever])}</span>
                  <span className={styles.summary}>{leverSummary(form, lang, t)}</span>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                {form.byLevel.map((group, i) => (
                  <div className={styles.group} key={group.levels.join()}>
                    <div className={styles.groupHead}>
                      <span>{t("scenario.leverLevels", { levels: levelNames(group.levels, lang) })}</span>
                      <Button
                        id={`pp-lever-${lever}-level-${i}-clear`}
                        size="small"
                        appearance="subtle"
                        disabled={disabled}
                        onClick={() => edit(lever, { ...form, byLevel: form.byLevel.filter((_, j) => j !== i) })}
                      >
                        {t("scenario.leverClear")}
                      </Button>
                    </div>
                    <RuleEditor
                      id={`pp-lever-${lever}-level-${i}`}
                      label={t("scenario.leverRule")}
                      rule={group.rule}
                      scope={ruleScope(lever, i)}
                      allowNone={false}
                      errors={errors}
                      disabled={disabled}
                      t={t}
                      onChange={(rule) => edit(lever, { ...form, byLevel: form.byLevel.map((g, j) => (j === i ? { ...g, rule } : g)) })}
                    />
                  </div>
                ))}
                <RuleEditor
                  id={`pp-lever-${lever}-region`}
                  label={t("scenario.leverRegion")}
                  rule={form.region}
                  scope={ruleScope(lever, null)}
                  allowNone
                  errors={errors}
                  disabled={disabled}
                  t={t}
                  onChange={(region) => edit(lever, { ...form, region })}
                />
                {platforms > 0 && (
                  <div className={styles.groupHead}>
                    <span>{t("scenario.leverMore", { n: platforms })}</span>
                    <Button
                      id={`pp-lever-${lever}-platforms-clear`}
                      size="small"
                      appearance="subtle"
                      disabled={disabled}
                      onClick={() => edit(lever, { ...form, byPlatform: {} })}
                    >
                      {t("scenario.leverClear")}
                    </Button>
                  </div>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      {(note || set.length > 0) && (
        <div className={styles.actions}>
          {note && preset && (
            <Button
              id="pp-levers-refill"
              size="small"
              disabled={disabled}
              onClick={() => onChange(leversForPreset(levers, undefined, preset))}
            >
              {t("scenario.leverRefill")}
            </Button>
          )}
          {set.length > 0 && (
            <Button id="pp-levers-clear" size="small" disabled={disabled} onClick={() => onChange(emptyLevers())}>
              {t("scenario.leverClearAll")}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
