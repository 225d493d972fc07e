/**
 * The 情景库 / Scenarios section: wires the library, comparison and reproduce hooks to their panels.
 * Like App it holds state; the panels only take props and give callbacks.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang, Translate } from "../i18n/index.js";
import type { SheetLanguage } from "../workbook/results/language.js";
import type { WorkbookPort } from "../workbook/port.js";
import { ComparePanel } from "./components/ComparePanel.js";
import { ErrorBox } from "./components/ErrorBox.js";
import { LibraryPanel } from "./components/LibraryPanel.js";
import { ReproducePanel } from "./components/ReproducePanel.js";
import { Section } from "./components/Section.js";
import type { Host } from "./host.js";
import { isComparing } from "./hooks/compareState.js";
import { canCompare, comparedEntries, runCandidates, saveTarget } from "./hooks/libraryView.js";
import { useCompare } from "./hooks/useCompare.js";
import { useLibrary } from "./hooks/useLibrary.js";
import { useReproduce } from "./hooks/useReproduce.js";

export interface LibrarySectionProps {
  host: Host;
  port: WorkbookPort;
  sheet: string | null;
  fileName: string | null;
  lang: Lang;
  /** The language the tool's (or 情景对比's) sheet is written in (the pane's 结果表语言). */
  sheetLang: SheetLanguage;
  t: Translate;
  /** The form's scenario document (null while the form has errors) and its name. */
  document: Record<string, unknown> | null;
  formName: string;
  /** Put a saved document into the form; returns the fields the form cannot hold. */
  onLoad: (document: Record<string, unknown>) => string[];
  /** The last run's scenario name and phase: a written run adds a stored run to reproduce. */
  lastRun: { name: string | null; phase: string };
  /** A run is working: no comparison meanwhile. */
  disabled: boolean;
}

const useStyles = makeStyles({ note: { fontSize: tokens.fontSizeBase200, margin: 0 } });

export function LibrarySection({
  host,
  port,
  sheet,
  fileName,
  lang,
  sheetLang,
  t,
  document,
  formName,
  onLoad,
  lastRun,
  disabled,
}: LibrarySectionProps) {
  const styles = useStyles();
  const lib = useLibrary(port);
  const compare = useCompare(host, port, sheet, fileName, sheetLang);
  const entries = lib.library?.entries ?? [];
  const repro = useReproduce(
    port,
    runCandidates(
      entries.map((e) => e.name),
      lastRun.name,
    ),
    `${lastRun.phase}|${compare.state.phase}`,
  );
  const [name, setName] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ name: string; dropped: string[] } | null>(null);
  const saveName = name ?? formName;
  const comparing = isComparing(compare.state.phase);
  const chosen = comparedEntries(entries, lib.selection);
  const busy = disabled || comparing || lib.busy;

  return (
    <>
      <Section id="pp-library-section" title={t("lib.heading")}>
        <LibraryPanel
          library={lib.library}
          selection={lib.selection}
          name={saveName}
          replaces={saveTarget(entries, saveName) !== undefined}
          canSave={document !== null}
          disabled={busy}
          t={t}
          onName={setName}
          onSave={() => document && lib.save(saveName, document).then(() => setName(null))}
          onToggle={lib.toggle}
          onLoad={(id) => {
            const entry = entries.find((e) => e.id === id);
            if (entry) setLoaded({ name: entry.name, dropped: onLoad(entry.scenario) });
          }}
          onDuplicate={lib.duplicate}
          onRename={lib.rename}
          onDelete={lib.remove}
        />
        {loaded && (
          <p className={styles.note} data-testid="lib-loaded">
            {t("lib.loaded", { name: loaded.name })} {loaded.dropped.length > 0 && t("lib.dropped", { fields: loaded.dropped.join(", ") })}
          </p>
        )}
        {lib.error && <ErrorBox error={lib.error} heading={t(lib.error.heading)} />}
      </Section>
      {entries.length > 0 && (
        <Section id="pp-compare-section" title={t("cmp.heading")}>
          <ComparePanel
            state={compare.state}
            chosen={chosen.entries}
            baselineId={chosen.entries[chosen.baseline]?.id ?? null}
            canCompare={canCompare(lib.selection) && sheet !== null && !disabled && !lib.busy}
            output={host.kind === "office" ? "write" : "download"}
            lang={lang}
            t={t}
            onBaseline={lib.setBaseline}
            onCompare={() => compare.start(chosen.entries, chosen.baseline)}
            onCancel={compare.cancel}
            onWrite={compare.write}
          />
        </Section>
      )}
      <Section id="pp-reproduce-section" title={t("rep.heading")}>
        <ReproducePanel runs={repro.runs} state={repro.state} disabled={busy} t={t} onReproduce={repro.reproduce} />
      </Section>
    </>
  );
}
