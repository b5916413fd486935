import type { Logger } from 'pino';
import type { BodyStore } from '../collab/bodyStore';
import type { HeavyWork } from '../work/heavyWork';
import { sha256Base64 } from '../digest';
import { isBodyName } from '../collab/documentNames';
import type { SearchStore } from './searchStore';
import { traced } from '../diagnostics/loopTrace';

export interface SearchIndexerOptions {
  store: Pick<SearchStore, 'stateHash' | 'write' | 'confirm' | 'unindexed'>;
  bodies: Pick<BodyStore, 'currentState'>;
  work: Pick<HeavyWork, 'run'>;
  log: Logger;
  /** Quiet time after a body's last change before it is read again (default 2 s). */
  quietMs?: number;
  /**
   * Longest a body that keeps changing waits to be read (default 60 s: a body typed without a pause
   * is not read, encoded and hashed on the event loop over and over while it is being typed).
   */
  maxWaitMs?: number;
}

interface Pending { timer: NodeJS.Timeout; firstAt: number }

/**
 * Keeps the search index following the bodies: told of every write to a body (`changed`), it waits
 * until the body is quiet for `quietMs` (at most `maxWaitMs` after the first change), then reads the
 * current state's text in the worker pool (`searchText`: the body model) and writes it, skipping a
 * state it has read already. One body is read at a time, so typing offices do not crowd the pool.
 * `start` indexes, in the background, the pieces that have no text yet (those from before the index).
 */
export class SearchIndexer {
  private readonly pending = new Map<string, Pending>();
  private readonly due: string[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: SearchIndexerOptions) {
    this.quietMs = options.quietMs ?? 2_000;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
  }

  /** A body was written (an edit, a seed, a restore): read it again once it is quiet. */
  changed(documentName: string): void {
    if (this.closed || !isBodyName(documentName)) return;
    const now = Date.now();
    const previous = this.pending.get(documentName);
    if (previous) clearTimeout(previous.timer);
    const firstAt = previous?.firstAt ?? now;
    const wait = Math.max(0, Math.min(this.quietMs, firstAt + this.maxWaitMs - now));
    const timer = setTimeout(() => {
      this.pending.delete(documentName);
      this.enqueue(documentName);
    }, wait);
    timer.unref();
    this.pending.set(documentName, { timer, firstAt });
  }

  /** Queues every piece without text, a batch at a time, behind the edits. */
  start(): void {
    const backfill = async (): Promise<void> => {
      const seen = new Set<string>();
      for (;;) {
        const ids = (await this.options.store.unindexed(200)).filter((id) => !seen.has(id));
        if (ids.length === 0 || this.closed) return;
        for (const id of ids) { seen.add(id); this.enqueue(id); }
        while (this.running) await this.running;
      }
    };
    backfill().catch((err: unknown) => this.options.log.error({ err }, 'could not index the pieces without search text'));
  }

  /** Reads and writes every body still waiting now (tests, shutdown). */
  async flush(): Promise<void> {
    for (const [name, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(name);
      this.enqueue(name);
    }
    while (this.running) await this.running;
  }

  /** Stops taking changes; what is being read finishes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.pending.values()) clearTimeout(pending.timer);
    this.pending.clear();
    this.due.length = 0;
    while (this.running) await this.running;
  }

  private enqueue(documentName: string): void {
    if (!this.due.includes(documentName)) this.due.push(documentName);
    this.running ??= this.drain().finally(() => { this.running = null; });
  }

  private async drain(): Promise<void> {
    for (let name = this.due.shift(); name !== undefined; name = this.due.shift()) await this.index(name);
  }

  /** Reads one body's text if its state changed since it was last read. */
  private async index(documentId: string): Promise<void> {
    try {
      const state = await this.options.bodies.currentState(documentId);
      const hash = traced('search:sha256', () => sha256Base64(state));
      if ((await this.options.store.stateHash(documentId)) === hash) {
        await this.options.store.confirm(documentId);
        return;
      }
      const text = await this.options.work.run('searchText', state);
      await this.options.store.write(documentId, text, hash);
    } catch (err) {
      this.options.log.warn({ err, documentId }, 'could not index a body for search');
    }
  }
}
