/**
 * What the pane and the command line do with the library: list, save (create or replace by id),
 * duplicate, rename, delete. Each reads the store, changes one entry and writes the document back;
 * damaged entries stay where they were, untouched. Ids are deterministic ("s1", "s2" …, the first free)
 * unless the caller injects its own generator; the clock is injectable too.
 */
import { parseScenario } from "../../models/scenario.js";
import type { WorkbookPort } from "../workbook/port.js";
import {
  assertWritable,
  LibraryError,
  readLibrary,
  writeLibrary,
  type LibraryEntry,
  type LibraryState,
  type LoadedLibrary,
} from "./library.js";

export { loadLibrary as listScenarios } from "./library.js";
export type { LoadedLibrary };

export interface LibraryOptions {
  /** Clock for savedAt (default: the current time). */
  now?: () => Date;
  /** A new id not in `taken` (default: "s1", "s2" …, the first free). */
  newId?: (taken: ReadonlySet<string>) => string;
}

const MAX_NAME = 80;

export function firstFreeId(taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`s${n}`)) return `s${n}`;
}

function takenIds(state: LibraryState): Set<string> {
  return new Set(state.slots.flatMap((s) => (s.kind === "entry" ? [s.entry.id] : s.id !== null ? [s.id] : [])));
}

function entries(state: LibraryState): LibraryEntry[] {
  return state.slots.flatMap((s) => (s.kind === "entry" ? [s.entry] : []));
}

function findEntry(state: LibraryState, id: string): LibraryEntry {
  const entry = entries(state).find((e) => e.id === id);
  if (!entry) throw new LibraryError("not-found", `情景库中没有编号为“${id}”的情景`, `no scenario with id "${id}" in the library`);
  return entry;
}

function checkName(state: LibraryState, name: string, exceptId: string | null): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME) {
    throw new LibraryError("bad-name", `情景名称须为 1–${MAX_NAME} 个字符`, `a scenario name must have 1–${MAX_NAME} characters`);
  }
  if (entries(state).some((e) => e.name === trimmed && e.id !== exceptId)) {
    throw new LibraryError(
      "name-taken",
      `情景库中已有名为“${trimmed}”的情景，请换一个名称`,
      `the library already has a scenario named "${trimmed}"; choose another name`,
    );
  }
  return trimmed;
}

/** The document with its name set to the entry's name (validated; throws ScenarioError naming each bad field). */
function namedScenario(scenario: Record<string, unknown>, name: string): Record<string, unknown> {
  const document = { ...structuredClone(scenario), name };
  parseScenario(document);
  return document;
}

const stamp = (options: LibraryOptions) => (options.now ?? (() => new Date()))().toISOString();

async function update<T>(port: WorkbookPort, change: (state: LibraryState) => T): Promise<T> {
  const state = await readLibrary(port);
  assertWritable(state);
  const out = change(state);
  await writeLibrary(port, state);
  return out;
}

/**
 * Save a scenario: replace the entry with this id (keeping its place), or add a new one. The name is
 * `name`, else the scenario's own name, else 基准方案; names are unique in the library.
 */
export async function saveScenario(
  port: WorkbookPort,
  input: { id?: string; name?: string; scenario: Record<string, unknown> },
  options: LibraryOptions = {},
): Promise<LibraryEntry> {
  return update(port, (state) => {
    const at = input.id === undefined ? -1 : state.slots.findIndex((s) => s.kind === "entry" && s.entry.id === input.id);
    if (input.id !== undefined && at < 0 && takenIds(state).has(input.id)) {
      throw new LibraryError(
        "locked",
        `编号“${input.id}”属于一条已损坏的条目，不能覆盖`,
        `id "${input.id}" belongs to a damaged entry, which is not overwritten`,
      );
    }
    const rawName = input.name ?? (typeof input.scenario.name === "string" ? input.scenario.name : "基准方案");
    const name = checkName(state, rawName, input.id ?? null);
    const id = input.id ?? (options.newId ?? firstFreeId)(takenIds(state));
    const entry: LibraryEntry = { id, name, savedAt: stamp(options), scenario: namedScenario(input.scenario, name) };
    if (at >= 0) state.slots[at] = { kind: "entry", entry };
    else state.slots.push({ kind: "entry", entry });
    return structuredClone(entry);
  });
}

/** A copy under a new id, named "<name> 副本" (then "副本 2", "副本 3" … if taken), placed after the original. */
export async function duplicateScenario(port: WorkbookPort, id: string, options: LibraryOptions = {}): Promise<LibraryEntry> {
  return update(port, (state) => {
    const source = findEntry(state, id);
    const names = new Set(entries(state).map((e) => e.name));
    let name = "";
    for (let n = 1; name === "" || names.has(name); n++) {
      const suffix = n === 1 ? " 副本" : ` 副本 ${n}`;
      name = source.name.slice(0, MAX_NAME - suffix.length) + suffix;
    }
    const entry: LibraryEntry = {
      id: (options.newId ?? firstFreeId)(takenIds(state)),
      name,
      savedAt: stamp(options),
      scenario: namedScenario(source.scenario, name),
    };
    const at = state.slots.findIndex((s) => s.kind === "entry" && s.entry.id === id);
    state.slots.splice(at + 1, 0, { kind: "entry", entry });
    return structuredClone(entry);
  });
}

export async function renameScenario(port: WorkbookPort, id: string, name: string, options: LibraryOptions = {}): Promise<LibraryEntry> {
  return update(port, (state) => {
    const entry = findEntry(state, id);
    const checked = checkName(state, name, id);
    Object.assign(entry, { name: checked, savedAt: stamp(options), scenario: namedScenario(entry.scenario, checked) });
    return structuredClone(entry);
  });
}

/** Remove one entry; damaged entries can only be removed by whoever repairs the document. */
export async function deleteScenario(port: WorkbookPort, id: string): Promise<void> {
  await update(port, (state) => {
    findEntry(state, id);
    state.slots = state.slots.filter((s) => !(s.kind === "entry" && s.entry.id === id));
  });
}

/** One entry by id (a copy), or LibraryError "not-found". */
export async function getScenario(port: WorkbookPort, id: string): Promise<LibraryEntry> {
  return structuredClone(findEntry(await readLibrary(port), id));
}
