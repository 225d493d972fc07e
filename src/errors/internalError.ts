/**
 * The last resort, shared by the command line and the pane: an error nobody anticipated is a bug. The
 * user sees one bilingual "internal error" message, never a stack; the details (stack, causes, version,
 * where it happened) go into a report the user can send. Pure: the caller writes or offers the report.
 */

export const INTERNAL_ERROR = {
  zh: "内部错误：ParkPlan 遇到了意外问题，操作未完成，输入文件未改动",
  en: "internal error: ParkPlan met an unexpected problem; the operation did not finish and the input was not changed",
} as const;

export interface ReportContext {
  /** ParkPlan's version (models/version.ts). */
  version: string;
  /** "command line" or "task pane", and the platform (Node version and OS, or the browser). */
  where: string;
  platform: string;
  /** The command line arguments (paths and options only), or the pane's current step. */
  args?: readonly string[];
  /** More lines for the maintainers (the pane: React's component stack). */
  notes?: readonly string[];
  now: Date;
}

/** The error's name, message and stack, then each `cause`, as plain text. */
function describeChain(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (depth > 0) lines.push("", "Caused by:");
    if (current instanceof Error) {
      lines.push(current.stack ?? `${current.name}: ${current.message}`);
      current = (current as { cause?: unknown }).cause;
    } else {
      lines.push(safeString(current));
      current = undefined;
    }
  }
  return lines;
}

function safeString(value: unknown): string {
  try {
    return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** The text of an error report: what the user sends to the maintainers. */
export function internalErrorReport(error: unknown, context: ReportContext): string {
  return [
    `ParkPlan ${context.version} — ${INTERNAL_ERROR.en}`,
    `time: ${context.now.toISOString()}`,
    `where: ${context.where}`,
    `platform: ${context.platform}`,
    ...(context.args ? [`arguments: ${JSON.stringify(context.args)}`] : []),
    "",
    ...describeChain(error),
    ...(context.notes?.length ? ["", ...context.notes] : []),
    "",
  ].join("\n");
}

/** "parkplan-error-20261105-142233-042.log" (UTC, with milliseconds): a file name safe on every system. */
export function errorLogName(now: Date): string {
  const stamp = now.toISOString().replace(/Z$/, "").replace(/[-:]/g, "").replace("T", "-").replace(".", "-");
  return `parkplan-error-${stamp}.log`;
}
