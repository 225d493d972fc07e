/**
 * Results cached by function and arguments, so a sheet full of identical calls (or a recalculation
 * that changes nothing) does not recompute. A small LRU on a Map (insertion order = recency); only
 * successful results are kept. The functions are pure, so a cached result never goes stale.
 */

export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Move to the most recent end.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}

const SEP = "\u241f";

/** A key for an argument list: type-tagged scalars (text length-prefixed), ranges as JSON. */
export function argumentsKey(args: readonly unknown[]): string {
  let key = "";
  for (const a of args) {
    key += SEP;
    if (a === null || a === undefined) key += "_";
    else if (typeof a === "number") key += "n" + a;
    else if (typeof a === "string")
      key += "s" + a.length + ":" + a; // length first: no separator tricks
    else key += "j" + JSON.stringify(a);
  }
  return key;
}

/** The shared result cache of the worksheet functions (2,000 results). */
export const resultCache = new LruCache<unknown>(2000);

/** The cached result of `compute` for this function id and these arguments. */
export function cached<T>(id: string, args: readonly unknown[], compute: () => T): T {
  const key = id + argumentsKey(args);
  const hit = resultCache.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  resultCache.set(key, value);
  return value;
}

/** Questions being answered off the thread, so identical cells share one answer. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * The same for a result that may come later: a value computed at once is cached as by `cached`; a
 * promise is shared by identical calls while it runs and cached when it resolves (a rejection is not).
 */
export function cachedAsync<T>(id: string, args: readonly unknown[], compute: () => T | Promise<T>): Promise<T> {
  const key = id + argumentsKey(args);
  const hit = resultCache.get(key);
  if (hit !== undefined) return Promise.resolve(hit as T);
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  let value: T | Promise<T>;
  try {
    value = compute();
  } catch (e) {
    return Promise.reject(e);
  }
  if (!(value instanceof Promise)) {
    resultCache.set(key, value);
    return Promise.resolve(value);
  }
  const answer = value.then((v) => (resultCache.set(key, v), v)).finally(() => inFlight.delete(key));
  inFlight.set(key, answer);
  return answer;
}
