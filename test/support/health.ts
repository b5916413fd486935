/**
 * Whether the desk server's event loop stays free while it works: `/api/health` timed while a
 * request runs. Work done on the loop instead of the worker pool stalls it for seconds.
 */
import { expect } from 'vitest';
import type { RunningServer } from './server';

/** Times `GET /api/health` every 50 ms until `work` settles; returns the latencies (ms) and the work's result. */
export async function healthWhile<T>(server: RunningServer, work: Promise<T>): Promise<{ latencies: number[]; result: T }> {
  let settled = false;
  const done = work.finally(() => { settled = true; });
  const latencies: number[] = [];
  while (!settled) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/health`);
    latencies.push(performance.now() - started);
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { latencies, result: await done };
}

/**
 * The event loop was free: /api/health answered within 200 ms, but for scheduler noise on a loaded
 * build machine (an idle process here sees timer delays of up to ~90 ms at load 12 on 2 cores): at
 * least 90 % of the answers within 200 ms and none over 1 s. Work on the loop stalls it for seconds.
 */
export function expectResponsive(latencies: number[]): void {
  expect(latencies.length).toBeGreaterThan(0);
  expect(latencies.filter((ms) => ms < 200).length).toBeGreaterThanOrEqual(Math.ceil(latencies.length * 0.9));
  expect(Math.max(...latencies)).toBeLessThan(1000);
}
