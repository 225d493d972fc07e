/**
 * What the scenario library section shows and selects, as pure functions: which entries are ticked for a
 * comparison (kept in library order, the columns' order), the baseline among them, save = create or
 * replace by name, and which scenario names may have a stored run to reproduce.
 */
export interface NamedEntry {
  id: string;
  name: string;
}

export interface Selection {
  /** Ids ticked for the comparison. */
  selected: string[];
  /** Id of the baseline: one of `selected`, or null (then the first selected). */
  baseline: string | null;
}

export const NO_SELECTION: Selection = { selected: [], baseline: null };

/** Tick or untick an entry; unticking the baseline falls back to the first ticked. */
export function toggleSelected(selection: Selection, id: string): Selection {
  const selected = selection.selected.includes(id) ? selection.selected.filter((s) => s !== id) : [...selection.selected, id];
  return { selected, baseline: selection.baseline !== null && selected.includes(selection.baseline) ? selection.baseline : null };
}

export function chooseBaseline(selection: Selection, id: string): Selection {
  return selection.selected.includes(id) ? { ...selection, baseline: id } : selection;
}

/** After the library is read again: forget ids that are gone. */
export function pruneSelection(selection: Selection, entries: readonly NamedEntry[]): Selection {
  const ids = new Set(entries.map((e) => e.id));
  const selected = selection.selected.filter((id) => ids.has(id));
  return { selected, baseline: selection.baseline !== null && ids.has(selection.baseline) ? selection.baseline : null };
}

/** The ticked entries in library order and the baseline's index among them. */
export function comparedEntries<E extends NamedEntry>(entries: readonly E[], selection: Selection): { entries: E[]; baseline: number } {
  const chosen = entries.filter((e) => selection.selected.includes(e.id));
  const at = selection.baseline === null ? 0 : chosen.findIndex((e) => e.id === selection.baseline);
  return { entries: chosen, baseline: Math.max(0, at) };
}

export const canCompare = (selection: Selection): boolean => selection.selected.length >= 2;

/** Saving under a name: the id of the entry of that name (replace it in place), or undefined (a new entry). */
export function saveTarget(entries: readonly NamedEntry[], name: string): string | undefined {
  const wanted = name.trim();
  return entries.find((e) => e.name === wanted)?.id;
}

/** Names that may have a stored run (result:<name>): the library's and the last run's, each once. */
export function runCandidates(libraryNames: readonly string[], lastRun: string | null): string[] {
  return [...new Set([...(lastRun ? [lastRun] : []), ...libraryNames])];
}
