/**
 * The work of one trial thread, whatever the host (node/trialThread.ts, the pane's simulate.worker.ts):
 * keep a decision question's platforms and evaluate the variants it is sent (questions.ts), or prepare a
 * simulation job, run the blocks it is sent (into the shared record when the job brings one), compute the
 * statistics of the platform and roll-up ranges it is sent, and, as the leader, place every block in its
 * own record and assemble the result. Each thread prepares the job itself from the same input, so every
 * thread holds the same compiled model and every block comes out the same wherever it runs.
 */
import { measure } from "../../models/decisions/evaluations.js";
import { TrialBlockRunner } from "../../models/montecarlo.js";
import { ScenarioError } from "../../models/scenario.js";
import { PlatformInputError } from "../../models/validate.js";
import {
  blockCount,
  blockInRecord,
  createRecord,
  finishRecord,
  newBlock,
  placeBlock,
  type TrialBlock,
  type TrialRecord,
} from "../../models/trialRecord.js";
import { finishSimulation, prepareSimulation, type PreparedSimulation } from "../../models/simulate.js";
import { platformStats, rollupStats } from "../../models/trialStats.js";
import { describeError } from "../worker/protocol.js";
import { blockTransfers, withoutColumns, type QuestionJob, type ThreadReply, type ThreadRequest } from "./protocol.js";

export type PostReply = (reply: ThreadReply, transfer?: ArrayBuffer[]) => void;

interface Current {
  run: number;
  prepared: PreparedSimulation;
  runner: TrialBlockRunner | null;
  /** The leader's record and the tallies of the blocks placed in it (their columns dropped once copied). */
  record: TrialRecord | null;
  placed: TrialBlock[];
  /** The record in shared memory (caller-assembled runs in one process): blocks written in place. */
  shared: TrialRecord | null;
}

/** A handler for the thread's incoming requests, replying through `post`. */
export function trialThread(post: PostReply): (request: ThreadRequest) => void {
  let current: Current | null = null;
  let question: { run: number; job: QuestionJob } | null = null;
  const handle = (request: ThreadRequest) => {
    if (request.type === "question") {
      question = { run: request.run, job: request.question };
      post({ type: "listening", run: request.run });
      return;
    }
    if (request.type === "evaluate") {
      if (question === null || request.run !== question.run) return; // a question that is over
      const { run, index } = request;
      try {
        post({ type: "value", run, index, value: measure(question.job, request.evaluation) });
      } catch (err) {
        const issues =
          err instanceof ScenarioError ? { issues: err.issues } : err instanceof PlatformInputError ? { problems: err.problems } : {};
        post({ type: "failed", run, index, error: describeError(err), ...issues });
      }
      return;
    }
    if (request.type === "job") {
      const { platforms, scenario, baseYear, plannedGrants } = request.job;
      const prepared = prepareSimulation(platforms, scenario, { baseYear, plannedGrants });
      const setup = prepared.setup;
      current = {
        run: request.run,
        prepared,
        runner: setup ? new TrialBlockRunner(setup) : null,
        record: request.leader && setup ? createRecord(setup) : null,
        placed: [],
        shared: request.columns && setup ? createRecord(setup, request.columns) : null,
      };
      post({ type: "ready", run: request.run, blocks: setup ? blockCount(setup.runs) : 0, trials: setup?.runs ?? 0 });
      return;
    }
    if (current === null || request.run !== current.run) return; // a request of a run that is over
    const { run, prepared, runner, record, shared } = current;
    const setup = prepared.setup;
    if (request.type === "block") {
      if (!runner || !setup) throw new Error("no trials to run");
      const progress = (trials: number) => post({ type: "progress", run, block: request.block, trials });
      if (shared) {
        const block = runner.run(request.block, blockInRecord(setup, shared, request.block), progress);
        post({ type: "block", run, block: withoutColumns(block) });
      } else {
        const block = runner.run(request.block, newBlock(setup, request.block), progress);
        post({ type: "block", run, block }, blockTransfers(block));
      }
    } else if (request.type === "stats") {
      if (!shared) throw new Error("statistics by parts need the shared record");
      const { first, count, rollupFrom, rollups: rollupCount, outputMean, rollupMeans } = request;
      const trials = { ...shared, outputMean, rollupMeans };
      const platforms = platformStats(prepared.c, trials, first, count);
      const rollups = rollupStats(prepared.c, trials, rollupFrom, rollupCount);
      post({ type: "stats", run, first, rollupFrom, platforms, rollups });
    } else if (request.type === "place") {
      if (!record || !setup) throw new Error("not the leader of this run");
      placeBlock(setup, record, request.block);
      current.placed.push(withoutColumns(request.block));
    } else {
      const trials = record && setup ? finishRecord(setup, record, current.placed) : null;
      current = null; // the record goes with the result; nothing is kept between runs
      post({ type: "result", run, result: finishSimulation(prepared, trials) });
    }
  };
  return (request) => {
    try {
      handle(request);
    } catch (err) {
      post({ type: "error", run: request.run, error: describeError(err) });
    }
  };
}
