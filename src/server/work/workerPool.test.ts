import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../errors';
import { createHeavyWork, heavyWorkerScript, heavyWorkSettingsFromEnv, type HeavyWork } from './heavyWork';
import { WorkerPool } from './workerPool';

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => { await Promise.all(opened.splice(0).map((p) => p.close())); });

function work(timeoutMs: number, memoryMb = 512): HeavyWork {
  const problems: string[] = [];
  const pool = createHeavyWork({ workers: 1, timeoutMs, memoryMb }, (p) => problems.push(p.kind));
  opened.push(pool);
  return pool;
}

const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => ({ type: 'paragraph' as const, text: `第${i + 1}段。` }));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => { throw new Error('expected a rejection'); }, (error: unknown) => error);
}

describe('heavy work in worker threads', () => {
  it('runs tasks in the worker entry loaded from the sources (tsx), results as values', async () => {
    const pool = work(30_000);
    const state = await pool.run('seedBody', paragraphs(3));
    expect(state).toBeInstanceOf(Uint8Array);
    expect((await pool.run('readBody', state)).text).toBe('第1段。\n第2段。\n第3段。');
  });

  it('gives back a task’s DeskError with its code and Chinese message', async () => {
    const error = await rejection(work(30_000).run('importDocx', new TextEncoder().encode('不是 Word')));
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'bad_request', message: '文件不是 Word 文档（.docx），无法导入' });
  });

  it('terminates a task past its time limit with 413 and the limit in Chinese, and runs the next in a new worker', async () => {
    // Long enough for a small task in a fresh worker on a loaded machine; 20,000 paragraphs take seconds.
    const pool = work(1_000);
    await pool.run('seedBody', paragraphs(1));
    const error = await rejection(pool.run('seedBody', paragraphs(20_000)));
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'payload_too_large', message: '文档过大或过于复杂，处理超时（限 1 秒）' });
    expect((await pool.run('readBody', await pool.run('seedBody', paragraphs(2)))).text).toBe('第1段。\n第2段。');
  }, 60_000);

  it('ends a worker that runs out of heap, not the process, with 413 and the memory limit', async () => {
    const pool = work(60_000, 96);
    const error = await rejection(pool.run('seedBody', paragraphs(60_000)));
    expect(error).toMatchObject({ code: 'payload_too_large', message: '文档过大或过于复杂，处理时超出内存上限（限 96 MB）' });
  }, 120_000);

  it('refuses work as busy (503) past its queue', async () => {
    const pool = new WorkerPool({ script: heavyWorkerScript(), size: 1, timeoutMs: 30_000, memoryMb: 512, maxQueue: 1 });
    opened.push(pool);
    const first = pool.run('seedBody', paragraphs(1));
    const error = await rejection(pool.run('seedBody', paragraphs(1)));
    expect(error).toMatchObject({ code: 'busy' });
    expect(await first).toBeInstanceOf(Uint8Array);
  });

  it('takes its settings from the environment, one worker fewer than the cores by default', () => {
    expect(heavyWorkSettingsFromEnv({ WENGAO_WORKERS: '3', WENGAO_WORK_TIMEOUT_MS: '500', WENGAO_WORKER_MEMORY_MB: '256' }))
      .toEqual({ workers: 3, timeoutMs: 500, memoryMb: 256 });
    const defaults = heavyWorkSettingsFromEnv({});
    expect(defaults.workers).toBeGreaterThanOrEqual(1);
    expect(defaults).toMatchObject({ timeoutMs: 30_000, memoryMb: 1024 });
    expect(() => heavyWorkSettingsFromEnv({ WENGAO_WORKERS: 'many' })).toThrow(/WENGAO_WORKERS/);
  });
});
