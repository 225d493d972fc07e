/**
 * What every engine run in the pane shares: a handle on the Web Worker that is running (so cancel can
 * terminate it, and leaving the pane does not leave it spinning), a cancelled flag for the steps before
 * the worker starts, and how a finished write reaches the user (in Excel the worksheet functions re-read
 * stored runs; on the standalone page the workbook is downloaded).
 */
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { WorkbookPort } from "../../workbook/port.js";
import { runInWorker, SimulationCancelled, type WorkerRun } from "../../worker/client.js";
import type { Host } from "../host.js";

type RunArgs = Parameters<typeof runInWorker>;

export function useWorkerJob(onCancelledBeforeWorker: () => void) {
  const current = useRef<WorkerRun | null>(null);
  const cancelled = useRef(false);
  useEffect(() => () => current.current?.cancel(), []);

  /** Start a job: clears the cancelled flag. */
  const begin = useCallback(() => {
    cancelled.current = false;
  }, []);
  /** Run the engine in a worker and wait for its result; a cancel rejects with SimulationCancelled. */
  const simulate = useCallback(async (...args: RunArgs) => {
    const run = runInWorker(...args);
    current.current = run;
    try {
      return await run.result;
    } finally {
      current.current = null;
    }
  }, []);
  const cancel = useCallback(() => {
    cancelled.current = true;
    if (current.current) current.current.cancel();
    else onCancelledBeforeWorker();
  }, [onCancelledBeforeWorker]);
  /** True when the job was cancelled: by the user, or because the worker was terminated. */
  const wasCancelled = useCallback((err?: unknown) => err instanceof SimulationCancelled || cancelled.current, []);
  return useMemo(
    () => ({ begin, simulate, cancel, wasCancelled, isCancelled: () => cancelled.current }),
    [begin, simulate, cancel, wasCancelled],
  );
}

/** After a write: in Excel, let the worksheet functions re-read stored runs; on the page, download the book as `file`. */
export async function deliverWrite(host: Host, port: WorkbookPort, file: string): Promise<string | null> {
  if (host.kind === "office") {
    host.afterWrite?.();
    return null;
  }
  await host.download(port, file);
  return file;
}
