/**
 * Where PARKPLAN.SCENARIO finds stored runs: the workbook store (WorkbookPort.readStore), read once per
 * scenario and kept (when found) until forgetStoredRuns() (the pane calls it after storing a run). Inside Excel the
 * port is the Office adapter, imported lazily here and nowhere else, so tests and Node never load it;
 * tests and other hosts hand in their own port with useWorkbook().
 */
import { resultKey, STORED_RESULT_VERSION, type StoredResult } from "../pipeline/storedResults.js";
import type { WorkbookPort } from "../workbook/port.js";
import { cellError } from "./errors.js";

export type PortFactory = () => WorkbookPort | Promise<WorkbookPort>;

async function officePort(): Promise<WorkbookPort> {
  const { OfficeWorkbook } = await import("../workbook/office/officeWorkbook.js");
  return new OfficeWorkbook();
}

let factory: PortFactory = officePort;
let port: Promise<WorkbookPort> | undefined;
const runs = new Map<string, Promise<StoredResult | null>>();

/** Read stored runs through this port (or factory) from now on; forgets what was read before. */
export function useWorkbook(source: WorkbookPort | PortFactory): void {
  factory = typeof source === "function" ? source : () => source;
  port = undefined;
  runs.clear();
}

/** Forget every stored run read so far: the next SCENARIO call reads the store again. */
export function forgetStoredRuns(): void {
  runs.clear();
}

function workbook(): Promise<WorkbookPort> {
  port ??= Promise.resolve()
    .then(factory)
    .catch((e: unknown) => {
      port = undefined; // try again on the next call
      throw e;
    });
  return port;
}

function parseStored(scenario: string, json: string): StoredResult {
  let stored: Partial<StoredResult>;
  try {
    stored = JSON.parse(json) as Partial<StoredResult>;
  } catch {
    throw cellError(
      "notAvailable",
      `情景“${scenario}”的保存结果已损坏，请重新运行`,
      `the stored run of "${scenario}" is damaged; run it again`,
    );
  }
  if (stored?.version !== STORED_RESULT_VERSION || typeof stored.platforms !== "object" || typeof stored.rollups !== "object") {
    throw cellError(
      "notAvailable",
      `情景“${scenario}”的保存结果版本不符，请重新运行`,
      `the stored run of "${scenario}" has another format version; run it again`,
    );
  }
  return stored as StoredResult;
}

/** The stored run of a scenario, or null when none was stored. One store read per scenario, shared by concurrent calls. */
export function loadStoredRun(scenario: string): Promise<StoredResult | null> {
  let run = runs.get(scenario);
  if (!run) {
    const reading = workbook()
      .then((wb) => wb.readStore(resultKey(scenario)))
      .then((json) => (json === null ? null : parseStored(scenario, json)));
    // Only a run found is kept: after a failure or "nothing stored" the next call reads again.
    const drop = () => {
      if (runs.get(scenario) === reading) runs.delete(scenario);
    };
    reading.then((stored) => stored === null && drop(), drop);
    runs.set(scenario, reading);
    run = reading;
  }
  return run;
}
