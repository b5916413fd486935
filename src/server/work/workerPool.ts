/**
 * A small pool of worker threads for CPU-heavy tasks, so that the event loop serving every HTTP
 * call and WebSocket never waits on them. Each task has a time limit: a worker that overruns is
 * terminated (its memory goes with it) and another takes its place. Each worker has a heap limit:
 * one that runs out of memory dies alone, and a worker whose heap grew large is replaced after its
 * task. Errors the user should see come back as DeskErrors with a Chinese message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/api';
import { DeskError } from '../errors';

/** What the pool sends a worker. */
export interface TaskRequest { id: number; task: string; input: unknown }

/** What a worker sends back: once `ready`, then one `done` or `failed` per task. */
export type TaskReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown; heapBytes: number }
  | { type: 'failed'; id: number; desk?: { code: ErrorCode; message: string }; message: string; heapBytes: number };

export interface WorkerPoolOptions {
  /** The worker's entry: a .js file, or a .ts file run through tsx (development, tests). */
  script: URL;
  /** Most workers at once. */
  size: number;
  /** Longest a task may run in its worker (ms). */
  timeoutMs: number;
  /** Each worker's V8 heap limit (MB). */
  memoryMb: number;
  /** Most tasks waiting for a worker; more are refused as busy. */
  maxQueue: number;
  /** Workers beyond the first end after this long without work (ms). */
  idleMs?: number;
  /** A worker whose heap passed this (MB) after a task is replaced, to give the memory back. */
  recycleHeapMb?: number;
  /** Told about workers that failed, timed out or ran out of memory. */
  onProblem?: (problem: { kind: 'timeout' | 'memory' | 'crash'; task: string; detail?: string }) => void;
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
}

const seconds = (ms: number): string => String(Math.round(ms / 10) / 100);

/** tsx's ESM API (its `import` export; the `require` one cannot register the ESM loader). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: { './esm/api': { import: { default: string } } } };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href;
}

/**
 * Starts `script` as a worker. A .ts entry (development, tests) is loaded through tsx, registered in
 * the worker first: Node does not hand a worker's entry to the loader hooks the parent was started with.
 */
export function spawnWorker(script: URL, memoryMb: number, workerData?: unknown): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { resourceLimits, workerData });
  const tsx = tsxEsmApi();
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(boot, { eval: true, resourceLimits, workerData });
}

/**
 * Runs named tasks in worker threads, at most `size` at once, the rest queued in order. `run`
 * rejects with a DeskError 413 when a task passes its time or memory limit, 503 when the queue is
 * full, and with the task's own DeskError when the task threw one.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  run(task: string, input: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new DeskError('busy', '服务器正忙，请稍后再试'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts the first worker now, so that the first task does not wait for it to load. */
  warm(): void {
    if (!this.closed && this.slots.length === 0) this.spawn();
  }

  /** Terminates every worker; queued and running tasks are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.splice(0).map((slot) => {
      this.clearTimers(slot);
      slot.job?.reject(new Error('worker pool closed'));
      return slot.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (slot) {
        this.start(slot, this.queue.shift() as Job);
        continue;
      }
      // Start a worker only for work no starting worker will take.
      const starting = this.slots.filter((s) => !s.ready).length;
      if (starting < this.queue.length && this.slots.length < this.options.size) this.spawn();
      else return;
    }
  }

  private spawn(): Slot {
    const worker = spawnWorker(this.options.script, this.options.memoryMb);
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, timer: null, idleTimer: null };
    this.slots.push(slot);
    worker.on('message', (reply: TaskReply) => this.onReply(slot, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, memory ? 'memory' : 'crash', memory
        ? new DeskError('payload_too_large', `文档过大或过于复杂，处理时超出内存上限（限 ${this.options.memoryMb} MB）`)
        : new Error(`worker failed: ${error.message}`), error.message);
    });
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.fail(slot, 'crash', new Error(`worker exited with ${code}`), `exit ${code}`);
    });
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.job = job;
    slot.timer = setTimeout(() => {
      this.fail(slot, 'timeout', new DeskError('payload_too_large', `文档过大或过于复杂，处理超时（限 ${seconds(this.options.timeoutMs)} 秒）`));
    }, this.options.timeoutMs);
    slot.timer.unref();
    try {
      slot.worker.postMessage({ id: job.id, task: job.task, input: job.input } satisfies TaskRequest);
    } catch (error) {
      // An input that cannot be cloned is the caller's bug; the worker is still fine.
      this.clearTimers(slot);
      slot.job = null;
      job.reject(error);
      this.dispatch();
    }
  }

  private onReply(slot: Slot, reply: TaskReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      this.idle(slot);
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    this.clearTimers(slot);
    slot.job = null;
    if (reply.type === 'done') job.resolve(reply.value);
    else job.reject(reply.desk ? new DeskError(reply.desk.code, reply.desk.message) : new Error(`${job.task} failed in its worker: ${reply.message}`));
    if (reply.heapBytes > (this.options.recycleHeapMb ?? Infinity) * 1024 * 1024) this.retire(slot);
    else this.idle(slot);
    this.dispatch();
    this.warm();
  }

  /** Ends a slot's worker after a failure; its task (or, before it was ready, the queue) gets `error`. */
  private fail(slot: Slot, kind: 'timeout' | 'memory' | 'crash', error: unknown, detail?: string): void {
    if (!this.slots.includes(slot)) return;
    const job = slot.job;
    this.retire(slot);
    this.options.onProblem?.({ kind, task: job?.task ?? '(starting)', detail });
    if (job) job.reject(error);
    else if (!slot.ready && !this.slots.some((s) => s.ready)) {
      // A worker that cannot start will not start on a retry either: refuse what waits for one.
      for (const waiting of this.queue.splice(0)) waiting.reject(error);
    }
    this.dispatch();
    // Replace a worker that had started; one that could not start is not tried again until asked.
    if (slot.ready) this.warm();
  }

  private retire(slot: Slot): void {
    this.clearTimers(slot);
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.job = null;
    void slot.worker.terminate();
  }

  private idle(slot: Slot): void {
    const idleMs = this.options.idleMs;
    if (idleMs === undefined) return;
    slot.idleTimer = setTimeout(() => {
      // The first worker stays, so that the next task does not wait for one to start.
      if (!slot.job && this.slots.length > 1) this.retire(slot);
    }, idleMs);
    slot.idleTimer.unref();
  }

  private clearTimers(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.timer = null;
    slot.idleTimer = null;
  }
}
