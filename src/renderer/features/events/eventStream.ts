/**
 * The client end of `GET /api/events`: keeps one stream open, reconnecting with backoff, and says
 * whether it is live, so that callers poll (slowly) only while it is not.
 */
import { EVENTS_HEARTBEAT_MS, parseDeskEvent, type DeskEvent } from '../../../shared/events';
import { SseParser } from '../../../shared/sse';
import { ApiError, openStream } from '../../api/client';

/** How often pages ask the server for what they show while no push channel is live. */
export const FALLBACK_POLL_MS = 60_000;

export interface EventStreamHandlers {
  onEvent(event: DeskEvent): void;
  /** True once the server said hello on a stream; false when it ends, until the next hello. */
  onLive(live: boolean): void;
}

export interface EventStreamTiming {
  /** The first retry's delay; each failure in a row doubles it, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** A stream that has sent nothing (not even its heartbeat) this long is dead: drop it and reconnect. */
  silenceMs: number;
}

const TIMING: EventStreamTiming = { firstRetryMs: 1_000, maxRetryMs: 30_000, silenceMs: EVENTS_HEARTBEAT_MS * 2 + 10_000 };

/**
 * Connects until the returned function is called. A refused session (401) stops it for good: the
 * API client has told the session, which logs the user out. `open` is the API client's by default.
 */
export function connectEventStream(handlers: EventStreamHandlers, timing: EventStreamTiming = TIMING,
  open: (signal: AbortSignal) => Promise<Response> = (signal) => openStream('/events', signal)): () => void {
  /** Closed by the caller: tell it nothing more. */
  let closed = false;
  /** Closed by the caller or refused by the server: no more attempts. */
  let stopped = false;
  let live = false;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;
  const setLive = (next: boolean): void => {
    if (next === live || closed) return;
    live = next;
    handlers.onLive(next);
  };
  const pause = (ms: number): Promise<void> => new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      wake = null;
      resolve();
    }
    wake = done;
  });
  // Back on the network: try at once rather than at the end of the backoff.
  const onOnline = (): void => wake?.();
  globalThis.addEventListener?.('online', onOnline);

  void (async () => {
    let failures = 0;
    while (!stopped) {
      const attempt = new AbortController();
      controller = attempt;
      let silence: ReturnType<typeof setTimeout> | null = null;
      const heard = (): void => {
        if (silence !== null) clearTimeout(silence);
        silence = setTimeout(() => attempt.abort(), timing.silenceMs);
      };
      try {
        heard();
        const response = await open(attempt.signal);
        const reader = response.body?.getReader();
        if (!reader) throw new Error('no body');
        const parser = new SseParser();
        const decoder = new TextDecoder();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          heard();
          for (const message of parser.feed(decoder.decode(chunk.value, { stream: true }))) {
            const event = parseDeskEvent(message.data);
            if (!event) continue;
            if (event.type === 'hello') {
              failures = 0;
              setLive(true);
            }
            if (!closed) handlers.onEvent(event);
          }
        }
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) stopped = true;
      } finally {
        if (silence !== null) clearTimeout(silence);
      }
      setLive(false);
      if (stopped) break;
      await pause(Math.min(timing.maxRetryMs, timing.firstRetryMs * 2 ** failures));
      failures += 1;
    }
  })();

  return () => {
    closed = true;
    stopped = true;
    globalThis.removeEventListener?.('online', onOnline);
    controller?.abort();
    wake?.();
  };
}
