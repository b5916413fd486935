/**
 * The desk server's heavy work, typed by task: `work.run('importDocx', bytes)` runs the task of that
 * name from heavyTasks.ts in the worker pool and resolves with its result. Settings come from the
 * options or the environment (WENGAO_WORKERS, WENGAO_WORK_TIMEOUT_MS, WENGAO_WORKER_MEMORY_MB).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { HeavyTaskName, HeavyTasks } from './heavyTasks';
import { WorkerPool, type WorkerPoolOptions } from './workerPool';

export type TaskInput<K extends HeavyTaskName> = Parameters<HeavyTasks[K]>[0];
export type TaskOutput<K extends HeavyTaskName> = Awaited<ReturnType<HeavyTasks[K]>>;

/** Runs the server's CPU-heavy tasks off the event loop. */
export interface HeavyWork {
  run<K extends HeavyTaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>>;
  /** Starts a worker ahead of the first task. */
  warm(): void;
  close(): Promise<void>;
}

export interface HeavyWorkSettings {
  /** Worker threads at most (default: cores − 1, at least 1). */
  workers: number;
  /** Longest one task may take (default 30 s). */
  timeoutMs: number;
  /** Heap limit of each worker (default 1024 MB). */
  memoryMb: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_WORKER_MEMORY_MB = 1024;

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(value)}`);
  return n;
}

/** The settings from the environment, each defaulted. */
export function heavyWorkSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): HeavyWorkSettings {
  return {
    workers: Math.floor(positive(env.WENGAO_WORKERS, 'WENGAO_WORKERS') ?? Math.max(1, availableParallelism() - 1)),
    timeoutMs: positive(env.WENGAO_WORK_TIMEOUT_MS, 'WENGAO_WORK_TIMEOUT_MS') ?? DEFAULT_TIMEOUT_MS,
    memoryMb: positive(env.WENGAO_WORKER_MEMORY_MB, 'WENGAO_WORKER_MEMORY_MB') ?? DEFAULT_WORKER_MEMORY_MB,
  };
}

/**
 * The worker's entry beside this module: heavyWorker.ts in the sources (tsx for `npm run serve`,
 * vitest), heavyWorker.js next to the bundle (out/main/server.js, or a chunk in out/main/chunks)
 * that electron-vite builds from its own entry.
 */
export function heavyWorkerScript(): URL {
  const here = import.meta.url;
  const candidates = /\.ts$/.test(new URL(here).pathname) ? ['./heavyWorker.ts'] : ['./heavyWorker.js', '../heavyWorker.js'];
  for (const candidate of candidates) {
    // A variable, so that bundlers leave the URL alone.
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`the worker entry (${candidates.join(' or ')}) is missing beside ${here}`);
}

/**
 * Posting a byte view copies its whole buffer: a small Buffer sliced from a large one (or from
 * Node's pool) goes as a copy of just its bytes.
 */
function ownBytes<T>(input: T): T {
  const own = (v: unknown): unknown =>
    v instanceof Uint8Array && v.byteLength !== v.buffer.byteLength ? new Uint8Array(v) : v;
  if (input instanceof Uint8Array) return own(input) as T;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, own(v)])) as T;
}

/** Starts the pool (workers start on first use); `onProblem` hears of timeouts, memory and crashes. */
export function createHeavyWork(settings: HeavyWorkSettings, onProblem?: WorkerPoolOptions['onProblem']): HeavyWork {
  const pool = new WorkerPool({
    script: heavyWorkerScript(),
    size: settings.workers,
    timeoutMs: settings.timeoutMs,
    memoryMb: settings.memoryMb,
    maxQueue: 256,
    idleMs: 60_000,
    recycleHeapMb: 256,
    onProblem,
  });
  return {
    run: <K extends HeavyTaskName>(task: K, input: TaskInput<K>) => pool.run(task, ownBytes(input)) as Promise<TaskOutput<K>>,
    warm: () => pool.warm(),
    close: () => pool.close(),
  };
}
