/**
 * Errors the worksheet functions show in a cell: CustomFunctions.Error inside Excel; outside Office
 * (tests, Node) CustomFunctions or its ErrorCode enum is undefined, so a plain Error carrying the same
 * code string ("#VALUE!", "#N/A", "#DIV/0!").
 *
 * Excel shows a custom message only with #VALUE! and #N/A (CustomFunctions.ErrorCode: "A custom error
 * message can't be used" for #NUM!, #DIV/0!, #NULL!). So every error whose reason matters — an argument
 * out of range included — is #VALUE! with the bilingual message; #NUM! is not used at all; #DIV/0! only
 * where the reason is the error code itself (PERMU on zero land), as Excel's own =A1/0 shows it.
 */

/** The error kinds the functions use: Excel's spelling, and whether Excel shows our message with it. */
export const ERROR_KINDS = {
  invalidValue: { code: "#VALUE!", showsMessage: true },
  notAvailable: { code: "#N/A", showsMessage: true },
  divisionByZero: { code: "#DIV/0!", showsMessage: false },
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;
export type ErrorCodeText = (typeof ERROR_KINDS)[ErrorKind]["code"];

/** The error a function throws when it runs outside Office; `code` matches CustomFunctions.Error's. */
export class FunctionError extends Error {
  constructor(
    readonly code: ErrorCodeText,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/**
 * An error value for a cell: kind, then the message in Chinese and in English. Inside Excel the message
 * is passed only with a kind that shows it (the others take none, as the API documents).
 */
export function cellError(kind: ErrorKind, zh: string, en: string): Error {
  const message = `${zh} / ${en}`;
  const runtime = typeof CustomFunctions === "undefined" ? undefined : CustomFunctions;
  const code = runtime?.ErrorCode?.[kind];
  if (runtime?.Error && code) {
    const error = ERROR_KINDS[kind].showsMessage ? new runtime.Error(code, message) : new runtime.Error(code);
    return error as unknown as Error;
  }
  return new FunctionError(ERROR_KINDS[kind].code, message);
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
  // A message already in both languages ("中文 / English", as the worker's and the adapter's are) is split.
  const [zh, en] = /^[^/]*[\u4e00-\u9fff][^/]* \/ [^\u4e00-\u9fff]+$/u.test(detail) ? detail.split(" / ", 2) : [detail, detail];
  return cellError(kind, `计算失败：${zh}`, `calculation failed: ${en}`);
}
