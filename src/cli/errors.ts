/**
 * Exit codes and error messages of the command line: 0 success, 1 input errors (the workbook or the
 * scenario: the message names sheet and cell or field), a file that cannot be read or written (the
 * message names the path and what to do) and internal errors; 2 usage errors.
 */
import { PlatformInputError } from "../../models/validate.js";
import { ScenarioError } from "../../models/scenario.js";
import { CancelledError } from "../../models/montecarlo.js";
import { FileError } from "../errors/fileErrors.js";
import { InputError } from "../pipeline/errors.js";
import { WorkbookError } from "../workbook/port.js";

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;
/** An unexpected error: the same code as a failed run, the message says "internal error". */
export const EXIT_INTERNAL = 1;

export class UsageError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = "UsageError";
  }
}

const NOTHING_WRITTEN = "未写出任何文件 / nothing was written";

/**
 * The message and exit code for an error the command line expects; null for anything else (a bug:
 * main reports it as an internal error, with the details in a log file).
 */
export function describeError(error: unknown): { message: string; code: number } | null {
  if (error instanceof UsageError) return { message: error.message, code: EXIT_USAGE };
  if (error instanceof InputError)
    return { message: `输入有误，未写出任何文件 / Input errors, nothing was written:\n${error.message}`, code: EXIT_INPUT };
  if (error instanceof FileError) {
    const after =
      error.action === "write"
        ? "该文件未写出，该位置原有的文件未改动 / that file was not written; a file already at that path was left as it was"
        : NOTHING_WRITTEN;
    return { message: `${error.zh}\n${error.en}\n${after}`, code: EXIT_INPUT };
  }
  if (
    error instanceof ScenarioError ||
    error instanceof PlatformInputError ||
    error instanceof WorkbookError ||
    error instanceof CancelledError
  ) {
    return { message: `${error.message}\n${NOTHING_WRITTEN}`, code: EXIT_INPUT };
  }
  return null;
}
