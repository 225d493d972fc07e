/**
 * The pane's 结果表语言 (the command line's --lang), remembered on this computer between sessions: an analyst
 * who prints sets 仅中文 once. Storage refused (a locked-down browser) only means the choice is not kept.
 */
import { useCallback, useState } from "react";
import type { SheetLanguage } from "../../workbook/results/language.js";
import { DEFAULT_SHEET_LANGUAGE_CHOICE, isSheetLanguageChoice } from "../../views/sheetLanguage.js";

const KEY = "parkplan.sheetLanguage";

function stored(): SheetLanguage {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return isSheetLanguageChoice(v) ? v : DEFAULT_SHEET_LANGUAGE_CHOICE;
  } catch {
    return DEFAULT_SHEET_LANGUAGE_CHOICE;
  }
}

export function useSheetLanguage(): [SheetLanguage, (lang: SheetLanguage) => void] {
  const [lang, setLang] = useState<SheetLanguage>(stored);
  const choose = useCallback((next: SheetLanguage) => {
    setLang(next);
    try {
      globalThis.localStorage?.setItem(KEY, next);
    } catch {
      // Not kept: the choice holds for this session.
    }
  }, []);
  return [lang, choose];
}
