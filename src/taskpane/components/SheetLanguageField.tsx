/**
 * The result sheets' language, as the command line's --lang: 中英双语 (the default, for the screen), or one
 * language only for printing (wrapped texts, narrower columns: every result sheet prints at 8 pt or more).
 * One choice for the run's sheets, 情景对比 and the 决策 tools' sheets.
 */
import { Field, Select } from "@fluentui/react-components";
import { pick, type Lang, type Translate } from "../../i18n/index.js";
import type { SheetLanguage } from "../../workbook/results/language.js";
import { isSheetLanguageChoice, SHEET_LANGUAGE_CHOICES, SHEET_LANGUAGE_LABELS } from "../../views/sheetLanguage.js";

export interface SheetLanguageFieldProps {
  value: SheetLanguage;
  onChange: (lang: SheetLanguage) => void;
  disabled: boolean;
  lang: Lang;
  t: Translate;
}

export function SheetLanguageField({ value, onChange, disabled, lang, t }: SheetLanguageFieldProps) {
  return (
    <Field label={t("sheetLang.label")} hint={t("sheetLang.hint")} size="small">
      <Select
        id="pp-sheet-lang"
        size="small"
        value={value}
        disabled={disabled}
        onChange={(_, d) => isSheetLanguageChoice(d.value) && onChange(d.value)}
      >
        {SHEET_LANGUAGE_CHOICES.map((l) => (
          <option key={l} value={l}>
            {pick(lang, SHEET_LANGUAGE_LABELS[l])}
          </option>
        ))}
      </Select>
    </Field>
  );
}
