/**
 * A decision question on the pool's threads: many independent evaluations (a scenario variant → one
 * figure, models/decisions/evaluations.ts) of the same platforms. Each thread gets the platforms once,
 * then one evaluation per message, handed out in the order asked as threads free up. An evaluation is a
 * pure function of (platforms, base year, variant) with the variant's own seed, so its value is the same
 * bit for bit on any thread as in the calling thread. Sensitivity asks for all its evaluations at once;
 * back-solves ask one point at a time per subject, several subjects at once (decisions.ts).
 * Starting at once: a thread's first question waits for it to load its code (from the sources through
 * tsx, seconds on a busy machine). Where the host allows it (Node, `help`), the calling thread evaluates
 * queued variants itself, one at a time between messages, until every thread has answered once, so the
 * question does not wait for the pool to start; threads that answered before are known to be up.
 */
import type { Evaluation } from "../../models/decisions/evaluations.js";
import { CancelledError } from "../../models/montecarlo.js";
import { ScenarioError } from "../../models/scenario.js";
import { PlatformInputError } from "../../models/validate.js";
import { TrialThreadFailure, type TrialThread } from "./pool.js";
import type { QuestionJob, ThreadReply } from "./protocol.js";

export interface EvaluationSession {
  /** The evaluation's value, from whichever thread is free next (evaluations wait in the order asked). */
  evaluate(evaluation: Evaluation): Promise<number>;
  /** End the question (the threads stay up for the next run); evaluations not done reject with CancelledError. */
  close(): void;
}

export interface QuestionOptions {
  /** Polled at every reply and every 25 ms while evaluations run; true cancels them all (CancelledError). */
  shouldCancel?: () => boolean;
}

/** What the pool lends a question: its threads, and how to free the pool (stop: terminate the threads, after a cancel or a failure). */
export interface QuestionHost {
  threads: TrialThread[];
  run: number;
  /** Threads known to have loaded (they answered before); the question adds those that answer now. */
  loaded: Set<TrialThread>;
  /** The evaluation in the calling thread, while some thread is not up yet (absent: the caller only routes messages). */
  help?: (evaluation: Evaluation, options: QuestionOptions) => number;
  /** Called once when the question ends; `stop` when its threads must be terminated. */
  release(stop: boolean): void;
  /** Where the pool's cancel() goes while the question is open. */
  onCancel(cancel: (error: Error) => void): void;
}

const POLL_MS = 25;

/** The same error the evaluation throws in the calling thread (a scenario or platform input error), else the thread's failure. */
function evaluationError(reply: Extract<ThreadReply, { type: "failed" }>): Error {
  if (reply.issues) return new ScenarioError(reply.issues);
  if (reply.problems) return new PlatformInputError(reply.problems);
  return new TrialThreadFailure(reply.error);
}

interface Pending {
  index: number;
  evaluation: Evaluation;
  resolve(value: number): void;
  reject(error: Error): void;
}

export function openQuestion(host: QuestionHost, question: QuestionJob, options: QuestionOptions = {}): EvaluationSession {
  const { threads, run } = host;
  const queue: Pending[] = [];
  const inFlight = new Map<number, Pending>();
  const idle = threads.filter((t) => host.loaded.has(t));
  let helping = false;
  let asked = 0;
  let over: Error | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const end = (error: Error | null) => {
    if (over) return;
    over = error ?? new CancelledError();
    if (timer) clearInterval(timer);
    // Threads still busy on this question are stopped: their work is not wanted, and a cancel must free the cores.
    const stop = error !== null || inFlight.size > 0;
    const pending = [...inFlight.values(), ...queue.splice(0)];
    inFlight.clear();
    if (!stop) for (const t of threads) t.hold?.(false);
    host.release(stop);
    for (const p of pending) p.reject(over);
  };
  const poll = () => {
    if (options.shouldCancel?.()) end(new CancelledError());
  };
  /** The caller takes the next queued evaluation while a thread is still starting, then lets messages in. */
  const help = () => {
    helping = false;
    if (over || !host.help || queue.length === 0 || threads.every((t) => host.loaded.has(t))) return;
    if (options.shouldCancel?.()) return end(new CancelledError());
    const item = queue.shift()!;
    try {
      item.resolve(host.help(item.evaluation, options));
    } catch (error) {
      // A cancel seen inside this thread's Monte Carlo ends the question (and stops the threads) as a polled one does.
      if (error instanceof CancelledError) {
        item.reject(error);
        return end(error);
      }
      item.reject(error instanceof Error ? error : new Error(String(error)));
    }
    schedule();
  };
  const schedule = () => {
    if (helping || !host.help || queue.length === 0 || threads.every((t) => host.loaded.has(t))) return;
    helping = true;
    setImmediate(help);
  };
  const pump = () => {
    schedule();
    while (idle.length > 0 && queue.length > 0) {
      const item = queue.shift()!;
      inFlight.set(item.index, item);
      idle.shift()!.post({ type: "evaluate", run, index: item.index, evaluation: item.evaluation });
    }
    if (options.shouldCancel && inFlight.size > 0 && timer === null) timer = setInterval(poll, POLL_MS);
    else if (inFlight.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
  const onReply = (thread: TrialThread) => (reply: ThreadReply) => {
    if (over || reply.run !== run) return;
    if (options.shouldCancel?.()) return end(new CancelledError());
    if (reply.type === "listening") {
      if (!host.loaded.has(thread)) {
        host.loaded.add(thread);
        idle.push(thread);
        pump();
      }
    } else if (reply.type === "value" || reply.type === "failed") {
      const item = inFlight.get(reply.index);
      inFlight.delete(reply.index);
      idle.push(thread);
      if (reply.type === "value") item?.resolve(reply.value);
      else item?.reject(evaluationError(reply));
      pump();
    } else if (reply.type === "error") end(new TrialThreadFailure(reply.error));
  };
  host.onCancel((error) => end(error));
  for (const thread of threads) {
    thread.listen(onReply(thread), (message) =>
      end(new TrialThreadFailure({ name: "WorkerError", message, problems: [{ zh: message, en: message }] })),
    );
    thread.hold?.(true);
    thread.post({ type: "question", run, question });
  }
  return {
    evaluate(evaluation) {
      if (over) return Promise.reject(over);
      return new Promise<number>((resolve, reject) => {
        queue.push({ index: asked++, evaluation, resolve, reject });
        pump();
      });
    },
    close: () => end(null),
  };
}
