/**
 * The language of the result sheets (`--lang zh|en|both`): Chinese only, English only, or both ("产值 /
 * Output", the default). Every text a result sheet writes goes through one `Words`, so a sheet never
 * spells a language choice itself. Labels come from models/vocabulary.ts and labels.ts as before.
 */
import { bilingual, type Bilingual } from "../../../models/vocabulary.js";

export const SHEET_LANGUAGES = ["zh", "en", "both"] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];
export const DEFAULT_SHEET_LANGUAGE: SheetLanguage = "both";

export const isSheetLanguage = (v: unknown): v is SheetLanguage =>
  typeof v === "string" && (SHEET_LANGUAGES as readonly string[]).includes(v);

/** What a result sheet says, in its language. */
export interface Words {
  readonly lang: SheetLanguage;
  /** "中文 / English" ("单位（亿元）/ English" after a full-width bracket) in a bilingual sheet, else the one language's text. */
  (zh: string, en: string): string;
  /** A vocabulary label (a label equal in both languages is written once; bilingual, exactly as `bilingual()`). */
  of(label: Bilingual): string;
  /** A short data cell's one language (a level, a status): English in an English sheet, else Chinese. */
  one(label: Bilingual): string;
  /** Whether the sheet writes this language: a column of English-only text belongs only where "en" does. */
  has(lang: "zh" | "en"): boolean;
}

/** A full-width closing bracket carries its own space: "产值（亿元）/ Output", as the sheets always wrote it. */
const BOTH_SEPARATOR = (zh: string): string => (zh.endsWith("）") ? "/ " : " / ");

export function words(lang: SheetLanguage = DEFAULT_SHEET_LANGUAGE): Words {
  const say = (zh: string, en: string): string =>
    lang === "zh" ? zh : lang === "en" ? en : zh === en ? zh : `${zh}${BOTH_SEPARATOR(zh)}${en}`;
  return Object.assign(say, {
    lang,
    // A vocabulary label reads as everywhere else (bilingual(): "用地（亩） / land").
    of: (label: Bilingual) => (lang === "both" ? bilingual(label) : say(label.zh, label.en)),
    one: (label: Bilingual) => (lang === "en" ? label.en : label.zh),
    has: (which: "zh" | "en") => lang === "both" || lang === which,
  });
}
