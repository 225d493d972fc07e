/** The 决策 tools' fields: 最优配置's objective and span, 反推's target, subject, lever and probability, 敏感性's figure. */
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { OBJECTIVE_KINDS, OBJECTIVE_SPANS, type ObjectiveKind, type ObjectiveSpan } from "../../../models/decisions/optimize/settings.js";
import { OBJECTIVE_LABELS, SPAN_LABELS } from "../../../models/decisions/optimize/explain.js";
import { METRIC_TERMS } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import type { DecisionParams, DecisionTool } from "../../worker/decisionProtocol.js";
import type { DecisionChoices } from "../hooks/decisionChoices.js";
import { useDecisionStyles } from "./decisionStyles.js";

export interface DecisionFormProps {
  tool: DecisionTool;
  choices: DecisionChoices;
  lang: Lang;
  t: Translate;
  disabled: boolean;
  onRun: (params: DecisionParams) => void;
}

/** The subject choice of 反推 that back-solves every subject of the target (a value no subject has). */
const EVERY = "*";

/** One small Select of the section; `id` is the browser tests' handle. */
function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={props.label} size="small">
      <Select id={props.id} size="small" value={props.value} disabled={props.disabled} onChange={(_, v) => props.onChange(v.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function DecisionForm({ tool, choices, lang, t, disabled, onRun }: DecisionFormProps) {
  const styles = useDecisionStyles();
  const [objective, setObjective] = useState<ObjectiveKind>("output");
  const [over, setOver] = useState<ObjectiveSpan>("horizon");
  const [targetId, setTargetId] = useState(choices.targets[0]?.id ?? "");
  const target = choices.targets.find((x) => x.id === targetId) ?? choices.targets[0];
  const [subject, setSubject] = useState("");
  // 反推 may take every subject at once (EVERY); the tornado needs one.
  const targetSubject =
    target?.subjects.includes(subject) || (tool === "solve" && subject === EVERY) ? subject : (target?.subjects[0] ?? "");
  const [lever, setLever] = useState("growth");
  const [probability, setProbability] = useState("80");
  const [figureKind, setFigureKind] = useState<"target" | "metric">(choices.targets.length > 0 ? "target" : "metric");
  const [metric, setMetric] = useState<string>("outputPerMu");
  const [metricSubject, setMetricSubject] = useState(choices.subjects[choices.subjects.length - 1] ?? "");
  const [year, setYear] = useState(String(choices.years[choices.years.length - 1] ?? ""));

  const p = Number(probability);
  const probabilityOk = probability.trim() !== "" && Number.isFinite(p) && p > 0 && p <= 100;
  const targetOptions = choices.targets.map((x) => ({ value: x.id, label: x.label.zh === x.id ? x.id : `${x.id} ${pick(lang, x.label)}` }));
  const subjectOptions = [
    ...(target?.subjects ?? []).map((s) => ({ value: s, label: s })),
    ...(tool === "solve" && target && target.subjects.length > 1 ? [{ value: EVERY, label: t("decision.everySubject") }] : []),
  ];
  const targetFields = (
    <>
      <Choice
        id="pp-decision-target"
        label={t("decision.target")}
        value={target?.id ?? ""}
        options={targetOptions}
        disabled={disabled}
        onChange={setTargetId}
      />
      <Choice
        id="pp-decision-subject"
        label={t("decision.subject")}
        value={targetSubject}
        options={subjectOptions}
        disabled={disabled}
        onChange={setSubject}
      />
    </>
  );
  const needsTarget = tool === "solve" || (tool === "sensitivity" && figureKind === "target");
  const noTarget = needsTarget && !target;

  const params = (): DecisionParams | null => {
    if (tool === "optimize") return { tool, objective, over };
    if (!target && needsTarget) return null;
    if (tool === "solve")
      return probabilityOk
        ? { tool, target: target!.id, subject: targetSubject === EVERY ? null : targetSubject, lever, probability: p / 100 }
        : null;
    const figure = figureKind === "target" ? `target:${target!.id}:${targetSubject}` : `metric:${metric}:${metricSubject}:${year}`;
    return { tool, figure };
  };
  const ready = params();

  return (
    <div className={styles.stack}>
      {tool === "optimize" && (
        <div className={styles.pair}>
          <Choice
            id="pp-decision-objective"
            label={t("decision.objective")}
            value={objective}
            options={OBJECTIVE_KINDS.map((k) => ({ value: k, label: pick(lang, OBJECTIVE_LABELS[k]) }))}
            disabled={disabled}
            onChange={(v) => setObjective(v as ObjectiveKind)}
          />
          <Choice
            id="pp-decision-over"
            label={t("decision.over")}
            value={over}
            options={OBJECTIVE_SPANS.map((k) => ({ value: k, label: pick(lang, SPAN_LABELS[k]) }))}
            disabled={disabled}
            onChange={(v) => setOver(v as ObjectiveSpan)}
          />
        </div>
      )}
      {tool === "solve" && (
        <>
          <div className={styles.pair}>{targetFields}</div>
          <div className={styles.pair}>
            <Choice
              id="pp-decision-lever"
              label={t("decision.lever")}
              value={lever}
              options={choices.levers.map((l) => ({ value: l.value, label: pick(lang, l.label) }))}
              disabled={disabled}
              onChange={setLever}
            />
            <Field
              label={t("decision.probability")}
              size="small"
              validationMessage={probabilityOk ? undefined : t("decision.probabilityError")}
            >
              <Input
                id="pp-decision-probability"
                size="small"
                value={probability}
                disabled={disabled}
                onChange={(_, v) => setProbability(v.value)}
              />
            </Field>
          </div>
        </>
      )}
      {tool === "sensitivity" && (
        <>
          <Choice
            id="pp-decision-figure"
            label={t("decision.figure")}
            value={figureKind}
            options={[
              { value: "target", label: t("decision.figureTarget") },
              { value: "metric", label: t("decision.figureMetric") },
            ]}
            disabled={disabled}
            onChange={(v) => setFigureKind(v as "target" | "metric")}
          />
          {figureKind === "target" ? (
            <div className={styles.pair}>{targetFields}</div>
          ) : (
            <>
              <Choice
                id="pp-decision-metric"
                label={t("decision.metric")}
                value={metric}
                options={choices.metrics.map((m) => ({ value: m, label: pick(lang, METRIC_TERMS[m].name) }))}
                disabled={disabled}
                onChange={setMetric}
              />
              <div className={styles.pair}>
                <Choice
                  id="pp-decision-metric-subject"
                  label={t("decision.subject")}
                  value={metricSubject}
                  options={choices.subjects.map((s) => ({ value: s, label: s }))}
                  disabled={disabled}
                  onChange={setMetricSubject}
                />
                <Choice
                  id="pp-decision-year"
                  label={t("decision.year")}
                  value={year}
                  options={choices.years.map((y) => ({ value: String(y), label: String(y) }))}
                  disabled={disabled}
                  onChange={setYear}
                />
              </div>
            </>
          )}
        </>
      )}
      {noTarget && <p className={styles.text}>{t("decision.noTargets")}</p>}
      <div className={styles.row}>
        <Button appearance="primary" size="small" id="pp-decision-run" disabled={disabled || !ready} onClick={() => ready && onRun(ready)}>
          {t("decision.start")}
        </Button>
      </div>
    </div>
  );
}
