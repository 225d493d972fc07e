/** The scenario form's state, its document for the engine and its field errors in the pane's language. */
import { useMemo, useState } from "react";
import type { Translate } from "../../i18n/index.js";
import { formFromDocument } from "./formFromDocument.js";
import { applyPreset, defaultForm, toScenarioDocument, type FormField, type ScenarioForm } from "./scenarioForm.js";

export function useScenario(sheetBaseYear: number | null, t: Translate) {
  const [form, setForm] = useState<ScenarioForm>(() => defaultForm(sheetBaseYear));

  // A newly read sheet brings its base year (from its title); the horizon follows unless a preset set it.
  // Adjusted during render when the prop changes (React's pattern), not in an effect after it.
  const [shownBaseYear, setShownBaseYear] = useState(sheetBaseYear);
  if (shownBaseYear !== sheetBaseYear) {
    setShownBaseYear(sheetBaseYear);
    if (sheetBaseYear !== null) {
      setForm((f) => ({ ...f, baseYear: String(sheetBaseYear), endYear: f.preset ? f.endYear : String(sheetBaseYear + 5) }));
    }
  }

  const { document, errors } = useMemo(() => toScenarioDocument(form, (key) => t(key)), [form, t]);
  const fieldErrors = useMemo(() => {
    const out: Partial<Record<FormField, string>> = {};
    for (const e of errors) out[e.field] ??= t(e.key, e.params);
    return out;
  }, [errors, t]);

  return {
    form,
    document,
    fieldErrors,
    setField: <K extends keyof ScenarioForm>(field: K, value: ScenarioForm[K]) => setForm((f) => ({ ...f, [field]: value })),
    setLevel: (level: keyof ScenarioForm["byLevel"], which: "mean" | "sd", value: string) =>
      setForm((f) => ({ ...f, byLevel: { ...f.byLevel, [level]: { ...f.byLevel[level], [which]: value } } })),
    /** A saved scenario into the form; returns the fields the form cannot hold. */
    loadDocument: (doc: Record<string, unknown>): string[] => {
      const { form: next, dropped } = formFromDocument(doc, sheetBaseYear);
      setForm(next);
      return dropped;
    },
    /** A preset, or none (""): applyPreset also swaps the preset's suggested levers. */
    choosePreset: (id: string) => setForm((f) => applyPreset(f, id)),
  };
}
