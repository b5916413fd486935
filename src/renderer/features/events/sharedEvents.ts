/**
 * One event stream per browser and user, however many tabs are open: the tab holding a Web Lock named
 * after the user keeps the stream and relays what it hears over a BroadcastChannel; when it closes,
 * the lock passes to another tab, which opens the stream. Each open stream holds one HTTP/1.1
 * connection, and a browser allows six per server: six tabs with a stream each would leave none for
 * the API. Where Web Locks are missing (a page served over plain http from another machine is not a
 * secure context), each tab keeps its own stream.
 */
import type { DeskEvent } from '../../../shared/events';
import { connectEventStream, type EventStreamHandlers } from './eventStream';

type Relay = { kind: 'event'; event: DeskEvent } | { kind: 'live'; live: boolean } | { kind: 'ask' };

/** What of the Web Locks API this uses (navigator.locks). */
export interface Locks {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

export function connectSharedEvents(userId: string, handlers: EventStreamHandlers,
  locks: Locks | undefined = typeof navigator === 'undefined' ? undefined : navigator.locks,
  connect: (handlers: EventStreamHandlers) => () => void = (h) => connectEventStream(h)): () => void {
  if (!locks || typeof BroadcastChannel === 'undefined') return connect(handlers);
  const name = `wengao:events:${userId}`;
  const channel = new BroadcastChannel(name);
  let stopStream: (() => void) | null = null;
  let releaseLock: (() => void) | null = null;
  let live = false;
  const relay = (message: Relay): void => channel.postMessage(message);

  channel.onmessage = ({ data }: MessageEvent<Relay>) => {
    if (stopStream) {
      // This tab holds the stream: a tab that just opened asks whether it is live.
      if (data.kind === 'ask') relay({ kind: 'live', live });
      return;
    }
    if (data.kind === 'event') handlers.onEvent(data.event);
    else if (data.kind === 'live') handlers.onLive(data.live);
  };

  const abort = new AbortController();
  locks.request(name, { signal: abort.signal }, () => new Promise<void>((release) => {
    releaseLock = release;
    live = false;
    handlers.onLive(false);
    relay({ kind: 'live', live: false });
    stopStream = connect({
      onEvent: (event) => {
        handlers.onEvent(event);
        relay({ kind: 'event', event });
      },
      onLive: (next) => {
        live = next;
        handlers.onLive(next);
        relay({ kind: 'live', live: next });
      },
    });
  })).catch(() => undefined); // aborted: the tab closed before its turn came
  relay({ kind: 'ask' });

  return () => {
    abort.abort();
    stopStream?.();
    stopStream = null;
    if (live) relay({ kind: 'live', live: false });
    releaseLock?.();
    channel.close();
  };
}
