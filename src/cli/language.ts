/**
 * --lang zh|en|both: the language of the result sheets a command writes (src/workbook/results/language.ts).
 * Parsed by commander when the command line is read, so a bad value stops before any work (exit 2). Kept
 * free of the model's modules: main.ts loads it up front.
 */
import { InvalidArgumentError } from "commander";
import type { SheetLanguage } from "../workbook/results/language.js";

/** SHEET_LANGUAGES, spelled here so that `--help` loads nothing else (the type checks they agree). */
export const LANG_CHOICES = ["zh", "en", "both"] as const satisfies readonly SheetLanguage[];

export const LANG_HELP =
  "结果表语言：zh 仅中文（打印用，列宽约为中文宽度）、en 仅英文、both 中英双语（默认）/ language of the result sheets: zh Chinese only (for printing), en English only, both bilingual (default)";

/** The option's value, or a bilingual error naming --lang and its choices. */
export function parseSheetLanguage(value: string): SheetLanguage {
  const found = LANG_CHOICES.find((lang) => lang === value);
  if (found) return found;
  throw new InvalidArgumentError(
    `--lang 须为 ${LANG_CHOICES.join("、")} 之一，收到“${value}” / --lang must be one of ${LANG_CHOICES.join(", ")}, got "${value}"`,
  );
}
