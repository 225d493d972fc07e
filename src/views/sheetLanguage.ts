/**
 * The result sheets' language choices as the pane shows them (the command line's --lang zh|en|both; the
 * type is the workbook layer's): the bilingual sheets are the screen's, a one-language sheet is the one to
 * print (every result sheet at 8 pt or more).
 */
import type { Bilingual } from "../../models/vocabulary.js";
import type { SheetLanguage } from "../workbook/results/language.js";

export const SHEET_LANGUAGE_LABELS: Record<SheetLanguage, Bilingual> = {
  both: { zh: "中英双语（屏幕）", en: "Chinese and English (screen)" },
  zh: { zh: "仅中文（打印）", en: "Chinese only (print)" },
  en: { zh: "仅英文（打印）", en: "English only (print)" },
};

/** The choices in the order offered (the labels' keys: a new language cannot be left out). */
export const SHEET_LANGUAGE_CHOICES = Object.keys(SHEET_LANGUAGE_LABELS) as SheetLanguage[];

export const isSheetLanguageChoice = (v: unknown): v is SheetLanguage => typeof v === "string" && Object.hasOwn(SHEET_LANGUAGE_LABELS, v);

/** What the sheets are written in until the user chooses (as the command line's default). */
export const DEFAULT_SHEET_LANGUAGE_CHOICE: SheetLanguage = "both";
