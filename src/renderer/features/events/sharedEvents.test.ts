import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/events';
import type { EventStreamHandlers } from './eventStream';
import { connectSharedEvents, type Locks } from './sharedEvents';

/** Web Locks as the browser gives them: one holder per name, the next waiter gets it on release. */
function fakeLocks(): Locks {
  const queues = new Map<string, Array<() => void>>();
  return {
    request(name, { signal }, callback) {
      return new Promise((resolve, reject) => {
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        const grant = (): void => {
          void callback().then(() => {
            queue.shift();
            queue[0]?.();
            resolve(undefined);
          });
        };
        signal.addEventListener('abort', () => {
          const at = queue.indexOf(grant);
          if (at > 0) {
            queue.splice(at, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
        queue.push(grant);
        if (queue.length === 1) grant();
      });
    },
  };
}

/** A tab: what it heard, and the streams it opened. */
function tab(locks: Locks, streams: Array<EventStreamHandlers & { closed: boolean }>) {
  const heard: string[] = [];
  const live: boolean[] = [];
  const close = connectSharedEvents('u1', { onEvent: (e) => heard.push(e.type), onLive: (l) => live.push(l) }, locks, (handlers) => {
    const stream = { ...handlers, closed: false };
    streams.push(stream);
    return () => { stream.closed = true; };
  });
  return { heard, live, close };
}

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('connectSharedEvents', () => {
  it('keeps one stream for all tabs, relays its events, and hands it on when its tab closes', async () => {
    const locks = fakeLocks();
    const streams: Array<EventStreamHandlers & { closed: boolean }> = [];
    const a = tab(locks, streams);
    await tick();
    const b = tab(locks, streams);
    await tick();
    expect(streams).toHaveLength(1);

    const hello: DeskEvent = { type: 'hello' };
    streams[0].onLive(true);
    streams[0].onEvent(hello);
    streams[0].onEvent({ type: 'inbox-changed' });
    await tick();
    expect(a.heard).toEqual(['hello', 'inbox-changed']);
    expect(b.heard).toEqual(['hello', 'inbox-changed']);
    expect(b.live.at(-1)).toBe(true);

    // A third tab asks whether the stream is live.
    const c = tab(locks, streams);
    await tick();
    expect(c.live).toEqual([true]);

    a.close();
    await tick();
    expect(streams[0].closed).toBe(true);
    expect(streams).toHaveLength(2);
    expect(b.live.at(-1)).toBe(false);
    streams[1].onLive(true);
    streams[1].onEvent({ type: 'inbox-changed' });
    await tick();
    expect(c.heard).toEqual(['inbox-changed']);
    expect(c.live.at(-1)).toBe(true);
    b.close();
    c.close();
  });

  it('gives each tab its own stream where Web Locks are missing', () => {
    const streams: Array<EventStreamHandlers & { closed: boolean }> = [];
    const connect = (handlers: EventStreamHandlers) => {
      streams.push({ ...handlers, closed: false });
      return () => undefined;
    };
    connectSharedEvents('u1', { onEvent: () => undefined, onLive: () => undefined }, undefined, connect)();
    connectSharedEvents('u1', { onEvent: () => undefined, onLive: () => undefined }, undefined, connect)();
    expect(streams).toHaveLength(2);
  });
});
