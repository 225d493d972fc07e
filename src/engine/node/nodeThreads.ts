/**
 * The engine on Node worker_threads (the command line and the pipeline in Node). The thread script is
 * dist-cli/trialThread.mjs beside the bundled command line. Running from the TypeScript sources (tests,
 * tsx), the thread entry is bundled once per process with esbuild (sourcesBundle below), so a thread
 * starts as the bundled command line's do; without esbuild, trialThreadFromSources.mjs loads it through tsx.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { threadId, Worker } from "node:worker_threads";
import { callerAssembledEngine, type Engine } from "../engine.js";
import type { TrialThread } from "../pool.js";
import type { ThreadReply } from "../protocol.js";

/** All cores, as `--threads` defaults to. */
export const defaultThreads = (): number => availableParallelism();

/** Beside this module when it runs from src/ (never in dist-cli/, which has trialThread.mjs). */
const FROM_SOURCES = "trialThreadFromSources.mjs";

/** Where the sources' thread bundle goes (node_modules/.cache: ignored by git, kept between runs). */
const BUNDLE_DIR = new URL("../../../node_modules/.cache/parkplan-trials/", import.meta.url);

type BuildSync = (options: Record<string, unknown>) => { outputFiles: { text: string }[] };

/**
 * The thread entry from the sources as one module (packages included), named by its content so
 * processes share it and a changed source gives a new file; null without esbuild (a devDependency).
 * A thread through tsx registers its own loader thread and loads every module through it: about 2.6 s
 * of CPU per thread on this 2-core machine, against 0.8 s for the bundle (built in about 1 s, by
 * esbuild's own process, once per process).
 */
function sourcesBundle(): URL | null {
  let buildSync: BuildSync;
  try {
    buildSync = (createRequire(import.meta.url)("esbuild") as { buildSync: BuildSync }).buildSync;
  } catch {
    return null;
  }
  const entry = fileURLToPath(new URL("./trialThread.ts", import.meta.url));
  const built = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // A CommonJS package bundled into an ES module reads Node's modules through require (seedrandom: crypto).
    banner: { js: 'import { createRequire as __parkplanRequire } from "node:module"; const require = __parkplanRequire(import.meta.url);' },
    write: false,
    logLevel: "silent",
  });
  const text = built.outputFiles[0].text;
  const file = new URL(`trialThread-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.mjs`, BUNDLE_DIR);
  if (!existsSync(file)) {
    mkdirSync(BUNDLE_DIR, { recursive: true });
    const partial = fileURLToPath(file) + `.${process.pid}-${threadId}.tmp`; // test workers may share a pid
    writeFileSync(partial, text);
    renameSync(partial, file); // whole or absent, whichever process writes it
  }
  return file;
}

let fromSources: URL | null = null;

const threadScript = (): URL => {
  if (!import.meta.url.endsWith(".ts")) return new URL("./trialThread.mjs", import.meta.url);
  if (fromSources === null) {
    try {
      fromSources = sourcesBundle();
    } catch {
      fromSources = null; // a build error: tsx reports it, with the file and line, when the thread loads
    }
    fromSources ??= new URL(FROM_SOURCES, import.meta.url);
  }
  return fromSources;
};

export function nodeThread(): TrialThread {
  const worker = new Worker(threadScript(), { name: "parkplan-trials" });
  let onReply: (reply: ThreadReply) => void = () => {};
  let failed: (message: string) => void = () => {};
  let terminated = false;
  worker.on("message", (reply: ThreadReply) => onReply(reply));
  worker.on("error", (error) => failed(error instanceof Error ? error.message : String(error)));
  worker.on("exit", (code) => {
    if (!terminated && code !== 0) failed(`计算线程意外退出（代码 ${code}）/ a trial thread exited with code ${code}`);
  });
  worker.unref();
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(reply, fail) {
      onReply = reply;
      failed = fail;
    },
    hold: (active) => (active ? worker.ref() : worker.unref()),
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
}

/** The engine with its trials on `threads` worker threads (1 = in this thread). */
export function nodeEngine(threads: number = defaultThreads()): Engine {
  return callerAssembledEngine(nodeThread, threads);
}
