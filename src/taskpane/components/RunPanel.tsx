/**
 * Run and cancel, progress while the worker runs, the outcome, and writing or downloading the results.
 * Screen readers hear the phases and every quarter of the trials (a polite live region); the bar is a
 * progressbar counting trials (aria-valuenow of aria-valuemax).
 */
import { Button, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Translate } from "../../i18n/index.js";
import { isBusy, type RunState } from "../hooks/runState.js";
import { liveText } from "../hooks/liveStatus.js";
import { ErrorBox } from "./ErrorBox.js";
import { LiveStatus } from "./LiveStatus.js";

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
  /** The Run keyboard shortcut as this platform writes it, or null. */
  shortcut?: string | null;
  /** Why the shortcut did not start a run, shown and announced; null otherwise. */
  notice?: string | null;
}

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  status: { fontSize: tokens.fontSizeBase200, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, margin: 0, color: tokens.colorNeutralForeground3 },
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

function writtenText(state: RunState, t: Translate): string {
  if (!state.written) return "";
  const sheets = state.written.sheets.join("、");
  return state.written.file ? t("run.downloaded", { file: state.written.file, sheets }) : t("run.written", { sheets });
}

export function RunPanel({ state, canRun, output, t, lang, onRun, onCancel, onWrite, shortcut = null, notice = null }: RunPanelProps) {
  const styles = useStyles();
  const busy = isBusy(state.phase);
  const working = state.phase === "preparing" || state.phase === "running";
  const hasResult = state.phase === "done" || state.phase === "writing" || state.phase === "written";
  const status = statusText(state, t);
  const written = writtenText(state, t);
  const progress = state.phase === "running" ? state.progress : null;
  const counted = progress !== null && progress.total > 0;
  const live = notice ?? (written || liveText(status, t("run.liveLabel"), progress, t));
  return (
    <>
      <div className={styles.row}>
        <Button
          appearance="primary"
          id="pp-run"
          disabled={!canRun || busy}
          onClick={onRun}
          aria-describedby={shortcut ? "pp-run-shortcut" : undefined}
        >
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
      {shortcut && (
        <p className={styles.hint} id="pp-run-shortcut">
          {t("run.shortcut", { keys: shortcut })}
        </p>
      )}
      {notice && (
        <p className={styles.status} data-testid="run-notice">
          {notice}
        </p>
      )}
      {working && (
        <ProgressBar
          data-testid="run-progress"
          aria-label={t("run.progressLabel")}
          {...(counted
            ? { value: Math.min(progress.done, progress.total), max: progress.total, "aria-valuetext": t("run.progressText", progress) }
            : {})}
        />
      )}
      {status && (
        <p className={styles.status} data-testid="run-status" data-phase={state.phase}>
          {status}
        </p>
      )}
      {written && (
        <p className={styles.status} data-testid="run-written">
          {written}
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
      <LiveStatus text={live} testId="run-live" />
    </>
  );
}
