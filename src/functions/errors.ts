/**
 * Errors the worksheet functions show in a cell: CustomFunctions.Error with a bilingual message
 * (Simplified Chinese first) inside Excel; outside Office (tests, Node) CustomFunctions or its ErrorCode
 * enum is undefined, so a plain Error carrying the same code string ("#VALUE!", "#N/A", "#NUM!").
 */

/** The three error codes the functions use, by their Excel spelling. */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
} as const;
export type ErrorKind = keyof typeof ERROR_CODES;

/** The error a function throws when it runs outside Office; `code` matches CustomFunctions.Error's. */
export class FunctionError extends Error {
  constructor(
    readonly code: (typeof ERROR_CODES)[ErrorKind],
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** An error value for a cell: kind, then the message in Chinese and in English. */
export function cellError(kind: ErrorKind, zh: string, en: string): Error {
  const message = `${zh} / ${en}`;
  const runtime = typeof CustomFunctions === "undefined" ? undefined : CustomFunctions;
  const code = runtime?.ErrorCode?.[kind];
  if (runtime?.Error && code) return new runtime.Error(code, message) as unknown as Error;
  return new FunctionError(ERROR_CODES[kind], message);
}

/** True for an error made by cellError (either form). */
export function isCellError(e: unknown): boolean {
  if (e instanceof FunctionError) return true;
  const runtime = typeof CustomFunctions === "undefined" ? undefined : CustomFunctions;
  return runtime?.Error !== undefined && e instanceof runtime.Error;
}

/**
 * Anything thrown while computing becomes a cell error: cell errors pass through, the rest become
 * `kind` (#VALUE! unless told) with the original message.
 */
export function asCellError(e: unknown, kind: ErrorKind = "invalidValue"): Error {
  if (isCellError(e)) return e as Error;
  const detail = e instanceof Error ? e.message : String(e);
  return cellError(kind, `计算失败：${detail}`, `calculation failed: ${detail}`);
}
