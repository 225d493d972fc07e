/**
 * The scenario library: scenarios saved in the workbook's store under one key, as a versioned JSON
 * document { version: 1, scenarios: [{ id, name, savedAt, scenario }] }. Loading validates every entry
 * (zod for the entry, parseScenario for the scenario); a damaged entry is reported and kept exactly as
 * it was, and a document this version cannot read (not JSON, or written by a newer version) is reported
 * and left untouched: nothing is written over it.
 */
import { z } from "zod";
import { parseScenario, ScenarioError } from "../../models/scenario.js";
import type { WorkbookPort } from "../workbook/port.js";

/** Store key of the library. */
export const LIBRARY_KEY = "scenarios";
/** Version of the library document this code writes and reads. */
export const LIBRARY_VERSION = 1;

export interface LibraryEntry {
  id: string;
  name: string;
  /** ISO 8601 time of the last save. */
  savedAt: string;
  /** The scenario document as saved (the input form: defaults are not filled in). */
  scenario: Record<string, unknown>;
}

export type LibraryProblemCode = "unreadable" | "newer-version" | "damaged-entry";

export interface LibraryProblem {
  code: LibraryProblemCode;
  /** 0-based position of the entry in the document; null for a problem with the whole document. */
  index: number | null;
  /** The entry's id and name when they could be read. */
  id: string | null;
  name: string | null;
  zh: string;
  en: string;
}

export interface LoadedLibrary {
  entries: LibraryEntry[];
  problems: LibraryProblem[];
  /** False when the document cannot be read by this version: saving is refused so nothing is lost. */
  writable: boolean;
}

/** What a library operation refuses with: the message in Chinese, then English. */
export class LibraryError extends Error {
  constructor(
    readonly code: "locked" | "not-found" | "name-taken" | "bad-name",
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "LibraryError";
  }
}

const entrySchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(80),
    savedAt: z.string().min(1),
    scenario: z.record(z.string(), z.unknown()),
  })
  .strict();

const documentSchema = z.object({ version: z.number().int().min(1), scenarios: z.array(z.unknown()) }).passthrough();

/** One slot of the document, in order: a valid entry, or a damaged one kept as it was. */
export type Slot = { kind: "entry"; entry: LibraryEntry } | { kind: "kept"; raw: unknown; id: string | null; name: string | null };

/** The library as read: slots in order (damaged ones included), problems, and whether it may be written. */
export interface LibraryState {
  slots: Slot[];
  problems: LibraryProblem[];
  writable: boolean;
  /** Fields of the document other than version and scenarios, written back unchanged. */
  extra: Record<string, unknown>;
}

const WHERE = `工作簿存储“${LIBRARY_KEY}”`;
const WHERE_EN = `workbook store "${LIBRARY_KEY}"`;

function lockedState(problem: Omit<LibraryProblem, "index" | "id" | "name">): LibraryState {
  return { slots: [], problems: [{ ...problem, index: null, id: null, name: null }], writable: false, extra: {} };
}

const textOf = (raw: unknown, key: string): string | null => {
  const v = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : null;
};

/** Why an entry cannot be used, in both languages (zod issue paths, or the scenario's own field messages). */
function entryIssues(raw: unknown): { zh: string; en: string } | null {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    const parts = parsed.error.issues.map((i) => `${i.path.join(".") || "(条目 entry)"}: ${i.message}`);
    return { zh: `条目格式有误（${parts.join("；")}）`, en: `malformed entry (${parts.join("; ")})` };
  }
  try {
    parseScenario(parsed.data.scenario);
    return null;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const newer = e.issues.some((i) => /unrecognized|unknown|未知|无法识别/i.test(`${i.en} ${i.zh}`));
    const hint = newer ? { zh: "；可能由更新版本的 ParkPlan 写入", en: "; possibly written by a newer ParkPlan" } : { zh: "", en: "" };
    return {
      zh: `情景无效（${e.issues.map((i) => `${i.path || "(根)"}：${i.zh}`).join("；")}）${hint.zh}`,
      en: `invalid scenario (${e.issues.map((i) => `${i.path || "(root)"}: ${i.en}`).join("; ")})${hint.en}`,
    };
  }
}

/** Parse the stored text into slots; never throws for bad content. */
export function parseLibrary(text: string | null): LibraryState {
  if (text === null) return { slots: [], problems: [], writable: true, extra: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return lockedState({
      code: "unreadable",
      zh: `情景库（${WHERE}）不是有效的 JSON，已原样保留；修复前不能保存情景`,
      en: `the scenario library (${WHERE_EN}) is not valid JSON; kept as it is; scenarios cannot be saved until it is repaired`,
    });
  }
  const doc = documentSchema.safeParse(json);
  if (!doc.success) {
    return lockedState({
      code: "unreadable",
      zh: `情景库（${WHERE}）缺少 version 或 scenarios，已原样保留；修复前不能保存情景`,
      en: `the scenario library (${WHERE_EN}) lacks version or scenarios; kept as it is; scenarios cannot be saved until it is repaired`,
    });
  }
  const { version, scenarios, ...extra } = doc.data;
  if (version > LIBRARY_VERSION) {
    return lockedState({
      code: "newer-version",
      zh: `情景库由更新版本的 ParkPlan 写入（格式版本 ${version}，本版本只能读 ${LIBRARY_VERSION}），已原样保留；请用新版本打开`,
      en: `the scenario library was written by a newer ParkPlan (format version ${version}; this version reads ${LIBRARY_VERSION}); kept unchanged; open it with the newer version`,
    });
  }
  const slots: Slot[] = [];
  const problems: LibraryProblem[] = [];
  const seen = new Set<string>();
  scenarios.forEach((raw, index) => {
    const id = textOf(raw, "id");
    const name = textOf(raw, "name");
    const issue = entryIssues(raw) ?? (id !== null && seen.has(id) ? { zh: `编号“${id}”重复`, en: `duplicate id "${id}"` } : null);
    if (id !== null) seen.add(id);
    if (issue) {
      slots.push({ kind: "kept", raw, id, name });
      const who = name ? `“${name}”` : "";
      problems.push({
        code: "damaged-entry",
        index,
        id,
        name,
        zh: `情景库第 ${index + 1} 条${who}已损坏，已保留未改：${issue.zh}`,
        en: `scenario library entry ${index + 1}${name ? ` "${name}"` : ""} is damaged and was kept unchanged: ${issue.en}`,
      });
      return;
    }
    slots.push({ kind: "entry", entry: entrySchema.parse(raw) as LibraryEntry });
  });
  return { slots, problems, writable: true, extra };
}

/** The document text for these slots: damaged entries go back exactly as they were read. */
export function serializeLibrary(state: LibraryState): string {
  const scenarios = state.slots.map((s) => (s.kind === "entry" ? s.entry : s.raw));
  return JSON.stringify({ ...state.extra, version: LIBRARY_VERSION, scenarios });
}

export async function readLibrary(port: WorkbookPort): Promise<LibraryState> {
  return parseLibrary(await port.readStore(LIBRARY_KEY));
}

/** Write the library back; refused (LibraryError "locked") when it could not be read, so nothing is lost. */
export async function writeLibrary(port: WorkbookPort, state: LibraryState): Promise<void> {
  assertWritable(state);
  await port.writeStore(LIBRARY_KEY, serializeLibrary(state));
}

/** Throws LibraryError "locked" with the reason when the document could not be read by this version. */
export function assertWritable(state: LibraryState): void {
  if (state.writable) return;
  const why = state.problems[0];
  throw new LibraryError("locked", `情景库无法保存：${why?.zh ?? ""}`, `the scenario library cannot be saved: ${why?.en ?? ""}`);
}

/** Every scenario in the library, with the problems found (damaged entries are listed there, not dropped). */
export async function loadLibrary(port: WorkbookPort): Promise<LoadedLibrary> {
  const state = await readLibrary(port);
  return {
    entries: state.slots.flatMap((s) => (s.kind === "entry" ? [structuredClone(s.entry)] : [])),
    problems: state.problems,
    writable: state.writable,
  };
}
