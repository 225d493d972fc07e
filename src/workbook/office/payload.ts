/**
 * Request-size bookkeeping. Excel on the web refuses requests (and responses) over 5 MB, so writes are
 * queued in batches of at most BATCH_BYTES of JSON, measured as UTF-8, and synced batch by batch.
 */

/** Target size of one sync's queued JSON: a fifth of Excel on the web's 5 MB cap, leaving room for overhead. */
export const BATCH_BYTES = 1_000_000;
/** What one queued call without bulk data costs, roughly (object path, method, small arguments). */
export const OP_BYTES = 200;

/** UTF-8 length of a string without allocating (a surrogate pair counts 4, like its UTF-8 encoding). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}

/** JSON size in UTF-8 bytes of a value as it travels in a request. */
export const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v) ?? "null");

/**
 * Queues calls on one request context and syncs whenever the next call would push the queued JSON past
 * `limit`, so no request carries more than `limit` plus one call. `beforeBatch` runs at the start of every
 * batch (calculation suspension lasts only until the next sync).
 */
export class Batcher {
  private queued = 0;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly beforeBatch: (first: boolean) => void = () => {},
    private readonly limit = BATCH_BYTES,
  ) {}

  /** Queue a call of about `bytes` (flushing first if it would not fit), then run it. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.flush();
    if (this.queued === 0) this.beforeBatch(this.syncs === 0);
    this.queued += bytes;
    queue();
  }

  /** Sync what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.queued === 0) return;
    await this.context.sync();
    this.syncs += 1;
    this.queued = 0;
  }
}
