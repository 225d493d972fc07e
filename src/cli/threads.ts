/**
 * --threads: the Monte Carlo trials on worker threads (src/engine/node), all cores by default. Every
 * thread count gives the same numbers bit for bit, so the option changes only the time a run takes.
 */
import type { Engine } from "../engine/engine.js";
import { defaultThreads, nodeEngine } from "../engine/node/nodeThreads.js";

/** Run `work` with an engine of `threads` threads (default: all cores), closing its threads afterwards. */
export async function withEngine<T>(threads: number | undefined, work: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = nodeEngine(threads ?? defaultThreads());
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}
