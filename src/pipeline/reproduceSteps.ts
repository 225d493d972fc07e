/**
 * The steps of reproducing a stored run around the model, apart from the engine so the pane (which runs
 * the model in a Web Worker) does not load it: read the run record and its platform sheet as it is now
 * (readStoredRun), then compare a new run with the record (compareWithStored). reproduce() in
 * reproduce.ts is these two steps with simulate() between, given rerunOptions(run): the recorded base year
 * and, for an optimal plan's run, the planned grants it ran (a run stored without them re-runs without).
 */
import { ENGINE_VERSION, MODEL_VERSION } from "../../models/version.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";
import type { SimulationResult } from "../../models/results.js";
import { YEAR_METRICS } from "../../models/results.js";
import type { WorkbookPort } from "../workbook/port.js";
import type { PlatformSheet } from "../workbook/sheet/index.js";
import { InputError } from "./errors.js";
import { inputHash } from "./inputHash.js";
import { inputFor, loadPlatforms } from "./loadPlatforms.js";
import {
  resultKey,
  STATISTICS,
  storedResult,
  type Statistic,
  type StoredOptimization,
  type StoredResult,
  type StoredSeries,
} from "./storedResults.js";

export interface Difference {
  /** Platform or roll-up name. */
  subject: string;
  metric: string;
  year: number;
  statistic: Statistic;
  stored: number | null;
  now: number | null;
}

export interface ReproduceReport {
  identical: boolean;
  /** The platform data read now differ from the data the run used (SHA-256 of the platforms). */
  inputChanged: boolean;
  /** This engine or model version differs from the one that made the run. */
  engineChanged: boolean;
  stored: {
    engine: StoredResult["engine"];
    inputHash: string;
    sheet: string;
    finishedAt: string;
    seed: string | number;
    runs: number;
    /** Whether the run was given planned grants (an optimal plan's run), re-run with the same ones. */
    plannedGrants: boolean;
    /** An optimal plan's run: the LP's objective as stored; null for every other run. */
    optimization: StoredOptimization | null;
  };
  now: { engine: StoredResult["engine"]; inputHash: string };
  /** The first `limit` differences, subjects in stored order, then metric, year and statistic. */
  differences: Difference[];
  /** How many figures differ in all (differences holds at most `limit`). */
  differenceCount: number;
}

function missingRun(name: string): InputError {
  return new InputError([
    {
      code: "RUN_NOT_STORED",
      severity: "error",
      sheet: "",
      cell: null,
      zh: `工作簿中没有情景“${name}”的运行记录（请先运行该情景）`,
      en: `the workbook holds no stored run of scenario "${name}" (run it first)`,
    },
  ]);
}

export function parseStoredResult(text: string, name: string): StoredResult {
  try {
    const stored = JSON.parse(text) as StoredResult;
    if (stored && typeof stored === "object" && stored.scenario && stored.platforms && stored.rollups) return stored;
  } catch {
    // reported below
  }
  throw new InputError([
    {
      code: "RUN_DAMAGED",
      severity: "error",
      sheet: "",
      cell: null,
      zh: `情景“${name}”的运行记录已损坏，无法复现`,
      en: `the stored run of scenario "${name}" is damaged and cannot be reproduced`,
    },
  ]);
}

function* compareSeries(kind: "platforms" | "rollups", a: StoredResult, b: StoredResult): Generator<Difference> {
  const subjects = [...new Set([...Object.keys(a[kind]), ...Object.keys(b[kind])])];
  for (const subject of subjects) {
    const sa: StoredSeries = a[kind][subject] ?? {};
    const sb: StoredSeries = b[kind][subject] ?? {};
    for (const metric of YEAR_METRICS) {
      const ya = sa[metric] ?? {};
      const yb = sb[metric] ?? {};
      const years = [...new Set([...Object.keys(ya), ...Object.keys(yb)])].sort();
      for (const year of years) {
        for (let k = 0; k < STATISTICS.length; k++) {
          // Missing and undefined figures are both null; everything else must be equal bit for bit.
          const stored = ya[year]?.[k] ?? null;
          const now = yb[year]?.[k] ?? null;
          if (!Object.is(stored, now)) yield { subject, metric, year: Number(year), statistic: STATISTICS[k], stored, now };
        }
      }
    }
  }
}

export interface StoredRun {
  stored: StoredResult;
  /** The platform sheet the run came from, read again now. */
  input: PlatformSheet;
  inputHash: string;
}

/** Step 1: the stored run of `scenarioName` and its platform sheet as it is now; InputError when none is stored. */
export async function readStoredRun(port: WorkbookPort, scenarioName: string): Promise<StoredRun> {
  const text = await port.readStore(resultKey(scenarioName));
  if (text === null) throw missingRun(scenarioName);
  const stored = parseStoredResult(text, scenarioName);
  const read = await loadPlatforms(port, stored.sheet);
  // The run's sheet as of its base year (a multi-year sheet). `run` hashes the sheet it ran on, `compare`
  // the sheet as read: either matching means the data did not change.
  const input = inputFor(read, stored.scenario);
  const hashes = [await inputHash(input.platforms), await inputHash(read.platforms)];
  return { stored, input, inputHash: hashes.find((h) => h === stored.inputHash) ?? hashes[0] };
}

/** What the model is given besides the platforms and the scenario to re-run a stored run (step 2). */
export function rerunOptions(run: StoredRun): { baseYear: number; plannedGrants?: PlannedGrants } {
  const { scenario, plannedGrants } = run.stored;
  return plannedGrants === undefined ? { baseYear: scenario.baseYear } : { baseYear: scenario.baseYear, plannedGrants };
}

/** Step 3: compare the new run (the recorded scenario run again on run.input) with the stored figures. */
export function compareWithStored(run: StoredRun, result: SimulationResult, options: { limit?: number } = {}): ReproduceReport {
  const limit = options.limit ?? 20;
  const { stored, input, inputHash: hash } = run;
  // Through JSON like the stored copy, so both sides hold the same kinds of numbers (no −0).
  const again = JSON.parse(
    JSON.stringify(storedResult(result, { inputHash: hash, sheet: input.sheet, finishedAt: new Date(stored.finishedAt) })),
  ) as StoredResult;
  const differences: Difference[] = [];
  let differenceCount = 0;
  for (const kind of ["platforms", "rollups"] as const) {
    for (const d of compareSeries(kind, stored, again)) {
      if (differences.length < limit) differences.push(d);
      differenceCount++;
    }
  }
  const engine = { name: "ParkPlan" as const, version: ENGINE_VERSION, model: MODEL_VERSION };
  return {
    identical: differenceCount === 0,
    inputChanged: hash !== stored.inputHash,
    engineChanged: stored.engine.version !== engine.version || stored.engine.model !== engine.model,
    stored: {
      engine: stored.engine,
      inputHash: stored.inputHash,
      sheet: stored.sheet,
      finishedAt: stored.finishedAt,
      seed: stored.scenario.monteCarlo.seed,
      runs: stored.scenario.monteCarlo.runs,
      plannedGrants: stored.plannedGrants !== undefined,
      optimization: stored.optimization ?? null,
    },
    now: { engine, inputHash: hash },
    differences,
    differenceCount,
  };
}
