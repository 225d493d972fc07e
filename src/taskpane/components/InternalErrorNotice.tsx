/**
 * The pane's internal-error message: both languages (the pane's own language may be what failed), no
 * stack on screen, and the details for the maintainers behind two buttons (copy, download as a .log).
 * Plain elements, not Fluent: this is shown when something in the pane itself went wrong.
 */
import { useState } from "react";
import { ENGINE_VERSION } from "../../../models/version.js";
import { errorLogName, INTERNAL_ERROR, internalErrorReport } from "../../errors/internalError.js";
import { downloadBlob } from "../download.js";

export interface InternalErrorNoticeProps {
  error: unknown;
  /** When it happened (fixed by the caller, so the report and its file name agree). */
  at: Date;
  /** More lines for the report (React's component stack). */
  notes?: readonly string[];
  /** A stray failure the pane survived: offer to close the notice. */
  onDismiss?: () => void;
}

/** The report the buttons hand out: stack, version, browser; no workbook data. */
export function paneErrorReport(error: unknown, at: Date, notes?: readonly string[]): string {
  const platform = typeof navigator === "undefined" ? "unknown" : navigator.userAgent;
  return internalErrorReport(error, { version: ENGINE_VERSION, where: "task pane", platform, now: at, notes });
}

const downloadText = (name: string, text: string) => downloadBlob(name, new Blob([text], { type: "text/plain;charset=utf-8" }));

type CopyState = "idle" | "copied" | "failed";

export function InternalErrorNotice({ error, at, notes, onDismiss }: InternalErrorNoticeProps) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const report = () => paneErrorReport(error, at, notes);
  const copyDetails = () => {
    // The clipboard API is missing or refused in some Office webviews: say so and offer the download.
    const write = navigator.clipboard?.writeText(report());
    if (!write) return setCopy("failed");
    write.then(
      () => setCopy("copied"),
      () => setCopy("failed"),
    );
  };
  return (
    <div
      role="alert"
      data-testid="internal-error"
      style={{
        padding: 12,
        margin: 8,
        border: "1px solid #a4262c",
        borderRadius: 4,
        color: "#a4262c",
        fontSize: 14,
        background: "#fdf3f4",
      }}
    >
      <p style={{ margin: "0 0 4px" }}>{INTERNAL_ERROR.zh}。请把详细信息发给维护者。</p>
      <p style={{ margin: "0 0 8px" }}>{INTERNAL_ERROR.en}. Please send the details to the maintainers.</p>
      <button type="button" onClick={copyDetails} data-testid="internal-error-copy">
        复制详细信息 / Copy details
      </button>{" "}
      <button type="button" onClick={() => downloadText(errorLogName(at), report())} data-testid="internal-error-download">
        下载详细信息 / Download details
      </button>
      {onDismiss && (
        <>
          {" "}
          <button type="button" onClick={onDismiss}>
            关闭 / Close
          </button>
        </>
      )}
      {copy === "copied" && <p style={{ margin: "8px 0 0" }}>已复制 / copied</p>}
      {copy === "failed" && <p style={{ margin: "8px 0 0" }}>无法复制，请使用“下载详细信息” / cannot copy here: use “Download details”</p>}
    </div>
  );
}
