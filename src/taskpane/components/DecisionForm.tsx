/**
 * The 决策 tools' fields: 最优配置's objective and span, 反推's target, subject, lever and probability, 敏感性's
 * figure and, optionally, its two-way table (two assumptions of the tornado's list, the grid's points per side).
 */
import { Button, Checkbox, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { OBJECTIVE_KINDS, OBJECTIVE_SPANS, type ObjectiveKind, type ObjectiveSpan } from "../../../models/decisions/optimize/settings.js";
import { OBJECTIVE_LABELS, SPAN_LABELS } from "../../../models/decisions/optimize/explain.js";
import type { AssumptionId } from "../../../models/decisions/assumptionNames.js";
import { ASSUMPTION_TERMS, METRIC_TERMS } from "../../../models/vocabulary.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import type { DecisionParams, DecisionTool } from "../../worker/decisionProtocol.js";
import { GRID_POINTS, type DecisionChoices } from "../hooks/decisionChoices.js";
import { useDecisionStyles } from "./decisionStyles.js";

export interface DecisionFormProps {
  tool: DecisionTool;
  choices: DecisionChoices;
  lang: Lang;
  t: Translate;
  disabled: boolean;
  /** gridPoints: the two-way grid's points per side, when a two-way table is asked (the scenario's sensitivity.gridPoints). */
  onRun: (params: DecisionParams, gridPoints?: number) => void;
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
  // The two-way table: off by default; A the first assumption, B the land quota when it can move (the command line's example).
  const [twoWay, setTwoWay] = useState(false);
  const movable = choices.assumptions;
  const [chosenA, setAxisA] = useState<AssumptionId | undefined>(undefined);
  const [chosenB, setAxisB] = useState<AssumptionId | undefined>(undefined);
  // A choice the scenario can no longer move (the form changed) falls back to the defaults.
  const axisA = chosenA !== undefined && movable.includes(chosenA) ? chosenA : movable[0];
  const defaultB = movable.includes("land.quota") && axisA !== "land.quota" ? "land.quota" : movable.find((id) => id !== axisA);
  const axisB = chosenB !== undefined && movable.includes(chosenB) ? chosenB : defaultB;
  const [points, setPoints] = useState(String(choices.gridPoints));

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
  const gridPoints = Number(points);
  const pointsOk = Number.isInteger(gridPoints) && gridPoints >= GRID_POINTS.min && gridPoints <= GRID_POINTS.max && points.trim() !== "";
  const canTwoWay = movable.length >= 2;
  const pairOk = axisA !== undefined && axisB !== undefined && axisA !== axisB;
  const assumptionOptions = movable.map((id) => ({ value: id, label: pick(lang, ASSUMPTION_TERMS[id].name) }));
  const noTarget = needsTarget && !target;

  const params = (): DecisionParams | null => {
    if (tool === "optimize") return { tool, objective, over };
    if (!target && needsTarget) return null;
    if (tool === "solve")
      return probabilityOk
        ? { tool, target: target!.id, subject: targetSubject === EVERY ? null : targetSubject, lever, probability: p / 100 }
        : null;
    const figure = figureKind === "target" ? `target:${target!.id}:${targetSubject}` : `metric:${metric}:${metricSubject}:${year}`;
    if (!twoWay || !canTwoWay) return { tool, figure };
    return pairOk && pointsOk ? { tool, figure, twoWay: [axisA!, axisB!] } : null;
  };
  const ready = params();
  const run = () => {
    if (!ready) return;
    if (ready.tool === "sensitivity" && ready.twoWay) onRun(ready, gridPoints);
    else onRun(ready);
  };

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
          <Checkbox
            id="pp-decision-two-way"
            label={t("decision.twoWay")}
            checked={twoWay && canTwoWay}
            disabled={disabled || !canTwoWay}
            onChange={(_, v) => setTwoWay(v.checked === true)}
          />
          {!canTwoWay && <p className={styles.text}>{t("decision.twoWayFew")}</p>}
          {twoWay && canTwoWay && (
            <>
              <div className={styles.pair}>
                <Choice
                  id="pp-decision-two-way-a"
                  label={t("decision.twoWayA")}
                  value={axisA ?? ""}
                  options={assumptionOptions}
                  disabled={disabled}
                  onChange={(v) => setAxisA(v as AssumptionId)}
                />
                <Choice
                  id="pp-decision-two-way-b"
                  label={t("decision.twoWayB")}
                  value={axisB ?? ""}
                  options={assumptionOptions}
                  disabled={disabled}
                  onChange={(v) => setAxisB(v as AssumptionId)}
                />
              </div>
              {!pairOk && <p className={styles.text}>{t("decision.twoWaySame")}</p>}
              <Field
                label={t("decision.gridPoints")}
                size="small"
                validationMessage={pointsOk ? undefined : t("decision.gridPointsError", { min: GRID_POINTS.min, max: GRID_POINTS.max })}
              >
                <Input
                  id="pp-decision-grid-points"
                  size="small"
                  type="number"
                  min={GRID_POINTS.min}
                  max={GRID_POINTS.max}
                  value={points}
                  disabled={disabled}
                  onChange={(_, v) => setPoints(v.value)}
                />
              </Field>
            </>
          )}
        </>
      )}
      {noTarget && <p className={styles.text}>{t("decision.noTargets")}</p>}
      <div className={styles.row}>
        <Button appearance="primary" size="small" id="pp-decision-run" disabled={disabled || !ready} onClick={run}>
          {t("decision.start")}
        </Button>
      </div>
    </div>
  );
}
