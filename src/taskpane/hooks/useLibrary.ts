/**
 * The scenario library of the open workbook (through the current port): read it, save / duplicate /
 * rename / delete on the user's request only, and the ticked entries for a comparison. Damaged and newer
 * entries come back as problems and stay in the document (src/scenarios keeps them).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { LoadedLibrary } from "../../scenarios/index.js";
import type { WorkbookPort } from "../../workbook/port.js";
import { chooseBaseline, NO_SELECTION, pruneSelection, saveTarget, toggleSelected, type Selection } from "./libraryView.js";
import { toPaneError, type PaneError } from "./paneError.js";

const service = () => import("../scenarioService.js");
type Service = Awaited<ReturnType<typeof service>>;

export function useLibrary(port: WorkbookPort | null) {
  const [library, setLibrary] = useState<LoadedLibrary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PaneError | null>(null);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const generation = useRef(0);

  const read = useCallback(async (p: WorkbookPort) => {
    const mine = ++generation.current;
    const loaded = await (await service()).loadLibrary(p);
    if (mine !== generation.current) return;
    setLibrary(loaded);
    setSelection((s) => pruneSelection(s, loaded.entries));
  }, []);

  // Another workbook: forget the last one's library at once (during render, React's pattern for state
  // that follows a prop), then read the new one.
  const [shownPort, setShownPort] = useState(port);
  if (shownPort !== port) {
    setShownPort(port);
    setLibrary(null);
    setSelection(NO_SELECTION);
    setError(null);
  }
  useEffect(() => {
    if (port) read(port).catch((err: unknown) => setError(toPaneError(err, "lib.failed")));
  }, [port, read]);

  const act = useCallback(
    async (op: (svc: Service, p: WorkbookPort) => Promise<unknown>) => {
      if (!port) return;
      setBusy(true);
      setError(null);
      try {
        await op(await service(), port);
      } catch (err) {
        setError(toPaneError(err, "lib.failed"));
      }
      try {
        await read(port);
      } catch (err) {
        setError(toPaneError(err, "lib.failed"));
      } finally {
        setBusy(false);
      }
    },
    [port, read],
  );

  const entries = library?.entries ?? [];
  return {
    library,
    busy,
    error,
    selection,
    /** Save the form's document under `name`: replaces the entry of that name in place, else adds one. */
    save: (name: string, document: Record<string, unknown>) =>
      act((svc, p) =>
        svc.saveScenario(p, { id: saveTarget(entries, name), name: name.trim(), scenario: { ...document, name: name.trim() } }),
      ),
    duplicate: (id: string) => act((svc, p) => svc.duplicateScenario(p, id)),
    rename: (id: string, name: string) => act((svc, p) => svc.renameScenario(p, id, name.trim())),
    remove: (id: string) => act((svc, p) => svc.deleteScenario(p, id)),
    toggle: (id: string) => setSelection((s) => toggleSelected(s, id)),
    setBaseline: (id: string) => setSelection((s) => chooseBaseline(s, id)),
  };
}
