/** Reproduce a stored run: pick it, run it again in the worker, identical / input changed / engine changed and the first differences. */
import { Badge, Button, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Translate } from "../../i18n/index.js";
import type { ReproduceState } from "../hooks/useReproduce.js";
import { ErrorBox } from "./ErrorBox.js";

export interface ReproducePanelProps {
  runs: string[];
  state: ReproduceState;
  disabled: boolean;
  t: Translate;
  onReproduce: (name: string) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  note: { fontSize: tokens.fontSizeBase200, margin: 0 },
  list: { fontSize: tokens.fontSizeBase100, margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "140px", overflowY: "auto" },
});

const num = (v: number | null): string => (v === null ? "—" : String(v));

export function ReproducePanel({ runs, state, disabled, t, onReproduce }: ReproducePanelProps) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<string | null>(null);
  const name = chosen !== null && runs.includes(chosen) ? chosen : (runs[0] ?? "");
  const report = state.phase === "done" ? state.report : null;
  if (runs.length === 0) return <p className={styles.note}>{t("rep.none")}</p>;
  return (
    <>
      <div className={styles.row}>
        <Select
          id="pp-rep-run"
          aria-label={t("rep.run")}
          value={name}
          disabled={disabled || state.phase === "running"}
          onChange={(_, d) => setChosen(d.value)}
        >
          {runs.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
        <Button id="pp-rep-start" disabled={disabled || state.phase === "running" || name === ""} onClick={() => onReproduce(name)}>
          {t("rep.start")}
        </Button>
        {state.phase === "running" && <Spinner size="tiny" label={t("rep.running")} />}
      </div>
      {report && (
        <div
          data-testid="rep-report"
          data-identical={String(report.identical)}
          data-input-changed={String(report.inputChanged)}
          data-engine-changed={String(report.engineChanged)}
          data-count={report.differenceCount}
        >
          <div className={styles.row}>
            <Badge color={report.identical ? "success" : "danger"}>
              {report.identical ? t("rep.identical") : t("rep.different", { count: report.differenceCount })}
            </Badge>
          </div>
          <p className={styles.note}>
            {state.name}:{" "}
            {t("rep.stored", {
              time: report.stored.finishedAt.slice(0, 19).replace("T", " "),
              runs: report.stored.runs,
              seed: String(report.stored.seed),
            })}
          </p>
          {report.inputChanged && <p className={styles.note}>{t("rep.inputChanged")}</p>}
          {report.engineChanged && (
            <p className={styles.note}>{t("rep.engineChanged", { then: report.stored.engine.version, now: report.now.engine.version })}</p>
          )}
          {!report.inputChanged && !report.engineChanged && <p className={styles.note}>{t("rep.unchanged")}</p>}
          {report.differences.length > 0 && (
            <ul className={styles.list}>
              {report.differences.map((d, i) => (
                <li key={i}>
                  {t("rep.diffRow", {
                    subject: d.subject,
                    metric: d.metric,
                    year: d.year,
                    statistic: d.statistic,
                    stored: num(d.stored),
                    now: num(d.now),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.error && <ErrorBox error={state.error} heading={t(state.error.heading)} />}
    </>
  );
}
