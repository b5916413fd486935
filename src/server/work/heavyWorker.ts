/**
 * Entry of the desk server's worker threads (built as out/main/heavyWorker.js beside server.js):
 * loads the heavy tasks, says `ready`, then runs one task at a time as the pool sends them. The pool
 * (workerPool.ts) times each task and terminates a worker that overruns.
 */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { DeskError } from '../errors';
import { HEAVY_TASKS, type HeavyTaskName } from './heavyTasks';
import type { TaskReply, TaskRequest } from './workerPool';

const port = parentPort;
if (!port) throw new Error('heavyWorker.ts runs only as a worker thread');

/** Byte arrays that own their whole buffer move to the pool instead of being copied. */
function transferables(value: unknown): ArrayBuffer[] {
  const owned = (v: unknown): v is Uint8Array =>
    v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength;
  if (owned(value)) return [value.buffer as ArrayBuffer];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).filter(owned).map((v) => v.buffer as ArrayBuffer);
}

const isTask = (name: string): name is HeavyTaskName => Object.hasOwn(HEAVY_TASKS, name);

port.on('message', async (request: TaskRequest) => {
  let reply: TaskReply;
  try {
    if (!isTask(request.task)) throw new Error(`unknown task ${request.task}`);
    const run = HEAVY_TASKS[request.task] as (input: unknown) => unknown;
    const value = await run(request.input);
    reply = { type: 'done', id: request.id, value, heapBytes: getHeapStatistics().total_heap_size };
    port.postMessage(reply, transferables(value));
  } catch (error) {
    const desk = error instanceof DeskError ? { code: error.code, message: error.message } : undefined;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    reply = { type: 'failed', id: request.id, desk, message, heapBytes: getHeapStatistics().total_heap_size };
    port.postMessage(reply);
  }
});

port.postMessage({ type: 'ready' } satisfies TaskReply);
