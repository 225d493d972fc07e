/**
 * The scenario form's state, its document for the engine and its field errors in the pane's language.
 * A scenario loaded from the library or imported from a .json file is kept as the form's base: the
 * document is that scenario with the form's edits over it (scenarioOverlay.ts), so fields the form
 * cannot hold are run, saved and exported as they were.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Translate } from "../../i18n/index.js";
import type { WorkbookPort } from "../../workbook/port.js";
import { describeError } from "../../worker/protocol.js";
import { downloadBlob } from "../download.js";
import { formFromDocument } from "./formFromDocument.js";
import type { PaneError } from "./paneError.js";
import { applyPreset, defaultForm, toScenarioDocument, type FormField, type ScenarioForm } from "./scenarioForm.js";
import { overlayDocument, type ScenarioBase } from "./scenarioOverlay.js";

const service = () => import("../scenarioService.js");

/** What the last import or export did, for the note under the buttons. */
export type TransferNote =
  | { kind: "imported"; file: string; dropped: string[] }
  | { kind: "fromLibrary"; name: string; dropped: string[] }
  | { kind: "exported"; file: string }
  | { kind: "failed"; error: PaneError };

/** "jiaxing-2017.xlsx" → "jiaxing-2017.scenario.json": beside the workbook, `parkplan simulate` reads it. */
export function scenarioFileName(workbook: string | null, scenarioName: string): string {
  const base = workbook?.replace(/\.[^./\\]*$/, "") || scenarioName.replace(/[\\/:*?"<>|]+/g, "_").trim() || "scenario";
  return `${base}.scenario.json`;
}

/** The library's most recently saved scenario: the form's starting point for a workbook that has one. */
export function latestEntry<E extends { savedAt: string }>(entries: readonly E[]): E | undefined {
  return [...entries].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))[0];
}

export function useScenario(sheetBaseYear: number | null, t: Translate, port: WorkbookPort | null = null) {
  const [form, setForm] = useState<ScenarioForm>(() => defaultForm(sheetBaseYear));
  const [base, setBase] = useState<ScenarioBase | null>(null);
  const [note, setNote] = useState<TransferNote | null>(null);

  // A newly read sheet brings its base year (from its title); the horizon follows unless a preset set it.
  // Adjusted during render when the prop changes (React's pattern), not in an effect after it.
  const [shownBaseYear, setShownBaseYear] = useState(sheetBaseYear);
  if (shownBaseYear !== sheetBaseYear) {
    setShownBaseYear(sheetBaseYear);
    if (sheetBaseYear !== null) {
      setForm((f) => ({ ...f, baseYear: String(sheetBaseYear), endYear: f.preset ? f.endYear : String(sheetBaseYear + 5) }));
    }
  }

  const { document: formDocument, errors } = useMemo(() => toScenarioDocument(form, (key) => t(key)), [form, t]);
  const document = useMemo(
    () => (formDocument && base ? overlayDocument(formDocument, base, form).document : formDocument),
    [formDocument, base, form],
  );
  const fieldErrors = useMemo(() => {
    const out: Partial<Record<FormField, string>> = {};
    for (const e of errors) out[e.field] ??= t(e.key, e.params);
    return out;
  }, [errors, t]);

  /** A saved or imported scenario into the form, kept as its base; returns the fields the form cannot show. */
  const loadDocument = useCallback(
    (doc: Record<string, unknown>): string[] => {
      const { form: next, dropped } = formFromDocument(doc, sheetBaseYear);
      setForm(next);
      setBase({ document: structuredClone(doc), form: next });
      return dropped;
    },
    [sheetBaseYear],
  );

  // A newly opened workbook with saved scenarios (情景库): the form starts from the latest one.
  const seenPort = useRef<WorkbookPort | null>(null);
  useEffect(() => {
    if (!port || port === seenPort.current) return;
    seenPort.current = port;
    let live = true;
    service()
      .then((s) => s.loadLibrary(port))
      .then(
        (library) => {
          const latest = latestEntry(library.entries);
          if (live && latest) setNote({ kind: "fromLibrary", name: latest.name, dropped: loadDocument(latest.scenario) });
        },
        () => undefined, // the 情景库 section shows a library that cannot be read
      );
    return () => {
      live = false;
    };
  }, [port, loadDocument]);

  /** A scenario .json file: validated as `parkplan simulate --scenario` validates it, then loaded. */
  const importFile = useCallback(
    async (file: { name: string; text: string }) => {
      try {
        const doc = (await service()).scenarioFromText(file.text, file.name);
        setNote({ kind: "imported", file: file.name, dropped: loadDocument(doc) });
      } catch (err) {
        setNote({ kind: "failed", error: { heading: "scenario.importFailed", problems: describeError(err).problems } });
      }
    },
    [loadDocument],
  );

  /** The document as a .json file the command line takes with --scenario. */
  const exportFile = useCallback(
    async (workbook: string | null) => {
      if (!document) return;
      const file = scenarioFileName(workbook, String(document.name ?? ""));
      const text = (await service()).scenarioToText(document);
      downloadBlob(file, new Blob([text], { type: "application/json" }));
      setNote({ kind: "exported", file });
    },
    [document],
  );

  return {
    form,
    document,
    fieldErrors,
    note,
    setField: <K extends keyof ScenarioForm>(field: K, value: ScenarioForm[K]) => setForm((f) => ({ ...f, [field]: value })),
    setLevel: (level: keyof ScenarioForm["byLevel"], which: "mean" | "sd", value: string) =>
      setForm((f) => ({ ...f, byLevel: { ...f.byLevel, [level]: { ...f.byLevel[level], [which]: value } } })),
    loadDocument,
    importFile,
    exportFile,
    /** A preset, or none (""): applyPreset also swaps the preset's suggested levers. */
    choosePreset: (id: string) => setForm((f) => applyPreset(f, id)),
  };
}
