/**
 * Reproduce a stored run: which names have one (result:<name>), then read the record and the sheet,
 * re-run the recorded scenario in the Web Worker and compare every stored figure. Writes nothing.
 */
import { useCallback, useEffect, useState } from "react";
import type { ReproduceReport } from "../../pipeline/reproduceSteps.js";
import type { WorkbookPort } from "../../workbook/port.js";
import { toPaneError, type PaneError } from "./paneError.js";
import { useWorkerJob } from "./useWorkerJob.js";

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
  const job = useWorkerJob(useCallback(() => setState(IDLE), []));
  const key = candidates.join("\n");

  useEffect(() => {
    let live = true;
    if (port)
      service()
        .then((svc) => svc.storedRuns(port, key === "" ? [] : key.split("\n")))
        .then((found) => live && setRuns(found))
        .catch(() => live && setRuns([]));
    return () => {
      live = false;
    };
  }, [port, key, refresh]);
  // Another workbook: its stored runs are not the last one's (reset during render, React's pattern for
  // state that follows a prop).
  const [shownPort, setShownPort] = useState(port);
  if (shownPort !== port) {
    setShownPort(port);
    setRuns([]);
    setState(IDLE);
  }

  const reproduce = useCallback(
    async (name: string) => {
      if (!port) return;
      setState({ ...IDLE, phase: "running", name });
      try {
        const svc = await service();
        const stored = await svc.readStoredRun(port, name);
        // The base year and, for a stored optimal run, its planned grants (pipeline rerunOptions, as the CLI re-runs it).
        const result = await job.simulate(
          { platforms: stored.input.platforms, scenario: stored.stored.scenario, ...svc.rerunOptions(stored) },
          () => undefined,
        );
        const report = svc.compareWithStored(stored, result);
        setState({ phase: "done", name, report, error: null });
      } catch (err) {
        setState({ ...IDLE, phase: "failed", name, error: toPaneError(err, "rep.failed") });
      }
    },
    [port, job],
  );

  return { runs, state, reproduce };
}
