/**
 * The workbook side of the pane: connect (Excel) or open a file (standalone page), list the candidate
 * platform sheets, read the chosen one with its issues. The reader is loaded lazily.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookPort } from "../../workbook/port.js";
import type { PlatformSheet } from "../../workbook/sheet/index.js";
import type { Host } from "../host.js";
import type { SheetCandidate } from "../workbookService.js";
import { toPaneError, type PaneError } from "./paneError.js";

export interface WorkbookState {
  port: WorkbookPort | null;
  fileName: string | null;
  candidates: SheetCandidate[];
  sheet: string | null;
  parsed: PlatformSheet | null;
  busy: boolean;
  error: PaneError | null;
}

const EMPTY: WorkbookState = { port: null, fileName: null, candidates: [], sheet: null, parsed: null, busy: false, error: null };
const service = () => import("../workbookService.js");

export function useWorkbook(host: Host) {
  const [state, setState] = useState<WorkbookState>(EMPTY);
  // Ignore answers from an older file or sheet when the user has moved on.
  const generation = useRef(0);

  const load = useCallback(async (port: WorkbookPort, fileName: string | null, preferred: string | null) => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, port, fileName, busy: true, error: null }));
    try {
      const svc = await service();
      const candidates = await svc.listCandidates(port);
      const best = candidates.find((c) => c.score > 0);
      const sheet = preferred && candidates.some((c) => c.sheet === preferred) ? preferred : (best?.sheet ?? null);
      const parsed = sheet ? await svc.readSheet(port, sheet) : null;
      if (mine === generation.current) setState({ port, fileName, candidates, sheet, parsed, busy: false, error: null });
    } catch (err) {
      if (mine === generation.current) setState({ ...EMPTY, port, fileName, error: toPaneError(err, "error.unexpected") });
    }
  }, []);

  useEffect(() => {
    if (host.kind !== "office") return;
    host.connect().then(
      (port) => load(port, null, null),
      (err) => setState({ ...EMPTY, error: toPaneError(err, "error.office") }),
    );
  }, [host, load]);

  const openFile = useCallback(
    async (file: { name: string; bytes: ArrayBuffer }) => {
      if (host.kind !== "standalone") return;
      const mine = ++generation.current;
      setState({ ...EMPTY, fileName: file.name, busy: true });
      try {
        const port = await host.open(file);
        if (mine === generation.current) await load(port, file.name, null);
      } catch (err) {
        if (mine === generation.current) setState({ ...EMPTY, fileName: file.name, error: toPaneError(err, "error.unexpected") });
      }
    },
    [host, load],
  );

  const chooseSheet = useCallback(
    (sheet: string) => state.port && load(state.port, state.fileName, sheet),
    [state.port, state.fileName, load],
  );
  const reload = useCallback(
    () => state.port && load(state.port, state.fileName, state.sheet),
    [state.port, state.fileName, state.sheet, load],
  );

  return { ...state, openFile, chooseSheet, reload };
}
