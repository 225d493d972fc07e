/**
 * The command line's error reporting: an expected error's message and exit code, else the internal-error
 * message with its log. Its own module so that main.ts loads it (and the error classes of the model, the
 * pipeline and the workbook it needs) only when something went wrong.
 */
import type { CliEnvironment } from "./environment.js";
import { reportInternalError } from "./errorLog.js";
import { describeError, EXIT_INTERNAL } from "./errors.js";

/** Print what went wrong (an expected error's message, else the internal-error message and its log); returns the exit code. */
export function fatalError(error: unknown, argv: readonly string[], env: CliEnvironment = {}): number {
  const known = describeError(error);
  if (known) {
    process.stderr.write(known.message + "\n");
    return known.code;
  }
  process.stderr.write(reportInternalError(error, argv, env.logDir) + "\n");
  return EXIT_INTERNAL;
}
