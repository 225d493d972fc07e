/**
 * The pane: workbook → platform sheet → scenario → run → results → decisions (optimal allocation, back-solve,
 * sensitivity) → scenario library (compare, reproduce). The same component runs inside Excel
 * and on the standalone page; only the Host differs (where the workbook comes from, where results go).
 */
import { Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { pickLanguage, translator, type Lang } from "../i18n/index.js";
import type { SheetIssue } from "../workbook/sheet/index.js";
import { ErrorBox } from "./components/ErrorBox.js";
import { FileOpener } from "./components/FileOpener.js";
import { Header } from "./components/Header.js";
import { ResultSummary } from "./components/ResultSummary.js";
import { RunPanel } from "./components/RunPanel.js";
import { SheetLanguageField } from "./components/SheetLanguageField.js";
import { useSheetLanguage } from "./hooks/useSheetLanguage.js";
import { ScenarioPanel } from "./components/ScenarioPanel.js";
import { Section } from "./components/Section.js";
import { SheetPanel } from "./components/SheetPanel.js";
import { displayKey, matchesKey, RUN_SCENARIO, setRunHandler, shortcutKey, shortcutPlatform } from "../commands/runShortcut.js";
import { canSelectCells, type Host } from "./host.js";
import { toPaneError, type PaneError } from "./hooks/paneError.js";
import { useRun } from "./hooks/useRun.js";
import { useScenario } from "./hooks/useScenario.js";
import { useWorkbook } from "./hooks/useWorkbook.js";
import type { DecisionsSectionProps } from "./DecisionsSection.js";
import type { LibrarySectionProps } from "./LibrarySection.js";

// The scenario library (save, compare, reproduce) shows only once a sheet is read: its code is a lazy chunk.
// A chunk that does not arrive (the network went away) costs that section, shown as an error, not the pane.
const LibrarySection = lazy(() =>
  import("./LibrarySection.js").then(
    (m) => ({ default: m.LibrarySection }),
    (err: unknown) => {
      const error = toPaneError(err, "error.unexpected");
      return { default: ({ t }: LibrarySectionProps) => <ErrorBox error={error} heading={t(error.heading)} /> };
    },
  ),
);

// The 决策 tools, likewise a lazy chunk (they carry the model code their dropdowns need).
const DecisionsSection = lazy(() =>
  import("./DecisionsSection.js").then(
    (m) => ({ default: m.DecisionsSection }),
    (err: unknown) => {
      const error = toPaneError(err, "error.unexpected");
      return { default: ({ t }: DecisionsSectionProps) => <ErrorBox error={error} heading={t(error.heading)} /> };
    },
  ),
);

export interface AppProps {
  host: Host;
}

// Excel's pane opens at about 350 px; a meeting-room screen is 1280 px and more. One column up to 900 px
// of pane, then the form on the left and the results (with the decision tools and the library) beside it.
const WIDE = "@container (min-width: 900px)";

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    containerType: "inline-size",
    // Pane-wide: a form control is never wider than its cell. A <select> is as wide as its longest option
    // and an <input> as its size attribute: at 330 px they pushed the pane to 484 px.
    "& .fui-Field, & .fui-Select, & .fui-Input, & .fui-Textarea": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select__select, & .fui-Input__input, & .fui-Textarea__textarea": { minWidth: 0, width: "100%" },
  },
  shell: { maxWidth: "720px", margin: "0 auto", minWidth: 0, [WIDE]: { maxWidth: "1600px" } },
  columns: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
  split: {
    [WIDE]: {
      display: "grid",
      gridTemplateColumns: "minmax(360px, 5fr) minmax(0, 7fr)",
      columnGap: tokens.spacingHorizontalXXL,
      alignItems: "start",
    },
  },
  column: { display: "flex", flexDirection: "column", minWidth: 0 },
  // Beside the form the results need no way back to it.
  backToForm: { [WIDE]: { display: "none" } },
  note: { fontSize: tokens.fontSizeBase200, margin: 0, color: tokens.colorNeutralForeground3 },
});

export function App({ host }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(() => pickLanguage(host.language));
  const t = useMemo(() => translator(lang), [lang]);
  const book = useWorkbook(host);
  const scenario = useScenario(book.parsed?.baseYear ?? null, t, book.port);
  const [sheetLang, setSheetLang] = useSheetLanguage();
  const run = useRun(host, book.port, book.sheet, book.fileName, sheetLang);
  const [selectError, setSelectError] = useState<PaneError | null>(null);

  const { port } = book;
  const selectIssue = useCallback(
    (issue: SheetIssue) => {
      if (host.kind !== "office" || !port || !issue.cell || !host.selectCell) return;
      setSelectError(null);
      host.selectCell(port, issue.sheet, issue.cell).catch((err: unknown) => setSelectError(toPaneError(err, "error.office")));
    },
    [host, port],
  );
  const canSelect = host.kind === "office" && port !== null && canSelectCells(port);
  const canRun =
    port !== null &&
    book.parsed !== null &&
    !book.parsed.fatal &&
    book.parsed.platforms.length > 0 &&
    scenario.document !== null &&
    !book.busy;
  const result = run.state.result;
  const busy = run.state.phase === "preparing" || run.state.phase === "running" || run.state.phase === "writing";

  // The Run button and the keyboard shortcut (Excel: shortcuts.json's RunScenario) start the same run;
  // a press that cannot run says why under the button and in the live region.
  const [runNotice, setRunNotice] = useState<string | null>(null);
  const startJob = run.start;
  const startRun = useCallback(() => {
    setRunNotice(null);
    if (scenario.document) void startJob(scenario.document);
  }, [scenario.document, startJob]);
  const runFromShortcut = useCallback(() => {
    if (busy) return;
    if (canRun) startRun();
    else setRunNotice(t("run.unavailable"));
  }, [busy, canRun, startRun, t]);
  useEffect(() => setRunHandler(runFromShortcut), [runFromShortcut]);
  // Where the combination is pressed with the focus in the pane, the pane hears it itself: on the
  // standalone page (no Office) and in Excel on the web (whose shortcuts skip a focused pane). Excel on
  // Windows and Mac deliver it through the action only, so a press never starts two runs.
  const shortcut = useMemo(() => {
    const officePlatform = host.kind === "office" && typeof Office !== "undefined" ? String(Office.context?.platform ?? "") : null;
    const platform =
      officePlatform !== null ? shortcutPlatform(officePlatform) : /Mac/i.test(globalThis.navigator?.platform ?? "") ? "mac" : "windows";
    const key = shortcutKey(RUN_SCENARIO, platform);
    return key ? { key, text: displayKey(key, platform), inPane: officePlatform === null || platform === "web" } : null;
  }, [host.kind]);
  useEffect(() => {
    if (!shortcut?.inPane) return;
    const onKey = (event: KeyboardEvent) => {
      if (!matchesKey(event, shortcut.key)) return;
      event.preventDefault();
      runFromShortcut();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shortcut, runFromShortcut]);

  // After a run the results come first: scrolled into view with focus on their heading (beside the form
  // in a wide pane, under it in a narrow one); "返回情景设置" leads back.
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const scenarioHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) focusHeading(resultHeading.current);
  }, [result]);
  const formReady = book.parsed !== null && !book.parsed.fatal;

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <div className={styles.shell}>
        <Header
          title={t("app.title")}
          subtitle={host.kind === "office" ? t("app.subtitle.office") : t("app.subtitle.standalone")}
          switchLabel={t("app.language")}
          onSwitchLanguage={() => setLang((l) => (l === "zh" ? "en" : "zh"))}
        />
        <div className={formReady ? mergeClasses(styles.columns, styles.split) : styles.columns} data-testid="pp-columns">
          <div className={styles.column} data-testid="pp-form-column">
            {host.kind === "standalone" && (
              <Section id="pp-file-section" title={t("file.heading")}>
                <FileOpener
                  label={t("file.open")}
                  status={book.busy ? t("file.reading") : book.fileName ? t("file.opened", { name: book.fileName }) : t("file.none")}
                  disabled={book.busy || busy}
                  onOpen={book.openFile}
                />
              </Section>
            )}
            {book.error && <ErrorBox error={book.error} heading={t(book.error.heading)} />}
            {book.port && !book.busy && (
              <Section id="pp-sheet-section" title={t("sheet.heading")}>
                <SheetPanel
                  candidates={book.candidates}
                  sheet={book.sheet}
                  parsed={book.parsed}
                  busy={book.busy || busy}
                  lang={lang}
                  t={t}
                  onChoose={book.chooseSheet}
                  onReload={book.reload}
                  onSelectIssue={canSelect ? selectIssue : undefined}
                />
                {selectError && <ErrorBox error={selectError} heading={t(selectError.heading)} />}
              </Section>
            )}
            {book.port && host.kind === "office" && book.busy && <p className={styles.note}>{t("file.reading")}</p>}
            {formReady && (
              <>
                <Section id="pp-scenario-section" title={t("scenario.heading")} headingRef={scenarioHeading}>
                  <ScenarioPanel
                    form={scenario.form}
                    errors={scenario.fieldErrors}
                    disabled={busy}
                    lang={lang}
                    t={t}
                    onField={scenario.setField}
                    onStrategy={scenario.setField}
                    onChoice={scenario.setField}
                    onLevel={scenario.setLevel}
                    onPreset={scenario.choosePreset}
                    transfer={{
                      note: scenario.note,
                      canExport: scenario.document !== null,
                      onImport: (file) => void scenario.importFile(file),
                      onExport: () => void scenario.exportFile(book.fileName),
                    }}
                  />
                </Section>
                <Section id="pp-run-section" title={t("run.heading")}>
                  <SheetLanguageField value={sheetLang} onChange={setSheetLang} disabled={busy} lang={lang} t={t} />
                  <RunPanel
                    state={run.state}
                    canRun={canRun}
                    output={host.kind === "office" ? "write" : "download"}
                    t={t}
                    lang={lang}
                    onRun={startRun}
                    shortcut={shortcut?.text ?? null}
                    notice={canRun ? null : runNotice}
                    onCancel={run.cancel}
                    onWrite={run.write}
                  />
                </Section>
              </>
            )}
          </div>
          <div className={styles.column} data-testid="pp-result-column">
            {result && (
              <Section
                id="pp-result-section"
                title={t("result.heading")}
                headingRef={resultHeading}
                aside={
                  <Link
                    as="button"
                    className={styles.backToForm}
                    id="pp-back-to-form"
                    onClick={() => focusHeading(scenarioHeading.current)}
                  >
                    {t("result.backToForm")}
                  </Link>
                }
              >
                <ResultSummary result={result} lang={lang} t={t} />
              </Section>
            )}
            {book.port && book.parsed && !book.parsed.fatal && (
              <Suspense fallback={null}>
                <DecisionsSection
                  host={host}
                  port={book.port}
                  sheet={book.sheet}
                  fileName={book.fileName}
                  parsed={book.parsed}
                  document={scenario.document}
                  lang={lang}
                  sheetLang={sheetLang}
                  t={t}
                  disabled={busy || book.busy}
                />
              </Suspense>
            )}
            {book.port && book.parsed && !book.parsed.fatal && (
              <Suspense fallback={null}>
                <LibrarySection
                  host={host}
                  port={book.port}
                  sheet={book.sheet}
                  fileName={book.fileName}
                  lang={lang}
                  sheetLang={sheetLang}
                  t={t}
                  document={scenario.document}
                  formName={scenario.form.name}
                  onLoad={scenario.loadDocument}
                  lastRun={{ name: result?.scenario.name ?? null, phase: run.state.phase }}
                  disabled={busy || book.busy}
                />
              </Suspense>
            )}
          </div>
        </div>
      </div>
    </main>
  );
}

/** Bring a section's heading to the top of the pane and put the focus on it (screen readers read it). */
function focusHeading(heading: HTMLHeadingElement | null): void {
  if (!heading) return;
  heading.scrollIntoView?.({ block: "start" });
  heading.focus({ preventScroll: true });
}
