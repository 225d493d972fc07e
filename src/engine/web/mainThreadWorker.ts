/**
 * A stand-in for the engine's Web Worker on the page's own thread, for pages where the browser refuses
 * workers (a page opened from disk: a file:// page may not start a worker from a file). It runs the
 * worker's own message handler (src/worker/workerScope.ts, or the single-file page's embedded worker
 * script) on a stand-in scope and behaves as a Worker does: every message is cloned (buffers
 * transferred) and delivered as a task of its own, one request per task, so between two blocks of
 * trials the page repaints, shows progress and takes a click on 取消 (terminate drops what is queued).
 */
import type { WorkerScope } from "../../worker/workerScope.js";

/** Sets up the worker's handler on `scope` (it assigns scope.onmessage); may load its code first. */
export type ScopeInstaller = (scope: MainThreadScope) => void | Promise<void>;

/** The stand-in of a worker's global scope: what the engine's worker and its bundle's runtime read. */
export interface MainThreadScope extends WorkerScope {
  /** The page's location (a bundle's runtime reads its base URL from `self.location`). */
  location?: Location;
}

type Task = () => void;

/** Run `task` as a task of its own after the ones queued: a MessageChannel (no timer clamping), else a timer. */
const nextTask: (task: Task) => void = (() => {
  if (typeof MessageChannel === "undefined") return (task: Task) => void setTimeout(task, 0);
  const queue: Task[] = [];
  let channel: MessageChannel | null = null;
  return (task: Task) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
      // Node (tests): an idle port must not hold the process open.
      (channel.port1 as unknown as { unref?: () => void }).unref?.();
    }
    queue.push(task);
    channel.port2.postMessage(null);
  };
})();

/** What a worker's postMessage does to its data: a structured clone, transferred buffers moved. */
function cloned<T>(data: T, transfer: Transferable[] | StructuredSerializeOptions | undefined): T {
  if (typeof structuredClone !== "function") return data;
  const list = Array.isArray(transfer) ? transfer : (transfer?.transfer ?? []);
  return structuredClone(data, { transfer: list });
}

const BILINGUAL_FAILURE = (why: string) => `页面内计算出错：${why} / the computation on the page's thread failed: ${why}`;

export class MainThreadWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private readonly scope: MainThreadScope;
  private readonly ready: Promise<void>;
  private terminated = false;

  constructor(install: ScopeInstaller) {
    this.scope = {
      onmessage: null,
      postMessage: (reply, transfer) => {
        if (this.terminated) return;
        const data = cloned(reply, transfer);
        nextTask(() => {
          if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
        });
      },
      ...(typeof location === "undefined" ? {} : { location }),
    };
    this.ready = Promise.resolve()
      .then(() => install(this.scope))
      .catch((err: unknown) => this.fail(err));
  }

  postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
    if (this.terminated) return;
    const data = cloned(message, transfer);
    void this.ready.then(() =>
      nextTask(() => {
        if (this.terminated) return;
        try {
          this.scope.onmessage?.({ data } as MessageEvent);
        } catch (err) {
          this.fail(err);
        }
      }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }

  /** An error the worker did not catch: an error event, as a Worker's uncaught exception gives. */
  private fail(err: unknown): void {
    if (this.terminated) return;
    const why = err instanceof Error ? err.message : String(err);
    const message = BILINGUAL_FAILURE(why);
    nextTask(() => {
      if (!this.terminated) this.onerror?.({ message, error: err, preventDefault() {} } as unknown as ErrorEvent);
    });
  }
}

/** A factory's stand-in as the Worker the engine and the clients take. */
export const mainThreadWorker = (install: ScopeInstaller): Worker => new MainThreadWorker(install) as unknown as Worker;

/** Whether the engine got a stand-in (then one thread: several would only share the page's thread). */
export const isMainThreadWorker = (worker: unknown): boolean => worker instanceof MainThreadWorker;
