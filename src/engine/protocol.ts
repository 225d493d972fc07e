/**
 * Messages between an engine pool (pool.ts) and its trial threads (trialThread.ts): Node worker_threads
 * in the command line and the pipeline, Web Workers in the task pane and the standalone page. Plain data
 * only (structured clone); a block's columns travel as transferred buffers.
 */
import type { Evaluation } from "../../models/decisions/evaluations.js";
import type { RecordColumns, TrialBlock } from "../../models/trialRecord.js";
import type { Platform } from "../../models/platform.js";
import type { PlannedGrants } from "../../models/policy/plannedGrants.js";
import type { SimulationResult, Stats } from "../../models/results.js";
import type { ScenarioIssue } from "../../models/scenario.js";
import type { PlatformProblem } from "../../models/validate.js";
import type { WorkerFailure } from "../worker/protocol.js";

/** What to simulate: the same input simulate() takes (every thread prepares it alike). */
export interface EngineJob {
  platforms: Platform[];
  scenario: unknown;
  baseYear: number | null;
  /** SimulateOptions.plannedGrants: the grants the `optimal` strategy runs (plain data, cloned to each thread). */
  plannedGrants?: PlannedGrants;
}

/** A decision question (questions.ts): the platforms and base year every evaluation of it runs on, sent to each thread once. */
export interface QuestionJob {
  platforms: Platform[];
  baseYear: number | null;
}

/** `run` numbers a pool's runs, so a late message of an earlier run is ignored. */
export type ThreadRequest =
  /**
   * Prepare the job (validate, compile, deterministic path); the leader also keeps the record and
   * assembles the result. `columns`: the record's columns in shared memory, where blocks are written in place.
   */
  | { type: "job"; run: number; job: EngineJob; leader: boolean; columns?: RecordColumns }
  /** Keep a decision question's platforms for the evaluations that follow. */
  | { type: "question"; run: number; question: QuestionJob }
  /** One evaluation of the question (a scenario variant → its figure); `index` numbers it within the question. */
  | { type: "evaluate"; run: number; index: number; evaluation: Evaluation }
  /** Run one block of trials. */
  | { type: "block"; run: number; block: number }
  /** To the leader: a finished block to place in the record. */
  | { type: "place"; run: number; block: TrialBlock }
  /** To the leader: every block is placed; assemble the result. */
  | { type: "finish"; run: number }
  /** The statistics of platforms first … first + count − 1 and roll-ups rollupFrom … + rollups − 1, from the shared columns and these means. */
  | {
      type: "stats";
      run: number;
      first: number;
      count: number;
      rollupFrom: number;
      rollups: number;
      outputMean: Float64Array;
      rollupMeans: Float64Array;
    };

export type ThreadReply =
  | { type: "ready"; run: number; blocks: number; trials: number }
  /** Trials done so far in a block (after each batch). */
  | { type: "progress"; run: number; block: number; trials: number }
  | { type: "block"; run: number; block: TrialBlock }
  | { type: "result"; run: number; result: SimulationResult }
  | { type: "stats"; run: number; first: number; rollupFrom: number; platforms: Stats[]; rollups: Stats[] }
  | { type: "error"; run: number; error: WorkerFailure }
  /** The thread has the question (so its code is loaded and it takes evaluations). */
  | { type: "listening"; run: number }
  /** An evaluation's value. */
  | { type: "value"; run: number; index: number; value: number }
  /** An evaluation's input error: the model's issues or platform problems as thrown, so the caller throws the same error. */
  | { type: "failed"; run: number; index: number; error: WorkerFailure; issues?: ScenarioIssue[]; problems?: PlatformProblem[] };

/** The buffers of a block, to transfer rather than copy (shared memory is never transferred: it is shared). */
export const blockTransfers = (block: TrialBlock): ArrayBuffer[] =>
  [block.output, block.land, block.rollupSums, block.outputSum, block.rollupSum, block.metAtYear, block.firstMet, block.allMet]
    .map((a) => a.buffer)
    .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);

const NO_COLUMN = new Float32Array(0);
/** A block's tallies without its columns (already in the shared record, or placed and copied). */
export const withoutColumns = (block: TrialBlock): TrialBlock => ({ ...block, output: NO_COLUMN, land: NO_COLUMN, rollupSums: NO_COLUMN });
