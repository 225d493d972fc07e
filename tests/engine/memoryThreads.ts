/**
 * Trial threads in this process, for tests of the pool: each runs the real thread handler
 * (src/engine/trialThread.ts) with messages structured-cloned both ways, and answers block and evaluation
 * requests in a chosen order (reverse: the latest request first; random: seeded shuffle), so finishing order varies.
 */
import seedrandom from "seedrandom";
import type { TrialThread, TrialThreadFactory } from "../../src/engine/pool.js";
import type { ThreadReply, ThreadRequest } from "../../src/engine/protocol.js";
import { trialThread } from "../../src/engine/trialThread.js";

export function memoryThreads(order: "reverse" | "random", seed = "memory-threads"): TrialThreadFactory {
  const rng = seedrandom(seed);
  return (): TrialThread => {
    let onReply: (reply: ThreadReply) => void = () => {};
    let dead = false;
    const handle = trialThread((reply) => {
      const copy = structuredClone(reply);
      setTimeout(() => !dead && onReply(copy), order === "random" ? Math.floor(rng() * 4) : 0);
    });
    return {
      post(request: ThreadRequest) {
        const copy = structuredClone(request);
        const slot = copy.type === "block" ? copy.block : copy.type === "evaluate" ? copy.index : -1;
        const delay = slot < 0 ? 0 : order === "reverse" ? 8 - (slot % 8) : Math.floor(rng() * 6);
        setTimeout(() => !dead && handle(copy), delay);
      },
      listen(reply) {
        onReply = reply;
      },
      terminate() {
        dead = true;
      },
    };
  };
}
