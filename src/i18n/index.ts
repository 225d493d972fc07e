/**
 * User strings in Simplified Chinese (default) and English. The language comes from Office's display
 * language inside Excel, else the browser's; anything that is not English gets Chinese.
 */
import { en } from "./en.js";
import { zh, type MessageKey } from "./zh.js";

export type Lang = "zh" | "en";
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** "en-US", "en" → en; "zh-CN", "zh-TW", undefined, anything else → zh. */
export function pickLanguage(tag: string | null | undefined): Lang {
  return tag && /^en(-|_|$)/i.test(tag) ? "en" : "zh";
}

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** A bilingual message (zh/en pairs from the model and the sheet reader) in the pane's language. */
export function pick(lang: Lang, text: { zh: string; en: string }): string {
  return lang === "en" ? text.en : text.zh;
}
