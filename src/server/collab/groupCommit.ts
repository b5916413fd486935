import type { YjsStore } from './yjsStore';

interface Waiting {
  name: string;
  update: Uint8Array;
  stored: (id: number) => void;
  failed: (error: unknown) => void;
}

/**
 * Group commit of the update log: the updates appended within one turn of the event loop (every
 * message read from the sockets in the same poll, whatever its connection or document) are written
 * in one transaction, so a burst of N edits costs one commit and one fsync instead of N. One batch
 * is written at a time: what arrives while a commit is under way waits for it and goes in the next
 * batch, so the slower the disk, the larger the batches (never a queue of one-update commits). Each
 * `append` resolves only once its transaction has committed, so "acknowledged = durable" holds: the
 * caller acknowledges after the promise resolves, never before. A batch that fails rejects every
 * append in it, and none of its updates is stored.
 *
 * Batches also start at least `spacingMs` apart. On a fast disk a commit takes half a millisecond,
 * so under load each batch held one or two updates, and handing each batch to the writer thread (a
 * postMessage that wakes it) cost the event loop about 0.1 ms on a busy 2-core machine: measured at
 * 800 editors, 350 batches a second took 4% of the loop. Spaced 3 ms apart they were 270. A
 * lone edit is not delayed (its batch starts at once when the last one began long enough ago), and
 * the others see an edit before it is durable anyway (PersistenceExtension applies it first); only
 * the sender's acknowledgement waits.
 */
export class GroupCommitLog {
  private queue: Waiting[] = [];
  private scheduled = false;
  private writing = false;
  private lastStart = -Infinity;
  /** Batches written so far and the updates they held (for tests and the debug log). */
  readonly stats = { batches: 0, updates: 0, largest: 0 };

  constructor(private readonly store: Pick<YjsStore, 'appendMany'>, private readonly spacingMs = 3) {}

  /** Appends `update` to the log of `name`; resolves with its id once it is durable. */
  append(name: string, update: Uint8Array): Promise<number> {
    return new Promise((stored, failed) => {
      this.queue.push({ name, update, stored, failed });
      this.schedule();
    });
  }

  /**
   * Resolves once every update appended before the call is committed or failed (another instance's
   * lock waits for this before it reads the body).
   */
  async settled(): Promise<void> {
    while (this.queue.length > 0 || this.writing || this.scheduled) await new Promise((r) => setTimeout(r, 1));
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    const wait = this.lastStart + this.spacingMs - performance.now();
    // setImmediate runs after the I/O callbacks of this loop turn: every message already read joins.
    if (wait > 0) setTimeout(() => { void this.flush(); }, wait);
    else setImmediate(() => { void this.flush(); });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    if (batch.length === 0) return;
    this.writing = true;
    this.lastStart = performance.now();
    this.stats.batches += 1;
    this.stats.updates += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    try {
      const ids = await this.store.appendMany(batch);
      batch.forEach((waiting, i) => waiting.stored(ids[i]));
    } catch (error) {
      for (const waiting of batch) waiting.failed(error);
    } finally {
      this.writing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
