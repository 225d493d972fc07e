/**
 * The 决策 / Decisions section: three tools on the form's scenario — 最优配置 (the quota's best split, its
 * shadow prices), 反推 (the lever needed for a probability of a target), 敏感性 (the tornado of a figure,
 * optionally a two-way table of two assumptions) —
 * each run on the pane's worker pool (最优配置's LP in a worker of its own) with progress and cancel, and
 * written to its sheet only when asked. A lazy chunk (with the model code the dropdowns need), like the
 * scenario library.
 */
import { Button, Field, ProgressBar, Select } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { pick, type Lang, type Translate } from "../i18n/index.js";
import type { SheetLanguage } from "../workbook/results/language.js";
import type { WorkbookPort } from "../workbook/port.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import type { DecisionTool } from "../worker/decisionProtocol.js";
import { DecisionForm } from "./components/DecisionForm.js";
import { DecisionOutcome } from "./components/DecisionOutcome.js";
import { useDecisionStyles } from "./components/decisionStyles.js";
import { ErrorBox } from "./components/ErrorBox.js";
import { LiveStatus } from "./components/LiveStatus.js";
import { Section } from "./components/Section.js";
import type { Host } from "./host.js";
import { withGridPoints, type DecisionChoices } from "./hooks/decisionChoices.js";
import { toPaneError, type PaneError } from "./hooks/paneError.js";
import { liveText } from "./hooks/liveStatus.js";
import { isBusy, progressValue } from "./hooks/runState.js";
import { useDecisions } from "./hooks/useDecisions.js";

const service = () => import("./workbookService.js");

export interface DecisionsSectionProps {
  host: Host;
  port: WorkbookPort;
  sheet: string | null;
  fileName: string | null;
  /** The platform sheet as read (the dropdowns' subjects). */
  parsed: PlatformSheet;
  /** The form's scenario document (null while the form has errors). */
  document: Record<string, unknown> | null;
  lang: Lang;
  /** The language the tool's (or 情景对比's) sheet is written in (the pane's 结果表语言). */
  sheetLang: SheetLanguage;
  t: Translate;
  /** A run is working: no decision job meanwhile. */
  disabled: boolean;
}

const TOOLS: DecisionTool[] = ["optimize", "solve", "sensitivity"];

/** The dropdowns' choices for the form's scenario (from the sheet as of its base year), or why there are none. */
function useChoices(parsed: PlatformSheet, document: Record<string, unknown> | null) {
  const [state, setState] = useState<{ choices: DecisionChoices | null; error: PaneError | null }>({ choices: null, error: null });
  useEffect(() => {
    let live = true;
    if (!document) return;
    service().then(
      (s) => {
        if (!live) return;
        try {
          setState({ choices: s.decisionChoicesFor(parsed, document), error: null });
        } catch (err) {
          setState({ choices: null, error: toPaneError(err, "decision.choicesFailed") });
        }
      },
      (err: unknown) => live && setState({ choices: null, error: toPaneError(err, "decision.choicesFailed") }),
    );
    return () => {
      live = false;
    };
  }, [parsed, document]);
  // While the form has errors there is no scenario to offer choices for.
  return document ? state : { choices: null, error: null };
}

export function DecisionsSection({ host, port, sheet, fileName, parsed, document, lang, sheetLang, t, disabled }: DecisionsSectionProps) {
  const styles = useDecisionStyles();
  const d = useDecisions(host, port, sheet, fileName, sheetLang);
  const { choices, error: choicesError } = useChoices(parsed, document);
  const { state } = d;
  const busy = isBusy(state.phase);
  const working = state.phase === "preparing" || state.phase === "running";
  const hasResult = state.outcome !== null && (state.phase === "done" || state.phase === "writing" || state.phase === "written");
  const statusText =
    state.phase === "preparing"
      ? t("run.preparing")
      : state.phase === "running"
        ? state.progress && state.progress.total > 0
          ? t("decision.running", { done: state.progress.done, total: state.progress.total })
          : t("decision.runningNoCount")
        : state.phase === "cancelled"
          ? t("run.cancelled")
          : hasResult
            ? t("decision.done")
            : "";

  return (
    <Section id="pp-decision-section" title={t("decision.heading")}>
      <div className={styles.stack}>
        <Field label={t("decision.tool")} size="small">
          <Select
            id="pp-decision-tool"
            size="small"
            value={state.tool}
            disabled={busy}
            onChange={(_, v) => d.chooseTool(v.value as DecisionTool)}
          >
            {TOOLS.map((tool) => (
              <option key={tool} value={tool}>
                {t(`decision.tool.${tool}`)}
              </option>
            ))}
          </Select>
        </Field>
        {choicesError && <ErrorBox error={choicesError} heading={t(choicesError.heading)} />}
        {choices && (
          <DecisionForm
            key={state.tool}
            tool={state.tool}
            choices={choices}
            lang={lang}
            t={t}
            disabled={disabled || busy || !document || !sheet}
            onRun={(params, gridPoints) => document && void d.start(withGridPoints(document, gridPoints), params)}
          />
        )}
        <div className={styles.row}>
          {working && (
            <Button id="pp-decision-cancel" size="small" onClick={d.cancel}>
              {t("run.cancel")}
            </Button>
          )}
          {hasResult && (
            <Button id="pp-decision-write" size="small" disabled={busy} onClick={() => void d.write()}>
              {state.phase === "writing" ? t("run.writing") : host.kind === "office" ? t("run.write") : t("run.download")}
            </Button>
          )}
        </div>
        {working && <ProgressBar value={progressValue(state)} data-testid="decision-progress" />}
        <p
          className={styles.text}
          data-testid="decision-status"
          data-phase={state.phase}
          data-done={state.progress?.done}
          data-total={state.progress?.total}
        >
          {statusText}
        </p>
        <LiveStatus
          text={liveText(statusText, t("decision.liveLabel"), state.phase === "running" ? state.progress : null, t)}
          testId="decision-live"
        />
        {hasResult && state.outcome && <DecisionOutcome outcome={state.outcome} lang={lang} t={t} />}
        {state.written && (
          <p className={styles.text} data-testid="decision-written">
            {state.written.file
              ? t("run.downloaded", { file: state.written.file, sheets: state.written.sheets.join("、") })
              : t("run.written", { sheets: state.written.sheets.join("、") })}
          </p>
        )}
        {state.written && state.written.warnings.length > 0 && (
          <ul className={styles.list}>
            {state.written.warnings.map((w, i) => (
              <li key={i}>{pick(lang, w)}</li>
            ))}
          </ul>
        )}
        {state.error && <ErrorBox error={state.error} heading={t(state.error.heading)} />}
      </div>
    </Section>
  );
}
