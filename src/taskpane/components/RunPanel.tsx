/** Run and cancel, progress while the worker runs, the outcome, and writing or downloading the results. */
import { Button, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Translate } from "../../i18n/index.js";
import { isBusy, progressValue, type RunState } from "../hooks/runState.js";
import { ErrorBox } from "./ErrorBox.js";

export interface RunPanelProps {
  state: RunState;
  canRun: boolean;
  /** "write" in Excel, "download" on the standalone page. */
  output: "write" | "download";
  t: Translate;
  lang: "zh" | "en";
  onRun: () => void;
  onCancel: () => void;
  onWrite: () => void;
}

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  status: { fontSize: tokens.fontSizeBase200, margin: 0 },
});

function statusText(state: RunState, t: Translate): string {
  switch (state.phase) {
    case "preparing":
      return t("run.preparing");
    case "running":
      return state.progress && state.progress.total > 0
        ? t("run.running", { done: state.progress.done, total: state.progress.total })
        : t("run.runningDeterministic");
    case "cancelled":
      return t("run.cancelled");
    case "done":
    case "writing":
    case "written": {
      const seconds =
        state.startedAt && state.finishedAt ? ((state.finishedAt.getTime() - state.startedAt.getTime()) / 1000).toFixed(1) : "—";
      return t("run.done", { runs: state.result?.monteCarlo?.runs ?? 0, seconds });
    }
    default:
      return "";
  }
}

export function RunPanel({ state, canRun, output, t, lang, onRun, onCancel, onWrite }: RunPanelProps) {
  const styles = useStyles();
  const busy = isBusy(state.phase);
  const working = state.phase === "preparing" || state.phase === "running";
  const hasResult = state.phase === "done" || state.phase === "writing" || state.phase === "written";
  const status = statusText(state, t);
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" id="pp-run" disabled={!canRun || busy} onClick={onRun}>
          {t("run.start")}
        </Button>
        {working && (
          <Button id="pp-cancel" onClick={onCancel}>
            {t("run.cancel")}
          </Button>
        )}
        {hasResult && (
          <Button id="pp-write" disabled={busy} onClick={onWrite}>
            {state.phase === "writing" ? t("run.writing") : output === "write" ? t("run.write") : t("run.download")}
          </Button>
        )}
      </div>
      {working && <ProgressBar value={progressValue(state)} data-testid="run-progress" />}
      {status && (
        <p className={styles.status} data-testid="run-status" data-phase={state.phase}>
          {status}
        </p>
      )}
      {state.written && (
        <p className={styles.status} data-testid="run-written">
          {state.written.file
            ? t("run.downloaded", { file: state.written.file, sheets: state.written.sheets.join("、") })
            : t("run.written", { sheets: state.written.sheets.join("、") })}
        </p>
      )}
      {state.written && state.written.warnings.length > 0 && (
        <ul className={styles.status} data-testid="run-write-warnings">
          {state.written.warnings.map((w, i) => (
            <li key={i}>{lang === "en" ? w.en : w.zh}</li>
          ))}
        </ul>
      )}
      {state.error && <ErrorBox error={state.error} heading={t(state.error.heading)} />}
    </>
  );
}
