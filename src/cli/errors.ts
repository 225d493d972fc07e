/**
 * Exit codes and error messages of the command line: 0 success, 1 input errors (the workbook or the
 * scenario: the message names sheet and cell or field), 2 usage errors.
 */
import { PlatformInputError } from "../../models/validate.js";
import { ScenarioError } from "../../models/scenario.js";
import { CancelledError } from "../../models/montecarlo.js";
import { InputError } from "../pipeline/errors.js";
import { WorkbookError } from "../workbook/port.js";

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = "UsageError";
  }
}

/** The message and exit code for an error; unknown errors are bugs and keep their stack. */
export function describeError(error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: error.message, code: EXIT_USAGE };
  if (error instanceof InputError) return { message: `输入有误，未写出任何文件 / Input errors, nothing was written:\n${error.message}`, code: EXIT_INPUT };
  if (error instanceof ScenarioError || error instanceof PlatformInputError || error instanceof WorkbookError || error instanceof CancelledError) {
    return { message: `${error.message}\n未写出任何文件 / nothing was written`, code: EXIT_INPUT };
  }
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), code: EXIT_INPUT };
}
