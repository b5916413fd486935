import { describe, expect, it } from 'vitest';
import { formatDeskEvent, type DeskEvent } from '../../../shared/events';
import { ApiError } from '../../api/client';
import { connectEventStream } from './eventStream';

const FAST = { firstRetryMs: 20, maxRetryMs: 80, silenceMs: 300 };

/** A server end the test writes to: each `open` gets a fresh stream, or the failure queued for it. */
function fakeServer(failures: Array<Error | null> = []) {
  const opened: number[] = [];
  let push: ((text: string) => void) | null = null;
  let end: (() => void) | null = null;
  const open = async (signal: AbortSignal): Promise<Response> => {
    opened.push(Date.now());
    const failure = failures.shift();
    if (failure) throw failure;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            // the client dropped this stream
          }
        };
        end = () => controller.close();
        signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return {
    open, opened,
    send: (event: DeskEvent) => push?.(formatDeskEvent(event)),
    ping: () => push?.(': ping\n\n'),
    end: () => end?.(),
  };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await wait(5);
  }
}

describe('connectEventStream', () => {
  it('is live from the hello on, hands on events, and reconnects when the stream ends', async () => {
    const server = fakeServer();
    const events: string[] = [];
    const live: boolean[] = [];
    const close = connectEventStream({ onEvent: (e) => events.push(e.type), onLive: (l) => live.push(l) }, FAST, server.open);
    await until(() => server.opened.length === 1);
    server.send({ type: 'hello' });
    server.send({ type: 'inbox-changed' });
    await until(() => events.length === 2);
    expect(live).toEqual([true]);
    server.end();
    await until(() => server.opened.length === 2);
    expect(live).toEqual([true, false]);
    server.send({ type: 'hello' });
    await until(() => live.length === 3);
    expect(events).toEqual(['hello', 'inbox-changed', 'hello']);
    close();
  });

  it('backs off while the server is out of reach, doubling up to the maximum', async () => {
    const network = () => new ApiError('network', '无法连接服务器', 0);
    const server = fakeServer([network(), network(), network(), network(), network()]);
    const close = connectEventStream({ onEvent: () => undefined, onLive: () => undefined }, FAST, server.open);
    await until(() => server.opened.length === 6);
    close();
    const gaps = server.opened.slice(1).map((at, i) => at - server.opened[i]);
    // 20, 40, 80, 80, 80 ms (timers may fire late on a busy machine, never early)
    expect(gaps.map((gap, i) => gap >= [20, 40, 80, 80, 80][i] - 2)).toEqual([true, true, true, true, true]);
  });

  it('stops for good when the session is refused', async () => {
    const server = fakeServer([new ApiError('unauthorized', '登录已失效', 401)]);
    const live: boolean[] = [];
    const close = connectEventStream({ onEvent: () => undefined, onLive: (l) => live.push(l) }, FAST, server.open);
    await wait(200);
    expect(server.opened).toHaveLength(1);
    expect(live).toEqual([]);
    close();
  });

  it('drops a stream that went silent and connects again; heartbeats keep it', async () => {
    const server = fakeServer();
    const live: boolean[] = [];
    const close = connectEventStream({ onEvent: () => undefined, onLive: (l) => live.push(l) }, FAST, server.open);
    await until(() => server.opened.length === 1);
    server.send({ type: 'hello' });
    for (let i = 0; i < 4; i++) {
      await wait(150);
      server.ping();
    }
    expect(server.opened).toHaveLength(1);
    await until(() => server.opened.length === 2);
    expect(live).toEqual([true, false]);
    close();
  });

  it('tells nothing and tries no more once closed', async () => {
    const server = fakeServer();
    const events: string[] = [];
    const live: boolean[] = [];
    const close = connectEventStream({ onEvent: (e) => events.push(e.type), onLive: (l) => live.push(l) }, FAST, server.open);
    await until(() => server.opened.length === 1);
    server.send({ type: 'hello' });
    await until(() => events.length === 1);
    close();
    server.send({ type: 'inbox-changed' });
    await wait(150);
    expect(events).toEqual(['hello']);
    expect(live).toEqual([true]);
    expect(server.opened).toHaveLength(1);
  });
});
