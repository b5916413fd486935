import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { SqliteDriver } from '../db/sqliteFile';
import { spawnWorker } from '../work/workerPool';
import type { YjsStore } from './yjsStore';
import { traced } from '../diagnostics/loopTrace';

/** What the writer thread is asked: a group-commit batch, or a compaction (YjsStore.compact's contract). */
export type LogMessage =
  | { kind: 'append'; id: number; entries: Array<{ name: string; update: Uint8Array }> }
  | { kind: 'compact'; id: number; name: string; state: Uint8Array; throughId: number }
  | { kind: 'sql'; id: number; sql: string; parameters: readonly unknown[] };
/** The writer thread's answer: the stored ids in order, or why nothing was stored. */
export type LogReply = { id: number; ids: number[] } | { id: number; error: string };

interface Waiting { stored: (ids: number[]) => void; failed: (error: Error) => void }

/**
 * The update log's writes for SQLite, off the event loop: a worker thread with its own connection
 * to the same file (WAL: readers and the server's own connection go on meanwhile) runs each batch's
 * transaction, fsync included. `appendMany` has YjsStore's contract: all of a batch is stored, in
 * one transaction, or none of it; it resolves once committed. A writer thread that dies fails what
 * it held, and the next batch starts a new one.
 */
export class SqliteLogWriter implements Pick<YjsStore, 'appendMany' | 'compact'> {
  private worker: Promise<Worker> | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private closed = false;

  /** `onWritten` hears, as YjsStore's does, the name of every document whose state was written. */
  constructor(private readonly path: string, private readonly driver: SqliteDriver, private readonly onWritten?: (name: string) => void) {}

  async appendMany(entries: ReadonlyArray<{ name: string; update: Uint8Array }>): Promise<number[]> {
    // Each update is a view into the socket's read buffer (up to 64 KiB, shared by other messages):
    // posted as it is, the whole buffer was cloned for every update. Its own bytes are copied once
    // and handed over to the thread instead.
    // (What is not bytes goes as it is: the thread refuses it, and the batch with it.)
    const own = entries.map(({ name, update }) => ({ name, update: update instanceof Uint8Array ? new Uint8Array(update) : update }));
    const ids = await this.send({ kind: 'append', id: this.nextId++, entries: own }, own.flatMap((e) => e.update instanceof Uint8Array ? [e.update.buffer] : []));
    for (const name of new Set(entries.map((e) => e.name))) this.onWritten?.(name);
    return ids;
  }

  /** YjsStore.compact, written by the writer thread: the snapshot's fsync is off the event loop too. */
  async compact(name: string, state: Uint8Array, throughId: number): Promise<void> {
    await this.send({ kind: 'compact', id: this.nextId++, name, state, throughId });
    this.onWritten?.(name);
  }

  /**
   * Runs one write statement (compiled by Kysely for SQLite) on the writer thread's connection, as
   * its own transaction: derived rows such as the search index's text or a body's change time, whose
   * commit (an fsync, and for the search index the FTS5 trigram update) would otherwise stall the
   * event loop.
   */
  async run(query: { sql: string; parameters: readonly unknown[] }): Promise<void> {
    await this.send({ kind: 'sql', id: this.nextId++, sql: query.sql, parameters: [...query.parameters] });
  }

  /** Posts `message` to the thread (`transfer`: buffers of the caller's own, handed over, not copied). */
  private async send(message: LogMessage, transfer: ArrayBuffer[] = []): Promise<number[]> {
    if (this.closed) throw new Error('the update log is closed');
    const worker = await this.start();
    return new Promise((stored, failed) => {
      this.waiting.set(message.id, { stored, failed });
      traced(`logWriter:post ${message.kind}`, () => worker.postMessage(message, transfer));
    });
  }

  /** Starts the writer thread now, so that the first edit does not wait for it to load. */
  warm(): void {
    this.start().catch(() => undefined);
  }

  /** Stops the writer thread once the batches it holds are answered. */
  async close(): Promise<void> {
    while (this.waiting.size > 0) await new Promise((r) => setTimeout(r, 5));
    this.closed = true;
    const worker = await this.worker?.catch(() => null);
    await worker?.terminate();
  }

  private start(): Promise<Worker> {
    this.worker ??= new Promise<Worker>((ready, fail) => {
      const worker = spawnWorker(logWriterScript(), 256, { path: this.path, driver: this.driver });
      worker.on('message', (message: LogReply | 'ready') => {
        if (message === 'ready') return ready(worker);
        const waiting = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if ('ids' in message) waiting?.stored(message.ids);
        else waiting?.failed(new Error(`could not write the update log: ${message.error}`));
      });
      const down = (error: Error): void => {
        this.worker = null;
        fail(error);
        for (const waiting of this.waiting.values()) waiting.failed(error);
        this.waiting.clear();
      };
      worker.on('error', down);
      worker.on('exit', (code) => down(new Error(`the update-log writer stopped (${code})`)));
    });
    return this.worker;
  }
}

/** The writer thread's entry beside this module, as heavyWorkerScript finds the pool's. */
function logWriterScript(): URL {
  const here = import.meta.url;
  const candidates = /\.ts$/.test(new URL(here).pathname) ? ['./logWriterWorker.ts'] : ['./logWriterWorker.js', '../logWriterWorker.js'];
  for (const candidate of candidates) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`the update-log writer (${candidates.join(' or ')}) is missing beside ${here}`);
}
