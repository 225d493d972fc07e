/** Compare the ticked scenarios: baseline, compare / cancel with progress, the compact table, write the 情景对比 sheet. */
import { Button, ProgressBar, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { IMPROVEMENT_LABELS } from "../../../models/vocabulary.js";
import { liveText } from "../hooks/liveStatus.js";
import { LiveStatus } from "./LiveStatus.js";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import { compareProgress, isComparing, type CompareState } from "../hooks/compareState.js";
import { compareView } from "../hooks/compareView.js";
import { ErrorBox } from "./ErrorBox.js";

export interface ComparePanelProps {
  state: CompareState;
  /** The ticked entries in column order, and the baseline's id. */
  chosen: { id: string; name: string }[];
  baselineId: string | null;
  canCompare: boolean;
  output: "write" | "download";
  lang: Lang;
  t: Translate;
  onBaseline: (id: string) => void;
  onCompare: () => void;
  onCancel: () => void;
  onWrite: () => void;
}

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  note: { fontSize: tokens.fontSizeBase200, margin: 0 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    width: "100%",
    "& th, & td": { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "2px 4px", textAlign: "right", verticalAlign: "top" },
    "& th:first-child": { textAlign: "left" },
  },
  sub: { display: "block", fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  better: { color: tokens.colorPaletteGreenForeground1 },
  worse: { color: tokens.colorPaletteRedForeground1 },
  same: {},
  neutral: {},
});

function status(state: CompareState, t: Translate): string {
  if (state.phase === "preparing") return t("cmp.preparing");
  if (state.phase === "running") {
    const p = state.progress ?? { done: 0, total: 0 };
    return t("cmp.running", {
      index: Math.min(state.index + 1, state.names.length),
      count: state.names.length,
      name: state.names[state.index] ?? "",
      done: p.done,
      total: p.total,
    });
  }
  if (state.phase === "cancelled") return t("cmp.cancelled");
  if (state.model)
    return t("cmp.done", {
      count: state.names.length,
      year: compareView(state.model).year ?? "—",
      baseline: state.names[state.baseline] ?? "",
    });
  return "";
}

export function ComparePanel({ state, chosen, baselineId, canCompare, output, lang, t, ...on }: ComparePanelProps) {
  const styles = useStyles();
  const busy = isComparing(state.phase);
  const working = state.phase === "preparing" || state.phase === "running";
  const view = state.model ? compareView(state.model) : null;
  const text = status(state, t);
  const liveLabel = `${t("cmp.liveLabel")} ${Math.min(state.index + 1, state.names.length)}/${state.names.length}`;
  const live = liveText(text, liveLabel, state.phase === "running" ? state.progress : null, t);
  return (
    <>
      <p className={styles.note}>{t("cmp.hint")}</p>
      <div className={styles.row}>
        <Select
          id="pp-cmp-baseline"
          aria-label={t("cmp.baseline")}
          value={baselineId ?? chosen[0]?.id ?? ""}
          disabled={busy || chosen.length === 0}
          onChange={(_, d) => on.onBaseline(d.value)}
        >
          {chosen.map((c) => (
            <option key={c.id} value={c.id}>
              {t("cmp.baseline")}: {c.name}
            </option>
          ))}
        </Select>
        <Button id="pp-cmp-start" appearance="primary" disabled={!canCompare || busy} onClick={on.onCompare}>
          {t("cmp.start")}
        </Button>
        {working && (
          <Button id="pp-cmp-cancel" onClick={on.onCancel}>
            {t("cmp.cancel")}
          </Button>
        )}
        {view && (
          <Button id="pp-cmp-write" disabled={busy} onClick={on.onWrite}>
            {state.phase === "writing" ? t("cmp.writing") : output === "write" ? t("cmp.write") : t("cmp.download")}
          </Button>
        )}
      </div>
      {working && <ProgressBar value={compareProgress(state)} data-testid="cmp-progress" />}
      {text && (
        <p className={styles.note} data-testid="cmp-status" data-phase={state.phase}>
          {text}
        </p>
      )}
      <LiveStatus text={live} testId="cmp-live" />
      {view && (
        <table className={styles.table} data-testid="cmp-table">
          <thead>
            <tr>
              <th>{t("cmp.figure")}</th>
              {view.scenarios.map((s, i) => (
                <th key={i}>{s}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.key} data-testid="cmp-row" data-key={r.key}>
                <th scope="row">
                  {pick(lang, r.label)}
                  <span className={styles.sub}>{pick(lang, r.unit)}</span>
                </th>
                {r.cells.map((c, i) => (
                  <td
                    key={i}
                    data-testid="cmp-cell"
                    data-text={c.text}
                    data-detail={c.detail ?? ""}
                    data-diff={c.diff ?? ""}
                    data-improvement={c.improvement}
                  >
                    {c.text}
                    {c.detail && <span className={styles.sub}>{c.detail}</span>}
                    {c.diff && (
                      <span
                        className={mergeClasses(styles.sub, styles[c.improvement])}
                        title={pick(lang, IMPROVEMENT_LABELS[c.improvement])}
                      >
                        {t("cmp.diff", { diff: c.diff })}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.written && (
        <p className={styles.note} data-testid="cmp-written">
          {state.written.file ? t("cmp.downloaded", { file: state.written.file }) : t("cmp.written")}
        </p>
      )}
      {state.error && <ErrorBox error={state.error} heading={t(state.error.heading)} />}
    </>
  );
}
