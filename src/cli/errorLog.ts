/**
 * The command line's last resort: an unexpected error becomes the bilingual internal-error message on
 * stderr, and its details (stack, version, arguments, platform) go to a log file in the OS temp folder
 * whose path is printed. If even the log cannot be written, the message says so, still without a stack.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENGINE_VERSION } from "../../models/version.js";
import { errorLogName, INTERNAL_ERROR, internalErrorReport } from "../errors/internalError.js";
import { systemErrorCode } from "../errors/fileErrors.js";

/** Where logs go: the OS temp folder (always writable, unlike the folder the run may have failed to write), or `dir`. */
export function errorLogPath(now: Date, dir: string = tmpdir()): string {
  return join(dir, errorLogName(now));
}

/** Write the report and return the message for the user (synchronous: also called from process handlers). */
export function reportInternalError(error: unknown, args: readonly string[], dir?: string): string {
  const now = new Date();
  const path = errorLogPath(now, dir);
  const report = internalErrorReport(error, {
    version: ENGINE_VERSION,
    where: "command line",
    platform: `Node ${process.version} ${process.platform} ${process.arch}`,
    args,
    now,
  });
  const head = `${INTERNAL_ERROR.zh}\n${INTERNAL_ERROR.en}`;
  try {
    // "wx": never overwrite an earlier log of the same second.
    writeFileSync(path, report, { encoding: "utf8", flag: "wx" });
    return `${head}\n详细信息已写入 ${path}，请把该文件发给维护者 / the details were written to ${path}; please send that file to the maintainers`;
  } catch (writeError) {
    const why = systemErrorCode(writeError) ?? "unknown";
    return `${head}\n详细信息无法写入日志文件 ${path}（${why}）/ the details could not be written to the log file ${path} (${why})`;
  }
}
