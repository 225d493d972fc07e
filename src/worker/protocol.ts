/**
 * Messages of the engine's Web Worker besides the trial threads' (src/engine/protocol.ts): the reach
 * questions of PARKPLAN.PROBABILITY, and how errors cross. Errors cross as plain data (name, message
 * and the bilingual problems) because class instances do not survive postMessage.
 */
import type { ReachQuestion } from "../../models/reachProbability.js";

/** PARKPLAN.PROBABILITY's large case: one reach probability, answered by `id` (many may be queued). */
export interface ReachMessage {
  type: "reach";
  id: number;
  question: ReachQuestion;
  runs: number;
  seed: string | number;
}

export type ReachReply = { type: "reach"; id: number; probability: number } | { type: "reachError"; id: number; error: WorkerFailure };

export interface BilingualProblem {
  zh: string;
  en: string;
}

export interface WorkerFailure {
  name: string;
  message: string;
  problems: BilingualProblem[];
}

/**
 * Model errors carry `issues` (ScenarioError: path + zh/en) or `problems` (PlatformInputError); an error of
 * the page itself (a solver that cannot load) carries its own `bilingual` text.
 */
export function describeError(err: unknown): WorkerFailure {
  if (!(err instanceof Error)) return { name: "Error", message: String(err), problems: [{ zh: String(err), en: String(err) }] };
  const withLists = err as Error & {
    issues?: { path?: string; zh: string; en: string }[];
    problems?: { platform: string; zh: string; en: string }[];
    bilingual?: BilingualProblem;
  };
  const problems: BilingualProblem[] = [
    ...(withLists.issues ?? []).map((i) => ({
      zh: `情景字段 ${i.path || "(根)"}：${i.zh}`,
      en: `scenario field ${i.path || "(root)"}: ${i.en}`,
    })),
    ...(withLists.problems ?? []).map((p) => ({ zh: `平台“${p.platform}”${p.zh}`, en: `platform "${p.platform}": ${p.en}` })),
    ...(withLists.bilingual ? [withLists.bilingual] : []),
  ];
  return { name: err.name, message: err.message, problems: problems.length > 0 ? problems : [{ zh: err.message, en: err.message }] };
}
