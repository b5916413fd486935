/** Reads a `GET /api/events` response in tests, as the app does: fetch, the SSE parser, the event types. */
import { parseDeskEvent, type DeskEvent } from '../../src/shared/events';
import { SseParser } from '../../src/shared/sse';

export interface EventReader {
  status: number;
  /** The events so far, in order (hello first). */
  events: DeskEvent[];
  /** Settles when the server ends the stream or `close` is called. */
  ended: Promise<void>;
  close: () => void;
}

export async function readEvents(url: string, headers: Record<string, string>): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: DeskEvent[] = [];
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = response.headers.get('content-type')?.startsWith('text/event-stream') ? response.body?.getReader() : undefined;
  const ended = (async () => {
    if (!reader) return;
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const message of parser.feed(decoder.decode(chunk.value, { stream: true }))) {
          const event = parseDeskEvent(message.data);
          if (event) events.push(event);
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return { status: response.status, events, ended, close: () => controller.abort() };
}
