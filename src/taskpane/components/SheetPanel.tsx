/** Choose the platform sheet and see what was read: counts, the table, every issue. */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Translate } from "../../i18n/index.js";
import type { PlatformSheet, SheetIssue } from "../../workbook/sheet/index.js";
import { statusCounts } from "../hooks/sheetView.js";
import type { SheetCandidate } from "../workbookService.js";
import { IssueList } from "./IssueList.js";
import { PlatformTable } from "./PlatformTable.js";

export interface SheetPanelProps {
  candidates: SheetCandidate[];
  sheet: string | null;
  parsed: PlatformSheet | null;
  busy: boolean;
  lang: Lang;
  t: Translate;
  onChoose: (sheet: string) => void;
  onReload: () => void;
  onSelectIssue?: (issue: SheetIssue) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1 },
  note: { fontSize: tokens.fontSizeBase200, margin: 0 },
  fatal: { fontSize: tokens.fontSizeBase200, margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function SheetPanel({ candidates, sheet, parsed, busy, lang, t, onChoose, onReload, onSelectIssue }: SheetPanelProps) {
  const styles = useStyles();
  if (candidates.length === 0) return <p className={styles.note}>{t("sheet.noCandidates")}</p>;
  return (
    <>
      <div className={styles.row}>
        <Field className={styles.grow} label={t("sheet.pick")}>
          <Select id="pp-sheet" value={sheet ?? ""} disabled={busy} onChange={(_, d) => onChoose(d.value)}>
            {candidates.map((c) => (
              <option key={c.sheet} value={c.sheet}>
                {c.sheet}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={busy} onClick={onReload}>
          {t("sheet.reload")}
        </Button>
      </div>
      {parsed && (
        <>
          <p className={styles.note} data-testid="sheet-summary" data-count={parsed.platforms.length}>
            {t("sheet.summary", {
              sheet: parsed.sheet,
              count: parsed.platforms.length,
              row: parsed.headerRow,
              year: parsed.baseYear ?? t("sheet.noYear"),
            })}
          </p>
          {parsed.platforms.length > 0 && (
            <p className={styles.note}>{t("sheet.statusCounts", { counts: statusCounts(parsed.platforms, lang) })}</p>
          )}
          {parsed.fatal && (
            <p className={styles.fatal} data-testid="sheet-fatal">
              {t("issues.fatal")}
            </p>
          )}
          {parsed.platforms.length > 0 && <PlatformTable platforms={parsed.platforms} lang={lang} t={t} />}
          {parsed.issues.length > 0 && (
            <>
              <p className={styles.note}>{t("issues.heading", { count: parsed.issues.length })}</p>
              <IssueList
                issues={parsed.issues}
                lang={lang}
                errorLabel={t("issues.error")}
                warningLabel={t("issues.warning")}
                selectTitle={(cell) => t("issues.select", { cell })}
                onSelect={onSelectIssue}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
