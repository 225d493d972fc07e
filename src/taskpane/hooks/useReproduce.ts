/**
 * Reproduce a stored run: which names have one (result:<name>), then read the record and the sheet,
 * re-run the recorded scenario in the Web Worker and compare every stored figure. Writes nothing.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReproduceReport } from "../../pipeline/reproduceSteps.js";
import type { WorkbookPort } from "../../workbook/port.js";
import { runInWorker, type WorkerRun } from "../../worker/client.js";
import { toPaneError, type PaneError } from "./paneError.js";

const service = () => import("../scenarioService.js");

export interface ReproduceState {
  phase: "idle" | "running" | "done" | "failed";
  name: string | null;
  report: ReproduceReport | null;
  error: PaneError | null;
}

const IDLE: ReproduceState = { phase: "idle", name: null, report: null, error: null };

/** `candidates`: names that may have a stored run; `refresh` changes whenever something may have written one. */
export function useReproduce(port: WorkbookPort | null, candidates: readonly string[], refresh: string) {
  const [runs, setRuns] = useState<string[]>([]);
  const [state, setState] = useState<ReproduceState>(IDLE);
  const current = useRef<WorkerRun | null>(null);
  const key = candidates.join("\n");

  useEffect(() => {
    let live = true;
    if (!port) setRuns([]);
    else
      service()
        .then((svc) => svc.storedRuns(port, key === "" ? [] : key.split("\n")))
        .then((found) => live && setRuns(found))
        .catch(() => live && setRuns([]));
    return () => {
      live = false;
    };
  }, [port, key, refresh]);
  useEffect(() => setState(IDLE), [port]);
  useEffect(() => () => current.current?.cancel(), []);

  const reproduce = useCallback(
    async (name: string) => {
      if (!port) return;
      setState({ ...IDLE, phase: "running", name });
      try {
        const svc = await service();
        const stored = await svc.readStoredRun(port, name);
        const run = runInWorker({ platforms: stored.input.platforms, scenario: stored.stored.scenario, baseYear: stored.stored.scenario.baseYear }, () => undefined);
        current.current = run;
        const report = svc.compareWithStored(stored, await run.result);
        setState({ phase: "done", name, report, error: null });
      } catch (err) {
        setState({ ...IDLE, phase: "failed", name, error: toPaneError(err, "rep.failed") });
      } finally {
        current.current = null;
      }
    },
    [port],
  );

  return { runs, state, reproduce };
}
