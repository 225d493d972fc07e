/**
 * Any failure as the pane shows it: a heading and every problem in Chinese and English. Input errors
 * keep their sheet!cell so the list can point at the cell; nothing is reduced to a console line.
 */
import type { MessageKey } from "../../i18n/index.js";
import type { SheetIssue } from "../../workbook/sheet/index.js";
import { INTERNAL_ERROR } from "../../errors/internalError.js";
import { SimulationFailure } from "../../worker/client.js";

export interface PaneError {
  heading: MessageKey;
  problems: { zh: string; en: string; sheet?: string; cell?: string | null }[];
}

type WithIssues = Error & { issues?: SheetIssue[] };
type Bilingual = Error & { zh?: unknown; en?: unknown };

export function toPaneError(err: unknown, heading: MessageKey = "run.failed"): PaneError {
  if (err instanceof SimulationFailure) return { heading, problems: err.failure.problems };
  if (err instanceof Error) {
    const issues = (err as WithIssues).issues;
    // InputError (sheet issues with sheet and cell).
    if (err.name === "InputError" && Array.isArray(issues))
      return { heading, problems: issues.map((i) => ({ zh: i.zh, en: i.en, sheet: i.sheet, cell: i.cell })) };
    const b = err as Bilingual;
    // WorkbookError and the Office adapter's errors carry zh/en.
    if (typeof b.zh === "string" && typeof b.en === "string") return { heading, problems: [{ zh: b.zh, en: b.en }] };
  }
  // Anything else is a bug: the internal-error sentence, the bare message, never a JS error name or stack.
  const why = err instanceof Error ? err.message : String(err);
  return { heading, problems: [{ zh: `${INTERNAL_ERROR.zh}（${why}）`, en: `${INTERNAL_ERROR.en} (${why})` }] };
}
