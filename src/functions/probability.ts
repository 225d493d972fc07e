/**
 * Where PARKPLAN.PROBABILITY computes: up to INLINE_DRAWS draws (runs × years) at once on the shared
 * runtime's thread (≈ 4 ms: less than a message to a worker and back would cost); above that in the
 * engine's Web Worker (src/worker/reachClient.ts), so a sheet of large cases never freezes the pane or
 * trips Office's watch on an unresponsive add-in. Both run models/reachProbability.ts on the same
 * arguments, so the answer does not depend on where it ran. Outside a browser (Node, the command line)
 * there is no Worker and every case runs inline.
 */
import { reachProbability } from "../../models/reachProbability.js";
import type { ReachArguments } from "./growthFunctions.js";

/** The most draws computed inline: the default 10,000 runs over up to 10 years. */
export const INLINE_DRAWS = 100_000;

/** Answers a large case off the thread. */
export type ReachEngine = (question: ReachArguments["question"], runs: number, seed: string | number) => Promise<number>;

/** The worker client, started on the first large case (the worker chunk loads only then). */
async function workerEngine(): Promise<ReachEngine> {
  const { createReachClient } = await import("../worker/reachClient.js");
  const client = createReachClient();
  return (question, runs, seed) => client.probability(question, runs, seed);
}

let engine: Promise<ReachEngine> | undefined;

/** Answer large cases with this engine from now on (tests inject a worker client here). */
export function useReachEngine(next: ReachEngine): void {
  engine = Promise.resolve(next);
}

/** True when a case of this size runs in the worker. */
export const runsOffThread = ({ question, runs }: ReachArguments): boolean => runs * Math.max(question.years, 1) > INLINE_DRAWS;

/** The probability: a number for a small case (or without a Worker), a promise for a large one. */
export function routedProbability(args: ReachArguments): number | Promise<number> {
  const { question, runs, seed } = args;
  if (!runsOffThread(args) || (engine === undefined && typeof Worker === "undefined")) return reachProbability(question, runs, seed);
  engine ??= workerEngine().catch((e: unknown) => {
    engine = undefined; // try again on the next large case
    throw e;
  });
  return engine.then((answer) => answer(question, runs, seed));
}
