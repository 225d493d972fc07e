/**
 * A pool of trial threads running one simulation's Monte Carlo blocks in parallel. Every thread prepares
 * the job; blocks are handed out one at a time to whichever thread is free (so a slow thread never holds
 * the others up), and each finished block is placed in the record by the assembler:
 *  - "caller": this thread, from its own prepared simulation (Node: no copy of the result between threads).
 *    Where SharedArrayBuffer exists the record lives in shared memory: threads write their blocks in
 *    place, and then compute the statistics by parts (platform and roll-up ranges) from it, no copies;
 *  - "leader": thread 0, which then sends the finished result (the pane: its UI thread does no model work).
 * Blocks are pure functions of (input, seed, block), and means are summed in block order, so the result
 * is the same bit for bit for any number of threads and any finishing order. Threads stay up between runs;
 * a cancel or a failure terminates them, and the next run starts fresh ones.
 */
import { CancelledError } from "../../models/montecarlo.js";
import {
  blockCount,
  createRecord,
  finishRecord,
  placeBlock,
  recordColumns,
  type TrialBlock,
  type TrialRecord,
} from "../../models/trialRecord.js";
import type { SimulationResult, Stats } from "../../models/results.js";
import { finishSimulation, type PreparedSimulation } from "../../models/simulate.js";
import type { WorkerFailure } from "../worker/protocol.js";
import type { EvaluationQuestion } from "../../models/decisions/evaluations.js";
import { blockTransfers, withoutColumns, type EngineJob, type ThreadReply, type ThreadRequest } from "./protocol.js";
import { openQuestion, type EvaluationSession, type QuestionHost, type QuestionOptions } from "./questions.js";

/** One thread as the pool sees it (node/nodeThreads.ts and web/webWorkers.ts make them). */
export interface TrialThread {
  post(request: ThreadRequest, transfer?: ArrayBuffer[]): void;
  /** Where replies go from now on (replacing the last run's listener); `failed` when the thread itself dies. */
  listen(onReply: (reply: ThreadReply) => void, failed: (message: string) => void): void;
  /** While false, an idle Node thread does not keep the process alive. */
  hold?(active: boolean): void;
  terminate(): void;
}
export type TrialThreadFactory = () => TrialThread;

/** A thread's error reply: the engine's problems in Chinese and English (an input error, in leader mode). */
export class TrialThreadFailure extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(failure.message);
    this.name = failure.name;
  }
}

export interface PoolRunOptions {
  onProgress?: (done: number, total: number) => void;
  /** Polled at every message from a thread; true cancels the run (rejects with CancelledError). */
  shouldCancel?: () => boolean;
  /** The job prepared in this thread: this thread assembles (see above). Without it, thread 0 does. */
  prepared?: PreparedSimulation;
}

export class TrialPool {
  private threads: TrialThread[] = [];
  /** Threads that have answered a question (their code is loaded). */
  private readonly loaded = new Set<TrialThread>();
  private runs = 0;
  private abort: ((error: Error) => void) | null = null;

  constructor(
    private readonly factory: TrialThreadFactory,
    readonly size: number,
  ) {
    if (!(size >= 1)) throw new Error("a pool needs at least one thread");
  }

  /** Cancel the run under way, if any (its promise rejects with CancelledError). */
  cancel(): void {
    this.abort?.(new CancelledError());
  }

  /** Stop every thread (a run under way is cancelled). */
  close(): void {
    this.cancel();
    this.stopThreads();
  }

  simulate(job: EngineJob, options: PoolRunOptions = {}): Promise<SimulationResult> {
    if (this.abort) return Promise.reject(new Error("this engine pool is already running a simulation"));
    const run = ++this.runs;
    const prepared = options.prepared ?? null;
    const setup = prepared?.setup ?? null;
    // Caller mode needs a thread per block at most; leader mode learns the block count from the leader.
    const wanted = prepared ? Math.min(this.size, Math.max(1, setup ? blockCount(setup.runs) : 0)) : this.size;
    while (this.threads.length < wanted) this.threads.push(this.factory());
    const threads = this.threads.slice(0, wanted);
    const leader = prepared ? null : threads[0];
    // Caller-assembled runs share the record's memory with the threads when the host allows it.
    const shared = !leader && setup !== null && typeof SharedArrayBuffer === "function" ? recordColumns(setup, true) : undefined;
    const record = setup ? createRecord(setup, shared) : null;
    const tallies: TrialBlock[] = [];

    return new Promise<SimulationResult>((resolve, reject) => {
      let blocks = setup ? blockCount(setup.runs) : prepared ? 0 : -1; // −1 until the leader says
      let next = 0;
      let finished = 0;
      let reported = -1;
      let total = setup?.runs ?? 0;
      const trialsInFlight = new Map<number, number>();
      const idle: TrialThread[] = [];
      let doneTrials = 0;
      let settled = false;

      const settle = (outcome: SimulationResult | Error) => {
        if (settled) return;
        settled = true;
        this.abort = null;
        if (outcome instanceof Error) {
          this.stopThreads();
          reject(outcome);
        } else {
          for (const t of threads) t.hold?.(false);
          resolve(outcome);
        }
      };
      this.abort = settle;
      const progress = () => {
        let done = doneTrials;
        for (const trials of trialsInFlight.values()) done += trials;
        const step = Math.floor((done / Math.max(total, 1)) * 100);
        if (step !== reported || done === total) {
          reported = step;
          options.onProgress?.(done, total);
        }
      };
      const dispatch = (thread: TrialThread) => {
        if (blocks < 0) return idle.push(thread);
        if (next < blocks) thread.post({ type: "block", run, block: next++ });
        else idle.push(thread);
      };
      const statistics = { platforms: [] as Stats[], rollups: [] as Stats[] };
      let partsLeft = 0;
      let statsRecord: TrialRecord | null = null;
      const finish = () => {
        if (leader) return leader.post({ type: "finish", run });
        const trials = setup && record ? finishRecord(setup, record, tallies) : null;
        if (!setup || !trials || !shared) return settle(finishSimulation(prepared!, trials));
        // The statistics by parts, one per thread, read from the shared record: contiguous ranges of platforms and roll-ups.
        statsRecord = trials;
        const n = setup.c.n;
        const J = trials.rollupUnits.length;
        for (let w = 0; w < threads.length; w++) {
          const first = Math.floor((w * n) / threads.length);
          const rollupFrom = Math.floor((w * J) / threads.length);
          const count = Math.floor(((w + 1) * n) / threads.length) - first;
          const rollups = Math.floor(((w + 1) * J) / threads.length) - rollupFrom;
          if (count === 0 && rollups === 0) continue;
          partsLeft++;
          const { outputMean, rollupMeans } = trials;
          threads[w].post({ type: "stats", run, first, count, rollupFrom, rollups, outputMean, rollupMeans });
        }
      };
      const onReply = (thread: TrialThread) => (reply: ThreadReply) => {
        if (settled || reply.run !== run) return;
        if (options.shouldCancel?.()) return settle(new CancelledError());
        switch (reply.type) {
          case "ready":
            if (blocks < 0 && thread === leader) {
              blocks = reply.blocks;
              total = reply.trials;
              if (blocks === 0) return finish();
              const waiting = idle.splice(0);
              waiting.forEach(dispatch);
            }
            return dispatch(thread);
          case "progress":
            trialsInFlight.set(reply.block, reply.trials);
            return progress();
          case "block": {
            const block = reply.block;
            trialsInFlight.delete(block.block);
            doneTrials += block.trials;
            finished++;
            if (leader) leader.post({ type: "place", run, block }, blockTransfers(block));
            else {
              if (!shared) placeBlock(setup!, record!, block); // shared: the thread wrote it in place
              tallies.push(withoutColumns(block));
            }
            progress();
            if (finished === blocks) return finish();
            return dispatch(thread);
          }
          case "result":
            return settle(reply.result);
          case "stats":
            reply.platforms.forEach((stats, k) => (statistics.platforms[reply.first + k] = stats));
            reply.rollups.forEach((stats, k) => (statistics.rollups[reply.rollupFrom + k] = stats));
            if (--partsLeft === 0) settle(finishSimulation(prepared!, statsRecord, statistics));
            return;
          case "error":
            return settle(new TrialThreadFailure(reply.error));
        }
      };
      for (const thread of threads) {
        thread.listen(onReply(thread), (message) =>
          settle(new TrialThreadFailure({ name: "WorkerError", message, problems: [{ zh: message, en: message }] })),
        );
        thread.hold?.(true);
        thread.post({ type: "job", run, job, leader: thread === leader, columns: shared });
      }
      if (blocks === 0) finish();
    });
  }

  /** Start every thread now (a thread loads its code while the caller reads its input). */
  warm(): void {
    while (this.threads.length < this.size) this.threads.push(this.factory());
  }

  /**
   * Open a decision question on every thread (questions.ts): the platforms go to each thread once, then
   * evaluations one per message as threads free up. The pool is busy until the session is closed.
   */
  question(question: EvaluationQuestion, options: QuestionOptions = {}, help?: QuestionHost["help"]): EvaluationSession {
    if (this.abort) throw new Error("this engine pool is already running");
    const run = ++this.runs;
    this.warm();
    const job = { platforms: [...question.platforms], baseYear: question.baseYear ?? null };
    return openQuestion(
      {
        threads: this.threads.slice(),
        run,
        loaded: this.loaded,
        help,
        release: (stop) => {
          this.abort = null;
          if (stop) this.stopThreads();
        },
        onCancel: (cancel) => (this.abort = cancel),
      },
      job,
      options,
    );
  }

  private stopThreads(): void {
    this.loaded.clear();
    for (const t of this.threads) t.terminate();
    this.threads = [];
  }
}
